import { describe, expect, it } from 'vitest';
import type { BrandingFieldsFragment } from '../graphql/operations.generated';
import { brandingProblems, changedInput, draftFrom, withSource } from './branding-form';
import { chosenFields, coverRows, moveRow } from './cover-fields';

const trust: BrandingFieldsFragment = {
  schoolId: null,
  primaryColour: '#1D5B2C',
  accentColour: '#1d5b2c',
  font: 'ROBOTO',
  strapline: null,
  logo: null,
  coverFields: ['STATUTORY', 'AUTHOR'],
  contactEmail: null,
  keepArchive: true,
  overrides: [],
};

describe('the branding form', () => {
  it('sends nothing for a colour saved in capitals and typed the same in small letters', () => {
    const draft = { ...draftFrom(trust, false), primaryColour: '#1d5b2c' };
    expect(changedInput(trust, draft, false)).toEqual({});
  });

  it('clears the trust’s strapline and contact email when they are emptied', () => {
    const saved = { ...trust, strapline: 'Growing together', contactEmail: 'office@oak.example' };
    const draft = { ...draftFrom(saved, false), strapline: '  ', contactEmail: '' };
    expect(changedInput(saved, draft, false)).toEqual({ strapline: null, contactEmail: null });
    expect(brandingProblems(draft, false)).toEqual({});
  });

  it('gives an academy’s setting back to the trust with the trust’s value showing', () => {
    const academy = { ...trust, schoolId: 's-1', primaryColour: '#5b1d4a', overrides: ['PRIMARY_COLOUR' as const] };
    const draft = withSource(draftFrom(academy, true), 'PRIMARY_COLOUR', false, trust);
    expect(draft.primaryColour).toBe('#1D5B2C');
    expect(changedInput(academy, draft, true)).toEqual({ primaryColour: null });
  });

  it('asks an academy for its own strapline, email and logo rather than sending an empty one', () => {
    const academy = { ...trust, schoolId: 's-1' };
    let draft = draftFrom(academy, true);
    for (const setting of ['STRAPLINE', 'CONTACT_EMAIL', 'LOGO'] as const) draft = withSource(draft, setting, true, trust);
    expect(Object.keys(brandingProblems(draft, true)).sort()).toEqual(['CONTACT_EMAIL', 'LOGO', 'STRAPLINE']);
  });

  it('keeps the rows not chosen after the chosen ones, and moves a row only within the list', () => {
    const rows = coverRows(['AUTHOR', 'STATUTORY']);
    expect(rows.slice(0, 3)).toEqual([
      { field: 'AUTHOR', included: true },
      { field: 'STATUTORY', included: true },
      { field: 'ADOPTED_ON', included: false },
    ]);
    expect(rows).toHaveLength(9);
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(chosenFields(moveRow(rows, 1, -1))).toEqual(['STATUTORY', 'AUTHOR']);
    expect(chosenFields(moveRow(rows, 8, 1))).toEqual(['AUTHOR', 'STATUTORY']);
  });
});

import { describe, expect, it } from 'vitest';
import { changedValues, inputType, isTrustOnly, sourceText, valueProblems, type Variable } from './variable-form';

function aVariable(key: string, overrides: Partial<Variable> = {}): Variable {
  return { key, label: key, description: '', scope: 'school', required: false, kind: 'text', value: null, effectiveValue: null, source: null, ...overrides };
}

describe('variable form rules', () => {
  it('gives email and phone variables the matching input type', () => {
    expect(inputType('email')).toBe('email');
    expect(inputType('phone')).toBe('tel');
    expect(inputType('text')).toBe('text');
    expect(inputType('something new')).toBe('text');
  });

  it('says where the effective value comes from, seen from the level edited', () => {
    expect(sourceText('school', 'school')).toBe('set here');
    expect(sourceText('trust', 'trust')).toBe('set here');
    expect(sourceText('trust', 'school')).toBe('from the trust');
    expect(sourceText('default', 'school')).toBe('default');
    expect(sourceText(null, 'trust')).toBe('not set');
  });

  it('treats trust-wide variables as not the school’s to set', () => {
    expect(isTrustOnly(aVariable('trust.name', { scope: 'trust' }), 'school')).toBe(true);
    expect(isTrustOnly(aVariable('trust.name', { scope: 'trust' }), 'trust')).toBe(false);
    expect(isTrustOnly(aVariable('school.headName'), 'school')).toBe(false);
  });

  it('sends only what changed, trimmed, and an emptied value as a clear', () => {
    const variables = [aVariable('school.headTitle', { value: 'Headteacher' }), aVariable('school.headName', { value: 'Hannah Moss' }), aVariable('school.dslName')];
    expect(
      changedValues(variables, {
        'school.headTitle': 'Headteacher ',
        'school.headName': '',
        'school.dslName': ' Sam Patel ',
      }),
    ).toEqual([
      { key: 'school.headName', value: '' },
      { key: 'school.dslName', value: 'Sam Patel' },
    ]);
    expect(changedValues(variables, {})).toEqual([]);
  });

  it('checks changed values as the API does', () => {
    const variables = [aVariable('school.email', { label: 'School email', kind: 'email' }), aVariable('school.phone', { label: 'School phone', kind: 'phone' })];
    expect(
      valueProblems(variables, [
        { key: 'school.email', value: 'not an email' },
        { key: 'school.phone', value: '01234 567890' },
      ]),
    ).toEqual({ 'school.email': 'School email must be an email address, like office@school.org.uk.' });
    expect(valueProblems(variables, [{ key: 'school.email', value: '' }])).toEqual({});
  });
});

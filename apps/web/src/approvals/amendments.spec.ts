import { describe, expect, it } from 'vitest';
import { aPolicyDocument } from '../test/policy-fixtures';
import { clauseFromText } from '../variants/override-editing';
import { amendDocument, effectiveAmendments } from './amendments';

describe('amending clauses of a submitted version', () => {
  const doc = aPolicyDocument([
    ['c1', 'Staff keep a professional distance.'],
    ['c2', 'Report concerns to the DSL.'],
  ]);

  it('replaces only the amended clause, keeping its id and every other clause as it was', () => {
    const amended = amendDocument(doc, { c2: clauseFromText('c2', 'Report concerns to the DSL at once.')! });
    const [section] = amended.content;
    expect(section?.content[0]).toBe(doc.content[0]?.content[0]);
    expect(section?.content[1]).toBe(doc.content[0]?.content[1]);
    expect(section?.content[2]).toEqual({ type: 'clause', attrs: { clauseId: 'c2' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Report concerns to the DSL at once.' }] }] });
    expect(doc.content[0]?.content[2]).toEqual(aPolicyDocument([['c2', 'Report concerns to the DSL.']]).content[0]?.content[1]);
  });

  it('drops amendments that leave a clause as submitted, or name a clause the version does not have', () => {
    const unchanged = clauseFromText('c1', 'Staff keep a professional distance.')!;
    const changed = clauseFromText('c2', 'Tell the DSL.')!;
    expect(effectiveAmendments(doc, { c1: unchanged, c2: changed, c9: changed })).toEqual({ c2: changed });
  });
});

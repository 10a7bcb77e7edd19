import { describe, expect, it } from 'vitest';
import { divergenceSummary, reconfirmationReason } from './divergence';

const none = { changed: [], omitted: [], added: [], keptAsIs: 13, trustClauses: 13 };

describe('divergenceSummary', () => {
  it('says a copy with no changes is the trust’s text', () => {
    expect(divergenceSummary(none)).toBe('Same as the trust’s text');
  });

  it('counts changed, omitted and added clauses', () => {
    expect(divergenceSummary({ ...none, changed: ['a', 'b'], omitted: ['c'], added: ['d'] })).toBe('2 clauses changed, 1 omitted, 1 added');
    expect(divergenceSummary({ ...none, omitted: ['c'] })).toBe('1 clause omitted');
    expect(divergenceSummary({ ...none, changed: ['a'], added: ['d', 'e'] })).toBe('1 clause changed, 2 added');
  });
});

describe('reconfirmationReason', () => {
  it('says each reason the API gives in words, and an unknown one as a reason to look', () => {
    expect(reconfirmationReason('trust-changed-clause')).toContain('The trust has changed this clause');
    expect(reconfirmationReason('trust-removed-clause')).toBe('The trust has removed the clause this change was made to.');
    expect(reconfirmationReason('something-new')).toBe('The trust’s text has changed here since the school’s copy was saved.');
  });
});

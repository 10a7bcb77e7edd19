import { describe, expect, it } from 'vitest';
import { checkTerms, type TermRow } from './term-rules';

const row = (key: number, from: string, to: string): TermRow => ({ key, from, to });

describe('checkTerms', () => {
  it('sends trimmed terms in order and drops wholly blank rows', () => {
    const check = checkTerms([row(1, ' Governing Body ', ' Trust '), row(2, '', '  '), row(3, 'governors', 'trustees')]);
    expect(check.ok).toBe(true);
    expect(check.terms).toEqual([
      { from: 'Governing Body', to: 'Trust' },
      { from: 'governors', to: 'trustees' },
    ]);
  });

  it('asks for the words to replace when only "we say" is filled in', () => {
    const check = checkTerms([row(1, '  ', 'Trust')]);
    expect(check.ok).toBe(false);
    expect(check.rows[1]).toEqual({ from: 'Enter the words the model policy uses.' });
  });

  it('faults the second row of a term listed twice, not the first', () => {
    const check = checkTerms([row(1, 'Governing Body', 'Trust'), row(2, 'Governing Body ', 'Board')]);
    expect(check.rows[1]).toBeUndefined();
    expect(check.rows[2]?.from).toBe('“Governing Body” is already in the list. Keep one row for it.');
  });

  it('keeps each side to 100 characters and the list to 100 terms', () => {
    const long = 'x'.repeat(101);
    expect(checkTerms([row(1, long, long)]).rows[1]).toEqual({
      from: 'Keep this to 100 characters or fewer.',
      to: 'Keep this to 100 characters or fewer.',
    });
    const many = Array.from({ length: 101 }, (_, index) => row(index, `term ${index}`, 'x'));
    expect(checkTerms(many).list).toBe('Keep the list to 100 terms or fewer: it has 101.');
    expect(checkTerms(many.slice(0, 100)).ok).toBe(true);
  });

  it('allows an empty list (no terminology)', () => {
    expect(checkTerms([])).toEqual({ terms: [], rows: {}, list: null, ok: true });
  });
});

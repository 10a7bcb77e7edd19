import type { ImportedPolicy } from './types';
import { wordsKept, wordsOf } from './word-coverage';

const policy = (text: string): ImportedPolicy => ({
  title: 'Policy',
  metadata: { 'Review Cycle': '2 years' },
  history: [{ version: 'v1', date: 'May 2024', page: '', change: 'New', origin: 'LA' }],
  sections: [{ heading: 'Scope', clauses: [{ text, blocks: [{ type: 'paragraph', text }] }] }],
  warnings: [],
});

describe('wordsKept', () => {
  it('counts words found anywhere in the import: title, metadata, history, headings and clauses', () => {
    const coverage = wordsKept('Policy\nReview Cycle: 2 years\nv1 May 2024 New LA\n## Scope\nStaff follow it.', policy('Staff follow it.'));
    expect(coverage).toEqual({ sourceWords: 12, keptWords: 12, ratio: 1, missing: [] });
  });

  it('counts repeats, so a dropped paragraph shows even when its words occur elsewhere', () => {
    const coverage = wordsKept('Scope\nStaff follow it.\nStaff follow it.', policy('Staff follow it.'));
    expect(coverage.keptWords).toBe(4);
    expect(coverage.ratio).toBeCloseTo(4 / 7);
    expect(coverage.missing).toEqual(['staff', 'follow', 'it']);
  });

  it('does not count markup, numbering or link targets as words', () => {
    expect(wordsOf('<b>Date:</b> 13 <sup>th</sup> — 1.1. See [the guide](https://example.org/guide).')).toEqual(['date', 'th', 'see', 'the', 'guide']);
  });
});

import type { PolicyDocument } from '@ratify/document';
import { describe, expect, it } from 'vitest';
import { idChanges, sameDocument } from './document-ids';

const doc = (ids: [string, string[]][]): PolicyDocument => ({
  type: 'doc',
  content: ids.map(([sectionId, clauseIds]) => ({
    type: 'section',
    attrs: { sectionId },
    content: [
      { type: 'sectionHeading', content: [{ type: 'text', text: 'Heading' }] },
      ...clauseIds.map((clauseId) => ({ type: 'clause' as const, attrs: { clauseId }, content: [{ type: 'paragraph' as const }] })),
    ],
  })),
});

describe('idChanges', () => {
  it('finds nothing when the server kept every id', () => {
    expect(idChanges(doc([['s1', ['c1', 'c2']]]), doc([['s1', ['c1', 'c2']]]))).toEqual({ kind: 'none' });
  });

  it('lists the ids after the server re-minted a duplicate', () => {
    expect(idChanges(doc([['s1', ['c1', 'c1']]]), doc([['s1', ['c1', 'c9']]]))).toEqual({
      kind: 'ids',
      ids: [
        { kind: 'section', id: 's1' },
        { kind: 'clause', id: 'c1' },
        { kind: 'clause', id: 'c9' },
      ],
    });
  });

  it('says so when the outline itself differs', () => {
    expect(idChanges(doc([['s1', ['c1', 'c2']]]), doc([['s1', ['c1']]]))).toEqual({ kind: 'structure' });
  });
});

describe('sameDocument', () => {
  it('ignores key order and null attributes', () => {
    expect(
      sameDocument(
        { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: '/x', target: null, title: null } }] },
        { marks: [{ attrs: { href: '/x' }, type: 'link' }], text: 'a', type: 'text' },
      ),
    ).toBe(true);
  });

  it('notices a change of text', () => {
    expect(sameDocument(doc([['s1', ['c1']]]), doc([['s1', ['c2']]]))).toBe(false);
  });
});

import { canonicalJson, copyJson } from './canonical';

describe('canonicalJson', () => {
  it('ignores key order and null, empty and missing values, which editors spell differently', () => {
    const fromEditor = { type: 'paragraph', content: [{ type: 'text', text: 'See', marks: [{ type: 'link', attrs: { href: 'https://www.gov.uk/', target: null, class: null } }] }] };
    const fromImport = { content: [{ marks: [{ attrs: { href: 'https://www.gov.uk/' }, type: 'link' }], text: 'See', type: 'text' }], type: 'paragraph' };
    expect(canonicalJson(fromEditor)).toBe(canonicalJson(fromImport));
    expect(canonicalJson({ type: 'paragraph', content: [] })).toBe(canonicalJson({ type: 'paragraph' }));
  });

  it('tells apart content that differs in text, marks or order', () => {
    const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
    expect(canonicalJson([text('a'), text('b')])).not.toBe(canonicalJson([text('b'), text('a')]));
    expect(canonicalJson([text('a')])).not.toBe(canonicalJson([text('a', [{ type: 'bold' }])]));
    expect(canonicalJson([text('a')])).not.toBe(canonicalJson([text('A')]));
  });
});

describe('copyJson', () => {
  it('copies deeply, sharing nothing, and keeps a "__proto__" key as a key', () => {
    const original = JSON.parse('{"a": [{"b": "c"}], "__proto__": {"polluted": true}}');
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    expect(copy.a).not.toBe(original.a);
    expect(copy.a[0]).not.toBe(original.a[0]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['a', '__proto__']);
  });
});

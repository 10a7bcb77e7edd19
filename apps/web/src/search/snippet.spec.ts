import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('splits a snippet into plain and marked runs', () => {
    expect(snippetParts('…staff must not use <mark>social</mark> <mark>media</mark> with pupils…')).toEqual([
      { text: '…staff must not use ', marked: false },
      { text: 'social', marked: true },
      { text: ' ', marked: false },
      { text: 'media', marked: true },
      { text: ' with pupils…', marked: false },
    ]);
  });

  it('decodes entities into text, so they show as the characters they stand for', () => {
    expect(snippetParts('Finance, Audit &amp; <mark>Risk</mark> &lt;b&gt; &#39;staff&#x27; &quot;x&quot;')).toEqual([
      { text: 'Finance, Audit & ', marked: false },
      { text: 'Risk', marked: true },
      { text: ` <b> 'staff' "x"`, marked: false },
    ]);
  });

  it('keeps any other tag as visible text rather than markup', () => {
    expect(snippetParts('<img src=x onerror=alert(1)><mark>x</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'x', marked: true },
    ]);
  });

  it('copes with an unclosed mark and an empty snippet', () => {
    expect(snippetParts('a <mark>b')).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
    ]);
    expect(snippetParts('')).toEqual([]);
  });
});

import { markSnippet } from './search.service';

describe('markSnippet', () => {
  it('escapes the text and marks only the matches', () => {
    expect(markSnippet('a \u0001match\u0002 & <script>x</script>')).toBe('a <mark>match</mark> &amp; &lt;script&gt;x&lt;/script&gt;');
  });
});

/**
 * Inline clean-up shared by every stage: stray HTML from PDF-to-text tools, Markdown emphasis,
 * links and escapes. Every pattern is bounded or anchored so a 5 MB line stays linear.
 */

// Tags that carry formatting only. Anything else that looks like a tag is left as text: a
// policy may legitimately say "<18".
const INLINE_TAG = /<\/?(?:b|strong|i|em|u|span|sup|sub|font|br|p|a|mark|small|s|strike|del|ins|code)\b[^<>]{0,200}>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };
const ENTITY = /&(?:amp|lt|gt|quot|#39|apos|nbsp);/g;
// [text](url) and ![alt](src): keep the words, and the address when it is not an in-page anchor.
const LINK = /(!?)\[([^[\]\n]{1,300})\]\(([^()\s]{1,500})\)/g;
// *emphasis* only when it wraps words and sits at word boundaries, so "2 * 3 * 4" survives.
const EMPHASIS = /(^|[\s("'‘“])\*([^*\s](?:[^*\n]{0,300}[^*\s])?)\*(?=$|[\s).,;:!?'"’”])/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>|])/g;

/** Characters any of the clean-ups below needs; most lines have none and skip them all. */
const NEEDS_CLEANING = /[<&[*\\\u00a0]| {2}/;

export function cleanInline(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return (
    text
      // "13 <sup>th</sup>": PDF exports set the ordinal apart; it belongs to its number.
      .replace(/ ?<sup>/gi, '<sup>')
      .replace(INLINE_TAG, '')
      .replace(ENTITY, (entity) => ENTITIES[entity])
      .replace(LINK, (_, image: string, label: string, href: string) => (image || href.startsWith('#') ? label : `${label} (${href})`))
      .replace(/\*\*/g, '')
      .replace(EMPHASIS, '$1$2')
      .replace(ESCAPE, '$1')
      .replace(/[ \u00a0]{2,}/g, ' ')
      .trim()
  );
}

/** Lower-case letters and digits only: the key two spellings of one line share. */
export function letterKey(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Words separated by whitespace. Every caller compares with a small number, so counting stops
 * once it passes `atMost`: a 5 MB line costs no more than a short one.
 */
export function wordCount(text: string, atMost = Number.MAX_SAFE_INTEGER): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length && count <= atMost; index++) {
    const space = /\s/.test(text[index]);
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** A short quotation of a line for a warning, so a person can find it in their file. */
export function quote(text: string, max = 48): string {
  const clean = cleanInline(text).replace(/\t+/g, ' ');
  return `"${clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean}"`;
}

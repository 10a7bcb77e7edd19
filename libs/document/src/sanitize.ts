/**
 * Defence in depth for rendered policy HTML: even though renderHtml escapes every text and
 * checks every link, its output passes an allowlist sanitiser before anyone sees it.
 */
import sanitize from 'sanitize-html';

const OPTIONS: sanitize.IOptions = {
  allowedTags: ['section', 'h2', 'h3', 'div', 'p', 'ul', 'li', 'strong', 'em', 'a', 'span', 'br'],
  allowedAttributes: { section: ['id'], div: ['id', 'class'], span: ['class'], a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

export function sanitizePolicyHtml(html: string): string {
  return sanitize(html, OPTIONS);
}

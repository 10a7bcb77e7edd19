/**
 * Link hrefs a policy may carry: http, https, mailto, tel, and relative paths.
 * Anything holding control characters or whitespace is refused outright (so "\tjavascript:"
 * and "java\u0000script:" never reach a browser), as is protocol-relative "//host" and
 * anything whose first path segment hides a colon or an entity ("java&#x09;script:").
 */
const ALLOWED_PROTOCOLS = new Set(['http', 'https', 'mailto', 'tel']);

export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(href)) return false;
  if (href.startsWith('//')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  if (scheme) return ALLOWED_PROTOCOLS.has((scheme[1] ?? '').toLowerCase());
  const firstSegment = href.split(/[/?#]/, 1)[0] ?? '';
  return !firstSegment.includes(':') && !firstSegment.includes('&');
}

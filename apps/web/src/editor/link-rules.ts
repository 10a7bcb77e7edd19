/**
 * What the link form accepts: the server's rule (`isAllowedHref` from @ratify/document: http,
 * https, mailto, tel and relative links) plus one kindness. "www.gov.uk" passes the server's
 * rule as a relative link, but nobody typing it means a page of Ratify, so it is refused with
 * the fix spelled out.
 */
import { isAllowedHref } from '@ratify/document';

export type LinkCheck = { ok: true; href: string } | { ok: false; message: string };

const LOOKS_LIKE_A_DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#:]|$)/i;
const LOOKS_LIKE_AN_EMAIL = /^[^\s@/]+@[^\s@/]+\.[a-z]{2,}$/i;

export function checkLinkAddress(input: string): LinkCheck {
  const href = input.trim();
  if (href.length === 0) return { ok: false, message: 'Enter a link address, or choose Remove link.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(href);
  if (!hasScheme && LOOKS_LIKE_AN_EMAIL.test(href)) {
    return { ok: false, message: `To link to an email address, start it with mailto:, for example mailto:${href}` };
  }
  if (!hasScheme && LOOKS_LIKE_A_DOMAIN.test(href)) {
    return { ok: false, message: `Web addresses start with https://, for example https://${href}` };
  }
  if (!isAllowedHref(href)) {
    return {
      ok: false,
      message: 'Links must start with https://, http://, mailto: or tel:, or be an address on this site such as /policies.',
    };
  }
  return { ok: true, href };
}

import { describe, expect, it } from 'vitest';
import { checkLinkAddress } from './link-rules';

describe('checkLinkAddress', () => {
  it.each(['https://www.gov.uk/guidance', 'http://example.org', 'mailto:office@willow.example', 'tel:+441234567890', '/policies/safeguarding', '#scope'])(
    'accepts %s',
    (href) => expect(checkLinkAddress(href)).toEqual({ ok: true, href }),
  );

  it('trims spaces around the address', () => {
    expect(checkLinkAddress('  https://www.gov.uk  ')).toEqual({ ok: true, href: 'https://www.gov.uk' });
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example', 'ftp://files.example'])(
    'refuses %s with the rule spelled out',
    (href) => {
      const result = checkLinkAddress(href);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/start with https:\/\/, http:\/\/, mailto: or tel:/);
    },
  );

  it('asks for an address when there is none', () => {
    expect(checkLinkAddress('   ')).toEqual({ ok: false, message: 'Enter a link address, or choose Remove link.' });
  });

  it('suggests https:// for a bare domain, which would otherwise become a link within Ratify', () => {
    expect(checkLinkAddress('www.gov.uk/guidance')).toEqual({ ok: false, message: 'Web addresses start with https://, for example https://www.gov.uk/guidance' });
  });

  it('suggests mailto: for a bare email address', () => {
    expect(checkLinkAddress('office@willow.example')).toEqual({
      ok: false,
      message: 'To link to an email address, start it with mailto:, for example mailto:office@willow.example',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it.each(['/policies/abc', '/policies?sort=title', '/'])('follows the app path %j', (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    '//evil.example/policies',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    'policies',
    '/\t/evil.example',
    '/sign-in?redirect=/policies',
    undefined,
    ['/policies', '/x'],
  ])('ignores %j', (value) => {
    expect(safeRedirect(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});

/**
 * The `redirect` query parameter after signing in. Only a path inside this app is
 * followed; anything that could leave the site ("//evil.example", "https://…",
 * "/\\evil.example") falls back to `fallback` (the person's home, `homeFor`).
 */
export const DEFAULT_AFTER_SIGN_IN = '/policies';

export function safeRedirect(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== 'string') return fallback;
  const isAppPath = value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
  // Control characters (tabs, newlines) are stripped by URL parsers and can turn "/\t/x" into "//x".
  // eslint-disable-next-line no-control-regex
  const hasControlCharacters = /[\u0000-\u001f\u007f]/.test(value);
  if (!isAppPath || hasControlCharacters || value.startsWith('/sign-in')) return fallback;
  return value;
}

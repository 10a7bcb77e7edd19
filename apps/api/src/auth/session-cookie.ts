import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'ratify_session';
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_LIFETIME_MS };
}

import type { CookieOptions } from 'express';
import { hashSecretToken, newSecretToken } from '../common/secret-token';

export const SESSION_COOKIE = 'ratify_session';
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export const newSessionToken = newSecretToken;
export const hashSessionToken = hashSecretToken;

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_LIFETIME_MS };
}

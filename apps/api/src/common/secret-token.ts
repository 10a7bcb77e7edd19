/**
 * Secrets carried in a cookie or a link (sessions, calendar feeds, invitations): 32 random
 * bytes as base64url. Only their SHA-256 is stored, so a copy of the database opens nothing.
 */
import { createHash, randomBytes } from 'node:crypto';

/** What a token from newSecretToken looks like; anything else is refused before a lookup. */
export const SECRET_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

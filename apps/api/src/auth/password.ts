/** Password hashing with argon2id (OWASP's first choice), via the maintained `argon2` package. */
import * as argon2 from 'argon2';

/** What a new password must be: long rather than complicated (NCSC, NIST SP 800-63B); the upper bound keeps hashing cheap. */
export const PASSWORD_RULES = { minLength: 12, maxLength: 256 } as const;

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** A hash of nothing in particular, so that an unknown email costs as much time as a wrong password. */
const decoy = hashPassword('ratify-decoy-password');

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await decoy), password);
  } catch {
    return false;
  }
}

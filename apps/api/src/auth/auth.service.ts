/**
 * Signing in and out, and turning a session cookie back into a caller on every request.
 * Memberships are re-read on each request, so a removed membership takes effect at once.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppError, ErrorCode } from '../common/errors';
import type { ActiveMembership, Caller } from '../common/request-context';
import { Database } from '../database/database.service';
import { MembershipEntity } from '../organisation/membership.entity';
import { verifyPassword } from './password';
import { PersonEntity } from './person.entity';
import { hashSessionToken, newSessionToken, SESSION_LIFETIME_MS } from './session-cookie';
import { SessionEntity } from './session.entity';

export const WRONG_CREDENTIALS = 'Email or password is incorrect.';

/** Failed sign-ins allowed in the window, per email and per client address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 10, perAddress: 100 } as const;

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) readonly config: AppConfig,
  ) {}

  /**
   * Checks the credentials and opens a session; the same error whether the email exists or not.
   * Too many recent failures for the email or the address refuse even a right password.
   */
  async signIn(email: string, password: string, address: string | undefined): Promise<{ token: string; personId: string }> {
    const normalised = email.trim().toLowerCase();
    await this.refuseIfThrottled(normalised, address);
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .addSelect('person.passwordHash')
      .where('person.email = :email', { email: normalised })
      .getOne();
    const valid = await verifyPassword(person?.passwordHash, password);
    if (!person || !valid) {
      await this.dataSource.query(`INSERT INTO sign_in_failure (email, address) VALUES ($1, $2)`, [normalised, address ?? null]);
      await this.dataSource.query(`DELETE FROM sign_in_failure WHERE failed_at < now() - interval '1 day'`);
      throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    await this.dataSource.query(`DELETE FROM sign_in_failure WHERE email = $1`, [normalised]);

    // Back in the organisation they last worked in (their latest session's), else their first.
    const memberships = await this.membershipsOf(person.id);
    const [last]: { id: string }[] = await this.dataSource.query(
      `SELECT active_membership_id AS id FROM session WHERE person_id = $1 AND active_membership_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      [person.id],
    );
    const active = memberships.find((membership) => membership.id === last?.id) ?? memberships[0];
    const token = await openSession(this.dataSource.manager, person.id, active?.id ?? null);
    return { token, personId: person.id };
  }

  private async refuseIfThrottled(email: string, address: string | undefined): Promise<void> {
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS email, count(*) FILTER (WHERE address = $2)::int AS address
         FROM sign_in_failure WHERE failed_at > now() - make_interval(mins => $3) AND (email = $1 OR address = $2)`,
      [email, address ?? null, SIGN_IN_LIMITS.windowMinutes],
    );
    if (counts.email >= SIGN_IN_LIMITS.perEmail || counts.address >= SIGN_IN_LIMITS.perAddress) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many attempts to sign in. Please wait ${SIGN_IN_LIMITS.windowMinutes} minutes and try again.`);
    }
  }

  /** Makes one of the person's own memberships the one their session works in. */
  async selectMembership(caller: Caller, membershipId: string): Promise<Caller> {
    const membership = (await this.membershipsOf(caller.personId)).find((candidate) => candidate.id === membershipId);
    if (!membership) throw AppError.notFound('Membership');
    await this.dataSource.getRepository(SessionEntity).update({ id: caller.sessionId }, { activeMembershipId: membership.id });
    return { ...caller, membership: toActive(membership) };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: sessionId }, { revokedAt: new Date() });
  }

  /** The caller behind a session token, or undefined when the token is unknown, expired or revoked. */
  async authenticate(token: string | undefined): Promise<Caller | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('session')
      .where('session.tokenHash = :hash', { hash: hashSessionToken(token) })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.expiresAt > now()')
      .getOne();
    if (!session) return undefined;
    const memberships = await this.membershipsOf(session.personId);
    const active = memberships.find((membership) => membership.id === session.activeMembershipId) ?? memberships[0];
    return { personId: session.personId, sessionId: session.id, membership: active ? toActive(active) : null };
  }

  /** A person's memberships in every organisation (visible to them through RLS on person_id). */
  membershipsOf(personId: string): Promise<MembershipEntity[]> {
    return this.database.withContext({ organisationId: null, personId }, (manager) =>
      manager.find(MembershipEntity, { where: { personId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  async person(personId: string): Promise<PersonEntity> {
    return this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: personId });
  }

  personByEmail(email: string): Promise<PersonEntity | null> {
    return this.dataSource.getRepository(PersonEntity).findOneBy({ email: email.trim().toLowerCase() });
  }
}

/** A new session for the person (on the given transaction or connection); the cookie's token. */
export async function openSession(manager: EntityManager, personId: string, activeMembershipId: string | null): Promise<string> {
  const token = newSessionToken();
  await manager.getRepository(SessionEntity).insert({
    tokenHash: hashSessionToken(token),
    personId,
    activeMembershipId,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
  });
  return token;
}

function toActive(membership: MembershipEntity): ActiveMembership {
  return { id: membership.id, organisationId: membership.organisationId, schoolId: membership.schoolId, role: membership.role };
}

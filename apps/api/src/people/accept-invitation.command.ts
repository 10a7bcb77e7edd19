/**
 * Accepting an invitation: the one way into an organisation, and (for someone new to Ratify)
 * the one way an account is made. The token is looked up and consumed by the database's
 * SECURITY DEFINER functions (migration 1763701100000, ADR 22): the runtime role cannot insert
 * a person or read an invitation of a tenant it is not in. Runs in its own transaction, which
 * commits before the session is used, so the new membership is there on the next request.
 */
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { appendAuditEvent } from '../audit/audit.service';
import { AuthService, openSession } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { AppError, ErrorCode } from '../common/errors';
import type { Caller } from '../common/request-context';
import { hashSecretToken, SECRET_TOKEN_FORMAT } from '../common/secret-token';
import { Database, setTenant } from '../database/database.service';

/** The one answer for an unknown, expired, used or cancelled link: which it was is nobody's business. */
export const INVITATION_UNUSABLE = 'This invitation link has expired or was already used. Ask the person who invited you to send a new one.';

export interface InvitationFactsRow {
  organisation_name: string;
  school_name: string | null;
  role: string;
  email: string;
}

export interface Accepted {
  personId: string;
  membershipId: string;
  /** For someone new: the token of the session opened for them. */
  sessionToken: string | null;
}

/** The invitation's facts, or NOT_FOUND with the one message. */
export async function invitationFacts(manager: EntityManager, token: string): Promise<InvitationFactsRow> {
  if (!SECRET_TOKEN_FORMAT.test(token)) throw new AppError(ErrorCode.NOT_FOUND, INVITATION_UNUSABLE);
  const [facts]: InvitationFactsRow[] = await manager.query(`SELECT * FROM invitation_facts($1)`, [hashSecretToken(token)]);
  if (!facts) throw new AppError(ErrorCode.NOT_FOUND, INVITATION_UNUSABLE);
  return facts;
}

/** The functions' own SQLSTATEs, as the errors a person can act on. */
const accountExists = () => new AppError(ErrorCode.CONFLICT, 'You already have a Ratify account with this email. Sign in, then accept the invitation.', { reason: 'ACCOUNT_EXISTS' });

const DATABASE_REFUSALS: Record<string, () => AppError> = {
  RA001: accountExists,
  RA002: () => new AppError(ErrorCode.FORBIDDEN, 'This invitation is for another email address.', { reason: 'WRONG_PERSON' }),
};

@Injectable()
export class AcceptInvitationCommand {
  constructor(
    private readonly database: Database,
    private readonly auth: AuthService,
  ) {}

  /**
   * Signed in: adds the membership to the caller, who must hold the invited email. Signed out:
   * makes the person (name and password required) and opens a session for them.
   */
  async execute(input: { token: string; displayName?: string; password?: string }, caller: Caller | undefined): Promise<Accepted> {
    return this.database.withContext({ organisationId: null }, async (manager) => {
      const facts = await invitationFacts(manager, input.token);
      let passwordHash: string | null = null;
      if (caller) {
        const person = await this.auth.person(caller.personId);
        if (person.email !== facts.email) {
          throw new AppError(ErrorCode.FORBIDDEN, `This invitation is for ${facts.email}, but you are signed in as ${person.email}. Sign out, then open the link again.`, {
            reason: 'WRONG_PERSON',
          });
        }
      } else {
        // The database refuses this too (RA001); asking first keeps a failed statement, and its parameters, out of the logs.
        if (await this.auth.personByEmail(facts.email)) throw accountExists();
        if (!input.displayName || !input.password) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Enter your name and choose a password.');
        passwordHash = await hashPassword(input.password);
      }
      const [accepted] = await this.accept(manager, input.token, caller?.personId ?? null, caller ? null : input.displayName!, passwordHash);
      if (!accepted) throw new AppError(ErrorCode.NOT_FOUND, INVITATION_UNUSABLE);
      await setTenant(manager, { organisationId: accepted.organisation_id, personId: accepted.person_id });
      await appendAuditEvent(manager, accepted.organisation_id, accepted.person_id, {
        action: 'invitation.accepted',
        details: { invitationId: accepted.invitation_id, membershipId: accepted.membership_id, personId: accepted.person_id, newAccount: accepted.created_person },
      });
      const sessionToken = caller ? null : await openSession(manager, accepted.person_id, accepted.membership_id);
      return { personId: accepted.person_id, membershipId: accepted.membership_id, sessionToken };
    });
  }

  private async accept(manager: EntityManager, token: string, personId: string | null, displayName: string | null, passwordHash: string | null) {
    try {
      return (await manager.query(`SELECT * FROM accept_invitation($1, $2, $3, $4)`, [hashSecretToken(token), personId, displayName, passwordHash])) as {
        organisation_id: string;
        membership_id: string;
        person_id: string;
        invitation_id: string;
        created_person: boolean;
      }[];
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      const refusal = code ? DATABASE_REFUSALS[code] : undefined;
      throw refusal ? refusal() : error;
    }
  }
}

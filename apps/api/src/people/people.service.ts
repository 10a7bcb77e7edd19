/**
 * The organisation's people, for its admins: who is a member with which role (and where), the
 * invitations waiting for an answer, and the changes: invite (or invite again), re-send, cancel,
 * change a role or academy, remove. The organisation always keeps at least one admin.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { formatUkDate } from '../common/dates';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext, type Role } from '../common/request-context';
import { hashSecretToken, newSecretToken } from '../common/secret-token';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';
import { NotificationService } from '../notification/notification.service';
import { OrganisationService } from '../organisation/organisation.service';
import { invitationPath } from './invitation-link';

export const INVITATION_LIFETIME_DAYS = 14;

/** Roles someone working at one academy may have; the others are the trust's. */
export const ACADEMY_ROLES: readonly Role[] = ['author', 'publisher', 'viewer'];

const ROLE_WITH_ARTICLE: Record<Role, string> = { admin: 'an admin', author: 'an author', approver: 'an approver', publisher: 'a publisher', viewer: 'a viewer' };

export interface MemberRow {
  membershipId: string;
  personId: string;
  name: string;
  email: string;
  role: Role;
  schoolId: string | null;
  joinedAt: Date;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  schoolId: string | null;
  invitedById: string | null;
  invitedByName: string | null;
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
}

const MEMBER_SQL = `SELECT m.id AS "membershipId", p.id AS "personId", p.display_name AS name, p.email, m.role, m.school_id AS "schoolId", m.created_at AS "joinedAt"
  FROM membership m JOIN person p ON p.id = m.person_id WHERE m.organisation_id = $1`;

const PENDING_SQL = `SELECT i.id, i.email, i.role, i.school_id AS "schoolId", i.invited_by AS "invitedById", p.display_name AS "invitedByName",
       i.sent_at AS "sentAt", i.expires_at AS "expiresAt", i.expires_at <= now() AS expired
  FROM invitation i LEFT JOIN person p ON p.id = i.invited_by
 WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.cancelled_at IS NULL`;

function londonDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(instant);
}

@Injectable()
export class PeopleService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private caller() {
    const caller = RequestContext.require().caller!;
    return { personId: caller.personId, organisationId: caller.membership!.organisationId };
  }

  async members(): Promise<MemberRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${MEMBER_SQL} ORDER BY p.display_name, p.email, m.id`, [this.caller().organisationId]);
  }

  async invitations(): Promise<InvitationRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${PENDING_SQL} ORDER BY i.sent_at DESC, i.id`, [this.caller().organisationId]);
  }

  /** Invites an email, or (while an invitation to it is pending) sends that one again with the new role and a new link. */
  async invite(input: { email: string; role: Role; schoolId?: string | null }): Promise<InvitationRow> {
    const { organisationId } = this.caller();
    const schoolId = await this.place(input.role, input.schoolId);
    const manager = await this.database.manager();
    const [member] = await manager.query(`SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id WHERE m.organisation_id = $1 AND p.email = $2 LIMIT 1`, [
      organisationId,
      input.email,
    ]);
    if (member) throw new AppError(ErrorCode.BAD_USER_INPUT, `${input.email} is already a member. Change their role in the list of people instead.`, { field: 'email', reason: 'ALREADY_MEMBER' });
    const [pending]: { id: string }[] = await manager.query(
      `SELECT id FROM invitation WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL AND cancelled_at IS NULL FOR UPDATE`,
      [organisationId, input.email],
    );
    if (pending) {
      await manager.query(`UPDATE invitation SET role = $3, school_id = $4 WHERE organisation_id = $1 AND id = $2`, [organisationId, pending.id, input.role, schoolId]);
      return this.send(manager, pending.id, 'invitation.resent');
    }
    // Another admin inviting the same email at the same moment meets the one-pending index.
    const [{ id }]: { id: string }[] = await manager
      .query(`INSERT INTO invitation (organisation_id, school_id, email, role, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`, [
        organisationId,
        schoolId,
        input.email,
        input.role,
        hashSecretToken(newSecretToken()),
      ])
      .catch((error: unknown) => {
        if ((error as { driverError?: { code?: string } }).driverError?.code !== '23505') throw error;
        throw new AppError(ErrorCode.CONFLICT, `${input.email} was invited by someone else just now. Reload the page to see the invitation.`);
      });
    return this.send(manager, id, 'invitation.sent');
  }

  /** A new link for a pending invitation (the old one stops working), valid for another 14 days. */
  async resend(id: string): Promise<InvitationRow> {
    const manager = await this.database.manager();
    const invitation = await this.pending(manager, id);
    return this.send(manager, invitation.id, 'invitation.resent');
  }

  async cancel(id: string): Promise<void> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    const invitation = await this.pending(manager, id);
    await manager.query(`UPDATE invitation SET cancelled_at = now() WHERE organisation_id = $1 AND id = $2`, [organisationId, invitation.id]);
    await this.audit.record({ action: 'invitation.cancelled', details: { invitationId: invitation.id } });
  }

  async updateMembership(input: { membershipId: string; role: Role; schoolId?: string | null }): Promise<MemberRow> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    const member = await this.lockedMember(manager, input.membershipId);
    const schoolId = await this.place(input.role, input.schoolId);
    if (member.role === input.role && member.schoolId === schoolId) return member;
    if (member.role === 'admin' && input.role !== 'admin') await this.refuseIfLastAdmin(manager, member, 'change the role of');
    const [clash] = await manager.query(
      `SELECT 1 FROM membership WHERE organisation_id = $1 AND person_id = $2 AND school_id IS NOT DISTINCT FROM $3 AND id <> $4`,
      [organisationId, member.personId, schoolId, member.membershipId],
    );
    if (clash) throw new AppError(ErrorCode.BAD_USER_INPUT, `${member.name} already has a membership there. Change or remove that one instead.`, { field: 'schoolId', reason: 'ALREADY_THERE' });
    await manager.query(`UPDATE membership SET role = $3, school_id = $4 WHERE organisation_id = $1 AND id = $2`, [organisationId, member.membershipId, input.role, schoolId]);
    await this.audit.record({
      action: 'membership.changed',
      details: { membershipId: member.membershipId, personId: member.personId, from: { role: member.role, schoolId: member.schoolId }, to: { role: input.role, schoolId } },
    });
    return { ...member, role: input.role, schoolId };
  }

  /** Removes a membership: from the member's next request on, they have no access through it. */
  async removeMembership(membershipId: string): Promise<void> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    const member = await this.lockedMember(manager, membershipId);
    if (member.role === 'admin') await this.refuseIfLastAdmin(manager, member, 'remove');
    await manager.query(`DELETE FROM membership WHERE organisation_id = $1 AND id = $2`, [organisationId, member.membershipId]);
    await this.audit.record({ action: 'membership.removed', details: { membershipId: member.membershipId, personId: member.personId, role: member.role, schoolId: member.schoolId } });
  }

  /** The academy for a role: null for the whole trust, or one of the trust's academies (for the roles that work at one). */
  private async place(role: Role, schoolId: string | null | undefined): Promise<string | null> {
    if (!schoolId) return null;
    if (!ACADEMY_ROLES.includes(role)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Administrators and approvers work for the whole trust: choose no academy, or make them an author, publisher or viewer.', { field: 'schoolId', reason: 'ACADEMY_ROLE' });
    }
    try {
      return (await this.organisations.schoolOf(this.caller().organisationId, schoolId)).id;
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) throw new AppError(ErrorCode.BAD_USER_INPUT, "Choose one of the trust's academies.", { field: 'schoolId', reason: 'NOT_AN_ACADEMY' });
      throw error;
    }
  }

  private async pending(manager: EntityManager, id: string): Promise<InvitationRow> {
    const [invitation]: InvitationRow[] = await manager.query(`${PENDING_SQL} AND i.id = $2 FOR UPDATE OF i`, [this.caller().organisationId, parseId(id, 'Invitation')]);
    if (!invitation) throw AppError.notFound('Invitation');
    return invitation;
  }

  /** The membership, locked, after every admin membership (so two admins cannot demote each other at once). */
  private async lockedMember(manager: EntityManager, membershipId: string): Promise<MemberRow> {
    const { organisationId } = this.caller();
    const id = parseId(membershipId, 'Membership');
    await manager.query(`SELECT id FROM membership WHERE organisation_id = $1 AND role = 'admin' ORDER BY id FOR UPDATE`, [organisationId]);
    const [member]: MemberRow[] = await manager.query(`${MEMBER_SQL} AND m.id = $2 FOR UPDATE OF m`, [organisationId, id]);
    if (!member) throw AppError.notFound('Membership');
    return member;
  }

  private async refuseIfLastAdmin(manager: EntityManager, member: MemberRow, doing: string): Promise<void> {
    const [{ admins }] = await manager.query(`SELECT count(*)::int AS admins FROM membership WHERE organisation_id = $1 AND role = 'admin'`, [this.caller().organisationId]);
    if (admins <= 1) {
      throw new AppError(ErrorCode.CONFLICT, `${member.name} is the organisation's only administrator, so you cannot ${doing} them. Make someone else an administrator first.`, { reason: 'LAST_ADMIN' });
    }
  }

  /** A new link for the invitation, emailed; the previous link stops working. */
  private async send(manager: EntityManager, id: string, action: 'invitation.sent' | 'invitation.resent'): Promise<InvitationRow> {
    const { organisationId, personId } = this.caller();
    const token = newSecretToken();
    await manager.query(
      `UPDATE invitation SET token_hash = $3, invited_by = $4, sent_at = now(), expires_at = now() + make_interval(days => $5) WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id, hashSecretToken(token), personId, INVITATION_LIFETIME_DAYS],
    );
    const [invitation]: InvitationRow[] = await manager.query(`${PENDING_SQL} AND i.id = $2`, [organisationId, id]);
    const organisation = await this.organisations.load(organisationId);
    const school = invitation!.schoolId ? await this.organisations.load(invitation!.schoolId) : null;
    await this.notifications.emailAddress(invitation!.email, {
      text: `${invitation!.invitedByName} invited you to join ${organisation.name} on Ratify`,
      detail: `You are invited as ${ROLE_WITH_ARTICLE[invitation!.role]}${school ? ` at ${school.name}` : ''}. The link works once, until ${formatUkDate(londonDate(invitation!.expiresAt))}.`,
      link: invitationPath(token),
    });
    await this.audit.record({ action, details: { invitationId: id, role: invitation!.role, schoolId: invitation!.schoolId } });
    return invitation!;
  }
}

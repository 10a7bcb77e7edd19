import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { viewerOf } from '../auth/auth.resolver';
import { Viewer } from '../auth/dto/auth.types';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-cookie';
import { Members, Public } from '../common/access';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';
import { RoleGql } from '../organisation/dto/organisation.types';
import { toOrganisationRef } from '../organisation/membership.resolver';
import { OrganisationService } from '../organisation/organisation.service';
import { AcceptInvitationCommand, invitationFacts } from './accept-invitation.command';
import { AcceptInvitationInput, Invitation, InvitationFacts, InviteMemberInput, Member, People, UpdateMembershipInput } from './dto/people.types';
import { PeopleService, type InvitationRow, type MemberRow } from './people.service';

@Resolver()
export class PeopleResolver {
  constructor(
    private readonly peopleService: PeopleService,
    private readonly organisations: OrganisationService,
    private readonly acceptInvitationCommand: AcceptInvitationCommand,
    private readonly auth: AuthService,
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async school(schoolId: string | null) {
    return schoolId ? toOrganisationRef(await this.organisations.load(schoolId)) : null;
  }

  private async toMember(row: MemberRow): Promise<Member> {
    return {
      membershipId: row.membershipId,
      person: { id: row.personId, displayName: row.name, email: row.email },
      role: row.role as RoleGql,
      school: await this.school(row.schoolId),
      joinedAt: row.joinedAt,
    };
  }

  private async toInvitation(row: InvitationRow): Promise<Invitation> {
    return {
      id: row.id,
      email: row.email,
      role: row.role as RoleGql,
      school: await this.school(row.schoolId),
      invitedBy: row.invitedById ? { id: row.invitedById, name: row.invitedByName ?? '' } : null,
      sentAt: row.sentAt,
      expiresAt: row.expiresAt,
      expired: row.expired,
    };
  }

  @Query(() => People, { description: "The organisation's people (with their emails) and its pending invitations: for its admins." })
  @Members('admin')
  async people(): Promise<People> {
    const [members, invitations] = await Promise.all([this.peopleService.members(), this.peopleService.invitations()]);
    return { members: await Promise.all(members.map((row) => this.toMember(row))), invitations: await Promise.all(invitations.map((row) => this.toInvitation(row))) };
  }

  @Mutation(() => Invitation, {
    description:
      'Emails an invitation with a link that works once, for 14 days. Inviting an email with a pending invitation sends it again (the old link stops working). BAD_USER_INPUT for a member already, an academy that is not the trust’s, or an admin or approver at an academy.',
  })
  @Members('admin')
  async inviteMember(@Args('input') input: InviteMemberInput): Promise<Invitation> {
    return this.toInvitation(await this.peopleService.invite(input));
  }

  @Mutation(() => Invitation, { description: 'Sends a pending invitation again with a new link, valid for 14 days; the old link stops working. NOT_FOUND when it is not pending.' })
  @Members('admin')
  async resendInvitation(@Args('id', { type: () => ID }) id: string): Promise<Invitation> {
    return this.toInvitation(await this.peopleService.resend(id));
  }

  @Mutation(() => Boolean, { description: 'Cancels a pending invitation: its link stops working. NOT_FOUND when it is not pending.' })
  @Members('admin')
  async cancelInvitation(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.peopleService.cancel(id);
    return true;
  }

  @Mutation(() => Member, { description: "Changes a member's role or academy. CONFLICT for the organisation's last admin; BAD_USER_INPUT for an academy that is not the trust's." })
  @Members('admin')
  async updateMembership(@Args('input') input: UpdateMembershipInput): Promise<Member> {
    return this.toMember(await this.peopleService.updateMembership(input));
  }

  @Mutation(() => Boolean, { description: "Removes someone from the organisation, from their next request on. CONFLICT for the organisation's last admin." })
  @Members('admin')
  async removeMembership(@Args('membershipId', { type: () => ID }) membershipId: string): Promise<boolean> {
    await this.peopleService.removeMembership(membershipId);
    return true;
  }

  @Query(() => InvitationFacts, { description: 'What an invitation link offers. NOT_FOUND, with one message, for a link that is unknown, expired, used or cancelled.' })
  @Public()
  async invitation(@Args('token') token: string): Promise<InvitationFacts> {
    const facts = await invitationFacts(await this.database.manager(), token);
    return { organisationName: facts.organisation_name, schoolName: facts.school_name, role: facts.role as RoleGql, email: facts.email };
  }

  @Mutation(() => Viewer, {
    description:
      'Accepts an invitation. Signed in (as the invited email): adds the membership and works in it. Signed out: makes the account with the name and password given and signs in. NOT_FOUND for an unusable link; CONFLICT when the email already has an account (sign in first); FORBIDDEN when signed in as someone else.',
  })
  @Public()
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context('res') response: Response): Promise<Viewer> {
    const state = RequestContext.require();
    const accepted = await this.acceptInvitationCommand.execute(input, state.caller);
    if (accepted.sessionToken) {
      response.cookie(SESSION_COOKIE, accepted.sessionToken, sessionCookieOptions(this.config.secureCookies));
      state.caller = (await this.auth.authenticate(accepted.sessionToken))!;
    } else {
      state.caller = await this.auth.selectMembership(state.caller!, accepted.membershipId);
    }
    return viewerOf(this.auth, state.caller.personId, state.caller.membership?.id ?? null);
  }
}

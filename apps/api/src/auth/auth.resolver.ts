import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Public, SignedIn } from '../common/access';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Membership, RoleGql } from '../organisation/dto/organisation.types';
import type { MembershipEntity } from '../organisation/membership.entity';
import { AuthService } from './auth.service';
import { SignInInput, Viewer } from './dto/auth.types';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

function toMembership(entity: MembershipEntity): Membership {
  return { id: entity.id, role: entity.role as RoleGql, organisationId: entity.organisationId, schoolId: entity.schoolId };
}

/** The person, all their memberships and the one their session works in. */
export async function viewerOf(auth: AuthService, personId: string, activeMembershipId: string | null): Promise<Viewer> {
  const [person, memberships] = await Promise.all([auth.person(personId), auth.membershipsOf(personId)]);
  const all = memberships.map(toMembership);
  return {
    person: { id: person.id, email: person.email, displayName: person.displayName },
    memberships: all,
    activeMembership: all.find((membership) => membership.id === activeMembershipId) ?? null,
  };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private viewer(personId: string, activeMembershipId: string | null): Promise<Viewer> {
    return viewerOf(this.auth, personId, activeMembershipId);
  }

  @Query(() => Viewer, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  @Public()
  async me(): Promise<Viewer | null> {
    const caller = RequestContext.current()?.caller;
    return caller ? this.viewer(caller.personId, caller.membership?.id ?? null) : null;
  }

  @Mutation(() => Viewer, { description: 'Signs in with email and password and sets the session cookie.' })
  @Public()
  async signIn(@Args('input') input: SignInInput, @Context('req') request: Request, @Context('res') response: Response): Promise<Viewer> {
    const { token } = await this.auth.signIn(input.email, input.password, request.ip);
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.config.secureCookies));
    // From here on this request is the signed-in person's.
    const caller = (await this.auth.authenticate(token))!;
    RequestContext.require().caller = caller;
    return this.viewer(caller.personId, caller.membership?.id ?? null);
  }

  @Mutation(() => Viewer, { description: "Switches the organisation the session works in to another of the person's memberships." })
  @SignedIn()
  async selectMembership(@Args('membershipId', { type: () => ID }) membershipId: string): Promise<Viewer> {
    const state = RequestContext.require();
    state.caller = await this.auth.selectMembership(state.caller!, parseId(membershipId, 'Membership'));
    return this.viewer(state.caller.personId, state.caller.membership?.id ?? null);
  }

  @Mutation(() => Boolean, { description: 'Ends the session. Signing out when signed out does nothing.' })
  @Public()
  async signOut(@Context('res') response: Response): Promise<boolean> {
    const caller = RequestContext.current()?.caller;
    if (caller) await this.auth.signOut(caller.sessionId);
    response.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(this.config.secureCookies), maxAge: undefined });
    return true;
  }
}

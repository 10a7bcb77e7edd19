import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../common/access';
import { Membership, OrganisationKindGql, OrganisationRef } from './dto/organisation.types';
import type { OrganisationEntity } from './organisation.entity';
import { OrganisationService } from './organisation.service';

export function toOrganisationRef(organisation: OrganisationEntity): OrganisationRef {
  return { id: organisation.id, slug: organisation.slug, name: organisation.name, kind: organisation.kind as OrganisationKindGql };
}

@Resolver(() => Membership)
@SignedIn()
export class MembershipResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @ResolveField(() => OrganisationRef)
  async organisation(@Parent() membership: Membership): Promise<OrganisationRef> {
    return toOrganisationRef(await this.organisations.load(membership.organisationId));
  }

  @ResolveField(() => OrganisationRef, { nullable: true })
  async school(@Parent() membership: Membership): Promise<OrganisationRef | null> {
    return membership.schoolId ? toOrganisationRef(await this.organisations.load(membership.schoolId)) : null;
  }
}

import { Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { RequestContext } from '../common/request-context';
import { OrganisationRef } from './dto/organisation.types';
import { toOrganisationRef } from './membership.resolver';
import { OrganisationService } from './organisation.service';

@Resolver(() => OrganisationRef)
@Members()
export class OrganisationResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @Query(() => [OrganisationRef], {
    description: "The active organisation's academies, by name; for someone who works at one academy, just that one.",
  })
  async schools(): Promise<OrganisationRef[]> {
    const membership = RequestContext.require().caller!.membership!;
    const schools = await this.organisations.schoolsOf(membership.organisationId);
    return schools.filter((school) => !membership.schoolId || school.id === membership.schoolId).map(toOrganisationRef);
  }
}

import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { renderHtml, type PolicyDocument } from '@ratify/document';
import { Members } from '../common/access';
import { OrganisationService } from '../organisation/organisation.service';
import { Policy, PolicyVersion, VersionStatusGql } from './dto/policy.types';
import type { PolicyVersionEntity } from './policy-version.entity';
import type { PolicyEntity } from './policy.entity';
import { PolicyService } from './policy.service';

function toPolicy(entity: PolicyEntity): Policy {
  return { id: entity.id, title: entity.title, slug: entity.slug, statutory: entity.statutory, reviewCycleMonths: entity.reviewCycleMonths };
}

export function toPolicyVersion(entity: PolicyVersionEntity): PolicyVersion {
  return {
    id: entity.id,
    number: entity.number,
    status: entity.status as VersionStatusGql,
    approvedOn: entity.approvedOn,
    nextReviewOn: entity.nextReviewOn,
    content: entity.content,
    organisationId: entity.organisationId,
  };
}

@Resolver(() => Policy)
@Members()
export class PolicyResolver {
  constructor(private readonly policyService: PolicyService) {}

  @Query(() => [Policy], { description: "The active organisation's policies, by title." })
  async policies(): Promise<Policy[]> {
    return (await this.policyService.list()).map(toPolicy);
  }

  @Query(() => Policy, { description: 'One policy; NOT_FOUND when it does not exist or is not yours.' })
  async policy(@Args('id', { type: () => ID }) id: string): Promise<Policy> {
    return toPolicy(await this.policyService.get(id));
  }

  @ResolveField(() => PolicyVersion, { nullable: true, description: 'The approved version in force, or the newest draft of a policy never approved.' })
  async currentVersion(@Parent() policy: Policy): Promise<PolicyVersion | null> {
    const version = await this.policyService.currentVersion(policy.id);
    return version ? toPolicyVersion(version) : null;
  }
}

@Resolver(() => PolicyVersion)
@Members()
export class PolicyVersionResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @ResolveField(() => String, { description: "The text as HTML, numbered in the organisation's style. Escaped and link-checked." })
  async html(@Parent() version: PolicyVersion): Promise<string> {
    const organisation = await this.organisations.load(version.organisationId);
    return renderHtml(version.content as PolicyDocument, { numbering: organisation.numberingStyle });
  }
}

import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { renderHtml, type PolicyDocument } from '@ratify/document';
import { Members } from '../common/access';
import { DraftService } from './draft.service';
import { SearchService } from './search.service';
import { TemplateVersion } from '../template/dto/template.types';
import { TemplateService } from '../template/template.service';
import { toTemplateVersion } from '../template/template.resolver';
import { OrganisationService } from '../organisation/organisation.service';
import { CreatePolicyInput, NumberingStyleGql, Policy, PolicySearchHit, PolicyVersion, SaveDraftInput, VersionStatusGql } from './dto/policy.types';
import type { PolicyVersionEntity } from './policy-version.entity';
import type { PolicyEntity } from './policy.entity';
import { PolicyService } from './policy.service';

export function toPolicy(entity: PolicyEntity): Policy {
  return {
    id: entity.id,
    title: entity.title,
    slug: entity.slug,
    statutory: entity.statutory,
    reviewCycleMonths: entity.reviewCycleMonths,
    organisationId: entity.organisationId,
  };
}

export function toPolicyVersion(entity: PolicyVersionEntity): PolicyVersion {
  return {
    id: entity.id,
    number: entity.number,
    status: entity.status as VersionStatusGql,
    revision: entity.revision,
    updatedAt: entity.updatedAt,
    approvedOn: entity.approvedOn,
    effectiveOn: entity.effectiveOn,
    nextReviewOn: entity.nextReviewOn,
    changeKind: entity.changeKind,
    contentHash: entity.contentHash,
    approvedByBodyId: entity.approvedByBodyId,
    content: entity.content,
    changeSummary: entity.changeSummary,
    changeOrigin: entity.changeOrigin,
    organisationId: entity.organisationId,
    policyId: entity.policyId,
    upstreamTemplateVersionId: entity.upstreamTemplateVersionId,
  };
}

const EDITORS = ['admin', 'author'] as const;

@Resolver(() => Policy)
@Members()
export class PolicyResolver {
  constructor(
    private readonly policyService: PolicyService,
    private readonly drafts: DraftService,
    private readonly organisations: OrganisationService,
    private readonly templates: TemplateService,
  ) {}

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

  @ResolveField(() => PolicyVersion, { nullable: true, description: 'The open draft, if there is one.' })
  async draft(@Parent() policy: Policy): Promise<PolicyVersion | null> {
    const version = await this.policyService.openDraft(policy.id);
    return version ? toPolicyVersion(version) : null;
  }

  @ResolveField(() => TemplateVersion, {
    nullable: true,
    description: "The template release the current version's text is based on (its lineage): the release it was cloned from, or last merged with.",
  })
  async upstream(@Parent() policy: Policy): Promise<TemplateVersion | null> {
    const version = await this.policyService.currentVersion(policy.id);
    return version?.upstreamTemplateVersionId ? toTemplateVersion(await this.templates.version(version.upstreamTemplateVersionId)) : null;
  }

  @ResolveField(() => NumberingStyleGql, { description: "The organisation's numbering style: how numbers print." })
  async numbering(@Parent() policy: Policy): Promise<NumberingStyleGql> {
    return (await this.organisations.load(policy.organisationId)).numberingStyle as NumberingStyleGql;
  }

  @Mutation(() => Policy, { description: 'Creates a policy with its first draft. BAD_USER_INPUT (details.problems) for an invalid document.' })
  @Members(...EDITORS)
  async createPolicy(@Args('input') input: CreatePolicyInput): Promise<Policy> {
    return toPolicy(await this.drafts.createPolicy(input));
  }

  @Mutation(() => PolicyVersion, { description: "The policy's open draft, or a new draft copied from its current version." })
  @Members(...EDITORS)
  async startDraft(@Args('policyId', { type: () => ID }) policyId: string): Promise<PolicyVersion> {
    return toPolicyVersion(await this.drafts.startDraft(policyId));
  }

  @Mutation(() => PolicyVersion, {
    description: 'Saves a draft. CONFLICT (details.currentRevision) when it changed since expectedRevision; BAD_USER_INPUT (details.problems) for an invalid document.',
  })
  @Members(...EDITORS)
  async saveDraft(@Args('input') input: SaveDraftInput): Promise<PolicyVersion> {
    return toPolicyVersion(await this.drafts.saveDraft(input.versionId, input.expectedRevision, input.content));
  }
}

@Resolver(() => PolicySearchHit)
@Members()
export class PolicySearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly policyService: PolicyService,
  ) {}

  @Query(() => [PolicySearchHit], { description: "Full-text search of the organisation's policies, best match first." })
  async searchPolicies(@Args('query') query: string, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<PolicySearchHit[]> {
    return this.search.search(query, first);
  }

  @ResolveField(() => Policy)
  async policy(@Parent() hit: PolicySearchHit): Promise<Policy> {
    return toPolicy(await this.policyService.load(hit.policyId));
  }

  @ResolveField(() => PolicyVersion)
  async version(@Parent() hit: PolicySearchHit): Promise<PolicyVersion> {
    return toPolicyVersion(await this.policyService.loadVersion(hit.versionId));
  }
}

@Resolver(() => PolicyVersion)
@Members()
export class PolicyVersionResolver {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly templates: TemplateService,
  ) {}

  @ResolveField(() => TemplateVersion, { nullable: true, description: 'The template release this text is based on, if any.' })
  async upstream(@Parent() version: PolicyVersion): Promise<TemplateVersion | null> {
    return version.upstreamTemplateVersionId ? toTemplateVersion(await this.templates.version(version.upstreamTemplateVersionId)) : null;
  }

  @ResolveField(() => String, { description: "The text as HTML, numbered in the organisation's style. Escaped and link-checked." })
  async html(@Parent() version: PolicyVersion): Promise<string> {
    const organisation = await this.organisations.load(version.organisationId);
    return renderHtml(version.content as PolicyDocument, { numbering: organisation.numberingStyle });
  }
}

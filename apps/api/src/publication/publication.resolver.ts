import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { toOrganisationRef } from '../organisation/membership.resolver';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationService } from '../organisation/organisation.service';
import { Policy } from '../policy/dto/policy.types';
import { PolicyService } from '../policy/policy.service';
import { Publication, PublishJob, PublishPolicyInput, type PublishItemStatusGql, type PublishJobStatusGql, type PublishReasonGql } from './dto/publication.types';
import { PublicationService, type PublishJobRow } from './publication.service';

@Resolver(() => PublishJob)
export class PublicationResolver {
  constructor(
    private readonly publications: PublicationService,
    private readonly organisations: OrganisationService,
    private readonly policies: PolicyService,
  ) {}

  private async place(trustId: string, schoolId: string | null): Promise<OrganisationEntity> {
    return this.organisations.load(schoolId ?? trustId);
  }

  async toJob(row: PublishJobRow): Promise<PublishJob> {
    const policy = await this.policies.get(row.policyId);
    const items = await Promise.all(
      row.items.map(async (item) => {
        const place = await this.place(policy.organisationId, item.schoolId);
        return { publishedFor: toOrganisationRef(place), status: item.status as PublishItemStatusGql, error: item.error, path: `/p/${place.slug}/${policy.slug}` };
      }),
    );
    return {
      id: row.id,
      policyId: row.policyId,
      versionNumber: row.versionNumber,
      reason: row.reason as PublishReasonGql,
      status: row.status as PublishJobStatusGql,
      total: items.length,
      done: items.filter((item) => item.status !== 'pending').length,
      failed: items.filter((item) => item.status === 'failed').length,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      items,
    };
  }

  @Mutation(() => PublishJob, {
    description:
      "Publishes the policy's approved version for the trust and every academy, or for the academies named, each copy with its own overrides and details, as a job: poll publishJob for progress. BAD_USER_INPUT (details.missing) naming every empty required detail; nothing is queued then. CONFLICT when there is no approved version.",
  })
  @Members('admin', 'publisher', 'author')
  async publishPolicy(@Args('input') input: PublishPolicyInput): Promise<PublishJob> {
    return this.toJob(await this.publications.publish(input.policyId, input.schoolIds));
  }

  @Mutation(() => [PublishJob], {
    description:
      "Publishes again, with the trust's current branding, every policy that is public anywhere in the trust: one job per policy (reason REBRANDED), each copy from its policy's approved version. The trust's admins only.",
  })
  @Members('admin')
  async republishAll(): Promise<PublishJob[]> {
    return Promise.all((await this.publications.republishEverything()).map((row) => this.toJob(row)));
  }

  @Query(() => PublishJob, { nullable: true, description: 'A publish job of the caller’s organisation, with each copy’s progress.' })
  @Members()
  async publishJob(@Args('id', { type: () => ID }) id: string): Promise<PublishJob | null> {
    const row = await this.publications.job(id);
    return row ? this.toJob(row) : null;
  }
}

@Resolver(() => Policy)
export class PolicyPublicationResolver {
  constructor(
    private readonly publishing: PublicationService,
    private readonly jobs: PublicationResolver,
    private readonly organisations: OrganisationService,
  ) {}

  @ResolveField(() => [Publication], { description: 'Where the policy is public now: the trust’s own copy and each academy’s, with the artefacts’ hashes.' })
  @Members()
  async publications(@Parent() policy: Policy): Promise<Publication[]> {
    const rows = await this.publishing.current(policy.id);
    return Promise.all(
      rows.map(async (row) => {
        const place = await this.organisations.load(row.schoolId ?? policy.organisationId);
        const path = `/p/${place.slug}/${policy.slug}`;
        return { id: row.id, publishedFor: toOrganisationRef(place), versionNumber: row.versionNumber, publishedAt: row.publishedAt, path, pdfPath: `${path}.pdf`, pdfSha256: row.pdfSha256, htmlSha256: row.htmlSha256 };
      }),
    );
  }

  @ResolveField(() => [PublishJob], { description: 'The latest publish jobs of the policy, newest first.' })
  @Members()
  async publishJobs(@Parent() policy: Policy, @Args('first', { type: () => Int, defaultValue: 5 }) first: number): Promise<PublishJob[]> {
    const rows = await this.publishing.jobsOf(policy.id, Math.min(Math.max(first, 1), 50));
    return Promise.all(rows.map((row) => this.jobs.toJob(row)));
  }
}

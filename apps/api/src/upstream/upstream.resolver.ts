import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { Policy, PolicyVersion } from '../policy/dto/policy.types';
import { toPolicyVersion } from '../policy/policy.resolver';
import { TemplateVersion } from '../template/dto/template.types';
import { toTemplateVersion } from '../template/template.resolver';
import { AcceptUpstreamUpdateInput, UpstreamUpdate } from './dto/upstream.types';
import { UpstreamService } from './upstream.service';

@Resolver(() => Policy)
@Members()
export class UpstreamResolver {
  constructor(private readonly upstream: UpstreamService) {}

  @ResolveField(() => TemplateVersion, {
    nullable: true,
    description: "The template's newest release, when it is newer than the release the policy's text is based on (\"update available\").",
  })
  async availableUpdate(@Parent() policy: Policy): Promise<TemplateVersion | null> {
    const release = await this.upstream.availableUpdate(policy.id);
    return release ? toTemplateVersion(release) : null;
  }

  @Query(() => UpstreamUpdate, {
    description:
      "A template release (the newest when not given) compared with the release the policy's text is based on and with that text. CONFLICT when the policy is already on it.",
  })
  async upstreamUpdate(
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('templateVersionId', { type: () => ID, nullable: true }) templateVersionId?: string,
  ): Promise<UpstreamUpdate> {
    const comparison = await this.upstream.compare(policyId, templateVersionId);
    return { ...comparison, from: toTemplateVersion(comparison.from), to: toTemplateVersion(comparison.to), into: toPolicyVersion(comparison.into) };
  }

  @Mutation(() => PolicyVersion, {
    description:
      'Takes a template release into the policy as a draft (origin "model provider update"), with a decision for every conflict. CONFLICT when the policy changed since the comparison; BAD_USER_INPUT (details.conflictId) for a missing or bad decision.',
  })
  @Members('admin', 'author')
  async acceptUpstreamUpdate(@Args('input') input: AcceptUpstreamUpdateInput): Promise<PolicyVersion> {
    return toPolicyVersion(await this.upstream.accept(input));
  }
}

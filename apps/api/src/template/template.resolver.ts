import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { renderHtml, type PolicyDocument } from '@ratify/document';
import { Members } from '../common/access';
import { OrganisationRef } from '../organisation/dto/organisation.types';
import { toOrganisationRef } from '../organisation/membership.resolver';
import { OrganisationService } from '../organisation/organisation.service';
import { Policy } from '../policy/dto/policy.types';
import { toPolicy } from '../policy/policy.resolver';
import { ReleaseTemplateInput, Template, TemplateVersion } from './dto/template.types';
import type { TemplateEntity, TemplateVersionEntity } from './template.entity';
import { TemplateService } from './template.service';

export function toTemplate(entity: TemplateEntity): Template {
  return { id: entity.id, title: entity.title, slug: entity.slug, statutory: entity.statutory, summary: entity.summary, publisherId: entity.publisherId };
}

export function toTemplateVersion(entity: TemplateVersionEntity): TemplateVersion {
  return {
    id: entity.id,
    number: entity.number,
    releasedOn: entity.releasedOn,
    changeSummary: entity.changeSummary,
    templateId: entity.templateId,
    publisherId: entity.publisherId,
    content: entity.content,
  };
}

@Resolver(() => Template)
@Members()
export class TemplateResolver {
  constructor(
    private readonly templateService: TemplateService,
    private readonly organisations: OrganisationService,
  ) {}

  @Query(() => [Template], { description: 'The template library: model policies every organisation may clone.' })
  async templates(): Promise<Template[]> {
    return (await this.templateService.catalogue()).map(toTemplate);
  }

  @Mutation(() => Policy, { description: 'Clones a template release into a new draft policy that keeps its lineage (template, release, clause ids).' })
  @Members('admin', 'author')
  async cloneTemplate(@Args('templateVersionId', { type: () => ID }) templateVersionId: string, @Args('title', { nullable: true }) title?: string): Promise<Policy> {
    return toPolicy(await this.templateService.clone(templateVersionId, title));
  }

  @Mutation(() => TemplateVersion, {
    description:
      "Releases a publisher's policy (its approved version) as the template's next version; policies cloned from the template are offered the update. FORBIDDEN outside a publisher; CONFLICT when nothing changed.",
  })
  @Members('admin', 'publisher')
  async releaseTemplate(@Args('input') input: ReleaseTemplateInput): Promise<TemplateVersion> {
    return toTemplateVersion(await this.templateService.release(input));
  }

  @ResolveField(() => OrganisationRef, { description: 'Who publishes it (a local authority, a model-policy provider).' })
  async provider(@Parent() template: Template): Promise<OrganisationRef> {
    return toOrganisationRef(await this.organisations.load(template.publisherId));
  }

  @ResolveField(() => TemplateVersion, { nullable: true })
  async latestVersion(@Parent() template: Template): Promise<TemplateVersion | null> {
    const version = await this.templateService.latestVersion(template.id);
    return version ? toTemplateVersion(version) : null;
  }
}

@Resolver(() => TemplateVersion)
@Members()
export class TemplateVersionResolver {
  constructor(
    private readonly templates: TemplateService,
    private readonly organisations: OrganisationService,
  ) {}

  @ResolveField(() => Template)
  async template(@Parent() version: TemplateVersion): Promise<Template> {
    return toTemplate(await this.templates.template(version.templateId));
  }

  @ResolveField(() => String, { description: "A preview: the text as HTML, numbered in the publisher's style." })
  async html(@Parent() version: TemplateVersion): Promise<string> {
    const publisher = await this.organisations.load(version.publisherId);
    return renderHtml(version.content as PolicyDocument, { numbering: publisher.numberingStyle });
  }
}

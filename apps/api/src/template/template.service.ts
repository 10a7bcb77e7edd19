/**
 * The template catalogue (readable by every organisation; row-level security lets only the
 * publisher write) and cloning a template into a new draft that remembers where it came from.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../common/clock';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { acceptDocument, insertPolicyWithDraft } from '../policy/draft.service';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import type { PolicyEntity } from '../policy/policy.entity';
import { PolicyService } from '../policy/policy.service';
import { TemplateEntity, TemplateVersionEntity } from './template.entity';

@Injectable()
export class TemplateService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly organisations: OrganisationService,
    private readonly clock: Clock,
  ) {}

  /** Every template with its newest release, by title. */
  async catalogue(): Promise<TemplateEntity[]> {
    const manager = await this.database.manager();
    return manager.find(TemplateEntity, { order: { title: 'ASC', id: 'ASC' }, take: 500 });
  }

  template(id: string): Promise<TemplateEntity> {
    return requestLoader<string, TemplateEntity>('template.byId', async (ids) => {
      const manager = await this.database.manager();
      const rows = await manager.findBy(TemplateEntity, { id: In([...ids]) });
      return byKey(ids, rows, (row) => row.id, () => AppError.notFound('Template'));
    }).load(id);
  }

  version(id: string): Promise<TemplateVersionEntity> {
    return requestLoader<string, TemplateVersionEntity>('templateVersion.byId', async (ids) => {
      const manager = await this.database.manager();
      const rows = await manager.findBy(TemplateVersionEntity, { id: In([...ids]) });
      return byKey(ids, rows, (row) => row.id, () => AppError.notFound('Template version'));
    }).load(id);
  }

  /** The newest release of each template, batched. */
  latestVersion(templateId: string): Promise<TemplateVersionEntity | null> {
    return requestLoader<string, TemplateVersionEntity | null>('template.latestVersion', async (templateIds) => {
      const manager = await this.database.manager();
      const rows = await manager
        .createQueryBuilder(TemplateVersionEntity, 'version')
        .distinctOn(['version.templateId'])
        .where({ templateId: In([...templateIds]) })
        .orderBy('version.templateId')
        .addOrderBy('version.major', 'DESC')
        .addOrderBy('version.minor', 'DESC')
        .getMany();
      return byKey<string, TemplateVersionEntity | null>(templateIds, rows, (row) => row!.templateId, () => null);
    }).load(templateId);
  }

  /**
   * Releases a publisher's policy as a new template version: its current approved text, numbered
   * after the last release (the first release creates the template). Refused when nothing changed.
   */
  async release(input: { policyId: string; major: boolean; changeSummary: string }): Promise<TemplateVersionEntity> {
    const membership = RequestContext.require().caller!.membership!;
    const publisher = await this.organisations.load(membership.organisationId);
    if (publisher.kind !== 'publisher') throw new AppError(ErrorCode.FORBIDDEN, 'Only a model-policy publisher (a local authority, say) releases templates.');
    const policy = await this.policies.get(input.policyId);
    const manager = await this.database.manager();
    // One release at a time per policy.
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [policy.organisationId, policy.id]);
    const version = await manager.findOneBy(PolicyVersionEntity, { organisationId: policy.organisationId, policyId: policy.id, status: 'approved' });
    if (!version) throw new AppError(ErrorCode.CONFLICT, 'Only an approved version can be released: approve the policy first.');
    const template =
      (await manager.findOneBy(TemplateEntity, { sourcePolicyId: policy.id })) ??
      (await manager.save(
        manager.create(TemplateEntity, { publisherId: publisher.id, slug: policy.slug, title: policy.title, statutory: policy.statutory, summary: null, sourcePolicyId: policy.id }),
      ));
    const latest = await manager.findOne(TemplateVersionEntity, { where: { templateId: template.id }, order: { major: 'DESC', minor: 'DESC' } });
    if (latest?.contentHash === version.contentHash) throw new AppError(ErrorCode.CONFLICT, `Release ${latest.number} already has this text; change the policy before releasing again.`);
    const [major, minor] = !latest ? [1, 0] : input.major ? [latest.major + 1, 0] : [latest.major, latest.minor + 1];
    return manager.save(
      manager.create(TemplateVersionEntity, {
        publisherId: publisher.id,
        templateId: template.id,
        major,
        minor,
        content: version.content,
        contentHash: version.contentHash,
        releasedOn: this.clock.today(),
        changeSummary: input.changeSummary,
      }),
    );
  }

  /** A new policy whose first draft is the template's text, with the same clause ids, linked to the release it came from. */
  async clone(templateVersionId: string, title?: string): Promise<PolicyEntity> {
    const caller = RequestContext.require().caller!;
    const organisationId = caller.membership!.organisationId;
    const version = await this.version(parseId(templateVersionId, 'Template version'));
    const template = await this.template(version.templateId);
    if (template.publisherId === organisationId) {
      throw new AppError(ErrorCode.CONFLICT, 'This is your own template: edit the policy it was published from instead.');
    }
    const ownTitle = title?.trim();
    if (ownTitle && ownTitle.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'A title can be at most 200 characters.');
    const manager = await this.database.manager();
    const { policy } = await insertPolicyWithDraft(manager, organisationId, {
      title: ownTitle || template.title,
      content: acceptDocument(version.content),
      statutory: template.statutory,
      reviewCycleMonths: null,
      createdBy: caller.personId,
      ownerId: caller.membership!.id,
      upstreamTemplateVersionId: version.id,
    });
    return policy;
  }
}

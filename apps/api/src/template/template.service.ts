/**
 * The template catalogue (readable by every organisation; row-level security lets only the
 * publisher write) and cloning a template into a new draft that remembers where it came from.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { acceptDocument, insertPolicyWithDraft } from '../policy/draft.service';
import type { PolicyEntity } from '../policy/policy.entity';
import { TemplateEntity, TemplateVersionEntity } from './template.entity';

@Injectable()
export class TemplateService {
  constructor(private readonly database: Database) {}

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

  /** A new policy whose first draft is the template's text, with the same clause ids, linked to the release it came from. */
  async clone(templateVersionId: string, title?: string): Promise<PolicyEntity> {
    const caller = RequestContext.require().caller!;
    const organisationId = caller.membership!.organisationId;
    const version = await this.version(parseId(templateVersionId, 'Template version'));
    const template = await this.template(version.templateId);
    if (template.publisherId === organisationId) {
      throw new AppError(ErrorCode.CONFLICT, 'This is your own template: edit the policy it was published from instead.');
    }
    const manager = await this.database.manager();
    const { policy } = await insertPolicyWithDraft(manager, organisationId, {
      title: title?.trim() || template.title,
      content: acceptDocument(version.content),
      statutory: template.statutory,
      reviewCycleMonths: null,
      createdBy: caller.personId,
      upstreamTemplateVersionId: version.id,
    });
    return policy;
  }
}

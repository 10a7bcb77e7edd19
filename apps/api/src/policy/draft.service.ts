/**
 * Writing policies: create a policy with its first draft, open a draft of an existing policy,
 * save a draft. Every incoming document is validated by the document lib; saves are
 * optimistic (a save based on an old revision is a CONFLICT, never an overwrite).
 */
import { Injectable } from '@nestjs/common';
import { emptyPolicyDocument, ensureUniqueIds, validateDocument, type PolicyDocument } from '@ratify/document';
import type { EntityManager } from 'typeorm';
import { contentHash } from '../common/content-hash';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { indexClauses } from './clause-index';
import { PolicyVersionEntity, type ChangeOrigin } from './policy-version.entity';
import { PolicyEntity } from './policy.entity';
import { PolicyService } from './policy.service';
import { slugify } from './slug';

/** Where a draft's text now comes from and why it changed, recorded with a save. */
export interface DraftNote {
  upstreamTemplateVersionId?: string;
  changeSummary?: string;
  changeOrigin?: ChangeOrigin;
}

export interface NewPolicy {
  title: string;
  content?: unknown;
  statutory?: boolean;
  reviewCycleMonths?: number | null;
}

/** The document, validated and with unique ids, or BAD_USER_INPUT listing what is wrong. */
export function acceptDocument(input: unknown): PolicyDocument {
  const result = validateDocument(input);
  if (!result.ok) throw new AppError(ErrorCode.BAD_USER_INPUT, 'The policy text could not be saved because it is not valid.', { problems: result.problems });
  return ensureUniqueIds(result.document);
}

async function freeSlug(manager: EntityManager, organisationId: string, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set<string>(
    (await manager.query(`SELECT slug FROM policy WHERE organisation_id = $1 AND deleted_at IS NULL AND (slug = $2 OR slug LIKE $3)`, [organisationId, base, `${base}-%`])).map(
      (row: { slug: string }) => row.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Inserts a policy with its first draft in the given tenant. Used by the API and the import CLI. */
export async function insertPolicyWithDraft(
  manager: EntityManager,
  organisationId: string,
  input: {
    title: string;
    content: PolicyDocument;
    statutory: boolean;
    reviewCycleMonths: number | null;
    createdBy: string | null;
    /** The membership that owns the policy (gets its review reminders): whoever created it. */
    ownerId?: string | null;
    upstreamTemplateVersionId?: string | null;
  },
): Promise<{ policy: PolicyEntity; draft: PolicyVersionEntity }> {
  const policy = await manager.save(
    manager.create(PolicyEntity, {
      organisationId,
      slug: await freeSlug(manager, organisationId, input.title),
      title: input.title,
      statutory: input.statutory,
      reviewCycleMonths: input.reviewCycleMonths,
      ownerId: input.ownerId ?? null,
    }),
  );
  const draft = await manager.save(
    manager.create(PolicyVersionEntity, {
      organisationId,
      policyId: policy.id,
      major: null,
      minor: null,
      status: 'draft',
      revision: 1,
      content: input.content,
      contentHash: contentHash(input.content),
      createdBy: input.createdBy,
      upstreamTemplateVersionId: input.upstreamTemplateVersionId ?? null,
    }),
  );
  await indexClauses(manager, draft);
  return { policy, draft };
}

@Injectable()
export class DraftService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
  ) {}

  private caller() {
    const caller = RequestContext.require().caller;
    if (!caller?.membership) throw new AppError(ErrorCode.FORBIDDEN, 'You do not have permission to do that.');
    return { personId: caller.personId, organisationId: caller.membership.organisationId, membershipId: caller.membership.id };
  }

  async createPolicy(input: NewPolicy): Promise<PolicyEntity> {
    const { personId, organisationId, membershipId } = this.caller();
    const title = input.title.trim();
    const content = input.content === undefined || input.content === null ? emptyPolicyDocument() : acceptDocument(input.content);
    const manager = await this.database.manager();
    const { policy } = await insertPolicyWithDraft(manager, organisationId, {
      title,
      content,
      statutory: input.statutory ?? false,
      reviewCycleMonths: input.reviewCycleMonths ?? null,
      createdBy: personId,
      ownerId: membershipId,
    });
    return policy;
  }

  /** The policy's open draft, or a new one whose text is the current version's. */
  async startDraft(policyId: string): Promise<PolicyVersionEntity> {
    const { personId, organisationId } = this.caller();
    const policy = await this.policies.get(policyId);
    const manager = await this.database.manager();
    // Serialise concurrent "edit" clicks on the same policy: one draft, never two.
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [organisationId, policy.id]);
    const open = await manager.findOneBy(PolicyVersionEntity, { organisationId, policyId: policy.id, status: 'draft' });
    if (open) return open;
    // One text in the works at a time: a second draft beside one in approval would be based on stale text.
    if (await manager.findOneBy(PolicyVersionEntity, { organisationId, policyId: policy.id, status: 'in_approval' })) {
      throw new AppError(ErrorCode.CONFLICT, 'This policy is awaiting approval, so it cannot be edited now. Withdraw it from approval to change it.', { reason: 'IN_APPROVAL' });
    }
    const current = await this.policies.currentVersion(policy.id);
    const content = current?.content ?? emptyPolicyDocument();
    const draft = await manager.save(
      manager.create(PolicyVersionEntity, {
        organisationId,
        policyId: policy.id,
        major: null,
        minor: null,
        status: 'draft',
        revision: 1,
        content,
        contentHash: contentHash(content),
        createdBy: personId,
        upstreamTemplateVersionId: current?.upstreamTemplateVersionId ?? null,
      }),
    );
    await indexClauses(manager, draft);
    return draft;
  }

  /**
   * Saves a draft's text. `note`, when given, also records where the text now comes from (the
   * template release it is based on) and why it changed.
   */
  async saveDraft(versionId: string, expectedRevision: number, input: unknown, note?: DraftNote): Promise<PolicyVersionEntity> {
    const { organisationId } = this.caller();
    const id = parseId(versionId, 'Draft');
    const content = acceptDocument(input);
    const manager = await this.database.manager();
    // An UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows]: [{ revision: number }[], number] = await manager.query(
      `UPDATE policy_version SET content = $1, content_hash = $2, revision = revision + 1, updated_at = now(),
              upstream_template_version_id = coalesce($6, upstream_template_version_id),
              change_summary = coalesce($7, change_summary), change_origin = coalesce($8, change_origin)
        WHERE organisation_id = $3 AND id = $4 AND status = 'draft' AND revision = $5
        RETURNING revision`,
      [JSON.stringify(content), contentHash(content), organisationId, id, expectedRevision, note?.upstreamTemplateVersionId ?? null, note?.changeSummary ?? null, note?.changeOrigin ?? null],
    );
    if (rows.length === 0) {
      const existing = await manager.findOneBy(PolicyVersionEntity, { organisationId, id });
      if (!existing) throw AppError.notFound('Draft');
      if (existing.status !== 'draft') throw new AppError(ErrorCode.CONFLICT, 'This version is no longer a draft, so it cannot be changed. Start a new draft to edit the policy.');
      throw new AppError(ErrorCode.CONFLICT, 'Someone else saved this draft since you opened it.', { currentRevision: existing.revision });
    }
    const saved = await manager.findOneByOrFail(PolicyVersionEntity, { organisationId, id });
    await manager.query(`UPDATE policy SET updated_at = now() WHERE organisation_id = $1 AND id = $2`, [organisationId, saved.policyId]);
    await indexClauses(manager, saved);
    return saved;
  }
}

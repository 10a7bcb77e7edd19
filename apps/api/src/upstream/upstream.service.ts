/**
 * Upstream updates: a template's new release merged into a policy cloned from it. The
 * comparison and the merge are @ratify/merge's pure functions (base = the release the policy's
 * text is based on, theirs = the new release, ours = the policy's text); this service finds the
 * three documents, and turns the person's decisions into a saved draft whose change note says
 * "model provider update".
 */
import { Injectable } from '@nestjs/common';
import { diffDocuments, mergeDocuments, MergeError, resolveConflicts, type ClauseOutcomeKind, type MergeResult, type Resolution } from '@ratify/merge';
import { formatUkDate } from '../common/dates';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { Database } from '../database/database.service';
import { OrganisationService } from '../organisation/organisation.service';
import { DraftService } from '../policy/draft.service';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PolicyService } from '../policy/policy.service';
import type { TemplateVersionEntity } from '../template/template.entity';
import { TemplateService } from '../template/template.service';
import type { ConflictResolutionInput, UpstreamChange, UpstreamConflict } from './dto/upstream.types';

export interface UpstreamComparison {
  from: TemplateVersionEntity;
  to: TemplateVersionEntity;
  into: PolicyVersionEntity;
  changes: UpstreamChange[];
  conflicts: UpstreamConflict[];
  keptYours: number;
}

const newer = (a: TemplateVersionEntity, b: TemplateVersionEntity) => a.major > b.major || (a.major === b.major && a.minor > b.minor);

/** What the update does, in a person's words, with a clause the template changed. */
function outcomeOf(kind: ClauseOutcomeKind | undefined, conflictId: string | null): string {
  if (conflictId) return 'conflict';
  if (kind === 'both-same' || kind === 'removed-both') return 'already-in-your-text';
  if (kind === 'removed-ours' || kind === 'added-theirs-to-removed-section') return 'not-in-your-text';
  return 'applied';
}

function changes(base: TemplateVersionEntity, theirs: TemplateVersionEntity, merge: MergeResult): UpstreamChange[] {
  const diff = diffDocuments(base.content, theirs.content);
  const headings = new Map(diff.sections.map((section) => [section.sectionId, (section.after ?? section.before)?.heading ?? null]));
  const clauseOutcomes = new Map(merge.clauses.map((outcome) => [outcome.clauseId, outcome]));
  const sectionOutcomes = new Map(merge.sections.map((outcome) => [outcome.sectionId, outcome]));
  const result: UpstreamChange[] = [];
  for (const section of diff.sections) {
    if (section.change === 'unchanged' && !section.moved) continue;
    const outcome = sectionOutcomes.get(section.sectionId);
    result.push({
      target: 'heading',
      id: section.sectionId,
      change: section.change === 'unchanged' ? 'moved' : section.change,
      outcome: outcomeOf(outcome?.kind, outcome?.conflictId ?? null),
      sectionHeading: section.after?.heading ?? section.before?.heading ?? null,
      before: section.before?.heading ?? null,
      after: section.after?.heading ?? null,
      conflictId: outcome?.conflictId ?? null,
    });
  }
  for (const clause of diff.clauses) {
    if (clause.change === 'unchanged' && clause.moved === 'none') continue;
    const outcome = clauseOutcomes.get(clause.clauseId);
    result.push({
      target: 'clause',
      id: clause.clauseId,
      change: clause.change === 'unchanged' ? 'moved' : clause.change,
      outcome: outcomeOf(outcome?.kind, outcome?.conflictId ?? null),
      sectionHeading: headings.get((clause.after ?? clause.before)!.sectionId) ?? null,
      before: clause.before?.text ?? null,
      after: clause.after?.text ?? null,
      conflictId: outcome?.conflictId ?? null,
    });
  }
  return result;
}

function conflicts(merge: MergeResult): UpstreamConflict[] {
  return merge.conflicts.map((conflict) => ({
    id: conflict.id,
    kind: conflict.kind,
    target: conflict.target,
    targetId: conflict.target === 'clause' ? conflict.clauseId : conflict.sectionId,
    base: conflict.text.base,
    theirs: conflict.text.theirs,
    ours: conflict.text.ours,
    theirsContent: conflict.theirs,
    oursContent: conflict.ours,
  }));
}

/** The people's decisions as the merge lib takes them; a malformed one is BAD_USER_INPUT. */
function resolutionsOf(input: ConflictResolutionInput[]): Record<string, Resolution> {
  const resolutions: Record<string, Resolution> = {};
  for (const { conflictId, take, edited } of input) {
    if (Object.hasOwn(resolutions, conflictId)) throw new AppError(ErrorCode.BAD_USER_INPUT, `Conflict "${conflictId}" has two decisions; give one.`, { conflictId });
    if ((take === undefined) === (edited === undefined)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `For conflict "${conflictId}", either take "theirs" or "ours", or give an edited text.`, { conflictId });
    }
    // An edited text is checked by resolveConflicts (validated as a clause or heading, its id kept).
    resolutions[conflictId] = take ? { take: take as 'theirs' | 'ours' } : ({ edited } as unknown as Resolution);
  }
  return resolutions;
}

@Injectable()
export class UpstreamService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly drafts: DraftService,
    private readonly templates: TemplateService,
    private readonly organisations: OrganisationService,
  ) {}

  /** The policy's working text: its open draft, else its current version. */
  private async workingVersion(policyId: string): Promise<PolicyVersionEntity | null> {
    return (await this.policies.openDraft(policyId)) ?? (await this.policies.currentVersion(policyId));
  }

  /** The template's newest release when it is newer than the one the policy's working text is based on. */
  async availableUpdate(policyId: string): Promise<TemplateVersionEntity | null> {
    const working = await this.workingVersion(policyId);
    if (!working?.upstreamTemplateVersionId) return null;
    const base = await this.templates.version(working.upstreamTemplateVersionId);
    const latest = await this.templates.latestVersion(base.templateId);
    return latest && newer(latest, base) ? latest : null;
  }

  /** The three documents, checked: the release must be a newer one of the same template. */
  private async sides(into: PolicyVersionEntity, templateVersionId?: string): Promise<{ base: TemplateVersionEntity; theirs: TemplateVersionEntity }> {
    if (!into.upstreamTemplateVersionId) throw new AppError(ErrorCode.BAD_USER_INPUT, 'This policy was not cloned from a template, so there are no template updates for it.');
    const base = await this.templates.version(into.upstreamTemplateVersionId);
    const theirs = templateVersionId ? await this.templates.version(parseId(templateVersionId, 'Template version')) : await this.templates.latestVersion(base.templateId);
    if (!theirs || theirs.templateId !== base.templateId) throw new AppError(ErrorCode.BAD_USER_INPUT, 'That release is not a release of the template this policy comes from.');
    if (!newer(theirs, base)) throw new AppError(ErrorCode.CONFLICT, `This policy is already based on release ${base.number} of its template; there is nothing newer to take.`);
    return { base, theirs };
  }

  async compare(policyId: string, templateVersionId?: string): Promise<UpstreamComparison> {
    const policy = await this.policies.get(policyId);
    const into = await this.workingVersion(policy.id);
    if (!into) throw AppError.notFound('Policy');
    const { base, theirs } = await this.sides(into, templateVersionId);
    const merge = mergeDocuments({ base: base.content, theirs: theirs.content, ours: into.content });
    return {
      from: base,
      to: theirs,
      into,
      changes: changes(base, theirs, merge),
      conflicts: conflicts(merge),
      keptYours: merge.clauses.filter((clause) => clause.kind === 'kept-ours').length,
    };
  }

  /**
   * Merges the release into the policy's text with the person's decisions, as a draft: the open
   * draft (CONFLICT if it moved on since the comparison), or a new draft of the current version.
   */
  async accept(input: { policyId: string; templateVersionId: string; intoVersionId: string; expectedRevision: number; resolutions: ConflictResolutionInput[] }): Promise<PolicyVersionEntity> {
    const policy = await this.policies.get(input.policyId);
    const manager = await this.database.manager();
    // One update at a time per policy; then read the working text afresh.
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [policy.organisationId, policy.id]);
    const into =
      (await manager.findOneBy(PolicyVersionEntity, { organisationId: policy.organisationId, policyId: policy.id, status: 'draft' })) ??
      (await this.policies.currentVersion(policy.id));
    if (!into || into.id !== parseId(input.intoVersionId, 'Version') || into.revision !== input.expectedRevision) {
      throw new AppError(ErrorCode.CONFLICT, 'The policy has changed since you compared it with the new release. Compare again and re-check your decisions.', {
        currentVersionId: into?.id ?? null,
        currentRevision: into?.revision ?? null,
      });
    }
    const { base, theirs } = await this.sides(into, input.templateVersionId);
    let merged;
    try {
      merged = resolveConflicts(mergeDocuments({ base: base.content, theirs: theirs.content, ours: into.content }), resolutionsOf(input.resolutions));
    } catch (error) {
      if (error instanceof MergeError) throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { conflictId: error.conflictId ?? null, reason: error.code });
      throw error;
    }
    const template = await this.templates.template(theirs.templateId);
    const publisher = await this.organisations.load(template.publisherId);
    const note = {
      upstreamTemplateVersionId: theirs.id,
      changeOrigin: 'model-provider-update' as const,
      changeSummary: `Updated from ${publisher.name}'s ${template.title} ${base.number} to ${theirs.number} (released ${formatUkDate(theirs.releasedOn)}).`,
    };
    const draft = into.status === 'draft' ? into : await this.drafts.startDraft(policy.id);
    return this.drafts.saveDraft(draft.id, draft.revision, merged, note);
  }
}

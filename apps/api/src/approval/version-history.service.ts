/**
 * Versions side by side: the redline of any two versions of a policy, and the "History of
 * policy changes" table, generated from the approved versions (never typed by hand).
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PolicyDocument } from '@ratify/document';
import { diffDocuments, type DocumentDiff } from '@ratify/merge';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PolicyService } from '../policy/policy.service';

export interface HistoryRow {
  version: PolicyVersionEntity;
  /** The date of the row: the approval, or the review. */
  date: string;
  change: string | null;
  approvedBy: string | null;
  changedClauseIds: string[];
  /** A review that kept the version as it was ("reviewed, no change"). */
  reviewed: boolean;
}

const EMPTY: PolicyDocument = { type: 'doc', content: [] } as unknown as PolicyDocument;

/** Approved versions in order of their numbers. */
function byNumber(a: PolicyVersionEntity, b: PolicyVersionEntity): number {
  return a.major! - b.major! || a.minor! - b.minor!;
}

@Injectable()
export class VersionHistoryService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
  ) {}

  private organisationId(): string {
    return RequestContext.require().caller!.membership!.organisationId;
  }

  /** Every version of a policy: the approved ones by number, newest first, then the one in approval or draft. */
  async versions(policyId: string): Promise<PolicyVersionEntity[]> {
    const manager = await this.database.manager();
    const rows = await manager.findBy(PolicyVersionEntity, { organisationId: this.organisationId(), policyId });
    const numbered = rows.filter((row) => row.major !== null).sort(byNumber).reverse();
    return [...rows.filter((row) => row.major === null), ...numbered];
  }

  /** Two versions of the same policy compared. */
  async compare(fromId: string, toId: string): Promise<{ from: PolicyVersionEntity; to: PolicyVersionEntity; diff: DocumentDiff }> {
    const [from, to] = await Promise.all([this.policies.loadVersion(parseId(fromId, 'Version')), this.policies.loadVersion(parseId(toId, 'Version'))]);
    if (from.policyId !== to.policyId) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Only two versions of the same policy can be compared.');
    return { from, to, diff: diffDocuments(from.content, to.content) };
  }

  /** The approved version a version is compared with: the one before it, or for a version not yet approved, the one in force. */
  async baseOf(version: PolicyVersionEntity): Promise<PolicyVersionEntity | null> {
    const approved = (await this.versions(version.policyId)).filter((row) => row.status === 'approved' || row.status === 'superseded');
    if (version.major === null) return approved.find((row) => row.status === 'approved') ?? null;
    return approved.find((row) => byNumber(row, version) < 0) ?? null;
  }

  /** A version against the approved one before it (everything added, for a first version). */
  async redline(version: PolicyVersionEntity): Promise<{ from: PolicyVersionEntity | null; to: PolicyVersionEntity; diff: DocumentDiff }> {
    const from = await this.baseOf(version);
    return { from, to: version, diff: diffDocuments(from?.content ?? EMPTY, version.content) };
  }

  /** The history table: one row per approved version and per "reviewed, no change", oldest first. */
  async history(policyId: string): Promise<HistoryRow[]> {
    return historyRows(await this.database.manager(), this.organisationId(), policyId);
  }
}

/** The history table of a policy, in any transaction of its tenant (a request, or a publishing job). */
export async function historyRows(manager: EntityManager, organisationId: string, policyId: string): Promise<HistoryRow[]> {
  const versions = (await manager.findBy(PolicyVersionEntity, { organisationId, policyId }))
    .filter((row) => row.status === 'approved' || row.status === 'superseded')
    .sort(byNumber);
  const bodyIds = [...new Set(versions.map((row) => row.approvedByBodyId).filter((id): id is string => !!id))];
  const bodies = new Map<string, string>(
    bodyIds.length
      ? (await manager.query(`SELECT id, name FROM governance_body WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [organisationId, bodyIds])).map(
          (row: { id: string; name: string }) => [row.id, row.name],
        )
      : [],
  );
  const approvals: HistoryRow[] = versions.map((version, index) => {
    const diff = diffDocuments(versions[index - 1]?.content ?? EMPTY, version.content);
    return {
      version,
      date: version.approvedOn!,
      change: version.changeSummary,
      approvedBy: version.approvedByBodyId ? (bodies.get(version.approvedByBodyId) ?? null) : null,
      changedClauseIds: diff.clauses.filter((clause) => clause.change === 'changed' || clause.change === 'added').map((clause) => clause.clauseId),
      reviewed: false,
    };
  });
  const reviews: { versionId: string; reviewedOn: string; note: string | null }[] = await manager.query(
    `SELECT version_id AS "versionId", reviewed_on AS "reviewedOn", note FROM policy_review WHERE organisation_id = $1 AND policy_id = $2 AND outcome = 'no_change' ORDER BY reviewed_on, created_at`,
    [organisationId, policyId],
  );
  const reviewRows: HistoryRow[] = reviews.flatMap((review) => {
    const version = versions.find((candidate) => candidate.id === review.versionId);
    if (!version) return [];
    return [{ version, date: review.reviewedOn, change: `Reviewed – no change${review.note ? `. ${review.note}` : ''}`, approvedBy: null, changedClauseIds: [], reviewed: true }];
  });
  return [...approvals, ...reviewRows].sort((a, b) => a.date.localeCompare(b.date) || Number(a.reviewed) - Number(b.reviewed));
}

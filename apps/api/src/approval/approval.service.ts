/**
 * Approval requests: reading them, and the rules about who may decide. The two commands that
 * change them (submitting, deciding) are in submit-for-approval.command.ts and
 * record-decision.command.ts.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import { RequestContext, type Role } from '../common/request-context';
import { Database } from '../database/database.service';
import type { ChangeOrigin } from '../policy/policy-version.entity';

export type ApprovalStatus = 'open' | 'approved' | 'changes_requested' | 'rejected' | 'withdrawn';
export type DecisionOutcome = 'approved' | 'approved_with_amendments' | 'recommended' | 'changes_requested' | 'rejected';
export type DecisionMethod = 'meeting' | 'written_resolution' | 'chairs_action' | 'delegated';

export interface DecisionRow {
  id: string;
  stage: number;
  outcome: DecisionOutcome;
  decidedOn: string;
  method: DecisionMethod;
  minuteReference: string | null;
  membersPresent: number | null;
  note: string | null;
  decidedById: string;
  decidedByName: string;
  contentHash: string;
  amendedContentHash: string | null;
  recordedAt: Date;
}

export interface StageRow {
  position: number;
  bodyId: string | null;
  bodyName: string | null;
  bodyQuorum: number | null;
  delegatedRole: Role | null;
  action: 'approve' | 'ratify';
  /** The body's members: person ids with their place on it. */
  members: { personId: string; position: 'chair' | 'clerk' | 'member' }[];
  decision: DecisionRow | null;
}

export interface CommentRow {
  id: string;
  clauseId: string | null;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
}

export interface RequestRow {
  id: string;
  organisationId: string;
  policyId: string;
  policyTitle: string;
  versionId: string;
  status: ApprovalStatus;
  currentStage: number;
  changeSummary: string;
  changeOrigin: ChangeOrigin;
  changeKind: 'major' | 'minor';
  submittedContentHash: string;
  contentHash: string;
  authorMayApprove: boolean;
  submittedById: string;
  submittedByName: string;
  submittedAt: Date;
  closedAt: Date | null;
  versionNumber: string | null;
  versionCreatedBy: string | null;
  stages: StageRow[];
}

const REQUEST_SQL = `
SELECT r.id, r.organisation_id AS "organisationId", r.policy_id AS "policyId", p.title AS "policyTitle", r.version_id AS "versionId", r.status,
       r.current_stage AS "currentStage", r.change_summary AS "changeSummary", r.change_origin AS "changeOrigin", r.change_kind AS "changeKind",
       r.submitted_content_hash AS "submittedContentHash", r.content_hash AS "contentHash", r.author_may_approve AS "authorMayApprove",
       r.submitted_by AS "submittedById", submitter.display_name AS "submittedByName", r.submitted_at AS "submittedAt", r.closed_at AS "closedAt",
       CASE WHEN v.major IS NULL THEN NULL ELSE v.major || '.' || v.minor END AS "versionNumber", v.created_by AS "versionCreatedBy",
       (SELECT jsonb_agg(jsonb_build_object(
                 'position', s.position, 'bodyId', s.body_id, 'bodyName', b.name, 'bodyQuorum', b.quorum, 'delegatedRole', s.delegated_role, 'action', s.action,
                 'members', (SELECT coalesce(jsonb_agg(jsonb_build_object('personId', m.person_id, 'position', bm.position)), '[]')
                               FROM governance_body_member bm JOIN membership m ON m.organisation_id = bm.organisation_id AND m.id = bm.membership_id
                              WHERE bm.organisation_id = s.organisation_id AND bm.body_id = s.body_id),
                 'decision', (SELECT jsonb_build_object(
                                 'id', d.id, 'stage', d.stage, 'outcome', d.outcome, 'decidedOn', d.decided_on, 'method', d.method,
                                 'minuteReference', d.minute_reference, 'membersPresent', d.members_present, 'note', d.note,
                                 'decidedById', d.decided_by, 'decidedByName', decider.display_name, 'contentHash', d.content_hash,
                                 'amendedContentHash', d.amended_content_hash, 'recordedAt', d.created_at)
                                FROM approval_decision d JOIN person decider ON decider.id = d.decided_by
                               WHERE d.organisation_id = s.organisation_id AND d.request_id = s.request_id AND d.stage = s.position))
               ORDER BY s.position)
          FROM approval_request_stage s LEFT JOIN governance_body b ON b.organisation_id = s.organisation_id AND b.id = s.body_id
         WHERE s.organisation_id = r.organisation_id AND s.request_id = r.id) AS stages
  FROM approval_request r
  JOIN policy p ON p.organisation_id = r.organisation_id AND p.id = r.policy_id
  JOIN policy_version v ON v.organisation_id = r.organisation_id AND v.id = r.version_id
  JOIN person submitter ON submitter.id = r.submitted_by
 WHERE r.organisation_id = $1`;

function withDates(row: RequestRow): RequestRow {
  for (const stage of row.stages) if (stage.decision) stage.decision.recordedAt = new Date(stage.decision.recordedAt);
  return row;
}

/** Reads approval requests of an organisation in the given transaction (optionally locking one). */
export async function readRequests(manager: EntityManager, organisationId: string, where: string, params: unknown[]): Promise<RequestRow[]> {
  const rows: RequestRow[] = await manager.query(`${REQUEST_SQL} ${where}`, [organisationId, ...params]);
  return rows.map(withDates);
}

/** Who decides a stage: the body's name, or "an admin (a minor change)" for a delegated one. */
export function deciderName(stage: Pick<StageRow, 'bodyName' | 'delegatedRole'>): string {
  return stage.bodyName ?? `${stage.delegatedRole === 'admin' ? 'an' : 'a'} ${stage.delegatedRole} (a minor change)`;
}

/** "approval by Finance, Audit & Risk Committee", "ratification by Trust Board", "approval by an admin (a minor change)". */
export function stageLabel(stage: Pick<StageRow, 'action' | 'bodyName' | 'delegatedRole'>): string {
  return `${stage.action === 'ratify' ? 'ratification' : 'approval'} by ${deciderName(stage)}`;
}

const CLOSED_LABELS: Record<Exclude<ApprovalStatus, 'open' | 'approved'>, string> = {
  changes_requested: 'Changes requested: back to draft',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn by the author',
};

export function statusLabel(request: RequestRow): string {
  if (request.status === 'approved') return request.versionNumber ? `Approved as version ${request.versionNumber}` : 'Approved';
  if (request.status !== 'open') return CLOSED_LABELS[request.status];
  const stage = request.stages.find((candidate) => candidate.position === request.currentStage)!;
  return `Awaiting ${stageLabel(stage)}`;
}

/** Why the caller may not record the decision at the request's current stage; null when they may. */
export function decisionRefusal(request: RequestRow, caller: { personId: string; role: Role }): string | null {
  if (request.status !== 'open') return 'This request has been closed.';
  const stage = request.stages.find((candidate) => candidate.position === request.currentStage)!;
  const wroteIt = request.submittedById === caller.personId || request.versionCreatedBy === caller.personId;
  if (wroteIt && !request.authorMayApprove) return 'You wrote this version, so someone else must decide on it: the approval route does not let authors approve their own changes.';
  if (stage.delegatedRole) return caller.role === stage.delegatedRole ? null : `Only ${stage.delegatedRole === 'admin' ? 'an' : 'a'} ${stage.delegatedRole} may approve this minor change.`;
  if (!['approver', 'admin'].includes(caller.role)) return 'Only approvers and admins record decisions.';
  if (!stage.members.some((member) => member.personId === caller.personId)) return `Only members of ${stage.bodyName} record its decisions.`;
  return null;
}

@Injectable()
export class ApprovalService {
  constructor(private readonly database: Database) {}

  private caller() {
    const caller = RequestContext.require().caller!;
    return { personId: caller.personId, role: caller.membership!.role, organisationId: caller.membership!.organisationId };
  }

  async request(id: string): Promise<RequestRow> {
    return this.load(parseId(id, 'Approval request'));
  }

  /** Requests by id, batched. */
  load(id: string): Promise<RequestRow> {
    return requestLoader<string, RequestRow>('approvalRequest.byId', async (ids) => {
      const { organisationId } = this.caller();
      const rows = await readRequests(await this.database.manager(), organisationId, 'AND r.id = ANY($2::uuid[])', [[...ids]]);
      return byKey(ids, rows, (row) => row.id, () => AppError.notFound('Approval request'));
    }).load(id);
  }

  /** Each policy's open request, batched. */
  openFor(policyId: string): Promise<RequestRow | null> {
    return requestLoader<string, RequestRow | null>('approvalRequest.openByPolicy', async (policyIds) => {
      const { organisationId } = this.caller();
      const rows = await readRequests(await this.database.manager(), organisationId, `AND r.status = 'open' AND r.policy_id = ANY($2::uuid[])`, [[...policyIds]]);
      return byKey<string, RequestRow | null>(policyIds, rows, (row) => row!.policyId, () => null);
    }).load(policyId);
  }

  /** Every request of a policy, newest first. */
  async forPolicy(policyId: string): Promise<RequestRow[]> {
    const { organisationId } = this.caller();
    return readRequests(await this.database.manager(), organisationId, 'AND r.policy_id = $2 ORDER BY r.submitted_at DESC, r.id', [policyId]);
  }

  /** Open requests the caller may decide now, oldest first. */
  async inbox(): Promise<RequestRow[]> {
    const caller = this.caller();
    const manager = await this.database.manager();
    const rows = await readRequests(manager, caller.organisationId, `AND r.status = 'open' ORDER BY r.submitted_at, r.id LIMIT 500`, []);
    return rows.filter((row) => decisionRefusal(row, caller) === null);
  }

  decisionRefusal(request: RequestRow): string | null {
    return decisionRefusal(request, this.caller());
  }

  async comments(requestId: string): Promise<CommentRow[]> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    return manager.query(
      `SELECT c.id, c.clause_id AS "clauseId", c.body, c.author_id AS "authorId", p.display_name AS "authorName", c.created_at AS "createdAt"
         FROM approval_comment c JOIN person p ON p.id = c.author_id
        WHERE c.organisation_id = $1 AND c.request_id = $2 ORDER BY c.created_at, c.id`,
      [organisationId, requestId],
    );
  }

  async comment(requestId: string, clauseId: string | undefined, body: string): Promise<CommentRow> {
    const { organisationId, personId } = this.caller();
    const request = await this.request(requestId);
    if (request.status !== 'open') throw new AppError(ErrorCode.CONFLICT, 'This request has been closed, so it takes no more comments.');
    const manager = await this.database.manager();
    if (clauseId) {
      const [found] = await manager.query(`SELECT 1 FROM policy_clause WHERE organisation_id = $1 AND version_id = $2 AND clause_id = $3`, [
        organisationId,
        request.versionId,
        clauseId,
      ]);
      if (!found) throw new AppError(ErrorCode.BAD_USER_INPUT, 'That clause is not in the version being approved.');
    }
    const [{ id }] = await manager.query(`INSERT INTO approval_comment (organisation_id, request_id, clause_id, author_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      organisationId,
      request.id,
      clauseId ?? null,
      personId,
      body,
    ]);
    return (await this.comments(request.id)).find((row) => row.id === id)!;
  }
}

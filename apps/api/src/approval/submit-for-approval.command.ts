/**
 * Submitting a draft for approval, and withdrawing it. Submitting freezes the version (its
 * status leaves 'draft', so nothing can save it) and pins the request to the version id and
 * its content hash; the stages are copied from the policy's route as it stands, so changing a
 * route later never changes a request in flight.
 */
import { Injectable } from '@nestjs/common';
import { listClauses } from '@ratify/document';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { contentHash } from '../common/content-hash';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext, type Role } from '../common/request-context';
import { Database } from '../database/database.service';
import { GovernanceService, type RouteRow } from '../governance/governance.service';
import { NotificationService } from '../notification/notification.service';
import { PolicyVersionEntity, type ChangeOrigin } from '../policy/policy-version.entity';
import { readRequests, stageLabel, type RequestRow, type StageRow } from './approval.service';

export interface Submission {
  versionId: string;
  expectedRevision: number;
  changeSummary: string;
  changeOrigin: ChangeOrigin;
  changeKind: 'major' | 'minor';
}

interface PlannedStage {
  bodyId: string | null;
  delegatedRole: Role | null;
  action: 'approve' | 'ratify';
}

/** The stages a change goes through: the route's (the major-only ones only for a major change), or one delegated stage for a minor change where the route allows it. */
export function plannedStages(route: RouteRow, changeKind: 'major' | 'minor', firstVersion: boolean): PlannedStage[] {
  if (changeKind === 'minor' && !firstVersion && route.minorChangeRole) return [{ bodyId: null, delegatedRole: route.minorChangeRole, action: 'approve' }];
  const major = changeKind === 'major' || firstVersion;
  return route.stages.filter((stage) => stage.appliesTo === 'all' || major).map((stage) => ({ bodyId: stage.bodyId, delegatedRole: null, action: stage.action }));
}

/** The people who may decide a stage: its body's members who approve (or hold the delegated role), less the author where authors may not. */
export async function stageDeciders(manager: EntityManager, request: RequestRow, stage: StageRow): Promise<string[]> {
  let people: string[];
  if (stage.delegatedRole) {
    const rows: { person_id: string }[] = await manager.query(`SELECT person_id FROM membership WHERE organisation_id = $1 AND role = $2 AND school_id IS NULL`, [
      request.organisationId,
      stage.delegatedRole,
    ]);
    people = rows.map((row) => row.person_id);
  } else {
    const rows: { person_id: string }[] = await manager.query(
      `SELECT m.person_id FROM governance_body_member bm JOIN membership m ON m.organisation_id = bm.organisation_id AND m.id = bm.membership_id
        WHERE bm.organisation_id = $1 AND bm.body_id = $2 AND m.role IN ('approver', 'admin')`,
      [request.organisationId, stage.bodyId],
    );
    people = rows.map((row) => row.person_id);
  }
  return request.authorMayApprove ? people : people.filter((person) => person !== request.submittedById && person !== request.versionCreatedBy);
}

@Injectable()
export class SubmitForApprovalCommand {
  constructor(
    private readonly database: Database,
    private readonly governance: GovernanceService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  private caller() {
    const caller = RequestContext.require().caller!;
    return { personId: caller.personId, role: caller.membership!.role, organisationId: caller.membership!.organisationId };
  }

  async submit(input: Submission): Promise<RequestRow> {
    const { personId, organisationId } = this.caller();
    const id = parseId(input.versionId, 'Draft');
    const manager = await this.database.manager();
    const [locked]: { policy_id: string }[] = await manager.query(`SELECT policy_id FROM policy_version WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
    if (!locked) throw AppError.notFound('Draft');
    // One submission per policy at a time: concurrent clicks queue here and the second finds the draft already submitted.
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE`, [organisationId, locked.policy_id]);
    const version = await manager.findOneBy(PolicyVersionEntity, { organisationId, id });
    if (!version) throw AppError.notFound('Draft');
    if (version.status === 'in_approval') throw new AppError(ErrorCode.CONFLICT, 'This draft has already been sent for approval.', { reason: 'ALREADY_SUBMITTED' });
    if (version.status !== 'draft') throw new AppError(ErrorCode.CONFLICT, 'This version is not a draft, so it cannot be sent for approval. Start a new draft to change the policy.');
    if (version.revision !== input.expectedRevision) {
      throw new AppError(ErrorCode.CONFLICT, 'The draft was saved again since you looked at it: check the latest text before sending it.', { currentRevision: version.revision });
    }
    if (listClauses(version.content).length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'This draft has no clauses yet, so there is nothing to approve.', { reason: 'EMPTY_DRAFT' });
    const [approved]: { number: string; content_hash: string }[] = await manager.query(
      `SELECT major || '.' || minor AS number, content_hash FROM policy_version WHERE organisation_id = $1 AND policy_id = $2 AND status = 'approved'`,
      [organisationId, version.policyId],
    );
    const hash = contentHash(version.content);
    if (approved && approved.content_hash === hash) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `This draft is the same as version ${approved.number}: there is no change to approve.`, { reason: 'NO_CHANGE' });
    }
    const route = await this.governance.routeFor(manager, organisationId, version.policyId);
    if (!route) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'This policy has no approval route yet: an admin sets one up under Settings → Governance.', { reason: 'NO_ROUTE' });
    }
    const stages = plannedStages(route, input.changeKind, !approved);

    const [{ id: requestId }] = await manager.query(
      `INSERT INTO approval_request (organisation_id, policy_id, version_id, route_id, change_summary, change_origin, change_kind, submitted_content_hash, content_hash, author_may_approve, submitted_by, current_stage)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, 1) RETURNING id`,
      [organisationId, version.policyId, version.id, route.id, input.changeSummary, input.changeOrigin, input.changeKind, hash, route.authorMayApprove, personId],
    );
    for (const [index, stage] of stages.entries()) {
      await manager.query(`INSERT INTO approval_request_stage (organisation_id, request_id, position, body_id, delegated_role, action) VALUES ($1, $2, $3, $4, $5, $6)`, [
        organisationId,
        requestId,
        index + 1,
        stage.bodyId,
        stage.delegatedRole,
        stage.action,
      ]);
    }
    await manager.query(
      `UPDATE policy_version SET status = 'in_approval', content_hash = $3, change_summary = $4, change_origin = $5, change_kind = $6, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [organisationId, version.id, hash, input.changeSummary, input.changeOrigin, input.changeKind],
    );
    const [request] = await readRequests(manager, organisationId, 'AND r.id = $2', [requestId]);
    await this.audit.record({
      action: 'approval.submitted',
      policyId: version.policyId,
      versionId: version.id,
      contentHash: hash,
      details: { requestId, changeKind: input.changeKind, changeOrigin: input.changeOrigin, changeSummary: input.changeSummary, stages: request!.stages.map(stageLabel) },
    });
    const first = request!.stages[0]!;
    await this.notifications.notify(await stageDeciders(manager, request!, first), {
      text: `${request!.policyTitle} awaits your decision`,
      link: `/approvals/${requestId}`,
      detail: `${request!.submittedByName} sent it for ${stageLabel(first)}. What changed: ${input.changeSummary}`,
    });
    return request!;
  }

  /** The author (or an admin) takes a request back: the version returns to draft. Idempotent. */
  async withdraw(requestId: string): Promise<RequestRow> {
    const { personId, role, organisationId } = this.caller();
    const manager = await this.database.manager();
    const id = parseId(requestId, 'Approval request');
    const [request] = await readRequests(manager, organisationId, 'AND r.id = $2 FOR UPDATE OF r', [id]);
    if (!request) throw AppError.notFound('Approval request');
    if (request.status === 'withdrawn') return request;
    if (request.status !== 'open') throw new AppError(ErrorCode.CONFLICT, 'This request has already been decided, so it cannot be withdrawn.');
    if (request.submittedById !== personId && role !== 'admin') throw new AppError(ErrorCode.FORBIDDEN, 'Only the person who sent it, or an admin, can withdraw it.');
    await manager.query(`UPDATE approval_request SET status = 'withdrawn', closed_at = now() WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
    await manager.query(`UPDATE policy_version SET status = 'draft', revision = revision + 1, updated_at = now() WHERE organisation_id = $1 AND id = $2 AND status = 'in_approval'`, [
      organisationId,
      request.versionId,
    ]);
    await this.audit.record({ action: 'approval.withdrawn', policyId: request.policyId, versionId: request.versionId, contentHash: request.contentHash, details: { requestId: id } });
    return (await readRequests(manager, organisationId, 'AND r.id = $2', [id]))[0]!;
  }
}

/**
 * Recording a decision at one stage of an approval request.
 *
 * The request row is locked first, so two approvers deciding at once are taken one after the
 * other: the second finds the stage decided and gets the same answer back (the same outcome:
 * idempotent, no second event) or a CONFLICT (a different one). A decision is pinned to the
 * text: the caller passes the content hash they read, and the version's content is hashed
 * again here, so text that changed after submission can never be approved.
 *
 * On the last stage the version is approved: numbered (1.0 first, then major → 2.0, minor →
 * 1.1), dated, its next review computed from the policy's cycle; the previous approved
 * version is superseded; school copies move on to it where their changes carry cleanly.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { contentHash } from '../common/content-hash';
import { formatUkDate } from '../common/dates';
import { resolveFlags, scheduleNextReview } from '../review/review-schedule.service';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { NotificationService } from '../notification/notification.service';
import { indexClauses } from '../policy/clause-index';
import { acceptDocument } from '../policy/draft.service';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { rollSchoolCopiesForward } from '../variant/variant.service';
import { PublicationService } from '../publication/publication.service';
import { decisionRefusal, readRequests, stageLabel, type DecisionMethod, type DecisionOutcome, type RequestRow, type StageRow } from './approval.service';
import { stageDeciders } from './submit-for-approval.command';

export interface Decision {
  requestId: string;
  stage: number;
  contentHash: string;
  outcome: DecisionOutcome;
  decidedOn: string;
  method: DecisionMethod;
  minuteReference?: string;
  membersPresent?: number;
  note?: string;
  amendedContent?: unknown;
  effectiveOn?: string;
}

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  approved: 'approved',
  approved_with_amendments: 'approved with amendments',
  recommended: 'recommended',
  changes_requested: 'sent back for changes',
  rejected: 'rejected',
};

/** A refusal with a reason code (`details.reason`) the web app can react to. */
function refuse(reason: string, message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { reason });
}

function conflict(reason: string, message: string): AppError {
  return new AppError(ErrorCode.CONFLICT, message, { reason });
}

/** The checks that need no database: which outcomes and methods fit this stage, and the dates. */
function checkDecision(input: Decision, request: RequestRow, stage: StageRow, today: string, caller: string): void {
  const last = stage.position === request.stages.length;
  if (last && input.outcome === 'recommended') throw refuse('OUTCOME_NOT_AT_LAST_STAGE', `This is the last stage: ${stage.bodyName ?? 'it'} approves, sends back or rejects.`);
  if (!last && (input.outcome === 'approved' || input.outcome === 'approved_with_amendments')) {
    const next = request.stages[stage.position]!;
    throw refuse('OUTCOME_BEFORE_LAST_STAGE', `At this stage ${stage.bodyName} recommends it for ${stageLabel(next)}; the approval itself is the last stage's.`);
  }
  if ((input.outcome === 'approved_with_amendments') !== (input.amendedContent !== undefined && input.amendedContent !== null)) {
    throw refuse('AMENDMENTS', input.outcome === 'approved_with_amendments' ? 'Give the amended text to approve with amendments.' : 'Amended text goes with "approved with amendments" only.');
  }
  if (stage.delegatedRole && input.method !== 'delegated') throw refuse('METHOD_NOT_ALLOWED', 'A minor change approved by a delegated role is recorded as a delegated decision.');
  if (!stage.delegatedRole && input.method === 'delegated') throw refuse('METHOD_NOT_ALLOWED', `${stage.bodyName} decides at a meeting, by written resolution or by chair's action.`);
  if (input.method === 'meeting' && !input.minuteReference) throw refuse('MINUTE_REFERENCE_REQUIRED', 'Give the minute reference of the meeting that decided.');
  if (input.method === 'chairs_action' && !stage.members.some((member) => member.personId === caller && member.position === 'chair')) {
    throw new AppError(ErrorCode.FORBIDDEN, `Only the chair of ${stage.bodyName} can record a chair's action.`);
  }
  if (input.method === 'meeting' && stage.bodyQuorum) {
    if (input.membersPresent === undefined) throw refuse('MEMBERS_PRESENT_REQUIRED', `Say how many members were present: ${stage.bodyName} needs ${stage.bodyQuorum} to be quorate.`);
    if (input.membersPresent < stage.bodyQuorum) throw refuse('NOT_QUORATE', `The meeting was not quorate: ${stage.bodyName} needs ${stage.bodyQuorum} members present, and ${input.membersPresent} were.`);
  }
  if (input.membersPresent !== undefined && stage.members.length > 0 && input.membersPresent > stage.members.length) {
    throw refuse('MORE_PRESENT_THAN_MEMBERS', `${stage.bodyName} has ${stage.members.length} members, so ${input.membersPresent} cannot have been present.`);
  }
  if (input.decidedOn > today) throw refuse('DATE_IN_FUTURE', 'A decision cannot be dated in the future.');
  const previous = request.stages[stage.position - 2]?.decision;
  if (previous && input.decidedOn < previous.decidedOn) throw refuse('DATE_BEFORE_PREVIOUS_STAGE', `The decision cannot be dated before the previous stage's, on ${formatUkDate(previous.decidedOn)}.`);
  if (input.effectiveOn !== undefined && input.effectiveOn !== null) {
    if (!last || (input.outcome !== 'approved' && input.outcome !== 'approved_with_amendments')) throw refuse('EFFECTIVE_DATE_NOT_ALLOWED', 'Only an approval has an effective date.');
    if (input.effectiveOn < input.decidedOn) throw refuse('EFFECTIVE_BEFORE_DECIDED', 'A version cannot take effect before it is approved.');
  }
}

@Injectable()
export class RecordDecisionCommand {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly publications: PublicationService,
  ) {}

  async decide(input: Decision): Promise<RequestRow> {
    const caller = RequestContext.require().caller!;
    const organisationId = caller.membership!.organisationId;
    const id = parseId(input.requestId, 'Approval request');
    const manager = await this.database.manager();
    // Serialise deciders on this request: whoever comes second sees what the first did.
    const [lock] = await manager.query(`SELECT id FROM approval_request WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [organisationId, id]);
    if (!lock) throw AppError.notFound('Approval request');
    const [request] = await readRequests(manager, organisationId, 'AND r.id = $2', [id]);
    const stage = request!.stages.find((candidate) => candidate.position === input.stage);
    if (!stage) throw refuse('NO_SUCH_STAGE', `This request has no stage ${input.stage}.`);
    if (stage.decision) {
      const same = stage.decision.outcome === input.outcome && stage.decision.contentHash === input.contentHash;
      if (same) return request!;
      throw conflict(
        'ALREADY_DECIDED',
        `This stage was already decided: ${OUTCOME_WORDS[stage.decision.outcome]} on ${formatUkDate(stage.decision.decidedOn)}, recorded by ${stage.decision.decidedByName}.`,
      );
    }
    if (request!.status !== 'open') throw conflict('CLOSED', 'This request has been closed, so no more decisions can be recorded on it.');
    if (input.stage !== request!.currentStage) throw conflict('NOT_CURRENT_STAGE', `Stage ${input.stage} is not the one awaiting a decision: stage ${request!.currentStage} is.`);
    const refusal = decisionRefusal(request!, { personId: caller.personId, role: caller.membership!.role });
    if (refusal) throw new AppError(ErrorCode.FORBIDDEN, refusal);
    if (input.contentHash !== request!.contentHash) {
      throw conflict('STALE_CONTENT_HASH', 'The text you decided on is not the text awaiting a decision. Reload the request and read it again.');
    }
    const version = await manager.findOneByOrFail(PolicyVersionEntity, { organisationId, id: request!.versionId });
    if (version.status !== 'in_approval' || contentHash(version.content) !== request!.contentHash) {
      throw conflict('CONTENT_CHANGED', 'The text of this version changed after it was sent for approval, so it cannot be decided on. It must be submitted again.');
    }
    checkDecision(input, request!, stage, this.clock.today(), caller.personId);

    let amended: { content: ReturnType<typeof acceptDocument>; hash: string } | null = null;
    if (input.outcome === 'approved_with_amendments') {
      const content = acceptDocument(input.amendedContent);
      const hash = contentHash(content);
      if (hash === request!.contentHash) throw refuse('AMENDMENT_UNCHANGED', 'The amended text is the same as the text submitted: approve it as it is instead.');
      amended = { content, hash };
    }
    await manager.query(
      `INSERT INTO approval_decision (organisation_id, request_id, stage, outcome, decided_on, method, minute_reference, members_present, note, decided_by, content_hash, amended_content, amended_content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        organisationId,
        id,
        stage.position,
        input.outcome,
        input.decidedOn,
        input.method,
        input.minuteReference ?? null,
        input.membersPresent ?? null,
        input.note ?? null,
        caller.personId,
        request!.contentHash,
        amended ? JSON.stringify(amended.content) : null,
        amended?.hash ?? null,
      ],
    );
    await this.audit.record({
      action: 'approval.decided',
      policyId: request!.policyId,
      versionId: request!.versionId,
      contentHash: request!.contentHash,
      details: {
        requestId: id,
        stage: stage.position,
        decider: stage.bodyName ?? stage.delegatedRole,
        outcome: input.outcome,
        decidedOn: input.decidedOn,
        method: input.method,
        minuteReference: input.minuteReference ?? null,
        ...(amended ? { amendedContentHash: amended.hash } : {}),
      },
    });

    if (input.outcome === 'recommended') await this.recommend(manager, request!, stage);
    else if (input.outcome === 'changes_requested' || input.outcome === 'rejected') await this.close(manager, request!, input.outcome);
    else await this.approve(manager, request!, version, input, amended);

    const [after] = await readRequests(manager, organisationId, 'AND r.id = $2', [id]);
    await this.notifications.notify([request!.submittedById], {
      text: `${request!.policyTitle}: ${stage.bodyName ?? 'the delegated approver'} ${OUTCOME_WORDS[input.outcome]} it`,
      link: input.outcome === 'changes_requested' || input.outcome === 'rejected' ? `/approvals/${id}` : `/policies/${request!.policyId}`,
      detail: [`Decided on ${formatUkDate(input.decidedOn)}${input.minuteReference ? ` (minute ${input.minuteReference})` : ''}.`, input.note].filter(Boolean).join(' '),
    });
    return after!;
  }

  private async recommend(manager: EntityManager, request: RequestRow, stage: StageRow): Promise<void> {
    await manager.query(`UPDATE approval_request SET current_stage = current_stage + 1 WHERE organisation_id = $1 AND id = $2`, [request.organisationId, request.id]);
    const next = request.stages[stage.position]!;
    await this.notifications.notify(await stageDeciders(manager, request, next), {
      text: `${request.policyTitle} awaits your decision`,
      link: `/approvals/${request.id}`,
      detail: `${stage.bodyName} recommended it for ${stageLabel(next)}. What changed: ${request.changeSummary}`,
    });
  }

  private async close(manager: EntityManager, request: RequestRow, outcome: 'changes_requested' | 'rejected'): Promise<void> {
    await manager.query(`UPDATE approval_request SET status = $3, closed_at = now() WHERE organisation_id = $1 AND id = $2`, [request.organisationId, request.id, outcome]);
    await manager.query(`UPDATE policy_version SET status = 'draft', revision = revision + 1, updated_at = now() WHERE organisation_id = $1 AND id = $2`, [
      request.organisationId,
      request.versionId,
    ]);
  }

  private async approve(
    manager: EntityManager,
    request: RequestRow,
    version: PolicyVersionEntity,
    input: Decision,
    amended: { content: ReturnType<typeof acceptDocument>; hash: string } | null,
  ): Promise<void> {
    const organisationId = request.organisationId;
    const content = amended?.content ?? version.content;
    const hash = amended?.hash ?? request.contentHash;
    const [previous]: { id: string; major: number; minor: number }[] = await manager.query(
      `SELECT id, major, minor FROM policy_version WHERE organisation_id = $1 AND policy_id = $2 AND status = 'approved' FOR UPDATE`,
      [organisationId, request.policyId],
    );
    const [major, minor] = !previous ? [1, 0] : request.changeKind === 'major' ? [previous.major + 1, 0] : [previous.major, previous.minor + 1];
    // The next review: the cycle from the approval date, snapped to the end of a term (the policy's live schedule moves too).
    const nextReviewOn = await scheduleNextReview(manager, organisationId, request.policyId, input.decidedOn);
    // The body that approved (a ratifying board confirms it; the cover names the approver).
    const approver = [...request.stages].reverse().find((stage) => stage.action === 'approve' && stage.bodyId);
    if (previous) await manager.query(`UPDATE policy_version SET status = 'superseded' WHERE organisation_id = $1 AND id = $2`, [organisationId, previous.id]);
    await manager.query(
      `UPDATE policy_version SET status = 'approved', major = $3, minor = $4, content = $5, content_hash = $6, approved_on = $7, effective_on = $8,
              approved_by_body_id = $9, next_review_on = $10, approval_request_id = $11, revision = revision + $12, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        version.id,
        major,
        minor,
        JSON.stringify(content),
        hash,
        input.decidedOn,
        input.effectiveOn ?? input.decidedOn,
        approver?.bodyId ?? null,
        nextReviewOn,
        request.id,
        amended ? 1 : 0,
      ],
    );
    if (amended) {
      await manager.query(`UPDATE approval_request SET content_hash = $3 WHERE organisation_id = $1 AND id = $2`, [organisationId, request.id, hash]);
      await indexClauses(manager, { organisationId, id: version.id, policyId: request.policyId, content });
    }
    await manager.query(`UPDATE approval_request SET status = 'approved', closed_at = now() WHERE organisation_id = $1 AND id = $2`, [organisationId, request.id]);
    await resolveFlags(manager, organisationId, request.policyId, { versionId: version.id });
    const copies = await rollSchoolCopiesForward(manager, organisationId, request.policyId, { id: version.id, content });
    // Wherever the policy is public, the new version replaces the old, every copy in one job.
    const republishJobId = await this.publications.republishPublic(manager, organisationId, request.policyId, 'approved', RequestContext.require().caller!.personId);
    await this.audit.record({
      action: 'version.approved',
      policyId: request.policyId,
      versionId: version.id,
      contentHash: hash,
      details: {
        requestId: request.id,
        version: `${major}.${minor}`,
        approvedOn: input.decidedOn,
        effectiveOn: input.effectiveOn ?? input.decidedOn,
        supersedes: previous ? `${previous.major}.${previous.minor}` : null,
        schoolCopiesCarried: copies.carried,
        schoolCopiesToReconfirm: copies.needReconfirmation,
        republishJob: republishJobId,
      },
    });
  }
}

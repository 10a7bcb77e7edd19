import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { DocumentDiff } from '@ratify/merge';
import { Members } from '../common/access';
import { Policy, PolicyVersion } from '../policy/dto/policy.types';
import { toPolicy, toPolicyVersion } from '../policy/policy.resolver';
import { PolicyService } from '../policy/policy.service';
import type { PolicyVersionEntity } from '../policy/policy-version.entity';
import { ApprovalService, deciderName, statusLabel, type CommentRow, type RequestRow } from './approval.service';
import {
  ApprovalComment,
  ApprovalRequest,
  ApprovalStatusGql,
  ChangeKindGql,
  ChangeOriginGql,
  CommentOnApprovalInput,
  DecideApprovalInput,
  DecisionMethodGql,
  DecisionOutcomeGql,
  DecisionRight,
  HistoryEntry,
  Redline,
  SubmitForApprovalInput,
} from './dto/approval.types';
import { RoleGql } from '../organisation/dto/organisation.types';
import { StageActionGql } from '../governance/dto/governance.types';
import { RecordDecisionCommand } from './record-decision.command';
import { SubmitForApprovalCommand } from './submit-for-approval.command';
import { VersionHistoryService } from './version-history.service';

export function toApprovalRequest(row: RequestRow): ApprovalRequest {
  return {
    id: row.id,
    status: row.status as ApprovalStatusGql,
    statusLabel: statusLabel(row),
    currentStage: row.status === 'open' ? row.currentStage : null,
    changeSummary: row.changeSummary,
    changeOrigin: row.changeOrigin as ChangeOriginGql,
    changeKind: row.changeKind as ChangeKindGql,
    submittedContentHash: row.submittedContentHash,
    contentHash: row.contentHash,
    submittedBy: { id: row.submittedById, name: row.submittedByName },
    submittedAt: row.submittedAt,
    closedAt: row.closedAt,
    stages: row.stages.map((stage) => ({
      position: stage.position,
      action: stage.action as StageActionGql,
      deciderName: deciderName(stage),
      bodyId: stage.bodyId,
      delegatedRole: stage.delegatedRole as RoleGql | null,
      decision: stage.decision && {
        id: stage.decision.id,
        stage: stage.decision.stage,
        outcome: stage.decision.outcome as DecisionOutcomeGql,
        decidedOn: stage.decision.decidedOn,
        method: stage.decision.method as DecisionMethodGql,
        minuteReference: stage.decision.minuteReference,
        membersPresent: stage.decision.membersPresent,
        note: stage.decision.note,
        decidedBy: { id: stage.decision.decidedById, name: stage.decision.decidedByName },
        contentHash: stage.decision.contentHash,
        amendedContentHash: stage.decision.amendedContentHash,
        recordedAt: stage.decision.recordedAt,
      },
    })),
    policyId: row.policyId,
    versionId: row.versionId,
    submittedById: row.submittedById,
    authorMayApprove: row.authorMayApprove,
    organisationId: row.organisationId,
  };
}

function toApprovalComment(row: CommentRow): ApprovalComment {
  return { id: row.id, clauseId: row.clauseId, body: row.body, author: { id: row.authorId, name: row.authorName }, createdAt: row.createdAt };
}

export function toRedline(result: { from: PolicyVersionEntity | null; to: PolicyVersionEntity; diff: DocumentDiff }): Redline {
  const headings = new Map(result.diff.sections.map((section) => [section.sectionId, (section.after ?? section.before)?.heading ?? null]));
  return {
    from: result.from ? toPolicyVersion(result.from) : null,
    to: toPolicyVersion(result.to),
    counts: result.diff.counts,
    sections: result.diff.sections
      .filter((section) => section.change !== 'unchanged' || section.moved)
      .map((section) => ({
        sectionId: section.sectionId,
        change: section.change,
        moved: section.moved,
        before: section.before?.heading ?? null,
        after: section.after?.heading ?? null,
        words: section.words?.map((part) => ({ change: part.change, text: part.text })) ?? null,
      })),
    clauses: result.diff.clauses
      .filter((clause) => clause.change !== 'unchanged' || clause.moved !== 'none')
      .map((clause) => ({
        clauseId: clause.clauseId,
        change: clause.change,
        moved: clause.moved,
        sectionHeading: headings.get((clause.after ?? clause.before)!.sectionId) ?? null,
        before: clause.before?.text ?? null,
        after: clause.after?.text ?? null,
        textChanged: clause.textChanged,
        words: clause.words?.map((part) => ({ change: part.change, text: part.text })) ?? null,
      })),
  };
}

const EDITORS = ['admin', 'author'] as const;

@Resolver(() => ApprovalRequest)
@Members()
export class ApprovalResolver {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly submitCommand: SubmitForApprovalCommand,
    private readonly decideCommand: RecordDecisionCommand,
    private readonly policies: PolicyService,
    private readonly history: VersionHistoryService,
  ) {}

  @Query(() => [ApprovalRequest], { description: 'Requests awaiting a decision you may record, oldest first.' })
  async approvalInbox(): Promise<ApprovalRequest[]> {
    return (await this.approvals.inbox()).map(toApprovalRequest);
  }

  @Query(() => ApprovalRequest, { description: 'One approval request; NOT_FOUND when it does not exist or is not yours.' })
  async approvalRequest(@Args('id', { type: () => ID }) id: string): Promise<ApprovalRequest> {
    return toApprovalRequest(await this.approvals.request(id));
  }

  @Mutation(() => ApprovalRequest, {
    description:
      "Sends a draft for approval along its policy's route and freezes it. CONFLICT when it is not a draft or was saved since expectedRevision; BAD_USER_INPUT for an empty draft, no change since the approved version, or no route.",
  })
  @Members(...EDITORS)
  async submitForApproval(@Args('input') input: SubmitForApprovalInput): Promise<ApprovalRequest> {
    return toApprovalRequest(await this.submitCommand.submit(input));
  }

  @Mutation(() => ApprovalRequest, {
    description:
      'Records the decision at the current stage. Idempotent: the same decision again returns the request unchanged. CONFLICT when the stage was decided otherwise, the text changed after submission or contentHash is not the text awaiting a decision; FORBIDDEN for the author (unless the route allows) or someone not on the deciding body; BAD_USER_INPUT for an outcome that does not fit the stage, a missing minute reference, a meeting without quorum or a future date. Every refusal carries details.reason (e.g. NOT_QUORATE, DATE_IN_FUTURE, ALREADY_DECIDED, CONTENT_CHANGED).',
  })
  @Members('approver', 'admin', 'author', 'publisher')
  async decideApproval(@Args('input') input: DecideApprovalInput): Promise<ApprovalRequest> {
    return toApprovalRequest(await this.decideCommand.decide(input));
  }

  @Mutation(() => ApprovalRequest, { description: 'Takes a request back (its author or an admin): the version returns to draft. Idempotent.' })
  @Members(...EDITORS)
  async withdrawApproval(@Args('requestId', { type: () => ID }) requestId: string): Promise<ApprovalRequest> {
    return toApprovalRequest(await this.submitCommand.withdraw(requestId));
  }

  @Mutation(() => ApprovalComment, { description: 'Comments on an open request, on one clause or the whole. BAD_USER_INPUT for a clause not in the version.' })
  @Members('approver', 'admin', 'author')
  async commentOnApproval(@Args('input') input: CommentOnApprovalInput): Promise<ApprovalComment> {
    return toApprovalComment(await this.approvals.comment(input.requestId, input.clauseId, input.body));
  }

  @ResolveField(() => PolicyVersion)
  async version(@Parent() request: ApprovalRequest): Promise<PolicyVersion> {
    return toPolicyVersion(await this.policies.loadVersion(request.versionId));
  }

  @ResolveField(() => Policy)
  async policy(@Parent() request: ApprovalRequest): Promise<Policy> {
    return toPolicy(await this.policies.load(request.policyId));
  }

  @ResolveField(() => Redline, { description: 'The version against the last approved one (everything added for a first version).' })
  async redline(@Parent() request: ApprovalRequest): Promise<Redline> {
    return toRedline(await this.history.redline(await this.policies.loadVersion(request.versionId)));
  }

  @ResolveField(() => [ApprovalComment])
  async comments(@Parent() request: ApprovalRequest): Promise<ApprovalComment[]> {
    return (await this.approvals.comments(request.id)).map(toApprovalComment);
  }

  @ResolveField(() => DecisionRight, { description: 'Whether you may record the decision now.' })
  async myDecisionRight(@Parent() request: ApprovalRequest): Promise<DecisionRight> {
    const reason = this.approvals.decisionRefusal(await this.approvals.load(request.id));
    return { allowed: reason === null, reason };
  }
}

@Resolver(() => Policy)
@Members()
export class PolicyApprovalResolver {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly versionHistory: VersionHistoryService,
  ) {}

  @ResolveField(() => ApprovalRequest, { nullable: true, description: 'The request in flight, if there is one: its statusLabel says where it stands ("Awaiting ratification by Trust Board").' })
  async pendingApproval(@Parent() policy: Policy): Promise<ApprovalRequest | null> {
    const row = await this.approvals.openFor(policy.id);
    return row ? toApprovalRequest(row) : null;
  }

  @ResolveField(() => [ApprovalRequest], { description: 'Every approval request of the policy, newest first.' })
  async approvalRequests(@Parent() policy: Policy): Promise<ApprovalRequest[]> {
    return (await this.approvals.forPolicy(policy.id)).map(toApprovalRequest);
  }

  @ResolveField(() => [PolicyVersion], { description: 'Every version: a draft or one in approval first, then the approved ones, newest first.' })
  async versions(@Parent() policy: Policy): Promise<PolicyVersion[]> {
    return (await this.versionHistory.versions(policy.id)).map(toPolicyVersion);
  }

  @ResolveField(() => [HistoryEntry], { description: 'The "History of policy changes" table, oldest first, generated from the approved versions.' })
  async history(@Parent() policy: Policy): Promise<HistoryEntry[]> {
    return (await this.versionHistory.history(policy.id)).map((row) => ({
      versionId: row.version.id,
      version: row.version.number!,
      date: row.date,
      change: row.change,
      origin: row.reviewed ? null : (row.version.changeOrigin as ChangeOriginGql | null),
      reviewed: row.reviewed,
      approvedBy: row.approvedBy,
      changedClauseIds: row.changedClauseIds,
    }));
  }
}

@Resolver(() => Redline)
@Members()
export class RedlineResolver {
  constructor(private readonly history: VersionHistoryService) {}

  @Query(() => Redline, { description: 'Two versions of one policy compared clause by clause. BAD_USER_INPUT for versions of different policies; NOT_FOUND for one that is not yours.' })
  async compareVersions(@Args('fromVersionId', { type: () => ID }) fromVersionId: string, @Args('toVersionId', { type: () => ID }) toVersionId: string): Promise<Redline> {
    return toRedline(await this.history.compare(fromVersionId, toVersionId));
  }
}

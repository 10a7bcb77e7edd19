/**
 * Approval requests: the inbox (what awaits the person's decision), one request with its redline
 * and comments, what sending a draft needs to know, and the actions: send, decide, withdraw,
 * comment. After each action the screens that show the request (the policy page, the header's
 * counts) are brought up to date.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  ApprovalInboxDocument,
  ApprovalRequestDocument,
  CommentOnApprovalDocument,
  DecideApprovalDocument,
  SubmissionContextDocument,
  SubmitForApprovalDocument,
  WithdrawApprovalDocument,
  type ApprovalInboxQuery,
  type ApprovalRequestQuery,
  type ApprovalSummaryFieldsFragment,
  type DecideApprovalInput,
  type DecideApprovalMutation,
  type SubmissionContextQuery,
  type SubmitForApprovalInput,
} from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';
import { useNotificationsStore } from '../notifications/notifications.store';
import { usePoliciesStore } from '../policies/policies.store';

export type ApprovalSummary = ApprovalSummaryFieldsFragment;
export type InboxItem = ApprovalInboxQuery['approvalInbox'][number];
export type RequestPage = ApprovalRequestQuery;
export type SubmissionContext = SubmissionContextQuery['policy'];
export type DecidedRequest = DecideApprovalMutation['decideApproval'];

export const useApprovalsStore = defineStore('approvals', () => {
  const inbox = ref<Remote<InboxItem[]> | null>(null);
  const requests = ref<Record<string, Remote<RequestPage>>>({});
  const submissions = ref<Record<string, Remote<SubmissionContext>>>({});

  async function loadInbox(): Promise<void> {
    await loadRemote(inbox, async () => (await request(ApprovalInboxDocument)).approvalInbox);
  }

  async function loadRequest(id: string): Promise<void> {
    await loadRemote(toRef(requests.value, id), () => request(ApprovalRequestDocument, { id }));
  }

  async function loadSubmission(policyId: string): Promise<void> {
    await loadRemote(toRef(submissions.value, policyId), async () => (await request(SubmissionContextDocument, { policyId })).policy);
  }

  /** The policy page, if it was opened, and the header's counts, after something changed a request. */
  function refreshAround(policyId: string | undefined): void {
    const policies = usePoliciesStore();
    if (policyId && policies.byId[policyId]) void policies.loadPolicy(policyId);
    void useNotificationsStore().loadCounts();
  }

  async function submit(policyId: string, input: SubmitForApprovalInput): Promise<ActionResult<{ request: ApprovalSummary }>> {
    try {
      const { submitForApproval } = await request(SubmitForApprovalDocument, { input });
      refreshAround(policyId);
      return { ok: true, request: submitForApproval };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  /**
   * Records a decision. The request is loaded again either way (a CONFLICT means it moved on),
   * without waiting: the caller hears the result first, before the page moves on to the next stage.
   */
  async function decide(input: DecideApprovalInput): Promise<ActionResult<{ request: DecidedRequest }>> {
    const policyId = requests.value[input.requestId]?.data?.approvalRequest.policy.id;
    let result: ActionResult<{ request: DecidedRequest }>;
    try {
      const { decideApproval } = await request(DecideApprovalDocument, { input });
      result = { ok: true, request: decideApproval };
    } catch (error) {
      result = { ok: false, ...actionFailure(error) };
    }
    if (result.ok || result.code === 'CONFLICT') {
      void loadRequest(input.requestId);
      refreshAround(policyId);
      if (inbox.value) void loadInbox();
    }
    return result;
  }

  async function withdraw(requestId: string, policyId: string): Promise<ActionResult> {
    try {
      await request(WithdrawApprovalDocument, { requestId });
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
    refreshAround(policyId);
    if (requests.value[requestId]) void loadRequest(requestId);
    return { ok: true };
  }

  async function comment(requestId: string, clauseId: string | null, body: string): Promise<ActionResult> {
    try {
      const { commentOnApproval } = await request(CommentOnApprovalDocument, { input: { requestId, body, ...(clauseId ? { clauseId } : {}) } });
      const page = requests.value[requestId]?.data;
      if (page) {
        const approvalRequest = { ...page.approvalRequest, comments: [...page.approvalRequest.comments, commentOnApproval] };
        requests.value[requestId] = { status: 'ready', data: { ...page, approvalRequest }, error: null };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  function clear(): void {
    inbox.value = null;
    requests.value = {};
    submissions.value = {};
  }

  return { inbox, requests, submissions, loadInbox, loadRequest, loadSubmission, submit, decide, withdraw, comment, clear };
});

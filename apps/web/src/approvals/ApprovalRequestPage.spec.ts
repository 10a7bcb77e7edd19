import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApprovalRequestQuery, DecideApprovalMutation } from '../graphql/operations.generated';
import { aRequestPage, aRequestSummary, boardStage, farRecommended, farStage } from '../test/approval-fixtures';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-21T10:00:00'));
});
afterEach(() => {
  vi.useRealTimers();
});

const atBoard = () =>
  aRequestPage({
    currentStage: 2,
    statusLabel: 'Awaiting ratification by Trust Board',
    stages: [{ ...farStage, decision: farRecommended }, boardStage],
  });

function requestApi(page: ApprovalRequestQuery = aRequestPage(), decided?: Partial<DecideApprovalMutation['decideApproval']>) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: 'APPROVER' }) } }),
    ApprovalRequest: () => ({ data: page }),
    ApprovalInbox: () => ({ data: { approvalInbox: [] } }),
    DecideApproval: () => ({
      data: {
        decideApproval: {
          ...aRequestSummary({ currentStage: 2, statusLabel: 'Awaiting ratification by Trust Board', stages: [{ ...farStage, decision: farRecommended }, boardStage] }),
          version: { id: 'v-2', number: null, status: 'IN_APPROVAL' },
          ...decided,
        },
      },
    }),
    CommentOnApproval: ({ input }) => ({
      data: { commentOnApproval: { id: 'cm-2', clauseId: (input as { clauseId?: string }).clauseId ?? null, body: (input as { body: string }).body, author: { id: 'person-1', name: 'Sam Head' }, createdAt: '2026-11-21T10:00:00Z' } },
    }),
  });
}

const optionLabels = (wrapper: VueWrapper, legend: string) =>
  wrapper
    .findAll('fieldset')
    .find((fieldset) => fieldset.get('legend').text() === legend)
    ?.findAll('.choice label')
    .map((label) => label.text());

async function recordDecision(wrapper: VueWrapper): Promise<void> {
  await buttonByText(wrapper, 'Continue').trigger('click');
  await flushPromises();
  await buttonByText(wrapper, 'Record the decision').trigger('click');
  await flushPromises();
}

describe('an approval request', () => {
  it('shows what was sent, where it stands and the stages', async () => {
    requestApi(atBoard());
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(wrapper.get('h1').text()).toBe('Use of Social Media Policy');
    expect(wrapper.get('.approval-status').text()).toBe('Awaiting ratification by Trust Board');
    expect(wrapper.get('.request-facts').text()).toContain('Online conduct and reporting to the DSL');
    expect(wrapper.get('.request-facts').text()).toContain('Legislation or guidance');
    const [committee, board] = wrapper.findAll('.stage');
    expect(committee?.get('.stage__name').text()).toBe('Stage 1: Finance, Audit & Risk Committee approves');
    expect(committee?.get('.stage__outcome').text()).toBe('Recommended to the next stage');
    const facts = Object.fromEntries(committee!.findAll('.stage__facts > div').map((fact) => [fact.get('dt').text(), fact.get('dd').text().replace(/\s+/g, ' ')]));
    expect(facts).toEqual({
      'Decided on': '10 November 2026',
      How: 'At a meeting',
      'Minute reference': 'FAR/26-27/02/4',
      'Members present': '3',
      'Recorded by': 'Charles Fenwick, 10 November 2026 at 17:05',
    });
    expect(board?.get('.stage__outcome').text()).toBe('Awaiting its decision');
  });

  it('shows the redline since the last approved version, with each clause’s comments', async () => {
    requestApi();
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(wrapper.get('#redline-title').text()).toBe('What changed since version 1.0');
    const changed = wrapper.get('#redline-c1');
    expect(changed.findAll('ins').map((ins) => ins.text())).toEqual(['added: professional (end of addition)', 'added: pupils online. (end of addition)']);
    expect(changed.get('.comment').text()).toContain('Samuel Reed');
    expect(changed.get('.comment').text()).toContain('Does “online” cover gaming?');
    // A removed clause is no longer in the text, so it takes no comment.
    expect(wrapper.get('#redline-c3').find('.comments').exists()).toBe(false);
  });

  it('offers the outcomes of a stage before the last, and no chair’s action to a member', async () => {
    requestApi();
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(optionLabels(wrapper, 'What did Finance, Audit & Risk Committee decide?')).toEqual(['Recommend to Trust Board for ratification', 'Send back for changes', 'Reject']);
    expect(optionLabels(wrapper, 'How was it decided?')).toEqual(['At a meeting', 'By written resolution']);
    expect(wrapper.find('#decision-effective').exists()).toBe(false);
  });

  it('offers the chair their own action', async () => {
    requestApi(aRequestPage({}, true));
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(optionLabels(wrapper, 'How was it decided?')).toEqual(['At a meeting', 'By written resolution', 'By chair’s action']);
  });

  it('records a recommendation at a meeting, pinned to the stage and text read, after confirming, and says where it went', async () => {
    const api = requestApi();
    // Loaded again after the decision, the request awaits the board, on which this person sits too.
    api.on('DecideApproval', () => {
      api.on('ApprovalRequest', () => ({ data: atBoard() }));
      return { data: { decideApproval: { ...atBoard().approvalRequest, version: { id: 'v-2', number: null, status: 'IN_APPROVAL' } } } };
    });
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(fieldByLabel(wrapper, 'Date of the decision').element.value).toBe('2026-11-21');
    await fieldByLabel(wrapper, 'Recommend to Trust Board for ratification').setValue(true);
    await fieldByLabel(wrapper, 'Date of the decision').setValue('2026-11-20');
    await fieldByLabel(wrapper, 'At a meeting').setValue(true);
    await fieldByLabel(wrapper, 'Minute reference').setValue('FAR/26-27/02/4');
    await fieldByLabel(wrapper, 'Members present').setValue('3');
    await buttonByText(wrapper, 'Continue').trigger('click');
    await flushPromises();

    expect(api.callsOf('DecideApproval')).toHaveLength(0);
    expect(wrapper.get('.confirm-panel').text()).toContain(
      'Record that Finance, Audit & Risk Committee recommended it to Trust Board on 20 November 2026, at a meeting (minute FAR/26-27/02/4)?',
    );
    expect(document.activeElement?.id).toBe('decision-confirm-question');
    await buttonByText(wrapper, 'Record the decision').trigger('click');
    await flushPromises();

    expect(api.callsOf('DecideApproval')[0]?.variables).toEqual({
      input: {
        requestId: 'r-1',
        stage: 1,
        contentHash: 'a'.repeat(64),
        outcome: 'RECOMMENDED',
        decidedOn: '2026-11-20',
        method: 'MEETING',
        minuteReference: 'FAR/26-27/02/4',
        membersPresent: 3,
      },
    });
    const result = wrapper.get('.banner--success');
    expect(result.text()).toContain('Your decision is recorded. Awaiting ratification by Trust Board.');
    expect(result.text()).toContain('It is now with Trust Board (stage 2), who have been told.');
    expect(api.callsOf('ApprovalRequest')).toHaveLength(2);
    // The page now shows the board's stage awaited; the result stays, and no second form opens under it.
    expect(wrapper.get('.approval-status').text()).toBe('Awaiting ratification by Trust Board');
    expect(wrapper.find('.decision-form').exists()).toBe(false);
  });

  it('says what a meeting must record, and sends nothing until it does', async () => {
    const api = requestApi();
    const { wrapper } = await renderApp('/approvals/r-1');

    await fieldByLabel(wrapper, 'Send back for changes').setValue(true);
    await fieldByLabel(wrapper, 'At a meeting').setValue(true);
    await fieldByLabel(wrapper, 'Members present').setValue('1');
    await buttonByText(wrapper, 'Continue').trigger('click');
    await flushPromises();

    expect(api.callsOf('DecideApproval')).toHaveLength(0);
    expect(wrapper.find('.confirm-panel').exists()).toBe(false);
    expect(wrapper.get('#decision-minute-error').text()).toBe('Enter the minute reference of the meeting, for example FAR/25-26/03/7.');
    expect(wrapper.get('#decision-members-error').text()).toBe('The meeting was not quorate: Finance, Audit & Risk Committee needs at least 2 members present to decide.');
    expect(document.activeElement?.id).toBe('decision-minute');
  });

  it('at the last stage offers ratification, and sends the amended text with the clause’s id kept', async () => {
    const api = requestApi(atBoard(), { status: 'APPROVED', statusLabel: 'Approved as version 2.0', currentStage: null, version: { id: 'v-2', number: '2.0', status: 'APPROVED' } });
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(optionLabels(wrapper, 'What did Trust Board decide?')).toEqual(['Ratify', 'Ratify with amendments', 'Send back for changes', 'Reject']);
    await fieldByLabel(wrapper, 'Ratify with amendments').setValue(true);
    await fieldByLabel(wrapper, 'By written resolution').setValue(true);
    await fieldByLabel(wrapper, 'Takes effect on (optional)').setValue('2027-01-01');
    await buttonByText(wrapper, 'Continue').trigger('click');
    await flushPromises();
    expect(wrapper.get('#decision-amendments').text()).toContain('Amend at least one clause below, or choose to approve it as it is.');

    await buttonByText(wrapper, 'Amend clause 1.2').trigger('click');
    await fieldByLabel(wrapper, 'New text for clause 1.2').setValue('Report concerns to the DSL the same day.');
    await buttonByText(wrapper, 'Use this text').trigger('click');
    expect(wrapper.get('.amend-clause--amended').text()).toContain('Report concerns to the DSL the same day.');
    await recordDecision(wrapper);

    const input = api.callsOf('DecideApproval')[0]?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ stage: 2, outcome: 'APPROVED_WITH_AMENDMENTS', method: 'WRITTEN_RESOLUTION', decidedOn: '2026-11-21', effectiveOn: '2027-01-01' });
    expect(input).not.toHaveProperty('minuteReference');
    const clauses = (input.amendedContent as { content: { content: unknown[] }[] }).content[0]!.content;
    expect(clauses[1]).toEqual({ type: 'clause', attrs: { clauseId: 'c1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Staff keep a professional distance from pupils online.' }] }] });
    expect(clauses[2]).toEqual({ type: 'clause', attrs: { clauseId: 'c2' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Report concerns to the DSL the same day.' }] }] });
    expect(wrapper.get('.banner--success').text()).toContain('Version 2.0 is now the policy’s current version; Olivia Grant has been told.');
  });

  it('says why a decision was refused, as a sentence', async () => {
    const api = requestApi();
    api.on('DecideApproval', () => gqlError('CONFLICT'));
    const { wrapper } = await renderApp('/approvals/r-1');

    await fieldByLabel(wrapper, 'Reject').setValue(true);
    await fieldByLabel(wrapper, 'By written resolution').setValue(true);
    await recordDecision(wrapper);

    expect(wrapper.get('[role="alert"]').text()).toBe(
      'This request changed while you were reading it: someone else may have recorded this stage’s decision, or the text changed. It has been loaded again: read it, then decide.',
    );
    expect(api.callsOf('ApprovalRequest')).toHaveLength(2);
  });

  it('shows the reason instead of the form to someone who may not decide', async () => {
    requestApi(aRequestPage({ myDecisionRight: { allowed: false, reason: 'Only members of Finance, Audit & Risk Committee record its decisions.' } }));
    const { wrapper } = await renderApp('/approvals/r-1');

    expect(wrapper.find('.decision-form').exists()).toBe(false);
    expect(wrapper.text()).toContain('Only members of Finance, Audit & Risk Committee record its decisions.');
  });

  it('adds a comment on a clause, and on the whole', async () => {
    const api = requestApi();
    const { wrapper } = await renderApp('/approvals/r-1');

    await buttonByText(wrapper, 'Comment on Clause 1.2').trigger('click');
    expect(document.activeElement?.id).toBe('comment-c2-text');
    await fieldByLabel(wrapper, 'Your comment on Clause 1.2').setValue('Which DSL: the school’s or the trust’s?');
    await buttonByText(wrapper, 'Add comment').trigger('click');
    await flushPromises();

    expect(api.callsOf('CommentOnApproval')[0]?.variables).toEqual({ input: { requestId: 'r-1', clauseId: 'c2', body: 'Which DSL: the school’s or the trust’s?' } });
    expect(wrapper.get('#redline-c2 .comment').text()).toContain('Which DSL: the school’s or the trust’s?');

    await buttonByText(wrapper, 'Comment on the whole policy').trigger('click');
    await fieldByLabel(wrapper, 'Your comment on the whole policy').setValue('Fine by me.');
    await buttonByText(wrapper, 'Add comment').trigger('click');
    await flushPromises();
    expect(api.callsOf('CommentOnApproval')[1]?.variables).toEqual({ input: { requestId: 'r-1', body: 'Fine by me.' } });
  });

  it('says the request was not found on NOT_FOUND', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), ApprovalRequest: () => gqlError('NOT_FOUND') });
    const { wrapper } = await renderApp('/approvals/r-9');

    expect(wrapper.get('h1').text()).toBe('Approval request not found');
  });
});

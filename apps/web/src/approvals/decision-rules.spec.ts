import { describe, expect, it } from 'vitest';
import { checkDecision, decisionInput, decisionSentence, methodChoices, outcomeChoices, type DecisionContext, type DecisionForm } from './decision-rules';

const stages: DecisionContext['stages'] = [
  { position: 1, action: 'APPROVE', deciderName: 'Finance, Audit & Risk Committee', delegatedRole: null, decision: null },
  { position: 2, action: 'RATIFY', deciderName: 'Trust Board', delegatedRole: null, decision: null },
];
const atCommittee: DecisionContext = { stages, currentStage: 1, body: { quorum: 2, memberCount: 3, iAmChair: false }, today: '2026-11-21' };
const atBoard: DecisionContext = {
  ...atCommittee,
  currentStage: 2,
  stages: [{ ...stages[0]!, decision: { decidedOn: '2026-11-10' } }, stages[1]!],
};

const form = (changes: Partial<DecisionForm> = {}): DecisionForm => ({
  outcome: 'RECOMMENDED',
  decidedOn: '2026-11-20',
  method: 'MEETING',
  minuteReference: 'FAR/26-27/02/4',
  membersPresent: '3',
  note: '',
  effectiveOn: '',
  amendedClauses: 0,
  ...changes,
});

describe('the outcomes a stage offers', () => {
  it('before the last stage: recommend to the next, send back or reject', () => {
    expect(outcomeChoices(atCommittee).map((choice) => choice.label)).toEqual(['Recommend to Trust Board for ratification', 'Send back for changes', 'Reject']);
  });

  it('at a last stage that ratifies: ratify, with amendments, send back or reject', () => {
    expect(outcomeChoices(atBoard).map((choice) => [choice.value, choice.label])).toEqual([
      ['APPROVED', 'Ratify'],
      ['APPROVED_WITH_AMENDMENTS', 'Ratify with amendments'],
      ['CHANGES_REQUESTED', 'Send back for changes'],
      ['REJECTED', 'Reject'],
    ]);
  });

  it('at a single approving stage: approve', () => {
    expect(outcomeChoices({ stages: [stages[0]!], currentStage: 1 })[0]?.label).toBe('Approve');
  });
});

describe('how a decision may be taken', () => {
  it("offers chair's action to the chair only, and only delegation for a delegated stage", () => {
    expect(methodChoices(atCommittee).map((choice) => choice.value)).toEqual(['MEETING', 'WRITTEN_RESOLUTION']);
    expect(methodChoices({ body: { quorum: 2, memberCount: 3, iAmChair: true } }).map((choice) => choice.value)).toEqual(['MEETING', 'WRITTEN_RESOLUTION', 'CHAIRS_ACTION']);
    expect(methodChoices({ body: null }).map((choice) => choice.value)).toEqual(['DELEGATED']);
  });
});

describe('checking a decision', () => {
  it('accepts a quorate meeting with its minute', () => {
    expect(checkDecision(form(), atCommittee)).toEqual({});
  });

  it('asks for the minute reference and the members present at a meeting', () => {
    expect(checkDecision(form({ minuteReference: ' ', membersPresent: '' }), atCommittee)).toEqual({
      minuteReference: 'Enter the minute reference of the meeting, for example FAR/25-26/03/7.',
      membersPresent: 'Enter how many members were present: Finance, Audit & Risk Committee needs 2 to decide.',
    });
  });

  it('refuses a meeting that was not quorate, or larger than the body', () => {
    expect(checkDecision(form({ membersPresent: '1' }), atCommittee).membersPresent).toBe(
      'The meeting was not quorate: Finance, Audit & Risk Committee needs at least 2 members present to decide.',
    );
    expect(checkDecision(form({ membersPresent: '4' }), atCommittee).membersPresent).toBe('Finance, Audit & Risk Committee has 3 members, so no more than 3 can have been present.');
    expect(checkDecision(form({ membersPresent: 'three' }), atCommittee).membersPresent).toBe('Enter the number of members present as a whole number, for example 3.');
  });

  it('needs no minute or members for a written resolution', () => {
    expect(checkDecision(form({ method: 'WRITTEN_RESOLUTION', minuteReference: '', membersPresent: '' }), atCommittee)).toEqual({});
  });

  it('refuses a date in the future or before the previous stage’s decision', () => {
    expect(checkDecision(form({ decidedOn: '2026-11-22' }), atCommittee).decidedOn).toBe('The date of the decision cannot be in the future.');
    expect(checkDecision(form({ outcome: 'APPROVED', decidedOn: '2026-11-09' }), atBoard).decidedOn).toBe('The date cannot be before the previous stage’s decision, on 10 November 2026.');
    expect(checkDecision(form({ decidedOn: '' }), atCommittee).decidedOn).toBe('Enter the date the decision was taken.');
  });

  it('wants an amendment for "approve with amendments", and an effective date not before the decision', () => {
    expect(checkDecision(form({ outcome: 'APPROVED_WITH_AMENDMENTS' }), atBoard).amendments).toBe('Amend at least one clause below, or choose to approve it as it is.');
    expect(checkDecision(form({ outcome: 'APPROVED', effectiveOn: '2026-11-19' }), atBoard).effectiveOn).toBe('The version cannot take effect before the date of the decision.');
  });

  it('asks what was decided and how', () => {
    expect(checkDecision(form({ outcome: null, method: null, minuteReference: '' }), atCommittee)).toEqual({
      outcome: 'Choose what was decided.',
      method: 'Choose how the decision was taken.',
    });
  });
});

describe('the decision sent', () => {
  const request = { id: 'r-1', currentStage: 1, contentHash: 'a'.repeat(64) };

  it('is pinned to the stage and the text read, with the meeting’s details', () => {
    expect(decisionInput(form({ note: '  Unanimous. ' }), request, atCommittee)).toEqual({
      requestId: 'r-1',
      stage: 1,
      contentHash: 'a'.repeat(64),
      outcome: 'RECOMMENDED',
      decidedOn: '2026-11-20',
      method: 'MEETING',
      minuteReference: 'FAR/26-27/02/4',
      membersPresent: 3,
      note: 'Unanimous.',
    });
  });

  it('leaves out what the choices do not call for', () => {
    const input = decisionInput(form({ method: 'WRITTEN_RESOLUTION', minuteReference: '', membersPresent: '3', effectiveOn: '2027-01-01' }), request, atCommittee);
    expect(input).not.toHaveProperty('membersPresent');
    expect(input).not.toHaveProperty('minuteReference');
    expect(input).not.toHaveProperty('effectiveOn');
  });

  it('carries the effective date and the amended text of an approval', () => {
    const amended = { type: 'doc', content: [] };
    const input = decisionInput(form({ outcome: 'APPROVED_WITH_AMENDMENTS', effectiveOn: '2027-01-01', amendedClauses: 1 }), { ...request, currentStage: 2 }, atBoard, amended);
    expect(input).toMatchObject({ stage: 2, outcome: 'APPROVED_WITH_AMENDMENTS', effectiveOn: '2027-01-01', amendedContent: amended });
  });

  it('is said in one sentence to confirm', () => {
    expect(decisionSentence(form(), atCommittee)).toBe('Record that Finance, Audit & Risk Committee recommended it to Trust Board on 20 November 2026, at a meeting (minute FAR/26-27/02/4)?');
    expect(decisionSentence(form({ outcome: 'APPROVED', method: 'WRITTEN_RESOLUTION' }), atBoard)).toBe('Record that Trust Board ratified it on 20 November 2026, by written resolution?');
  });
});

import { describe, expect, it } from 'vitest';
import { aTwoStageRoute } from '../test/approval-fixtures';
import { checkSubmission, kindHint, nextVersionNumber, plannedStages } from './submission-rules';

const twoStage = aTwoStageRoute();

describe('the stages a change goes through', () => {
  it('sends a major change to every stage', () => {
    expect(plannedStages(twoStage, 'MAJOR', false)).toEqual([
      { deciderName: 'Finance, Audit & Risk Committee', action: 'APPROVE' },
      { deciderName: 'Trust Board', action: 'RATIFY' },
    ]);
  });

  it('sends a minor change to the delegated role where the route allows it, and to the all-changes stages where not', () => {
    expect(plannedStages(twoStage, 'MINOR', false)).toEqual([{ deciderName: 'Delegated approval (an admin)', action: 'APPROVE' }]);
    expect(plannedStages({ ...twoStage, minorChangeRole: null }, 'MINOR', false)).toEqual([{ deciderName: 'Finance, Audit & Risk Committee', action: 'APPROVE' }]);
  });

  it('sends a first version through every stage, whatever it is called', () => {
    expect(plannedStages(twoStage, 'MINOR', true)).toHaveLength(2);
  });
});

describe('the number a version will get', () => {
  it.each([
    [null, 'MAJOR', '1.0'],
    [null, 'MINOR', '1.0'],
    ['1.3', 'MAJOR', '2.0'],
    ['1.3', 'MINOR', '1.4'],
  ] as const)('after %s a %s change is %s', (approved, kind, next) => {
    expect(nextVersionNumber(approved, kind)).toBe(next);
  });

  it('says it in one line under each choice', () => {
    expect(kindHint('MAJOR', '1.0')).toMatch(/^It will be version 2\.0: /);
    expect(kindHint('MINOR', '1.0')).toMatch(/^It will be version 1\.1: /);
    expect(kindHint('MINOR', null)).toBe('This is the policy’s first approval, so it will be version 1.0 whichever you choose.');
  });
});

describe('checking the form', () => {
  it('asks for each answer in words', () => {
    expect(checkSubmission({ changeSummary: '  ', changeOrigin: null, changeKind: null })).toEqual({
      changeSummary: 'Say what changed: it goes in the policy’s history table.',
      changeOrigin: 'Choose why the policy changed.',
      changeKind: 'Choose whether this is a major or a minor change.',
    });
    expect(checkSubmission({ changeSummary: 'x'.repeat(501), changeOrigin: 'EDITORIAL', changeKind: 'MINOR' }).changeSummary).toBe(
      'Keep the summary to 500 characters or fewer (it has 501).',
    );
    expect(checkSubmission({ changeSummary: 'New DSL', changeOrigin: 'EDITORIAL', changeKind: 'MINOR' })).toEqual({});
  });
});

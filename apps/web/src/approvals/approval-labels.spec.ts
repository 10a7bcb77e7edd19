import { describe, expect, it } from 'vitest';
import { stageSentence } from './approval-labels';

describe('approval labels', () => {
  it('says what a stage does', () => {
    expect(stageSentence({ action: 'RATIFY', deciderName: 'Trust Board' })).toBe('Trust Board ratifies');
    expect(stageSentence({ action: 'APPROVE', deciderName: 'Finance, Audit & Risk Committee' })).toBe('Finance, Audit & Risk Committee approves');
  });
});

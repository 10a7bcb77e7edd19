import { describe, expect, it } from 'vitest';
import { originLabel, outcomeLabel, stageSentence } from './approval-labels';

describe('approval labels', () => {
  it('reads an origin from the enum and from the word a version stores', () => {
    expect(originLabel('AUDIT_FINDING')).toBe('Audit or inspection finding');
    expect(originLabel('legislation-or-guidance')).toBe('Legislation or guidance');
    expect(originLabel('editorial')).toBe('Editorial (typos, contact details)');
    expect(originLabel(null)).toBeNull();
    expect(originLabel('something-new')).toBeNull();
  });

  it('says a ratifying stage ratified, and names what a recommendation does', () => {
    expect(outcomeLabel('APPROVED', 'RATIFY')).toBe('Ratified');
    expect(outcomeLabel('APPROVED', 'APPROVE')).toBe('Approved');
    expect(outcomeLabel('RECOMMENDED', 'APPROVE')).toBe('Recommended to the next stage');
    expect(stageSentence({ action: 'RATIFY', deciderName: 'Trust Board' })).toBe('Trust Board ratifies');
  });
});

import { describe, expect, it } from 'vitest';
import { originLabel, stageSentence } from './approval-labels';

describe('approval labels', () => {
  it('reads an origin from the enum and from the word a version stores', () => {
    expect(originLabel('AUDIT_FINDING')).toBe('Audit or inspection finding');
    expect(originLabel('legislation-or-guidance')).toBe('Legislation or guidance');
    expect(originLabel('editorial')).toBe('Editorial (typos, contact details)');
    expect(originLabel(null)).toBeNull();
    expect(originLabel('something-new')).toBeNull();
  });

  it('says what a stage does', () => {
    expect(stageSentence({ action: 'RATIFY', deciderName: 'Trust Board' })).toBe('Trust Board ratifies');
  });
});

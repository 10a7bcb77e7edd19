import { describe, expect, it } from 'vitest';
import { membershipLabel, membershipPlace } from './membership-label';

describe('membershipLabel', () => {
  it('names a trust-wide membership by its organisation and role', () => {
    expect(membershipLabel({ role: 'ADMIN', organisation: { name: 'Leaf Trust' }, school: null })).toBe('Leaf Trust — Administrator');
  });

  it('names one academy’s membership by the academy, then its trust', () => {
    const membership = { role: 'PUBLISHER', organisation: { name: 'Leaf Trust' }, school: { name: 'Willow Primary Academy' } } as const;
    expect(membershipLabel(membership)).toBe('Willow Primary Academy, Leaf Trust — Publisher');
    expect(membershipPlace(membership)).toBe('Willow Primary Academy, Leaf Trust');
  });
});

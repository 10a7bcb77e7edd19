import { describe, expect, it } from 'vitest';
import { homeFor } from './home';

describe('homeFor', () => {
  it('sends a trust administrator to the review dashboard', () => {
    expect(homeFor({ role: 'ADMIN', school: null })).toBe('/reviews');
  });

  it('sends an approver to the approvals inbox', () => {
    expect(homeFor({ role: 'APPROVER', school: null })).toBe('/approvals');
  });

  it('sends an author (the operations lead) to the policies list', () => {
    expect(homeFor({ role: 'AUTHOR', school: null })).toBe('/policies');
  });

  it('sends an academy’s staff to the policies list', () => {
    expect(homeFor({ role: 'PUBLISHER', school: { id: 'school-1' } })).toBe('/policies');
    expect(homeFor({ role: 'AUTHOR', school: { id: 'school-1' } })).toBe('/policies');
  });

  it('sends a viewer, and someone with no membership, to the policies list', () => {
    expect(homeFor({ role: 'VIEWER' })).toBe('/policies');
    expect(homeFor(null)).toBe('/policies');
    expect(homeFor(undefined)).toBe('/policies');
  });
});

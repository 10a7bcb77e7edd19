import { describe, expect, it } from 'vitest';
import { failureMessage } from './failure-message';

describe('failureMessage', () => {
  it('says what to do for each code, naming the action', () => {
    expect(failureMessage('FORBIDDEN', 'save the terminology')).toBe(
      'You do not have permission to save the terminology. Ask an administrator of your organisation if you need to.',
    );
    expect(failureMessage('NETWORK_ERROR', 'clone this template')).toBe(
      'Ratify could not reach the server to clone this template. Check your connection and try again.',
    );
    expect(failureMessage('CONFLICT', 'save the lock levels')).toContain('Reload the page');
    expect(failureMessage('NOT_FOUND', 'save the school copy')).toContain('no longer there');
    expect(failureMessage('BAD_USER_INPUT', 'save the values')).toContain('Check what you entered');
    expect(failureMessage('UNAUTHENTICATED', 'apply the changes')).toBe('Your session has ended. Sign in again to apply the changes.');
  });

  it('never passes an unknown code or a server message through', () => {
    expect(failureMessage('TOO_MANY_REQUESTS', 'save the values')).toBe('Sorry, something went wrong trying to save the values. Please try again.');
    expect(failureMessage('INTERNAL_SERVER_ERROR', 'save the values')).not.toContain('INTERNAL');
  });

  it('lets a screen say more for the codes it knows better', () => {
    expect(failureMessage('CONFLICT', 'clone this template', { CONFLICT: 'This is your own template.' })).toBe('This is your own template.');
    expect(failureMessage('FORBIDDEN', 'clone this template', { CONFLICT: 'This is your own template.' })).toContain('permission');
  });
});

import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../app/router';
import { tokenFromFragment } from '../../lib/membersApi';

describe('the pages of members and accounts', () => {
  it('have their addresses', () => {
    expect(matchRoute('/councils/ws%201/members')).toEqual({ name: 'members', workspaceId: 'ws 1' });
    expect(matchRoute('/councils/%E0%A4/members')).toEqual({ name: 'notFound' });
    expect(matchRoute('/invite')).toEqual({ name: 'invite' });
    expect(matchRoute('/reset-password/')).toEqual({ name: 'resetPassword' });
    expect(matchRoute('/account')).toEqual({ name: 'account' });
  });

  it('read a one-time token from the fragment only, and only when well-formed', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz234567';
    expect(tokenFromFragment(`#token=${token}`)).toBe(token);
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#token=<script>')).toBeNull();
    expect(tokenFromFragment('#other=1')).toBeNull();
  });
});

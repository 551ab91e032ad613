import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PATCH' | 'POST', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });

describe('roles and ownership on user records', () => {
  it('lets owners read and edit their profile and no one else edit it', async () => {
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);
    expect((await call('GET', `/api/users/${alice.user.id}`, alice.accessToken)).statusCode).toBe(200);

    const peek = await call('GET', `/api/users/${alice.user.id}`, bob.accessToken);
    expect(peek.statusCode).toBe(403);
    expect(peek.json().code).toBe('FORBIDDEN_NOT_OWNER');

    const edit = await call('PATCH', `/api/users/${alice.user.id}`, bob.accessToken, { displayName: '冒名' });
    expect(edit.json().code).toBe('FORBIDDEN_NOT_OWNER');
    const own = await call('PATCH', `/api/users/${alice.user.id}`, alice.accessToken, {
      displayName: '爱丽丝',
    });
    expect(own.json().displayName).toBe('爱丽丝');
  });

  it('lets organizers read any profile but not edit it', async () => {
    const seeker = await registerUser(t.app);
    const organizer = await registerStaff(t.app, ['organizer']);
    expect((await call('GET', `/api/users/${seeker.user.id}`, organizer.accessToken)).statusCode).toBe(200);
    expect(
      (await call('PATCH', `/api/users/${seeker.user.id}`, organizer.accessToken, { displayName: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets only admins grant roles, and the new role is in the next token', async () => {
    const seeker = await registerUser(t.app);
    const admin = await registerStaff(t.app, ['admin']);
    const denied = await call('POST', `/api/users/${seeker.user.id}/roles`, seeker.accessToken, {
      roles: ['organizer'],
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'FORBIDDEN_ROLE', details: { required: ['admin'] } });

    const granted = await call('POST', `/api/users/${seeker.user.id}/roles`, admin.accessToken, {
      roles: ['organizer'],
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual(['organizer', 'seeker']);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: seeker.phone, password: seeker.password },
    });
    expect(relogin.json().user.roles).toEqual(['organizer', 'seeker']);
  });

  it('answers 404 with a stable code for an unknown user and 400 for a malformed id', async () => {
    const admin = await registerStaff(t.app, ['admin']);
    const missing = await call('GET', '/api/users/00000000-0000-4000-8000-000000000000', admin.accessToken);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    expect((await call('GET', '/api/users/not-a-uuid', admin.accessToken)).json().code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { api, unwrap } from '@/api/client';
import { useAuthStore } from './auth';

// The one place with a fetch stub: the store's token handling, not the api, is under test here.
// Everything the api really does is covered by the backend's integration tests and the e2e journeys.

type Reply = { status: number; body?: unknown };
type Handler = (request: Request) => Reply | Promise<Reply>;

const USER = {
  id: '6f1d8a1e-4a4b-4c4d-8e8f-9a9b9c9d9e9f',
  displayName: '王同学',
  phone: '138****8000',
  email: null,
  roles: ['seeker', 'trainee'],
  createdAt: '2026-01-01T00:00:00.000Z',
};
const session = (token: string) => ({
  accessToken: token,
  expiresIn: 900,
  refreshToken: `rt-${token}`,
  user: USER,
});
const expired = { status: 401, body: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } };

let routes: Record<string, Handler>;
let calls: { route: string; authorization: string | null }[];

beforeEach(() => {
  setActivePinia(createPinia());
  localStorage.clear();
  routes = {};
  calls = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const route = `${request.method} ${new URL(request.url).pathname}`;
    calls.push({ route, authorization: request.headers.get('authorization') });
    const handler = routes[route];
    const reply = handler
      ? await handler(request)
      : { status: 404, body: { code: 'NOT_FOUND', message: 'none' } };
    if (reply.body === undefined) return new Response(null, { status: reply.status });
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(() => vi.unstubAllGlobals());

const countOf = (route: string) => calls.filter((call) => call.route === route).length;

describe('the auth store', () => {
  it('signs in and knows the user’s roles', async () => {
    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('t1') });
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    expect(auth.isAuthenticated).toBe(true);
    expect(auth.user?.displayName).toBe('王同学');
    expect(auth.hasRole('trainee')).toBe(true);
    expect(auth.hasRole('employer', 'admin')).toBe(false);
  });

  it('stays signed out and throws the api’s code when the password is wrong', async () => {
    routes['POST /api/auth/login'] = () => ({
      status: 401,
      body: { code: 'AUTH_INVALID_CREDENTIALS', message: 'no' },
    });
    const auth = useAuthStore();
    const failure = await auth
      .login({ identifier: 'a@b.cn', password: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', status: 401 });
    expect(auth.isAuthenticated).toBe(false);
    expect(countOf('POST /api/auth/refresh')).toBe(0);
  });

  it('restores the session from the refresh cookie once, however often it is asked', async () => {
    routes['POST /api/auth/refresh'] = () => ({ status: 200, body: session('t1') });
    localStorage.setItem('auth.signedIn', '1');
    const auth = useAuthStore();
    await Promise.all([auth.restore(), auth.restore()]);
    await auth.restore();
    expect(auth.user?.id).toBe(USER.id);
    expect(countOf('POST /api/auth/refresh')).toBe(1);
  });

  it('stays signed out when there is no refresh cookie', async () => {
    routes['POST /api/auth/refresh'] = () => ({
      status: 401,
      body: { code: 'AUTH_REFRESH_INVALID', message: 'no' },
    });
    localStorage.setItem('auth.signedIn', '1');
    const auth = useAuthStore();
    await auth.restore();
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.endedBy).toBeNull();
    // The refusal is remembered: the next page load does not ask again.
    expect(localStorage.getItem('auth.signedIn')).toBeNull();
  });

  it('does not ask for a refresh in a browser that never signed in, or signed out', async () => {
    routes['POST /api/auth/refresh'] = () => ({ status: 200, body: session('t1') });
    await useAuthStore().restore();
    expect(countOf('POST /api/auth/refresh')).toBe(0);

    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('t2') });
    routes['POST /api/auth/logout'] = () => ({ status: 204 });
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    expect(localStorage.getItem('auth.signedIn')).toBe('1');
    await auth.logout();
    setActivePinia(createPinia());
    await useAuthStore().restore();
    expect(countOf('POST /api/auth/refresh')).toBe(0);
  });

  it('refreshes an expired token once for concurrent requests and replays each with the new one', async () => {
    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('old') });
    routes['POST /api/auth/refresh'] = () => ({ status: 200, body: session('new') });
    routes['GET /api/auth/me'] = (request) =>
      request.headers.get('authorization') === 'Bearer new' ? { status: 200, body: USER } : expired;
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });

    await Promise.all([unwrap(api.GET('/api/auth/me')), unwrap(api.GET('/api/auth/me'))]);

    expect(countOf('POST /api/auth/refresh')).toBe(1);
    const me = calls.filter((call) => call.route === 'GET /api/auth/me').map((call) => call.authorization);
    expect(me).toEqual(['Bearer old', 'Bearer old', 'Bearer new', 'Bearer new']);
  });

  it('replays a request with its body intact after the refresh', async () => {
    const bodies: string[] = [];
    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('old') });
    routes['POST /api/auth/refresh'] = () => ({ status: 200, body: session('new') });
    routes['POST /api/admin/maintenance/purge-sessions'] = async (request) => {
      bodies.push(await request.text());
      return request.headers.get('authorization') === 'Bearer new'
        ? { status: 202, body: { id: 'job-1' } }
        : expired;
    };
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    await unwrap(api.POST('/api/admin/maintenance/purge-sessions', { body: { olderThanDays: 3 } }));
    expect(bodies).toEqual(['{"olderThanDays":3}', '{"olderThanDays":3}']);
  });

  it('ends the session, marked as expired, when the refresh is refused', async () => {
    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('old') });
    routes['POST /api/auth/refresh'] = () => ({
      status: 401,
      body: { code: 'AUTH_REFRESH_REUSED', message: 'reused' },
    });
    routes['GET /api/auth/me'] = () => expired;
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    await expect(unwrap(api.GET('/api/auth/me'))).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.endedBy).toBe('expired');
  });

  it('forgets a session the server revoked, without trying to refresh it', async () => {
    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('old') });
    routes['GET /api/auth/me'] = () => ({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED', message: 'revoked' },
    });
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    await expect(unwrap(api.GET('/api/auth/me'))).rejects.toMatchObject({ code: 'AUTH_SESSION_REVOKED' });
    expect(auth.endedBy).toBe('expired');
    expect(countOf('POST /api/auth/refresh')).toBe(0);
  });

  it('tells the server on logout and forgets the user even if the server is unreachable', async () => {
    routes['POST /api/auth/login'] = () => ({ status: 200, body: session('t1') });
    routes['POST /api/auth/logout'] = () => ({ status: 204 });
    const auth = useAuthStore();
    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    await auth.logout();
    expect(calls.at(-1)).toEqual({ route: 'POST /api/auth/logout', authorization: 'Bearer t1' });
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.endedBy).toBe('logout');

    await auth.login({ identifier: '13800008000', password: 'Graduate2026ok' });
    routes['POST /api/auth/logout'] = () => Promise.reject(new TypeError('Failed to fetch'));
    await auth.logout();
    expect(auth.isAuthenticated).toBe(false);
  });
});

import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { registerUser, startTestApp, TestApp, uniquePhone } from '../../test-support/test-app';

let t: TestApp;
let pool: Pool;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
  pool = t.app.get(PG_POOL);
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });
const get = (url: string, token?: string) =>
  t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
const usersWithPhone = async (phone: string) =>
  Number((await pool.query('select count(*) from users where phone = $1', [phone])).rows[0].count);

describe('registration', () => {
  it('creates an account with its roles and answers with a session and masked contacts', async () => {
    const phone = uniquePhone();
    const res = await post('/api/auth/register', {
      phone,
      email: `${phone}@Example.cn`,
      password: 'Correct9horse',
      displayName: '张三',
      roles: ['seeker', 'trainee'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user.roles).toEqual(['seeker', 'trainee']);
    expect(body.user.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(body.user.email).toMatch(/^1\*\*\*@example\.cn$/);
    expect(body).not.toHaveProperty('user.passwordHash');
    expect(res.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['pf_rt', 'pf_at']));
    expect((await get('/api/auth/me', body.accessToken)).json().displayName).toBe('张三');
  });

  it('refuses a weak password with the reasons and writes nothing', async () => {
    const phone = uniquePhone();
    const res = await post('/api/auth/register', {
      phone,
      password: '12345678',
      displayName: '李四',
      roles: ['seeker'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'AUTH_WEAK_PASSWORD',
      details: { problems: ['NEEDS_LETTER_AND_DIGIT', 'TOO_COMMON'] },
    });
    expect(await usersWithPhone(phone)).toBe(0);
  });

  it('refuses a phone number or email that is already registered', async () => {
    const existing = await registerUser(t.app);
    const again = await post('/api/auth/register', {
      phone: existing.phone,
      password: 'Another9pass',
      displayName: 'x',
      roles: ['seeker'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('AUTH_PHONE_TAKEN');
    expect(await usersWithPhone(existing.phone)).toBe(1);

    const email = `${uniquePhone()}@demo.cn`;
    await post('/api/auth/register', {
      email,
      password: 'Another9pass',
      displayName: 'x',
      roles: ['seeker'],
    });
    const dup = await post('/api/auth/register', {
      email: email.toUpperCase(),
      password: 'Another9pass',
      displayName: 'y',
      roles: ['seeker'],
    });
    expect(dup.json().code).toBe('AUTH_EMAIL_TAKEN');
  });

  it('explains a malformed body: bad JSON, a missing field, a staff role', async () => {
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: '{"phone":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('MALFORMED_JSON');

    const missing = await post('/api/auth/register', {
      phone: uniquePhone(),
      displayName: 'x',
      roles: ['seeker'],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [expect.objectContaining({ path: 'password' })] },
    });
    expect(missing.body).not.toMatch(/at .*\.ts/);

    const staff = await post('/api/auth/register', {
      phone: uniquePhone(),
      password: 'Correct9horse',
      displayName: 'x',
      roles: ['admin'],
    });
    expect(staff.json().code).toBe('VALIDATION_FAILED');

    const neither = await post('/api/auth/register', {
      password: 'Correct9horse',
      displayName: 'x',
      roles: ['seeker'],
    });
    expect(neither.json().code).toBe('AUTH_IDENTIFIER_REQUIRED');
  });
});

describe('login, tokens and logout', () => {
  it('logs in by phone or email', async () => {
    const phone = uniquePhone();
    await post('/api/auth/register', {
      phone,
      email: `${phone}@demo.cn`,
      password: 'Correct9horse',
      displayName: 'x',
      roles: ['employer'],
    });
    for (const identifier of [phone, `${phone}@DEMO.cn`]) {
      const res = await post('/api/auth/login', { identifier, password: 'Correct9horse' });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.roles).toEqual(['employer']);
    }
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const user = await registerUser(t.app);
    const wrong = await post('/api/auth/login', { identifier: user.phone, password: 'Wrong9password' });
    const unknown = await post('/api/auth/login', { identifier: uniquePhone(), password: 'Wrong9password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks an account on one address after repeated failures, even for the right password', async () => {
    const user = await registerUser(t.app);
    for (let i = 0; i < 3; i++)
      await post('/api/auth/login', { identifier: user.phone, password: 'Wrong9password' });
    const locked = await post('/api/auth/login', { identifier: user.phone, password: user.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    expect(locked.json().details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses forged, expired and missing access tokens with distinct codes', async () => {
    const user = await registerUser(t.app);
    expect((await get('/api/auth/me')).json().code).toBe('AUTH_UNAUTHENTICATED');
    const forged = new JwtService({ secret: 'not-the-server-secret-but-long-enough-000' }).sign(
      { sub: user.user.id, roles: ['admin'], sid: 'x' },
      { issuer: 'platform' },
    );
    expect((await get('/api/auth/me', forged)).json().code).toBe('AUTH_TOKEN_INVALID');
    const expired = new JwtService({ secret: t.config.JWT_ACCESS_SECRET }).sign(
      { sub: user.user.id, roles: ['seeker'], sid: 'x', exp: Math.floor(Date.now() / 1000) - 10 },
      { issuer: 'platform' },
    );
    const res = await get('/api/auth/me', expired);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('rotates refresh tokens and ends the whole login when an old one is replayed', async () => {
    const user = await registerUser(t.app);
    const first = await post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.statusCode).toBe(200);
    const rotated = first.json().refreshToken as string;
    expect(rotated).not.toBe(user.refreshToken);

    const replay = await post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_REFRESH_REUSED');
    expect((await post('/api/auth/refresh', { refreshToken: rotated })).json().code).toBe(
      'AUTH_REFRESH_INVALID',
    );
    expect((await get('/api/auth/me', first.json().accessToken)).json().code).toBe('AUTH_SESSION_REVOKED');
  });

  it('refreshes from the httpOnly cookie a browser sends', async () => {
    const user = await registerUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: {},
      cookies: { pf_rt: user.refreshToken },
    });
    expect(res.statusCode).toBe(200);
  });

  it('a logout on one api process is honoured by another within moments', async () => {
    const other = await startTestApp();
    try {
      const user = await registerUser(t.app);
      const meOnOther = () =>
        other.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${user.accessToken}` },
        });
      expect((await meOnOther()).statusCode).toBe(200);
      await post('/api/auth/logout', {}, { authorization: `Bearer ${user.accessToken}` });
      // Revocations travel over Redis pub/sub: wait for the message, bounded, rather than for time.
      let code = '';
      for (let attempt = 0; attempt < 200 && code !== 'AUTH_SESSION_REVOKED'; attempt++) {
        code = (await meOnOther()).json().code;
        if (code !== 'AUTH_SESSION_REVOKED') await new Promise((resolve) => setImmediate(resolve));
      }
      expect(code).toBe('AUTH_SESSION_REVOKED');
    } finally {
      await other.close();
    }
  });

  it('an api process that starts after a logout knows about it', async () => {
    const user = await registerUser(t.app);
    await post('/api/auth/logout', {}, { authorization: `Bearer ${user.accessToken}` });
    const later = await startTestApp();
    try {
      const res = await later.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${user.accessToken}` },
      });
      expect(res.json().code).toBe('AUTH_SESSION_REVOKED');
    } finally {
      await later.close();
    }
  });

  it('logout revokes the access token at once and the refresh token for good', async () => {
    const user = await registerUser(t.app);
    const out = await post('/api/auth/logout', {}, { authorization: `Bearer ${user.accessToken}` });
    expect(out.statusCode).toBe(204);
    expect((await get('/api/auth/me', user.accessToken)).json().code).toBe('AUTH_SESSION_REVOKED');
    expect((await post('/api/auth/refresh', { refreshToken: user.refreshToken })).json().code).toBe(
      'AUTH_REFRESH_INVALID',
    );
  });
});

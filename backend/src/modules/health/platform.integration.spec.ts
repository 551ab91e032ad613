import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('reports PostgreSQL, Redis and a real Elasticsearch 8 separately', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.postgres).toMatchObject({
      status: 'up',
      details: { version: expect.stringMatching(/^\d+/) },
    });
    expect(body.checks.redis).toMatchObject({ status: 'up', details: { pong: 'PONG' } });
    expect(body.checks.elasticsearch).toMatchObject({
      status: 'up',
      details: { tagline: 'You Know, for Search' },
    });
    expect(body.checks.elasticsearch.details.version).toMatch(/^8\./);
    console.info(
      `[health] postgres ${body.checks.postgres.details.version}, redis ${body.checks.redis.details.pong}, elasticsearch ${body.checks.elasticsearch.details.version}`,
    );
  });

  it('says which dependency is down with 503 instead of hanging', async () => {
    const broken = await (
      await import('../../test-support/test-app')
    ).startTestApp({ ELASTICSEARCH_URL: 'http://127.0.0.1:9' });
    try {
      const res = await broken.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().checks.elasticsearch.status).toBe('down');
      expect(res.json().checks.postgres.status).toBe('up');
    } finally {
      await broken.close();
    }
  });
});

describe('request ids and errors', () => {
  it('echoes a caller request id and makes one up otherwise', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-abc-12345' },
    });
    expect(given.headers['x-request-id']).toBe('trace-abc-12345');
    const made = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.statusCode).toBe(404);
    expect(made.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});

describe('OpenAPI document', () => {
  it('serves the docs page and a JSON document listing the endpoints', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/register',
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/users/{id}',
      ]),
    );
    expect(doc.components.schemas.SessionDto_Output.properties).toHaveProperty('accessToken');
  });
});

describe('Bull Board at /admin/queues', () => {
  it('opens for an admin by bearer token or by the login cookie', async () => {
    const admin = await registerStaff(t.app, ['admin']);
    const byToken = await t.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.body).toContain('<html');
    const cookie = admin.cookies.find((c) => c.name === 'pf_at')!;
    expect(cookie.path).toBe('/admin');
    const byCookie = await t.app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      cookies: { pf_at: cookie.value },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(JSON.stringify(byCookie.json())).toContain('maintenance');
  });

  it('refuses anonymous callers and non-admins', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('AUTH_UNAUTHENTICATED');
    const seeker = await registerUser(t.app);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { authorization: `Bearer ${seeker.accessToken}` },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN_ROLE');
  });
});

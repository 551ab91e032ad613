import { businessDate } from '@platform/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../infra/database/database';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { testConfig } from '../../test-support/test-config';
import { DEMO_PASSWORD } from '../seed';
import { DEMO_ACCOUNT_PHONES, generateDemoFair } from './demo-fair-generator';
import { DemoIds } from './demo-ids';
import { AGENCIES, planDemo } from './plan';
import { removeGenerated } from './remove-generated';

const SEED = 'integration-spec';
const POSITIONS = 60;
const ids = new DemoIds(SEED);
const plan = planDemo(POSITIONS, true);
const today = businessDate();
const fairIds = [ids.fair('running'), ids.fair('fair2020')];
const employerIds = Array.from({ length: plan.employers }, (_, i) => ids.employer(i));
const agencyIds = Array.from({ length: AGENCIES }, (_, i) => ids.agency(i));

/** Every row the generator wrote for the seed, in a stable order, as plain JSON. */
async function snapshot(pool: Pool) {
  const queries: [string, unknown[]][] = [
    ['select * from fairs where id = any($1) order by id', [fairIds]],
    ['select * from fair_sessions where fair_id = any($1) order by id', [fairIds]],
    ['select * from announcements where fair_id = any($1) order by id', [fairIds]],
    ['select * from agencies where id = any($1) order by id', [agencyIds]],
    ['select * from agency_applications where agency_id = any($1) order by id', [agencyIds]],
    ['select * from agency_attachments where agency_id = any($1) order by id', [agencyIds]],
    ['select * from employers where id = any($1) order by id', [employerIds]],
    ['select * from fair_employers where fair_id = any($1) order by fair_id, employer_id', [fairIds]],
    [
      'select * from fair_employer_agencies where fair_id = any($1) order by fair_id, employer_id, agency_id',
      [fairIds],
    ],
    ['select * from positions where fair_id = any($1) order by id', [fairIds]],
    // The salted argon2 hash is the one value that differs between runs, by design.
    [
      `select u.id, u.email, u.display_name, u.created_at, array_agg(r.role order by r.role) as roles
         from users u join user_roles r on r.user_id = u.id where u.email like $1 group by u.id order by u.id`,
      [`%@${ids.emailDomain}`],
    ],
  ];
  const tables: unknown[] = [];
  for (const [sql, params] of queries) tables.push((await pool.query(sql, params)).rows);
  return JSON.parse(JSON.stringify(tables)) as Record<string, unknown>[][];
}

async function count(pool: Pool, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await pool.query<{ n: string }>(sql, params)).rows[0].n);
}

async function removeSeed(pool: Pool) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await removeGenerated(client, ids);
    await client.query('commit');
  } finally {
    client.release();
  }
}

/**
 * The generator gives employer 0 and agency 0 to the seeded demo accounts when they own no unit
 * yet. Specs that run seedDemoData before this one leave such accounts behind; this spec counts
 * and logs in the seed's own accounts, so it starts without them (seedDemoData makes them again).
 */
async function removeFreeDemoAccounts(pool: Pool) {
  await pool.query(
    `delete from users u where u.phone = any($1)
        and not exists(select 1 from employers e where e.owner_user_id = u.id)
        and not exists(select 1 from agencies a where a.owner_user_id = u.id)`,
    [[DEMO_ACCOUNT_PHONES.employer, DEMO_ACCOUNT_PHONES.agency]],
  );
}

describe('demo fair generator (real PostgreSQL)', () => {
  let pool: Pool;
  let first: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    pool = createPool(testConfig().DATABASE_URL, 2);
    await removeSeed(pool);
    await removeFreeDemoAccounts(pool);
  });

  afterAll(async () => {
    await removeSeed(pool);
    await pool.end();
  });

  it('writes the planned fair: positions by status, employers, accounts, agencies', async () => {
    const result = await generateDemoFair(pool, { seed: SEED, positions: POSITIONS, today });
    expect(result.status).toBe('generated');
    const running = ids.fair('running');
    const byStatus = await pool.query<{ status: string; n: string }>(
      'select status, count(*) as n from positions where fair_id = $1 group by status',
      [running],
    );
    expect(Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)]))).toEqual(
      Object.fromEntries(Object.entries(plan.statusCounts).filter(([, n]) => n > 0)),
    );
    expect(await count(pool, 'select count(*) as n from positions where fair_id = any($1)', [fairIds])).toBe(
      POSITIONS,
    );
    expect(await count(pool, 'select count(*) as n from employers where id = any($1)', [employerIds])).toBe(
      plan.employers,
    );
    const accounts = `%@${ids.emailDomain}`;
    expect(await count(pool, 'select count(*) as n from users where email like $1', [accounts])).toBe(
      plan.employers + AGENCIES,
    );
    const choices = await pool.query<{ n: string }>(
      'select count(*) as n from fair_employer_agencies where fair_id = $1 group by employer_id',
      [running],
    );
    expect(choices.rows).toHaveLength(plan.approvedEmployers);
    for (const { n } of choices.rows) expect(Number(n)).toBeGreaterThanOrEqual(1);
    for (const { n } of choices.rows) expect(Number(n)).toBeLessThanOrEqual(3);
  });

  it('leaves an existing fair alone on a second run: nothing is duplicated', async () => {
    first = await snapshot(pool);
    const again = await generateDemoFair(pool, { seed: SEED, positions: POSITIONS, today });
    expect(again).toMatchObject({ status: 'exists', rows: { positions: POSITIONS } });
    expect(await snapshot(pool)).toEqual(first);
  });

  it('regenerates the same rows, ids and timestamps with --replace', async () => {
    const replaced = await generateDemoFair(pool, { seed: SEED, positions: POSITIONS, today, replace: true });
    expect(replaced.status).toBe('generated');
    const second = await snapshot(pool);
    expect(second.map((rows) => rows.length)).toEqual(first.map((rows) => rows.length));
    expect(second).toEqual(first);
  });

  describe('through the api', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it('shows a running fair with its published positions, agencies and sessions', async () => {
      const page = await app.app.inject({ method: 'GET', url: `/api/fairs/${ids.fair('running')}` });
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body.fair.phase).toBe('concentrated');
      expect(body.agencies).toHaveLength(5);
      expect(body.counts.positions).toBe(plan.statusCounts.published);
      expect(body.sessions.map((s: { targetGroup: string }) => s.targetGroup)).toContain('hubei_graduates');
      const list = await app.app.inject({
        method: 'GET',
        url: `/api/fairs/${ids.fair('running')}/positions?pageSize=100`,
      });
      expect(list.json().total).toBe(plan.statusCounts.published);
    });

    it('lets a generated employer account log in and see its positions', async () => {
      const login = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { identifier: ids.email('employer', 0), password: DEMO_PASSWORD },
      });
      expect(login.statusCode).toBeLessThan(300);
      const mine = await app.app.inject({
        method: 'GET',
        url: '/api/positions/mine',
        headers: { authorization: `Bearer ${login.json().accessToken}` },
      });
      const statuses = mine.json().items.map((p: { status: string }) => p.status);
      expect(statuses).toContain('published');
      expect(statuses).toContain('pending_review');
      expect(statuses).toContain('draft');
    });
  });
});

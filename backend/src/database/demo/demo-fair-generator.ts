import { businessDate } from '@platform/contracts';
import { performance } from 'node:perf_hooks';
import type { Pool, PoolClient } from 'pg';
import { PasswordHasher } from '../../modules/auth/password-hasher';
import { DEMO_PASSWORD } from '../seed';
import {
  agencies,
  agencyApplications,
  agencyAttachments,
  announcements,
  fairs,
  fairSessions,
} from '../schema';
import { userRoles, users } from '../schema';
import { buildAgencies } from './build-agencies';
import { buildFair } from './build-fairs';
import { BulkWriter } from './bulk-writer';
import { type DemoContext, fairDates } from './demo-context';
import { DemoIds } from './demo-ids';
import { writeEmployers, writePositions } from './write-units';
import { planDemo } from './plan';
import { cyrb128 } from './prng';
import { removeGenerated } from './remove-generated';

export interface GenerateOptions {
  seed: string;
  positions: number;
  /** Also the 2020 fair with its original dates (default true). */
  withHistory?: boolean;
  /** Regenerate when the seed's fair exists; without it an existing fair is left alone. */
  replace?: boolean;
  /** The business date the running fair is built around (default: today in Asia/Shanghai). */
  today?: string;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  status: 'generated' | 'exists';
  fairId: string;
  historyFairId: string | null;
  /** Generated accounts log in as employer-<n>@ / agency-<n>@ this domain. */
  emailDomain: string;
  /** Rows written per table (or, when the fair exists, its positions). */
  rows: Record<string, number>;
  elapsedMs: number;
}

/** The seeded accounts of seed.ts the generated data attaches to when they exist. */
export const DEMO_ACCOUNT_PHONES = {
  admin: '13800000001',
  organizer: '13800000002',
  employer: '13800000003',
  agency: '13800000004',
};

/**
 * Generates the seed's fair in one transaction: all of it or nothing. Same seed, size and day
 * give the same rows (ids, texts, timestamps); only the salted password hash differs.
 */
export async function generateDemoFair(pool: Pool, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const ids = new DemoIds(options.seed);
  const plan = planDemo(options.positions, options.withHistory ?? true);
  const log = options.log ?? (() => undefined);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [cyrb128(ids.namespace)[0]]);
    const existing = await existingFairs(client, ids);
    if (existing && !options.replace) {
      await client.query('rollback');
      return result('exists', ids, existing.history, { positions: existing.positions }, started);
    }
    const removed = await removeGenerated(client, ids);
    if (removed) log(`removed ${removed} rows of the previous run of seed "${options.seed}"`);
    const ctx = await context(client, ids, plan, options);
    const writer = new BulkWriter(client);
    await writeAll(ctx, writer, options.batchSize ?? 5000, log, started);
    await client.query('commit');
    // Fresh planner statistics, so the first queries on a large fair do not plan for an empty table.
    await client.query('analyze users, employers, fair_employers, fair_employer_agencies, positions');
    return result('generated', ids, ctx.history !== null, Object.fromEntries(writer.written), started);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The seed's fairs with their position count, or null when they were never generated. */
async function existingFairs(client: PoolClient, ids: DemoIds) {
  const { rows } = await client.query<{ n: string; history: boolean }>(
    `select (select count(*) from positions where fair_id in ($1, $2)) as n,
            exists(select 1 from fairs where id = $2) as history
       from fairs where id = $1`,
    [ids.fair('running'), ids.fair('fair2020')],
  );
  return rows.length ? { positions: Number(rows[0].n), history: rows[0].history } : null;
}

async function context(
  client: PoolClient,
  ids: DemoIds,
  plan: DemoContext['plan'],
  options: GenerateOptions,
) {
  const today = options.today ?? businessDate();
  const accounts = await demoAccounts(client);
  const { running, history } = fairDates(
    ids,
    today,
    plan.historyPositions > 0 || (options.withHistory ?? true),
  );
  const ctx: DemoContext = {
    seed: options.seed,
    ids,
    plan,
    today,
    running,
    history,
    organizerId: accounts.organizer ?? ids.id('organizer'),
    // argon2 takes a tenth of a second: hashed once, shared by every generated account.
    passwordHash: await new PasswordHasher().hash(DEMO_PASSWORD),
    demoEmployerUserId: accounts.employer,
    demoAgencyUserId: accounts.agency,
  };
  return ctx;
}

/** The seeded organizer, and the demo employer and agency accounts that do not own a unit yet. */
async function demoAccounts(client: PoolClient) {
  const { rows } = await client.query<{ id: string; phone: string; roles: string[]; owns: boolean }>(
    `select u.id, u.phone, array(select r.role from user_roles r where r.user_id = u.id) as roles,
            exists(select 1 from employers e where e.owner_user_id = u.id)
              or exists(select 1 from agencies a where a.owner_user_id = u.id) as owns
       from users u where u.phone = any($1)`,
    [Object.values(DEMO_ACCOUNT_PHONES)],
  );
  const find = (phone: string, role: string, free = false) =>
    rows.find((r) => r.phone === phone && r.roles.includes(role) && !(free && r.owns))?.id ?? null;
  return {
    organizer:
      find(DEMO_ACCOUNT_PHONES.organizer, 'organizer') ?? find(DEMO_ACCOUNT_PHONES.admin, 'organizer'),
    employer: find(DEMO_ACCOUNT_PHONES.employer, 'employer', true),
    agency: find(DEMO_ACCOUNT_PHONES.agency, 'agency', true),
  };
}

async function writeAll(
  ctx: DemoContext,
  writer: BulkWriter,
  batchSize: number,
  log: (line: string) => void,
  started: number,
) {
  const fairList = await writeFairs(ctx, writer);
  await writeAgencies(ctx, writer);
  const approved = await writeEmployers(ctx, writer, batchSize, log);
  for (const { dates, sessions } of fairList) {
    const sessionIds = Object.fromEntries(Object.entries(sessions).map(([key, s]) => [key, s.id!]));
    await writePositions(
      ctx,
      writer,
      approved,
      { dates, sessionIds: sessionIds as never },
      {
        batchSize,
        log,
        started,
      },
    );
  }
  await writer.flush();
}

async function writeFairs(ctx: DemoContext, writer: BulkWriter) {
  const dates = [ctx.running, ...(ctx.history ? [ctx.history] : [])];
  const fairList = dates.map((d) => ({ dates: d, ...buildFair(ctx, d) }));
  await writer.insert(
    fairs,
    fairList.map((f) => f.fair),
  );
  await writer.insert(
    fairSessions,
    fairList.flatMap((f) => Object.values(f.sessions)),
  );
  await writer.insert(
    announcements,
    fairList.flatMap((f) => f.announcements),
  );
  return fairList;
}

async function writeAgencies(ctx: DemoContext, writer: BulkWriter) {
  const agencyList = buildAgencies(ctx);
  await writer.insert(
    users,
    agencyList.flatMap((a) => (a.user ? [a.user] : [])),
  );
  await writer.insert(
    userRoles,
    agencyList.flatMap((a) => (a.role ? [a.role] : [])),
  );
  await writer.insert(
    agencies,
    agencyList.map((a) => a.row),
  );
  await writer.insert(
    agencyAttachments,
    agencyList.flatMap((a) => a.attachments),
  );
  await writer.insert(
    agencyApplications,
    agencyList.flatMap((a) => a.applications),
  );
}

function result(
  status: GenerateResult['status'],
  ids: DemoIds,
  withHistory: boolean,
  rows: Record<string, number>,
  started: number,
): GenerateResult {
  return {
    status,
    fairId: ids.fair('running'),
    historyFairId: withHistory ? ids.fair('fair2020') : null,
    emailDomain: ids.emailDomain,
    rows,
    elapsedMs: Math.round(performance.now() - started),
  };
}

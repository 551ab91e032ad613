import { businessDate, isIsoDate } from '@platform/contracts';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { z } from 'zod';
import { loadConfig } from '../../config/config';
import { createPool } from '../../infra/database/database';
import { PasswordHasher } from '../../modules/auth/password-hasher';
import { resumes, seekerProfiles, userRoles, users } from '../schema';
import { DEMO_PASSWORD } from '../seed';
import { BulkWriter } from './bulk-writer';
import { buildSeeker, type GeneratedSeeker } from './build-resumes';
import { DemoIds } from './demo-ids';
import { cyrb128 } from './prng';

export const MAX_RESUMES = 5_000_000;

const USAGE = `Usage: node dist/database/demo/generate-resumes.js [options]

Writes N generated job seekers (account, profile, resume) into DATABASE_URL, next to the demo fair
of the same seed (generate.js); about 85% of the resumes are searchable.
  --resumes N      seekers to generate, 1 to ${MAX_RESUMES.toLocaleString('en')} (default 2000)
  --seed S         seed of every id and text (default cq2020)
  --replace        regenerate when this seed's seekers exist (default: leave them and say so)
  --today D        business date the cohorts count back from (YYYY-MM-DD; default today)
  --batch-size B   rows per INSERT (default 5000)`;

const OptionsSchema = z.object({
  resumes: z.coerce.number().int().min(1).max(MAX_RESUMES).default(2000),
  seed: z.string().min(1).max(100).default('cq2020'),
  replace: z.boolean().default(false),
  today: z.string().refine(isIsoDate, 'expected YYYY-MM-DD').optional(),
  'batch-size': z.coerce.number().int().min(1).max(50_000).default(5000),
  help: z.boolean().default(false),
});

export interface GenerateResumesOptions {
  seed: string;
  resumes: number;
  replace?: boolean;
  today?: string;
  batchSize?: number;
  log?: (line: string) => void;
}

/**
 * All the seed's seekers in one transaction. Seekers are found again by their generated e-mail
 * (seeker-<n>@<seed domain>), so `replace` removes exactly what an earlier run wrote (profiles,
 * resumes and roles go with the account).
 */
export async function generateResumes(pool: Pool, options: GenerateResumesOptions) {
  const started = performance.now();
  const ids = new DemoIds(options.seed);
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 5000;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [cyrb128(`${ids.namespace}|seekers`)[0]]);
    const pattern = `seeker-%@${ids.emailDomain}`;
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from users where email like $1',
      [pattern],
    );
    if (rows[0].n && !options.replace) {
      await client.query('rollback');
      return { status: 'exists' as const, seekers: rows[0].n, elapsedMs: performance.now() - started };
    }
    if (rows[0].n) {
      await client.query('delete from users where email like $1', [pattern]);
      log(`removed ${rows[0].n} seekers of the previous run of seed "${options.seed}"`);
    }
    const ctx = {
      seed: options.seed,
      ids,
      today: options.today ?? businessDate(),
      // argon2 takes a tenth of a second: hashed once, shared by every generated account.
      passwordHash: await new PasswordHasher().hash(DEMO_PASSWORD),
    };
    const writer = new BulkWriter(client);
    for (let from = 0; from < options.resumes; from += batchSize) {
      const batch: GeneratedSeeker[] = [];
      for (let i = from; i < Math.min(options.resumes, from + batchSize); i++)
        batch.push(buildSeeker(ctx, i));
      await writer.insert(
        users,
        batch.map((s) => s.user),
      );
      await writer.insert(
        userRoles,
        batch.map((s) => s.role),
      );
      await writer.insert(
        seekerProfiles,
        batch.map((s) => s.profile),
      );
      await writer.insert(
        resumes,
        batch.map((s) => s.resume),
      );
      const done = Math.min(options.resumes, from + batchSize);
      if (done % 100_000 === 0 || done === options.resumes)
        log(`seekers: ${done} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    await writer.flush();
    await client.query('commit');
    await client.query('analyze users, user_roles, seeker_profiles, resumes');
    return {
      status: 'generated' as const,
      seekers: options.resumes,
      rows: Object.fromEntries(writer.written),
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      resumes: { type: 'string' },
      seed: { type: 'string' },
      replace: { type: 'boolean' },
      today: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options = OptionsSchema.parse(values);
  if (options.help) return console.log(USAGE);
  const pool = createPool(loadConfig().DATABASE_URL, 1);
  try {
    const result = await generateResumes(pool, {
      seed: options.seed,
      resumes: options.resumes,
      replace: options.replace,
      today: options.today,
      batchSize: options['batch-size'],
      log: (line) => console.log(`  ${line}`),
    });
    const seconds = (result.elapsedMs / 1000).toFixed(1);
    console.log(
      result.status === 'exists'
        ? `${result.seekers} seekers of seed "${options.seed}" already generated; left as they are (--replace regenerates them)`
        : `${result.seekers} seekers generated in ${seconds} s (seed "${options.seed}"): ${JSON.stringify(result.rows)}`,
    );
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof z.ZodError ? `${z.prettifyError(error)}\n\n${USAGE}` : error);
    process.exit(1);
  });
}

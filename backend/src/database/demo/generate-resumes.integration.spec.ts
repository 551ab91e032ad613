import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPool } from '../../infra/database/database';
import { loadResumeDocuments } from '../../modules/search/resume-documents';
import { testConfig } from '../../test-support/test-config';
import { DemoIds } from './demo-ids';
import { generateResumes } from './generate-resumes';

const SEED = 'resumes-spec';
const SEEKERS = 40;
const ids = new DemoIds(SEED);

async function rows(pool: Pool) {
  const { rows } = await pool.query(
    `select u.id, u.email, u.display_name, p.university, p.cohort, r.content, r.visibility,
            array(select role from user_roles where user_id = u.id) as roles
       from users u join seeker_profiles p on p.user_id = u.id join resumes r on r.user_id = u.id
      where u.email like $1 order by u.id`,
    [`seeker-%@${ids.emailDomain}`],
  );
  return rows;
}

describe('generate-resumes (real PostgreSQL)', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = createPool(testConfig().DATABASE_URL, 2);
    await pool.query('delete from users where email like $1', [`seeker-%@${ids.emailDomain}`]);
  });

  afterAll(async () => {
    await pool.query('delete from users where email like $1', [`seeker-%@${ids.emailDomain}`]);
    await pool.end();
  });

  it('writes each seeker as an account with the seeker role, a profile and a resume', async () => {
    const result = await generateResumes(pool, {
      seed: SEED,
      resumes: SEEKERS,
      today: '2026-06-15',
      batchSize: 15,
    });
    expect(result.status).toBe('generated');
    const written = await rows(pool);
    expect(written).toHaveLength(SEEKERS);
    expect(written.map((r) => r.id).sort()).toEqual(
      Array.from({ length: SEEKERS }, (_, i) => ids.seeker(i)).sort(),
    );
    expect(written.every((r) => r.roles.includes('seeker'))).toBe(true);
    const searchable = written.filter((r) => r.visibility === 'searchable').map((r) => r.id);
    expect(searchable.length).toBeGreaterThan(SEEKERS / 2);
    const docs = await loadResumeDocuments(
      createDatabase(pool),
      written.map((r) => r.id),
    );
    expect([...docs.keys()].sort()).toEqual(searchable.sort());
  });

  it('leaves an existing run alone, and --replace writes the same seekers again', async () => {
    const before = await rows(pool);
    expect((await generateResumes(pool, { seed: SEED, resumes: SEEKERS, today: '2026-06-15' })).status).toBe(
      'exists',
    );
    const replaced = await generateResumes(pool, {
      seed: SEED,
      resumes: SEEKERS,
      today: '2026-06-15',
      replace: true,
    });
    expect(replaced.status).toBe('generated');
    expect(await rows(pool)).toEqual(before);
  });
});

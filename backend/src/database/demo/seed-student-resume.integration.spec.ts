import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, PG_POOL } from '../../infra/database/database';
import { caller } from '../../test-support/fair-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { DEMO_PASSWORD, seedDemoData } from '../seed';
import { DEMO_STUDENT_RESUME, seedDemoStudentResume } from './seed-student-resume';

let t: TestApp;
let pool: Pool;
let db: Database;
let studentId = '';
let profileBefore: Record<string, unknown> | undefined;

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  db = createDatabase(pool);
  await seedDemoData(t.config);
  const { rows } = await pool.query(
    `select u.id, p.university, p.major, p.degree, p.cohort
       from users u left join seeker_profiles p on p.user_id = u.id where u.phone = '13800000005'`,
  );
  studentId = rows[0].id;
  profileBefore = rows[0];
  await pool.query('delete from resumes where user_id = $1', [studentId]);
});

afterAll(async () => {
  // Other specs share the demo student: leave it as it was.
  await pool.query('delete from resumes where user_id = $1', [studentId]);
  await pool.query(
    'update seeker_profiles set university = $2, major = $3, degree = $4, cohort = $5 where user_id = $1',
    [
      studentId,
      profileBefore?.university,
      profileBefore?.major,
      profileBefore?.degree,
      profileBefore?.cohort,
    ],
  );
  await t.close();
});

async function student() {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { identifier: '13800000005', password: DEMO_PASSWORD },
  });
  return caller(t.app, (response.json() as { accessToken: string }).accessToken);
}

describe('the demo student resume (real PostgreSQL, through the api)', () => {
  it('gives the student a resume the api serves, and recommendations instead of RESUME_REQUIRED', async () => {
    expect(await seedDemoStudentResume(db)).toContain('written');
    const as = await student();
    const mine = await as('GET', '/api/resumes/me');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      headline: DEMO_STUDENT_RESUME.headline,
      expectations: { positionTitle: 'Java 开发工程师', district: '渝北区' },
      visibility: 'searchable',
      university: '重庆邮电大学',
      cohort: 2019,
    });
    expect((await as('GET', '/api/seekers/me/recommendations')).statusCode).toBe(200);
  });

  it('keeps a resume the student has edited since', async () => {
    const as = await student();
    const edited = { ...DEMO_STUDENT_RESUME, headline: '求职 Java 高级开发' };
    expect((await as('PUT', '/api/resumes/me', edited)).statusCode).toBe(200);
    expect(await seedDemoStudentResume(db)).toContain('kept');
    expect((await as('GET', '/api/resumes/me')).json().headline).toBe('求职 Java 高级开发');
  });
});

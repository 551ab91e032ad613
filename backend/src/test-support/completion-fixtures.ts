import { randomInt, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Completion fixtures written straight into PostgreSQL, as the learning module and the
 * institution would leave them: a catalogued CQ class (TR-19's 40 theory + 12 online practical +
 * 8 offline 学时), real-name trainees, server-logged sessions with passed checks, assessments.
 * Plain SQL so the worker's tests (jobs/) can build the same world.
 */

export interface CompletionCatalogue {
  institutionId: string;
  platformId: string;
  courseId: string;
}

export async function completionCatalogue(pool: Pool): Promise<CompletionCatalogue> {
  const uscc = `91500000${String(randomInt(0, 1e10)).padStart(10, '0')}`;
  const {
    rows: [inst],
  } = await pool.query<{ id: string }>(
    `insert into training_institutions (name, unified_social_credit_code, kind, district)
     values ('重庆山城职业培训学校', $1, 'training_institution', '渝北区') returning id`,
    [uscc],
  );
  const {
    rows: [site],
  } = await pool.query<{ id: string }>(
    `insert into training_platforms (name, url, kind, operator)
     values ('中国职业培训在线', 'http://px.class.com.cn', 'mohrss', '人力资源社会保障部') returning id`,
  );
  const modules = [
    { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
    { name: '居家实操练习', kind: 'practical', hours: 12, delivery: 'online' },
    { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
  ];
  const {
    rows: [course],
  } = await pool.query<{ id: string }>(
    `insert into training_courses (code, title, institution_id, platform_id, occupation, level, kind, modules, status, rules_version)
     values ($1, '育婴员（五级）线上培训', $2, $3, '育婴员', 'level5', 'skills', $4, 'published', 'cq-2020.1') returning id`,
    [`CQ-${randomInt(0, 1e9)}`, inst!.id, site!.id, JSON.stringify(modules)],
  );
  await pool.query(
    `insert into catalogue_listings (catalogue, subject_id, listed_from, source) values
       ('institution', $1, '2020-01-01', '渝人社办〔2020〕28号'),
       ('project', $2, '2020-01-01', '渝人社办〔2020〕28号'),
       ('platform', $3, '2020-01-01', '人社厅函〔2020〕')`,
    [inst!.id, course!.id, site!.id],
  );
  return { institutionId: inst!.id, platformId: site!.id, courseId: course!.id };
}

export async function completionClass(
  pool: Pool,
  catalogue: CompletionCatalogue,
  startsOn: string,
  endsOn: string,
  name = `育婴员线上班 ${randomInt(0, 1e6)}`,
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into training_classes (course_id, institution_id, platform_id, name, jurisdiction, district, starts_on, ends_on, plan_status)
     values ($1, $2, $3, $4, 'CQ', '渝北区', $5, $6, 'approved') returning id`,
    [catalogue.courseId, catalogue.institutionId, catalogue.platformId, name, startsOn, endsOn],
  );
  return rows[0]!.id;
}

/** A real-name trainee account; pass an existing user id to give a registered user the profile. */
export async function realNameTrainee(pool: Pool, name = '王小明', userId?: string): Promise<string> {
  const id =
    userId ??
    (
      await pool.query<{ id: string }>(
        `insert into users (phone, password_hash, display_name) values ($1, 'x', $2) returning id`,
        [`136${String(randomInt(0, 1e8)).padStart(8, '0')}`, name],
      )
    ).rows[0]!.id;
  await pool.query(
    `insert into seeker_profiles (user_id, real_name, id_number_masked, verified_at)
     values ($1, $2, '5001**********1234', now())
     on conflict (user_id) do update set real_name = excluded.real_name,
       id_number_masked = excluded.id_number_masked, verified_at = excluded.verified_at`,
    [id, name],
  );
  return id;
}

export type Variant = 'complete' | 'no-qa' | 'exam-failed' | 'theory-short';

/**
 * Enrols the trainee and logs the learning: every required hour (unless theory-short: 31 of 40),
 * a passed random check per session, 8 verified offline 学时, sign-in, Q&A, attendance 100%, exam.
 */
export async function enrolWithLearning(
  pool: Pool,
  classId: string,
  userId: string,
  startsOn: string,
  variant: Variant = 'complete',
): Promise<string> {
  const {
    rows: [enrolment],
  } = await pool.query<{ id: string }>(
    `insert into training_enrolments (class_id, user_id, signed_in_at, image_consent_at)
     values ($1, $2, $3::date + time '09:00', $3::date + time '09:00') returning id`,
    [classId, userId, startsOn],
  );
  const enrolmentId = enrolment!.id;
  // 45 minutes per 学时: 40 theory = 1800 min over 8 days of 225 min; 12 practical = 540 min over 3 days.
  const theoryDays = variant === 'theory-short' ? 6 : 8;
  const plan = [
    ...Array.from({ length: theoryDays }, (_, d) => ({ day: d, module: '理论知识', minutes: 225 })),
    ...Array.from({ length: 3 }, (_, d) => ({ day: 10 + d, module: '居家实操练习', minutes: 180 })),
  ];
  for (const { day, module, minutes } of plan) {
    const sessionId = randomUUID();
    await pool.query(
      `insert into learning_sessions (id, enrolment_id, class_id, user_id, module, device_id, started_at,
         last_heartbeat_at, ended_at, status, end_reason, face_verified_at_start, has_retained_media)
       values ($1, $2, $3, $4, $5, 'fixture-device', $6::date + $7 * interval '1 day' + time '01:00',
         $6::date + $7 * interval '1 day' + time '01:00' + $8 * interval '1 minute',
         $6::date + $7 * interval '1 day' + time '01:00' + $8 * interval '1 minute', 'closed', 'closed_by_player', true, true)`,
      [sessionId, enrolmentId, classId, userId, module, startsOn, day, minutes],
    );
    await pool.query(
      `insert into learning_checks (session_id, kind, issued_at, due_by, challenge, answer_hash, answered_at, result)
       values ($1, 'random', $2::date + $3 * interval '1 day' + time '02:00', $2::date + $3 * interval '1 day' + time '02:01',
         '7+5=?', 'x', $2::date + $3 * interval '1 day' + time '02:00:30', 'passed')`,
      [sessionId, startsOn, day],
    );
  }
  await pool.query(
    `insert into training_offline_attendance (enrolment_id, module, xueshi, verified_at) values ($1, '线下实训', 8, now())`,
    [enrolmentId],
  );
  const assessments: [string, number][] = [
    ['attendance', 100],
    ['exam', variant === 'exam-failed' ? 45 : 85],
  ];
  if (variant !== 'no-qa') assessments.push(['qa', 100]);
  for (const [kind, score] of assessments)
    await pool.query(`insert into training_assessments (enrolment_id, kind, score) values ($1, $2, $3)`, [
      enrolmentId,
      kind,
      score,
    ]);
  return enrolmentId;
}

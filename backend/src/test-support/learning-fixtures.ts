import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { vi } from 'vitest';
import { Clock } from '../common/clock';
import { trainingClasses, trainingEnrolments } from '../database/schema';
import { DATABASE, Database } from '../infra/database/database';
import { caller, Caller } from './fair-fixtures';
import { registerUser } from './test-app';
import { courseInput, institution, platform } from './training-fixtures';

/**
 * Classes and enrolments for the learning tests. The class/enrolment api is built elsewhere, so
 * they are inserted as that api would leave them; the catalogue goes through the api.
 */
export async function learningClass(
  app: NestFastifyApplication,
  org: { call: Caller },
  overrides: Partial<typeof trainingClasses.$inferInsert> = {},
) {
  const school = await institution(org.call);
  const site = await platform(org.call);
  const created = await org.call('POST', '/api/training/courses', courseInput(school.id, site.id));
  if (created.statusCode !== 201) throw new Error(`course: ${created.body}`);
  const course = created.json() as { id: string };
  const db = app.get<Database>(DATABASE);
  const [cls] = await db
    .insert(trainingClasses)
    .values({
      courseId: course.id,
      institutionId: school.id,
      platformId: site.id,
      name: '育婴员线上班',
      jurisdiction: 'national',
      district: '渝北区',
      startsOn: '2020-03-01',
      endsOn: '2021-12-31',
      planStatus: 'approved',
      ...overrides,
    })
    .returning();
  return { classId: cls!.id, institutionId: school.id, courseId: course.id };
}

export async function enrolledTrainee(app: NestFastifyApplication, classId: string) {
  const user = await registerUser(app, ['trainee']);
  const db = app.get<Database>(DATABASE);
  const [enrolment] = await db
    .insert(trainingEnrolments)
    .values({ classId, userId: user.user.id })
    .returning();
  return { ...user, enrolmentId: enrolment!.id, call: caller(app, user.accessToken) };
}

/** The api's clock, moved by the test: "now" is whatever the test says, and nobody sleeps. */
export function controlClock(app: NestFastifyApplication, start: string) {
  let now = Date.parse(start);
  const clock = app.get(Clock, { strict: false });
  vi.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  return {
    at: () => new Date(now),
    set: (iso: string) => (now = Date.parse(iso)),
    advance: (seconds: number) => (now += seconds * 1000),
  };
}

/** A 1×1 PNG: a real image, as small as a webcam still can be. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

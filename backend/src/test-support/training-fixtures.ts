import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt } from 'node:crypto';
import type { Caller } from './fair-fixtures';
import { caller, daysFromToday, uniqueUscc } from './fair-fixtures';
import { validIdNumber } from './seeker-fixtures';
import { registerUser } from './test-app';

/** Catalogue fixtures: an institution, a platform and a course, made through the api as staff would. */

export async function institution(call: Caller, overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/training/institutions', {
    name: '重庆山城职业培训学校',
    unifiedSocialCreditCode: uniqueUscc(),
    kind: 'training_institution',
    district: '渝北区',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`institution: ${response.body}`);
  return response.json() as { id: string; name: string };
}

export async function platform(call: Caller, overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/training/platforms', {
    name: '中国职业培训在线',
    url: 'http://px.class.com.cn',
    kind: 'mohrss',
    operator: '人力资源社会保障部',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`platform: ${response.body}`);
  return response.json() as { id: string };
}

export function uniqueCourseCode(prefix = 'CQ'): string {
  return `${prefix}-${randomInt(0, 1e9)}`;
}

/** 40 theory 学时 online, 12 home practice online, 8 offline: the happy path of TR-19. */
export function courseInput(
  institutionId: string,
  platformId: string | null,
  overrides: Record<string, unknown> = {},
) {
  return {
    code: uniqueCourseCode(),
    title: '育婴员（五级）线上培训',
    institutionId,
    platformId,
    occupation: '育婴员',
    level: 'level5',
    kind: 'skills',
    description: '婴幼儿生活照料、保健与早期教育。',
    modules: [
      { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
      { name: '居家实操练习', kind: 'practical', hours: 12, delivery: 'online' },
      { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
    ],
    ...overrides,
  };
}

/** A published course of a new institution, listed in all three catalogues from a month ago. */
export async function cataloguedCourse(call: Caller, listedFrom = daysFromToday(-30)) {
  const school = await institution(call);
  const site = await platform(call);
  const created = await call('POST', '/api/training/courses', courseInput(school.id, site.id));
  if (created.statusCode !== 201) throw new Error(`course: ${created.body}`);
  const course = created.json() as { id: string };
  for (const [catalogue, subjectId] of [
    ['institution', school.id],
    ['platform', site.id],
    ['project', course.id],
  ]) {
    const listed = await call('POST', '/api/training/listings', {
      catalogue,
      subjectId,
      listedFrom,
      listedUntil: null,
      source: '渝人社办〔2020〕28号',
    });
    if (listed.statusCode !== 201) throw new Error(`listing: ${listed.body}`);
  }
  const published = await call('POST', `/api/training/courses/${course.id}/status`, { status: 'published' });
  if (published.statusCode !== 201) throw new Error(`publish: ${published.body}`);
  return { institution: school, platform: site, course };
}

/** An account linked to the institution by staff; signed in again so its token carries the role. */
export async function institutionAccount(
  app: NestFastifyApplication,
  org: { call: Caller },
  institutionId: string,
) {
  const user = await registerUser(app, ['seeker']);
  const added = await org.call('POST', `/api/training/institutions/${institutionId}/members`, {
    identifier: user.phone,
  });
  if (added.statusCode !== 201) throw new Error(`member: ${added.body}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { identifier: user.phone, password: user.password },
  });
  const session = login.json() as { accessToken: string };
  return { ...user, accessToken: session.accessToken, call: caller(app, session.accessToken) };
}

/** A complete class input for the course of `courseInput` (modules 40 + 12 + 8 学时). */
export function classInput(
  courseId: string,
  platformId: string | null,
  overrides: Record<string, unknown> = {},
) {
  return {
    courseId,
    name: '育婴员（五级）线上培训第1期',
    district: '渝北区',
    startsOn: daysFromToday(-1),
    endsOn: daysFromToday(30),
    capacity: 30,
    platformId,
    plan: {
      teachers: ['王芳', '李静'],
      modules: [
        { name: '理论知识', hours: 40 },
        { name: '居家实操练习', hours: 12 },
        { name: '线下实训', hours: 8 },
      ],
      scheduleNote: '每周一、三、五晚 19:00-21:00 直播授课',
    },
    ...overrides,
  };
}

/** A class of a catalogued course whose plan the district approved, and the institution account. */
export async function approvedClass(
  app: NestFastifyApplication,
  org: { call: Caller },
  overrides: Record<string, unknown> = {},
) {
  const catalogued = await cataloguedCourse(org.call);
  const member = await institutionAccount(app, org, catalogued.institution.id);
  const created = await member.call(
    'POST',
    `/api/training/institutions/${catalogued.institution.id}/classes`,
    classInput(catalogued.course.id, catalogued.platform.id, overrides),
  );
  if (created.statusCode !== 201) throw new Error(`class: ${created.body}`);
  const cls = created.json() as { id: string };
  const submitted = await member.call('POST', `/api/training/classes/${cls.id}/submission`);
  if (submitted.statusCode !== 201) throw new Error(`submit: ${submitted.body}`);
  const decided = await org.call('POST', `/api/training/classes/${cls.id}/plan-decision`, {
    decision: 'approve',
  });
  if (decided.statusCode !== 201) throw new Error(`approve: ${decided.body}`);
  return { ...catalogued, member, cls };
}

/** A trainee account, verified under a real name unless asked otherwise. */
export async function trainee(
  app: NestFastifyApplication,
  options: { realName?: string; verified?: boolean } = {},
) {
  const user = await registerUser(app, ['trainee']);
  const call = caller(app, user.accessToken);
  const idNumber = validIdNumber();
  const realName = options.realName ?? '张丽';
  if (options.verified !== false) {
    const verified = await call('POST', '/api/seekers/me/verification', { realName, idNumber });
    if (verified.statusCode !== 201) throw new Error(`verify: ${verified.body}`);
  }
  return { user, call, idNumber, realName };
}

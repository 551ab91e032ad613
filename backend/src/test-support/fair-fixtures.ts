import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AGENCY_TEAM_GROUPS, businessDate, makeUnifiedSocialCreditCode } from '@platform/contracts';
import { randomInt } from 'node:crypto';
import { registerStaff, registerUser } from './test-app';

/**
 * Builders for the fair's integration tests: each goes through the public api, as a person
 * would, so a test of one rule also exercises the path that leads to it.
 */
export type Caller = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => ReturnType<NestFastifyApplication['inject']>;

export function caller(app: NestFastifyApplication, token: string): Caller {
  return (method, url, payload) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
}

export function daysFromToday(days: number): string {
  return businessDate(new Date(Date.now() + days * 86_400_000));
}

export function uniqueUscc(): string {
  return makeUnifiedSocialCreditCode(randomInt(0, 2 ** 40));
}

export async function organizer(app: NestFastifyApplication) {
  const staff = await registerStaff(app, ['organizer']);
  return { ...staff, call: caller(app, staff.accessToken) };
}

/** A running fair: launched yesterday, concentrated window for a week, agencies may still apply. */
export async function runningFair(org: { call: Caller }, overrides: Record<string, unknown> = {}) {
  const response = await org.call('POST', '/api/fairs', {
    theme: '就在山城 圆梦青春',
    year: 2026,
    hosts: ['重庆市人力资源和社会保障局', '重庆市教育委员会'],
    organizers: ['重庆市人才交流服务中心'],
    targetGroups: ['all_graduates', 'unemployed_graduates'],
    launchOn: daysFromToday(0),
    concentratedEndOn: daysFromToday(7),
    agencyDeadlineOn: daysFromToday(0),
    agencyDeadlineInclusive: true,
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`fair: ${response.body}`);
  return response.json() as { id: string; phase: string };
}

export function employerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `重庆山城科技有限公司${randomInt(0, 1e6)}`,
    uscc: uniqueUscc(),
    unitType: 'enterprise',
    size: 'medium',
    industry: '软件和信息技术服务业',
    district: '渝北区',
    intro: '一家位于两江新区的软件企业，从事政务与教育信息化。',
    contactName: '张经理',
    contactPhone: '13912345678',
    ...overrides,
  };
}

/** An employer account with a registered unit, approved unless told otherwise. */
export async function employer(
  app: NestFastifyApplication,
  org: { call: Caller },
  options: { approve?: boolean; input?: Record<string, unknown> } = {},
) {
  const user = await registerUser(app, ['employer']);
  const call = caller(app, user.accessToken);
  const registered = await call('POST', '/api/employers', employerInput(options.input));
  if (registered.statusCode !== 201) throw new Error(`employer: ${registered.body}`);
  const unit = registered.json() as { id: string };
  if (options.approve !== false) {
    const reviewed = await org.call('POST', `/api/employers/${unit.id}/review`, { decision: 'approve' });
    if (reviewed.statusCode !== 201) throw new Error(`approve: ${reviewed.body}`);
  }
  return { user, call, id: unit.id };
}

export function completeApplication(overrides: Record<string, unknown> = {}) {
  return {
    licenseNumber: '（渝）人服证字〔2019〕第0001号',
    fairColumnUrl: 'https://jobs.example.cn/fair',
    features: { column: true, invitation: true, videoInterview: true },
    freeInterviewMinutesPerEmployer: 300,
    teamLead: { name: '王强', rank: 'vice_general_manager', phone: '13800000000' },
    groups: AGENCY_TEAM_GROUPS.map((group, i) => ({
      group,
      name: `负责人${i + 1}`,
      phone: `1380000001${i}`,
    })),
    privacyMeasures: '个人信息加密存储，按需最小授权，下载留痕审计。',
    ...overrides,
  };
}

const PDF = Buffer.from('%PDF-1.4\n% test attachment\n').toString('base64');

/** An agency with its profile and the attachments given (all three by default) that applied to the fair. */
export async function agency(
  app: NestFastifyApplication,
  fairId: string,
  options: { attachments?: string[]; application?: Record<string, unknown> } = {},
) {
  const user = await registerUser(app, ['agency']);
  const call = caller(app, user.accessToken);
  const profile = await call('POST', '/api/agencies', {
    name: `山城人力${randomInt(0, 1e6)}`,
    uscc: uniqueUscc(),
    siteUrl: 'https://jobs.example.cn',
  });
  if (profile.statusCode !== 201) throw new Error(`agency: ${profile.body}`);
  for (const kind of options.attachments ?? ['application_form', 'team_roster', 'privacy_measures']) {
    const upload = await call('POST', '/api/agencies/me/attachments', {
      kind,
      fileName: `${kind}.pdf`,
      contentType: 'application/pdf',
      contentBase64: PDF,
    });
    if (upload.statusCode !== 201) throw new Error(`attachment: ${upload.body}`);
  }
  const applied = await call(
    'POST',
    `/api/fairs/${fairId}/agency-applications`,
    completeApplication(options.application),
  );
  if (applied.statusCode !== 201) throw new Error(`apply: ${applied.body}`);
  const application = applied.json() as {
    id: string;
    agency: { id: string };
    failedConditions: { code: string }[];
  };
  return { user, call, id: application.agency.id, application };
}

export async function approvedAgency(app: NestFastifyApplication, org: { call: Caller }, fairId: string) {
  const created = await agency(app, fairId);
  const decided = await org.call('POST', `/api/agency-applications/${created.application.id}/decision`, {
    decision: 'approve',
  });
  if (decided.statusCode !== 201) throw new Error(`approve agency: ${decided.body}`);
  return created;
}

export function positionInput(fairId: string, overrides: Record<string, unknown> = {}) {
  return {
    fairId,
    title: 'Java 开发工程师',
    category: '软件开发',
    headcount: 3,
    duties: '参与政务服务平台后端开发与维护。',
    requirements: '计算机相关专业本科及以上学历，熟悉 Java 与数据库。',
    environment: '两江新区写字楼，弹性工作制。',
    benefits: '五险一金，年终奖，带薪年假。',
    salaryMin: 6000,
    salaryMax: 9000,
    education: 'bachelor',
    district: '渝北区',
    ...overrides,
  };
}

/** Creates and submits a position for an employer that already joined the fair. */
export async function submittedPosition(
  call: Caller,
  fairId: string,
  overrides: Record<string, unknown> = {},
) {
  const created = await call('POST', '/api/positions', positionInput(fairId, overrides));
  if (created.statusCode !== 201) throw new Error(`position: ${created.body}`);
  const id = (created.json() as { id: string }).id;
  return { id, submission: await call('POST', `/api/positions/${id}/submission`) };
}

/** A running fair with one published position of an approved employer that chose one agency. */
export async function publishedPosition(
  app: NestFastifyApplication,
  org: { call: Caller },
  options: { fair?: Record<string, unknown>; employer?: Record<string, unknown> } = {},
) {
  const fair = await runningFair(org, { year: new Date().getUTCFullYear(), ...options.fair });
  const chosenAgency = await approvedAgency(app, org, fair.id);
  const unit = await employer(app, org, { input: options.employer });
  await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
  await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${chosenAgency.id}`);
  const { id } = await submittedPosition(unit.call, fair.id);
  await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
  return { fair, agency: chosenAgency, unit, positionId: id };
}

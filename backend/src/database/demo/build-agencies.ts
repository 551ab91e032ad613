import {
  AGENCY_ATTACHMENT_KINDS,
  AGENCY_TEAM_GROUPS,
  type AgencyApplicationFacts,
  type AgencyAttachmentKind,
  agencyEligibilityFailures,
  makeUnifiedSocialCreditCode,
} from '@platform/contracts';
import { createHash } from 'node:crypto';
import type { agencies, agencyApplications, agencyAttachments } from '../schema';
import { addDays, later, officeMoment, shanghaiTime } from './demo-dates';
import type { GeneratedFairDates } from './demo-context';
import { type DemoContext, generatedUser, type UserInsert, type UserRoleInsert } from './demo-context';
import { minimalPdf } from './minimal-pdf';
import { AGENCIES, APPROVED_AGENCIES } from './plan';
import { type Prng, rngFor } from './prng';
import { mobileNumber, personName } from './vocab/names';
import { DISTRICT_CODES, type District } from './vocab/places';

type AgencyRow = typeof agencies.$inferInsert;
type ApplicationRow = typeof agencyApplications.$inferInsert;
type AttachmentRow = typeof agencyAttachments.$inferInsert;

export interface GeneratedAgency {
  row: AgencyRow;
  user: UserInsert | null;
  role: UserRoleInsert | null;
  attachments: AttachmentRow[];
  applications: ApplicationRow[];
}

/** Agency 0 is the seeded demo agency account's (山城人力资源服务公司); the last one fails. */
const PROFILES: readonly { name: string; slug: string; district: District }[] = [
  { name: '重庆山城人力资源服务有限公司', slug: 'shancheng-hr', district: '渝中区' },
  { name: '重庆英才人力资源服务有限公司', slug: 'yingcai-hr', district: '江北区' },
  { name: '重庆巴渝人才服务有限公司', slug: 'bayu-talent', district: '渝北区' },
  { name: '重庆两江人力资源开发有限公司', slug: 'liangjiang-hr', district: '渝北区' },
  { name: '重庆渝聘网络科技有限公司', slug: 'yupin', district: '南岸区' },
  { name: '重庆速达劳务服务有限公司', slug: 'suda-labour', district: '巴南区' },
];

const FILE_NAMES: Record<AgencyAttachmentKind, string> = {
  application_form: '附件1-人力资源服务机构报名表.pdf',
  team_roster: '附件2-运维团队相关负责人名单.pdf',
  privacy_measures: '附件3-个人隐私防护措施.pdf',
};

export function buildAgencies(ctx: DemoContext): GeneratedAgency[] {
  return Array.from({ length: AGENCIES }, (_, index) => buildAgency(ctx, index));
}

function buildAgency(ctx: DemoContext, index: number): GeneratedAgency {
  const rng = rngFor(ctx.seed, 'agency', index);
  const profile = PROFILES[index];
  const approved = index < APPROVED_AGENCIES;
  const siteUrl = `https://www.${profile.slug}.example/`;
  const createdAt = approved
    ? officeMoment(rng, '2020-01-06', '2020-02-14')
    : officeMoment(rng, addDays(ctx.running.launchOn, -30), addDays(ctx.running.launchOn, -20));
  const ownedByDemo = index === 0 && ctx.demoAgencyUserId !== null;
  const ownerUserId = ownedByDemo ? ctx.demoAgencyUserId! : ctx.ids.user('agency', index);
  const kinds = approved ? [...AGENCY_ATTACHMENT_KINDS] : AGENCY_ATTACHMENT_KINDS.slice(0, 2);
  const account = ownedByDemo
    ? null
    : generatedUser(ctx, ownerUserId, ctx.ids.email('agency', index), profile.name, 'agency', createdAt);
  const row: AgencyRow = {
    id: ctx.ids.agency(index),
    ownerUserId,
    name: profile.name,
    uscc: makeUnifiedSocialCreditCode(ctx.ids.usccSerial('agency', index), DISTRICT_CODES[profile.district]),
    siteUrl,
    blacklistedAt: null,
    blacklistReason: null,
    createdAt,
    updatedAt: createdAt,
  };
  const fairs = approved && ctx.history ? [ctx.history, ctx.running] : [ctx.running];
  return {
    row,
    user: account?.user ?? null,
    role: account?.role ?? null,
    attachments: kinds.map((kind) => attachment(ctx, row, kind)),
    applications: fairs.map((fair) =>
      application(ctx, rng, row, fair, facts(rng, index, siteUrl, fair, kinds)),
    ),
  };
}

function facts(
  rng: Prng,
  index: number,
  siteUrl: string,
  fair: GeneratedFairDates,
  attachments: AgencyAttachmentKind[],
): AgencyApplicationFacts {
  const approved = index < APPROVED_AGENCIES;
  return {
    licenseNumber: `（渝）人服证字〔${2012 + index}〕第${String(5_001_003 + index * 37)}号`,
    siteUrl,
    fairColumnUrl: `${siteUrl}zhuanlan/${fair.year}-wangluo-shuangxuanhui`,
    features: { column: true, invitation: true, videoInterview: approved },
    freeInterviewMinutesPerEmployer: approved ? rng.pick([300, 360, 500, 600]) : 120,
    teamLead: {
      name: personName(rng),
      rank: approved
        ? rng.pick(['chairman_or_general_manager', 'vice_general_manager'] as const)
        : 'director',
      phone: mobileNumber(rng),
    },
    groups: AGENCY_TEAM_GROUPS.map((group) => ({ group, name: personName(rng), phone: mobileNumber(rng) })),
    privacyMeasures: approved ? PRIVACY_MEASURES : '',
    attachments,
  };
}

const PRIVACY_MEASURES =
  '平台通过等级保护三级测评，求职者身份证号和联系方式加密存储、默认脱敏展示；用人单位仅在求职者投递或同意后查看联系方式；' +
  '简历查看和下载全程留痕，按日审计；运维人员最小权限访问并签署保密承诺；发生个人信息泄露时按应急预案在24小时内处置并报告。';

function application(
  ctx: DemoContext,
  rng: Prng,
  agency: AgencyRow,
  fair: GeneratedFairDates,
  agencyFacts: AgencyApplicationFacts,
): ApplicationRow {
  const failedConditions = agencyEligibilityFailures(agencyFacts);
  const submittedOn = addDays(fair.agencyDeadlineOn, -rng.int(2, 8));
  const submittedAt = shanghaiTime(submittedOn, 10, rng.int(0, 59));
  const decidedAt = later(rng, submittedAt, 20 * 60, 28 * 60, addDays(fair.agencyDeadlineOn, 0));
  return {
    id: ctx.ids.id('agency-application', fair.key, agency.id!),
    fairId: fair.id,
    agencyId: agency.id!,
    facts: agencyFacts,
    failedConditions,
    status: failedConditions.length ? 'rejected' : 'approved',
    submittedOn,
    decidedBy: ctx.organizerId,
    decidedAt,
    decisionReason: failedConditions.length
      ? `不符合报名条件：${failedConditions.map((c) => c.zh).join('；')}。`
      : null,
    createdAt: submittedAt,
    updatedAt: decidedAt,
  };
}

function attachment(ctx: DemoContext, agency: AgencyRow, kind: AgencyAttachmentKind): AttachmentRow {
  const content = minimalPdf([
    `Demo attachment: ${kind.replace('_', ' ')}`,
    `Agency credit code: ${agency.uscc}`,
    `Site: ${agency.siteUrl}`,
    'Generated demo data; the signed and stamped original stays with the agency.',
  ]);
  return {
    id: ctx.ids.id('agency-attachment', agency.id!, kind),
    agencyId: agency.id!,
    kind,
    fileName: FILE_NAMES[kind],
    contentType: 'application/pdf',
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    createdAt: new Date(agency.createdAt!.getTime() + 3_600_000),
  };
}

/**
 * The five conditions an HR service agency must meet to host a fair column (渝人社〔2020〕66号,
 * S3:3736-3752) and the three attachments of its application (S3:3910-3920), checked as a pure
 * function so the organizer, the agency and the tests see the same failed conditions.
 */
export const AGENCY_TEAM_GROUPS = [
  'tech_security',
  'user_support',
  'complaints',
  'qualification_review',
  'quality_supervision',
] as const;
export type AgencyTeamGroup = (typeof AGENCY_TEAM_GROUPS)[number];
export const AGENCY_TEAM_GROUP_LABELS: Record<AgencyTeamGroup, string> = {
  tech_security: '技术保障与安全防护',
  user_support: '用户服务与咨询',
  complaints: '投诉纠纷处理',
  qualification_review: '资质与信息审核',
  quality_supervision: '服务质量监督',
};

/** Seniority of the team lead; the rule asks for 副总级以上 (S3:3744). */
export const LEAD_RANKS = [
  'chairman_or_general_manager',
  'vice_general_manager',
  'director',
  'manager',
  'staff',
] as const;
export type LeadRank = (typeof LEAD_RANKS)[number];
export const LEAD_RANK_LABELS: Record<LeadRank, string> = {
  chairman_or_general_manager: '董事长/总经理',
  vice_general_manager: '副总经理',
  director: '总监',
  manager: '部门经理',
  staff: '员工',
};
const SENIOR_ENOUGH: LeadRank[] = ['chairman_or_general_manager', 'vice_general_manager'];

export const AGENCY_ATTACHMENT_KINDS = ['application_form', 'team_roster', 'privacy_measures'] as const;
export type AgencyAttachmentKind = (typeof AGENCY_ATTACHMENT_KINDS)[number];
export const AGENCY_ATTACHMENT_LABELS: Record<AgencyAttachmentKind, string> = {
  application_form: '附件1 人力资源服务机构报名表',
  team_roster: '附件2 运维团队相关负责人名单',
  privacy_measures: '附件3 个人隐私防护措施',
};

/** The free video-interview minutes each employer must get (S3:3742). */
export const MIN_FREE_INTERVIEW_MINUTES = 300;

export interface AgencyApplicationFacts {
  licenseNumber: string;
  siteUrl: string;
  fairColumnUrl: string;
  features: { column: boolean; invitation: boolean; videoInterview: boolean };
  freeInterviewMinutesPerEmployer: number;
  teamLead: { name: string; rank: LeadRank; phone: string };
  groups: { group: AgencyTeamGroup; name: string; phone: string }[];
  privacyMeasures: string;
  attachments: AgencyAttachmentKind[];
}

export interface AgencyCondition {
  code: string;
  citation: string;
  zh: string;
}

const CONDITIONS = {
  license: {
    code: 'AGENCY_NO_QUALIFICATION',
    citation: 'S3:3736',
    zh: '须具有开展网络活动相应资质（填写许可证编号并上传报名表）',
  },
  site: {
    code: 'AGENCY_NO_OWN_SITE',
    citation: 'S3:3738-3740',
    zh: '须具备自有招聘网站及专栏、邀约、视频面试功能',
  },
  minutes: {
    code: 'AGENCY_FREE_MINUTES_TOO_FEW',
    citation: 'S3:3740-3742',
    zh: `须向用人单位提供不少于${MIN_FREE_INTERVIEW_MINUTES}分钟免费视频面试服务`,
  },
  lead: { code: 'AGENCY_LEAD_NOT_SENIOR', citation: 'S3:3744', zh: '运维团队牵头负责人须为公司副总级以上' },
  groups: {
    code: 'AGENCY_TEAM_GROUPS_INCOMPLETE',
    citation: 'S3:3746-3750',
    zh: '工作组须包含五个小组，并逐一列明负责人及联系方式',
  },
  privacy: {
    code: 'AGENCY_NO_PRIVACY_MEASURES',
    citation: 'S3:3750-3752, S3:3920',
    zh: '须有完备的个人隐私安全保护机制（填写措施并上传附件3）',
  },
} satisfies Record<string, AgencyCondition>;

/** Every condition the application fails; empty means it may be approved. */
export function agencyEligibilityFailures(facts: AgencyApplicationFacts): AgencyCondition[] {
  const failed: AgencyCondition[] = [];
  const has = (kind: AgencyAttachmentKind) => facts.attachments.includes(kind);
  if (!facts.licenseNumber.trim() || !has('application_form')) failed.push(CONDITIONS.license);
  const { column, invitation, videoInterview } = facts.features;
  if (!facts.siteUrl.trim() || !facts.fairColumnUrl.trim() || !column || !invitation || !videoInterview)
    failed.push(CONDITIONS.site);
  if (!(facts.freeInterviewMinutesPerEmployer >= MIN_FREE_INTERVIEW_MINUTES)) failed.push(CONDITIONS.minutes);
  if (!SENIOR_ENOUGH.includes(facts.teamLead.rank) || !facts.teamLead.name.trim())
    failed.push(CONDITIONS.lead);
  const named = new Set(facts.groups.filter((g) => g.name.trim() && g.phone.trim()).map((g) => g.group));
  if (AGENCY_TEAM_GROUPS.some((g) => !named.has(g)) || !has('team_roster')) failed.push(CONDITIONS.groups);
  if (!facts.privacyMeasures.trim() || !has('privacy_measures')) failed.push(CONDITIONS.privacy);
  return failed;
}

/**
 * "在2020年3月4日之前": whether the deadline day itself still counts is not said (§6.3); the
 * fair stores the choice, and exclusive is the default.
 */
export function beforeAgencyDeadline(submittedOn: string, deadlineOn: string, inclusive: boolean): boolean {
  return inclusive ? submittedOn <= deadlineOn : submittedOn < deadlineOn;
}

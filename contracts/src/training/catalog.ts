/**
 * The training catalogue (training.md §2.3): institutions, online platforms and courses, and the
 * "两目录一系统" listings that make training subsidisable on a given day. Values are data; the
 * rule set is versioned like the posting rules.
 */

export const INSTITUTION_KINDS = [
  'training_institution',
  'technical_school',
  'vocational_college',
  'hr_service_agency',
  'enterprise',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  training_institution: '职业培训机构',
  technical_school: '技工院校',
  vocational_college: '职业院校',
  hr_service_agency: '人力资源服务机构',
  enterprise: '企业（自主培训）',
};

/** Who runs a platform: MOHRSS's own (L5689), selected and published (K2), third party (K5), own (L5410). */
export const PLATFORM_KINDS = ['mohrss', 'selected', 'third_party', 'institution_own'] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];
export const PLATFORM_KIND_LABELS: Record<PlatformKind, string> = {
  mohrss: '人社部所属平台',
  selected: '遴选公布平台',
  third_party: '第三方平台',
  institution_own: '机构自有平台',
};

/** The catalogues of K1: 培训机构目录, 培训项目目录, and the 遴选 list of platforms (K2). */
export const CATALOGUES = ['institution', 'project', 'platform'] as const;
export type Catalogue = (typeof CATALOGUES)[number];
export const CATALOGUE_LABELS: Record<Catalogue, string> = {
  institution: '培训机构目录',
  project: '培训项目目录',
  platform: '遴选线上培训平台',
};

/** K10 distinguishes skills training (incl. 新型学徒制, 家政) from entrepreneurship training. */
export const COURSE_KINDS = ['skills', 'apprenticeship', 'domestic_service', 'entrepreneurship'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  skills: '职业技能培训',
  apprenticeship: '企业新型学徒制',
  domestic_service: '家政服务培训',
  entrepreneurship: '创业培训',
};

/** 国家职业资格 levels (五级 is the lowest), 专项职业能力, or none. */
export const SKILL_LEVELS = ['level5', 'level4', 'level3', 'level2', 'level1', 'special', 'none'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  level5: '五级/初级工',
  level4: '四级/中级工',
  level3: '三级/高级工',
  level2: '二级/技师',
  level1: '一级/高级技师',
  special: '专项职业能力',
  none: '不分等级',
};

export const MODULE_KINDS = ['theory', 'practical'] as const;
export type ModuleKind = (typeof MODULE_KINDS)[number];
export const DELIVERIES = ['online', 'offline'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const COURSE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** The course-design rules, versioned so a decision names the rules it used. */
export const COURSE_DESIGN_RULES = {
  version: 'cq-2020.1',
  /** "全部理论课（不低于总课时的30%）纳入线上培训" — L7880-7884, L1242-1246 (reading (a), [inferred]). */
  minTheoryShareForOnline: 0.3,
} as const;

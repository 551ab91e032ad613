/**
 * The closed vocabularies of the fair: what a form offers, what the api accepts and what the
 * demo generator draws from. Labels are zh-CN first; the sources name most of them
 * (shared/domain/recruitment.md §2.1, §2.3, §2.11, §7).
 */
export const UNIT_TYPES = [
  'enterprise',
  'soe',
  'public_institution',
  'social_organization',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  enterprise: '企业',
  soe: '国有企业',
  public_institution: '事业单位',
  social_organization: '社会组织',
  other: '其他',
};

export const UNIT_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type UnitSize = (typeof UNIT_SIZES)[number];
export const UNIT_SIZE_LABELS: Record<UnitSize, string> = {
  micro: '微型（20人以下）',
  small: '小型（20-299人）',
  medium: '中型（300-999人）',
  large: '大型（1000人及以上）',
};

/** Special-session (专场) target groups named by the sources (S3:2522-2524, S4:11, S3:3187-3193). */
export const TARGET_GROUPS = [
  'all_graduates',
  'unemployed_graduates',
  'key_enterprises',
  'hubei_graduates',
  'poverty_counties',
  'low_income_families',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  all_graduates: '应届高校毕业生',
  unemployed_graduates: '离校未就业高校毕业生',
  key_enterprises: '重点企业',
  hubei_graduates: '湖北籍高校毕业生',
  poverty_counties: '贫困县（52个挂牌督战县）',
  low_income_families: '家庭经济困难毕业生',
};

export const EDUCATION_LEVELS = ['any', 'secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  any: '不限',
  secondary: '中专/高中',
  associate: '大专',
  bachelor: '本科',
  master: '硕士',
  doctorate: '博士',
};

/** Chongqing's 38 districts and counties; a position or employer sits in one of them. */
export const CHONGQING_DISTRICTS = [
  '渝中区',
  '大渡口区',
  '江北区',
  '沙坪坝区',
  '九龙坡区',
  '南岸区',
  '北碚区',
  '渝北区',
  '巴南区',
  '万州区',
  '涪陵区',
  '黔江区',
  '长寿区',
  '江津区',
  '合川区',
  '永川区',
  '南川区',
  '綦江区',
  '大足区',
  '璧山区',
  '铜梁区',
  '潼南区',
  '荣昌区',
  '开州区',
  '梁平区',
  '武隆区',
  '城口县',
  '丰都县',
  '垫江县',
  '忠县',
  '云阳县',
  '奉节县',
  '巫山县',
  '巫溪县',
  '石柱土家族自治县',
  '秀山土家族苗族自治县',
  '酉阳土家族苗族自治县',
  '彭水苗族土家族自治县',
] as const;

export const POSITION_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'rejected',
  'closed',
  'expired',
  'removed',
] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const COMPLAINT_CATEGORIES = [
  'false_posting',
  'fraud',
  'discrimination',
  'price_gouging',
  'dispute',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  false_posting: '不实招聘/虚假信息',
  fraud: '欺诈',
  discrimination: '就业歧视',
  price_gouging: '哄抬服务价格',
  dispute: '就业纠纷',
};

export const COMPLAINT_STATUSES = ['open', 'investigating', 'resolved', 'dismissed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Sanctions of §2.15 and what each blocks from then on. */
export const SANCTION_KINDS = ['position_removed', 'employer_disqualified', 'agency_blacklisted'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_EFFECTS: Record<SanctionKind, string> = {
  position_removed: '岗位下架，不能再编辑或重新发布',
  employer_disqualified: '取消本次双选会参会资格：岗位全部下架，不能再发布岗位或选择机构',
  agency_blacklisted: '纳入黑名单：从通过机构名单中移除，用人单位不能再选择，不能报名新的双选会',
};

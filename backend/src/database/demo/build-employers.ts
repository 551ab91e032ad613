import { makeUnifiedSocialCreditCode, type UnitSize, type UnitType } from '@platform/contracts';
import type { employers } from '../schema';
import { addDays, later, officeMoment } from './demo-dates';
import { type DemoContext, generatedUser, type UserInsert, type UserRoleInsert } from './demo-context';
import { APPROVED_AGENCIES, type EmployerStatus, employerStatus } from './plan';
import { type Prng, rngFor } from './prng';
import { INDUSTRIES, type Industry } from './vocab/industries';
import { mobileNumber, personName, tradeName } from './vocab/names';
import { UNIT_HIGHLIGHTS } from './vocab/phrases';
import { areasOf, DISTRICT_CODES, districtShort, districtWeights, type District } from './vocab/places';
import { CHONGQING_UNIVERSITIES } from './vocab/universities';

export type EmployerRow = typeof employers.$inferSelect;

export interface GeneratedEmployer {
  row: EmployerRow;
  /** Null when a seeded demo account owns it. */
  user: UserInsert | null;
  role: UserRoleInsert | null;
  industry: Industry;
  /** Relative share of the fair's positions (bigger units post more). */
  weight: number;
  /** Took part in the 2020 fair too. */
  in2020: boolean;
  /** Indexes of the approved agencies it chose (1-3, S3:3775). */
  agencies: number[];
  /** When it joined each fair; null when it did not (only approved units join). */
  joinedRunningAt: Date | null;
  joined2020At: Date | null;
}

const DISTRICT_WEIGHTS = districtWeights();
const INDUSTRY_WEIGHTS = INDUSTRIES.map((i) => [i, i.weight] as const);
const SIZE_WEIGHTS: Record<UnitType, [UnitSize, number][]> = {
  enterprise: [
    ['micro', 1],
    ['small', 5],
    ['medium', 3],
    ['large', 1],
  ],
  soe: [
    ['medium', 3],
    ['large', 7],
  ],
  public_institution: [
    ['small', 4],
    ['medium', 4],
    ['large', 2],
  ],
  social_organization: [
    ['micro', 4],
    ['small', 6],
  ],
  other: [['small', 1]],
};
const SIZE_SHARE: Record<UnitSize, number> = { micro: 0.5, small: 1, medium: 1.6, large: 3 };
const STAFF: Record<UnitSize, [number, number]> = {
  micro: [8, 19],
  small: [20, 299],
  medium: [300, 999],
  large: [1000, 12000],
};

/** Employer `index` of the seed; `names` keeps unit names unique within one run. */
export function buildEmployer(ctx: DemoContext, index: number, names: Set<string>): GeneratedEmployer {
  const rng = rngFor(ctx.seed, 'employer', index);
  const profile = index === 0 ? demoProfile() : drawProfile(rng, names);
  names.add(profile.name);
  const status = employerStatus(ctx.plan, index);
  const in2020 = ctx.history !== null && status === 'approved' && index % 3 === 1;
  const row = employerRow(ctx, rng, index, profile, status, employerTimes(ctx, rng, status, in2020));
  const account =
    row.ownerUserId === ctx.demoEmployerUserId
      ? null
      : generatedUser(
          ctx,
          row.ownerUserId,
          row.contactEmail!,
          row.name,
          'employer',
          minutesBefore(row.createdAt, 10),
        );
  return {
    row,
    user: account?.user ?? null,
    role: account?.role ?? null,
    industry: profile.industry,
    weight: SIZE_SHARE[profile.size] * (0.6 + rng.next() * 0.8),
    in2020,
    agencies: status === 'approved' ? chooseAgencies(rng, index) : [],
    ...joinTimes(ctx, rng, row.reviewedAt, status === 'approved', in2020),
  };
}

function employerRow(
  ctx: DemoContext,
  rng: Prng,
  index: number,
  profile: UnitProfile,
  status: EmployerStatus,
  { createdAt, reviewedAt }: { createdAt: Date; reviewedAt: Date | null },
): EmployerRow {
  const owner = index === 0 ? ctx.demoEmployerUserId : null;
  return {
    id: ctx.ids.employer(index),
    ownerUserId: owner ?? ctx.ids.user('employer', index),
    name: profile.name,
    uscc: makeUnifiedSocialCreditCode(
      ctx.ids.usccSerial('employer', index),
      DISTRICT_CODES[profile.district],
      usccCategory(profile.unitType, profile.name),
    ),
    unitType: profile.unitType,
    size: profile.size,
    industry: profile.industry.name,
    province: '重庆市',
    district: profile.district,
    intro: intro(rng, profile),
    contactName: personName(rng),
    contactPhone: mobileNumber(rng),
    contactEmail: ctx.ids.email('employer', index),
    status,
    reviewReason: status === 'rejected' ? REJECTED_EMPLOYER_REASON : null,
    reviewedBy: reviewedAt ? ctx.organizerId : null,
    reviewedAt,
    isKeyEnterprise: status === 'approved' && index !== 0 && rng.chance(keyChance(profile)),
    resumptionFiled: status === 'approved' || (status === 'pending' && rng.chance(0.5)),
    createdAt,
    updatedAt: reviewedAt ?? createdAt,
  };
}

function minutesBefore(at: Date, minutes: number): Date {
  return new Date(at.getTime() - minutes * 60_000);
}

export const REJECTED_EMPLOYER_REASON =
  '上传的营业执照与填写的单位名称、统一社会信用代码不一致，请核对后重新提交。';

interface UnitProfile {
  name: string;
  unitType: UnitType;
  size: UnitSize;
  industry: Industry;
  district: District;
}

/** The unit of the seeded demo employer account (its display name in seed.ts). */
function demoProfile(): UnitProfile {
  return {
    name: '重庆示例科技有限公司',
    unitType: 'enterprise',
    size: 'medium',
    industry: INDUSTRIES[0],
    district: '渝北区',
  };
}

function drawProfile(rng: Prng, names: Set<string>): UnitProfile {
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  const unitType = rng.weighted(industry.unitTypes);
  const district = rng.weighted(DISTRICT_WEIGHTS);
  const size = rng.weighted(SIZE_WEIGHTS[unitType]);
  return { name: uniqueName(rng, industry, unitType, district, names), unitType, size, industry, district };
}

function uniqueName(rng: Prng, industry: Industry, type: UnitType, district: District, names: Set<string>) {
  const patterns = industry.names[type] ?? industry.names.enterprise!;
  let name = '';
  for (let attempt = 0; attempt < 40 && (!name || names.has(name)); attempt++) {
    name = rng
      .pick(patterns)
      .replace('{zh}', tradeName(rng))
      .replace('{ds}', districtShort(district))
      .replace('{d}', district);
  }
  // Forty collisions happen only for names without a trade name (one 中医院 per district).
  if (names.has(name)) name = `${name}（${tradeName(rng)}院区）`;
  return name;
}

/** 登记管理部门 and 机构类别 (GB 32100-2015): 91 enterprise, 12 事业单位, 51 社会团体, 52 民办非企业. */
function usccCategory(type: UnitType, name: string): string {
  if (type === 'public_institution') return '12';
  if (type === 'social_organization') return /协会|促进会/.test(name) ? '51' : '52';
  return '91';
}

function keyChance(profile: UnitProfile): number {
  return Math.min(0.9, profile.industry.keyEnterpriseChance * (profile.unitType === 'soe' ? 2 : 1));
}

function intro(rng: Prng, p: UnitProfile): string {
  const highlight = rng
    .pick(UNIT_HIGHLIGHTS[p.unitType])
    .replace('{university}', rng.pick(CHONGQING_UNIVERSITIES).name);
  const staff = rng.int(...STAFF[p.size]);
  const place = `重庆市${p.district}${rng.pick(areasOf(p.district))}`;
  const business = rng.pick(p.industry.business);
  if (p.unitType === 'public_institution')
    return `${p.name}位于${place}，主要承担${business}等工作，现有职工${staff}人，${highlight}。诚邀有志于服务基层的高校毕业生加入。`;
  const founded = p.unitType === 'soe' ? rng.int(1955, 2012) : rng.int(1998, 2019);
  return `${p.name}成立于${founded}年，位于${place}，主要从事${business}，现有员工${staff}人，${highlight}。欢迎广大高校毕业生加入，与企业共同成长。`;
}

function employerTimes(ctx: DemoContext, rng: Prng, status: EmployerStatus, in2020: boolean) {
  const createdAt = in2020
    ? officeMoment(rng, '2020-02-10', '2020-02-26')
    : officeMoment(rng, addDays(ctx.running.launchOn, -40), addDays(ctx.running.launchOn, -8));
  if (status === 'pending') return { createdAt, reviewedAt: null };
  const lastDay = in2020 ? '2020-03-03' : addDays(ctx.running.launchOn, -2);
  return { createdAt, reviewedAt: later(rng, createdAt, 60, 3 * 24 * 60, lastDay) };
}

/** Approved units join the running fair before it launches; 2020 ones joined that fair too. */
function joinTimes(ctx: DemoContext, rng: Prng, reviewedAt: Date | null, approved: boolean, in2020: boolean) {
  if (!approved || !reviewedAt) return { joinedRunningAt: null, joined2020At: null };
  const { launchOn } = ctx.running;
  return {
    joinedRunningAt: in2020
      ? officeMoment(rng, addDays(launchOn, -12), addDays(launchOn, -2))
      : later(rng, reviewedAt, 60, 24 * 60, addDays(launchOn, -1)),
    joined2020At: in2020 ? later(rng, reviewedAt, 60, 24 * 60, '2020-03-04') : null,
  };
}

/** 1-3 approved agencies; the demo employer always has the demo agency (index 0). */
function chooseAgencies(rng: Prng, index: number): number[] {
  const all = Array.from({ length: APPROVED_AGENCIES }, (_, i) => i);
  if (index === 0) return [0, 1];
  const count = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
  ]);
  return rng.sample(all, count).sort((a, b) => a - b);
}

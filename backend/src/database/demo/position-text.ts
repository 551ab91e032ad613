import { EDUCATION_LABELS, EDUCATION_LEVELS, type EducationLevel, type UnitType } from '@platform/contracts';
import type { Prng } from './prng';
import type { PositionTemplate } from './vocab/position-template';
import {
  benefitPool,
  ENVIRONMENTS,
  GRADUATE_WELCOME,
  HUBEI_TARGETED,
  HUBEI_WELCOME,
  TRAITS,
} from './vocab/phrases';
import { areasOf, MAIN_URBAN_DISTRICTS } from './vocab/places';

/** A Hubei sentence: a welcome (clean) or a restriction that only review may let through (R-DIS-6). */
export type HubeiWording = 'welcome' | 'targeted' | null;

export interface PostingSpec {
  template: PositionTemplate;
  unitType: UnitType;
  size: string;
  district: string;
  /** The graduates' cohort year named in the text (届). */
  cohort: number;
  hubei: HubeiWording;
}

export interface ComposedPosting {
  title: string;
  category: string;
  headcount: number;
  duties: string;
  requirements: string;
  environment: string;
  benefits: string;
  salaryMin: number;
  salaryMax: number;
  education: EducationLevel;
  experienceYears: number;
  graduateSuitable: boolean;
}

/** The texts and numbers of one posting, drawn from its template (S3:3874-3876). */
export function composePosting(rng: Prng, spec: PostingSpec): ComposedPosting {
  const { template } = spec;
  const experienceYears = rng.chance(0.12) ? rng.int(1, 3) : 0;
  const graduateSuitable = experienceYears === 0;
  const education = rng.chance(0.15) ? higher(template.education) : template.education;
  const [salaryMin, salaryMax] = salary(rng, spec, education);
  const campus = graduateSuitable && rng.chance(0.15) ? `（${spec.cohort}届校园招聘）` : '';
  return {
    title: template.title + campus,
    category: template.category,
    headcount: rng.int(...(template.headcount ?? [1, 5])),
    duties: numbered(rng.sample(template.duties, rng.int(3, 4))),
    requirements: requirements(rng, spec, education, experienceYears),
    environment: rng
      .pick(ENVIRONMENTS[template.workplace])
      .replace('{place}', spec.district + rng.pick(areasOf(spec.district))),
    benefits: benefits(rng, spec.unitType),
    salaryMin,
    salaryMax,
    education,
    experienceYears,
    graduateSuitable,
  };
}

function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('；') + '。';
}

function requirements(rng: Prng, spec: PostingSpec, education: EducationLevel, years: number): string {
  const { template } = spec;
  const parts = [
    education === 'any' ? '学历不限' : `${EDUCATION_LABELS[education]}及以上学历`,
    `${rng.sample(template.majors, rng.int(2, 3)).join('、')}等相关专业`,
  ].join('，');
  const clauses = [parts, ...rng.sample(template.skills, 2)];
  if (years > 0) clauses.push(`具有${years}年以上相关工作经验`);
  else clauses.push(rng.pick(GRADUATE_WELCOME).replace('{year}', String(spec.cohort)));
  clauses.push(rng.pick(TRAITS));
  if (spec.hubei === 'welcome') clauses.push(HUBEI_WELCOME);
  if (spec.hubei === 'targeted') clauses.push(HUBEI_TARGETED);
  return clauses.join('；') + '。';
}

function benefits(rng: Prng, unitType: UnitType): string {
  const pool = benefitPool(unitType);
  if (unitType === 'public_institution')
    return [...pool.slice(0, 2), ...rng.sample(pool.slice(2), 2)].join('，') + '。';
  const items = ['缴纳五险一金', ...rng.sample(pool, rng.int(3, 5))];
  const probation =
    unitType === 'enterprise' && rng.chance(0.4) ? '试用期3个月，试用期工资不低于转正工资的80%。' : '';
  return items.join('，') + '。' + probation;
}

const SIZE_FACTOR: Record<string, number> = { micro: 0.9, small: 0.95, medium: 1, large: 1.08 };
const EDUCATION_FACTOR: Partial<Record<EducationLevel, number>> = { master: 1.2, doctorate: 1.5 };
/** Chongqing's lowest monthly minimum wage band is above this; no posting offers less. */
const SALARY_FLOOR = 2100;

/** Monthly yuan, rounded to 100: the template's range for the place, size and degree. */
function salary(rng: Prng, spec: PostingSpec, education: EducationLevel): [number, number] {
  const place = MAIN_URBAN_DISTRICTS.includes(spec.district as never) ? 1 : 0.85;
  const degree = education === spec.template.education ? 1 : (EDUCATION_FACTOR[education] ?? 1.1);
  const factor = place * (SIZE_FACTOR[spec.size] ?? 1) * degree;
  const round = (yuan: number) => Math.round(yuan / 100) * 100;
  const min = Math.max(SALARY_FLOOR, round(spec.template.salary[0] * factor * (0.9 + rng.next() * 0.2)));
  const max = Math.max(min + 500, round(spec.template.salary[1] * factor * (0.9 + rng.next() * 0.25)));
  return [min, max];
}

function higher(level: EducationLevel): EducationLevel {
  const i = EDUCATION_LEVELS.indexOf(level);
  return level === 'any' || level === 'doctorate' ? level : EDUCATION_LEVELS[Math.min(i + 1, 4)];
}

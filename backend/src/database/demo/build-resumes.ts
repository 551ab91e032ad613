import { EDUCATION_LEVELS, type EducationLevel, SKILL_TERMS, type SeekerFlag } from '@platform/contracts';
import type { resumes, seekerProfiles } from '../schema';
import type { UserInsert, UserRoleInsert } from './demo-context';
import type { DemoIds } from './demo-ids';
import { rngFor, type Prng } from './prng';
import { POSITION_TEMPLATES } from './vocab/industries';
import { personName, tradeName } from './vocab/names';
import { TRAITS } from './vocab/phrases';
import { districtWeights } from './vocab/places';
import type { PositionTemplate } from './vocab/position-template';
import { CHONGQING_UNIVERSITIES } from './vocab/universities';

type ProfileInsert = typeof seekerProfiles.$inferInsert;
type ResumeInsert = typeof resumes.$inferInsert;

export interface GeneratedSeeker {
  user: UserInsert;
  role: UserRoleInsert;
  profile: ProfileInsert;
  resume: ResumeInsert;
}

export interface SeekerContext {
  seed: string;
  ids: DemoIds;
  /** The business date (YYYY-MM-DD); cohorts and dates are counted back from its year. */
  today: string;
  /** One argon2 hash shared by every generated account. */
  passwordHash: string;
}

const DISTRICTS = districtWeights();
const CERTIFICATES = ['英语四级', '英语六级', '普通话二级甲等', '计算机二级', '驾驶证C1', '初级会计职称'];
const SOFT_SKILLS = ['团队协作', '沟通表达', 'Office办公软件', '文档写作', '项目管理'];
/** Searchable most of the time; some only for the employers they applied to, a few hidden. */
const VISIBILITY = [
  ['searchable', 85],
  ['applied_only', 10],
  ['hidden', 5],
] as const;

/**
 * Seeker `index` of the seed: an account, a profile and a resume written around one of the
 * position templates (its title as the wish, its majors, the skill terms its texts name), so the
 * candidates a position gets are plausibly related to it. Same seed and index, same seeker.
 */
export function buildSeeker(ctx: SeekerContext, index: number): GeneratedSeeker {
  const rng = rngFor(ctx.seed, 'seeker', index);
  const year = Number(ctx.today.slice(0, 4));
  const wish = rng.pick(POSITION_TEMPLATES);
  const university = rng.pick(CHONGQING_UNIVERSITIES);
  const degree = degreeFor(rng, wish, university.kind);
  const major = rng.pick(wish.majors);
  // Mostly this year's and recent cohorts: the fair is for graduates.
  const cohort = year - rng.weighted([0, 1, 2, 3, 5, 8].map((ago, i) => [ago, [40, 20, 12, 10, 10, 8][i]]));
  const userId = ctx.ids.seeker(index);
  const name = personName(rng);
  const createdAt = new Date(Date.UTC(year, 0, 1) - rng.int(0, 400) * 86_400_000);
  const skills = skillsFor(rng, wish);
  const [salaryLow, salaryHigh] = wish.salary;
  const salaryMin = Math.round((salaryLow * (0.8 + rng.next() * 0.4)) / 500) * 500;
  return {
    user: {
      id: userId,
      email: ctx.ids.seekerEmail(index),
      passwordHash: ctx.passwordHash,
      displayName: name,
      createdAt,
      updatedAt: createdAt,
    },
    role: { userId, role: 'seeker', grantedAt: createdAt },
    profile: {
      userId,
      university: university.name,
      major,
      degree,
      cohort,
      flags: flagsFor(rng, cohort, year),
      updatedAt: createdAt,
    },
    resume: {
      userId,
      content: {
        headline: `${major}专业毕业生，求职${wish.title}`,
        summary: `${rng.pick(TRAITS)}；${rng.pick(wish.skills)}`,
        education: [
          {
            school: university.name,
            major,
            degree,
            from: `${cohort - years(degree)}-09`,
            to: `${cohort}-06`,
          },
        ],
        experience: experienceFor(rng, wish, cohort, year),
        skills,
        certificates: rng.sample(CERTIFICATES, rng.int(0, 2)),
        expectations: {
          positionTitle: wish.title,
          district: rng.weighted(DISTRICTS),
          salaryMin,
          salaryMax: Math.max(salaryMin, Math.round((salaryHigh * (0.9 + rng.next() * 0.4)) / 500) * 500),
        },
      },
      visibility: rng.weighted(VISIBILITY),
      createdAt,
      updatedAt: createdAt,
    },
  };
}

function degreeFor(rng: Prng, wish: PositionTemplate, kind: 'undergraduate' | 'vocational'): EducationLevel {
  if (kind === 'vocational') return 'associate';
  const floor = Math.max(EDUCATION_LEVELS.indexOf('bachelor'), EDUCATION_LEVELS.indexOf(wish.education));
  return EDUCATION_LEVELS[Math.min(floor + (rng.chance(0.2) ? 1 : 0), EDUCATION_LEVELS.length - 1)];
}

const years = (degree: EducationLevel) => (degree === 'associate' ? 3 : degree === 'master' ? 3 : 4);

/** The skill terms the wished-for position's texts name (most of them), and a soft skill or two. */
function skillsFor(rng: Prng, wish: PositionTemplate): string[] {
  const text = [...wish.skills, ...wish.duties].join(' ').toLowerCase();
  const named = SKILL_TERMS.filter((term) => text.includes(term.toLowerCase())).filter(() => rng.chance(0.8));
  return [...named, ...rng.sample(SOFT_SKILLS, rng.int(1, 2))];
}

function experienceFor(rng: Prng, wish: PositionTemplate, cohort: number, year: number) {
  const count = cohort >= year ? rng.int(0, 1) : rng.int(1, 2);
  return Array.from({ length: count }, (_, i) => {
    const start = Math.min(year, cohort + i * 2);
    return {
      organization: `重庆${tradeName(rng)}${rng.pick(['科技有限公司', '实业有限公司', '信息技术有限公司', '服务中心'])}`,
      role: cohort >= year ? `${wish.title}实习生` : wish.title,
      from: `${cohort >= year ? cohort - 1 : start}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      to: `${cohort >= year ? cohort : Math.min(year, start + rng.int(1, 2))}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      description: rng.sample(wish.duties, 2).join('；'),
    };
  });
}

function flagsFor(rng: Prng, cohort: number, year: number): { flag: SeekerFlag; evidence: string }[] {
  const flags: { flag: SeekerFlag; evidence: string }[] = [];
  if (cohort === year) flags.push({ flag: 'current_graduate', evidence: '学籍在线验证' });
  else if (cohort >= year - 2 && rng.chance(0.3))
    flags.push({ flag: 'unemployed_graduate', evidence: '离校未就业登记' });
  if (rng.chance(0.05)) flags.push({ flag: 'low_income_family', evidence: '低保证明' });
  if (rng.chance(0.03)) flags.push({ flag: 'registered_poor', evidence: '建档立卡贫困家庭' });
  return flags;
}

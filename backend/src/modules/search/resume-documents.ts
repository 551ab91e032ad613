import { EDUCATION_LEVELS, EducationLevel, SeekerFlag, TARGETED_PUSH_FLAGS } from '@platform/contracts';
import type { ResumeDocument } from '@platform/search';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { resumes, seekerProfiles } from '../../database/schema';

type ResumeRow = typeof resumes.$inferSelect;
type ProfileRow = typeof seekerProfiles.$inferSelect;

/**
 * Key groups the policies name for priority service (§2.14, AS-47) and that matching may read.
 * Only the flag travels to the index, never its evidence.
 */
const INDEXED_KEY_GROUPS: readonly SeekerFlag[] = [
  'current_graduate',
  'unemployed_graduate',
  'low_income_family',
  ...TARGETED_PUSH_FLAGS,
];

/** The searchable resumes among `userIds`, as index documents (anything else is to be deleted). */
export async function loadResumeDocuments(
  db: Executor,
  userIds: string[],
): Promise<Map<string, ResumeDocument>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ resume: resumes, profile: seekerProfiles })
    .from(resumes)
    .leftJoin(seekerProfiles, eq(seekerProfiles.userId, resumes.userId))
    .where(and(inArray(resumes.userId, userIds), eq(resumes.visibility, 'searchable')));
  return new Map(rows.map(({ resume, profile }) => [resume.userId, toResumeDocument(resume, profile)]));
}

export function toResumeDocument(resume: ResumeRow, profile: ProfileRow | null): ResumeDocument {
  const c = resume.content;
  const degrees = [...c.education.map((e) => e.degree), ...(profile?.degree ? [profile.degree] : [])];
  const educationRank = Math.max(0, ...degrees.map((d) => EDUCATION_LEVELS.indexOf(d as EducationLevel)));
  const majors = [
    ...new Set([...c.education.map((e) => e.major), ...(profile?.major ? [profile.major] : [])]),
  ];
  return {
    userId: resume.userId,
    headline: scrub(c.headline),
    summary: scrub(c.summary),
    skills: c.skills,
    majors,
    experienceText: scrub(c.experience.map((e) => `${e.role} ${e.organization} ${e.description}`).join('\n')),
    certificates: c.certificates,
    expectedTitle: c.expectations.positionTitle,
    expectedDistricts: [c.expectations.district],
    salaryMin: c.expectations.salaryMin,
    salaryMax: c.expectations.salaryMax,
    highestEducation: EDUCATION_LEVELS[educationRank],
    educationRank,
    experienceYears:
      Math.round(c.experience.reduce((sum, e) => sum + yearsBetween(e.from, e.to), 0) * 10) / 10,
    cohort: profile?.cohort ?? null,
    university: profile?.university ?? null,
    keyGroups: (profile?.flags ?? []).map((f) => f.flag).filter((f) => INDEXED_KEY_GROUPS.includes(f)),
    updatedAt: resume.updatedAt.toISOString(),
  };
}

/**
 * Free text can hold what the index must not: a 身份证 number, a mobile number, an e-mail.
 * They are cut out before indexing (contacts reach an employer only through the masked view).
 */
const SECRETS = [/\d{17}[\dXx]/g, /(?<!\d)1[3-9]\d{9}(?!\d)/g, /[\w.+-]+@[\w-]+(\.[\w-]+)+/g];
export function scrub(text: string): string {
  return SECRETS.reduce((t, pattern) => t.replace(pattern, '***'), text);
}

function yearsBetween(from: string, to: string): number {
  const parse = (v: string) => {
    const m = /^(\d{4})-(\d{2})/.exec(v);
    return m ? Number(m[1]) + (Number(m[2]) - 1) / 12 : NaN;
  };
  const span = parse(to) - parse(from);
  return Number.isFinite(span) && span > 0 ? span : 0;
}

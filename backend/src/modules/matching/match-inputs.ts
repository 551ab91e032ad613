import {
  EDUCATION_LEVELS,
  EducationLevel,
  MatchBreakdown,
  MatchResult,
  MatchResume,
  missingText,
  SKILL_TERMS,
} from '@platform/contracts';
import { buildCandidateSearch } from '@platform/search';
import type { estypes } from '@elastic/elasticsearch';
import type { positions, resumes, seekerProfiles } from '../../database/schema';

type ResumeContent = (typeof resumes.$inferSelect)['content'];
type Profile = Pick<typeof seekerProfiles.$inferSelect, 'cohort' | 'degree' | 'major'> | null | undefined;

/** How many candidates Elasticsearch hands over to be scored and explained. */
export const ENGINE_CANDIDATES = 100;

export function toMatchResume(content: ResumeContent, profile: Profile): MatchResume {
  return { ...content, cohort: profile?.cohort ?? null };
}

export function toBreakdown(result: MatchResult): MatchBreakdown {
  return {
    score: result.score,
    weightsVersion: result.weightsVersion,
    factors: result.factors,
    missing: result.missing,
    missingText: missingText(result.missing),
  };
}

/** The highest level among the resume's education and the profile's degree (0 = any). */
export function educationRank(content: ResumeContent, profile: Profile): number {
  const degrees = [...content.education.map((e) => e.degree), profile?.degree].filter(Boolean);
  return Math.max(0, ...degrees.map((d) => EDUCATION_LEVELS.indexOf(d as EducationLevel)));
}

/** Recent graduate, read the same way as the graduate factor of match-score.ts. */
export function isRecentGraduate(profile: Profile, currentYear: number): boolean {
  return profile?.cohort != null && profile.cohort >= currentYear - 2;
}

/** The words of a resume that describe what its owner can do and wants. */
export function resumeWords(content: ResumeContent, profile: Profile): string {
  return [
    ...content.skills,
    ...content.certificates,
    ...content.education.map((e) => e.major),
    profile?.major ?? '',
    content.expectations.positionTitle,
    content.headline,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Pure: the Elasticsearch request for the searchable resumes that could fit a position (the
 * candidates service sends it; the search benchmark sends the very same body straight to the node).
 */
export function candidateSearchFor(position: CandidatePosition, currentYear: number): estypes.SearchRequest {
  const text = `${position.title} ${position.requirements} ${position.duties}`;
  return buildCandidateSearch({
    title: position.title,
    text,
    skills: skillsNamedIn(text),
    district: position.district,
    minEducationRank: Math.max(0, EDUCATION_LEVELS.indexOf(position.education as EducationLevel)),
    salaryMin: position.salaryMin,
    salaryMax: position.salaryMax,
    graduateSuitable: position.graduateSuitable,
    recentCohortFrom: currentYear - 2,
    size: ENGINE_CANDIDATES,
  });
}

export type CandidatePosition = Pick<
  typeof positions.$inferSelect,
  | 'title'
  | 'requirements'
  | 'duties'
  | 'district'
  | 'education'
  | 'salaryMin'
  | 'salaryMax'
  | 'graduateSuitable'
>;

/** The recognised skill terms a position's text names (what "缺少" can list). */
export function skillsNamedIn(text: string): string[] {
  const lower = text.toLowerCase();
  return SKILL_TERMS.filter((term) => lower.includes(term.toLowerCase()));
}

import { COURSE_DESIGN_RULES, CourseKind, Delivery, ModuleKind } from './catalog';

export interface CourseModuleInput {
  name: string;
  kind: ModuleKind;
  hours: number;
  delivery: Delivery;
}

export interface CourseDesignProblem {
  code: 'COURSE_THEORY_SHARE_TOO_LOW' | 'COURSE_PRACTICAL_MUST_BE_OFFLINE';
  message: string;
  module?: string;
}

export interface CourseHours {
  theory: number;
  practical: number;
  online: number;
  offline: number;
  theoryShare: number;
}

export function courseHours(modules: CourseModuleInput[]): CourseHours {
  const sum = (pick: (m: CourseModuleInput) => boolean) =>
    modules.filter(pick).reduce((total, m) => total + m.hours, 0);
  const theory = sum((m) => m.kind === 'theory');
  const practical = sum((m) => m.kind === 'practical');
  const total = theory + practical;
  return {
    theory,
    practical,
    online: sum((m) => m.delivery === 'online'),
    offline: sum((m) => m.delivery === 'offline'),
    theoryShare: total ? theory / total : 0,
  };
}

/**
 * Checks a course design against K10: a course taught partly online must be at least 30% theory,
 * and an entrepreneurship course does its 实训 offline. Returns every problem, empty when fine.
 */
export function checkCourseDesign(
  kind: CourseKind,
  modules: CourseModuleInput[],
  rules: { minTheoryShareForOnline: number } = COURSE_DESIGN_RULES,
): CourseDesignProblem[] {
  const problems: CourseDesignProblem[] = [];
  const hours = courseHours(modules);
  if (hours.online > 0 && hours.theoryShare < rules.minTheoryShareForOnline) {
    const percent = Math.round(rules.minTheoryShareForOnline * 100);
    problems.push({
      code: 'COURSE_THEORY_SHARE_TOO_LOW',
      message: `线上培训的课程理论课时须不低于总课时的 ${percent}%（当前 ${Math.round(hours.theoryShare * 100)}%）。 Theory must be at least ${percent}% of the hours to teach online.`,
    });
  }
  if (kind === 'entrepreneurship')
    for (const m of modules.filter((m) => m.kind === 'practical' && m.delivery === 'online'))
      problems.push({
        code: 'COURSE_PRACTICAL_MUST_BE_OFFLINE',
        module: m.name,
        message: `创业培训的实训部分须线下完成：「${m.name}」。 Entrepreneurship practicals are taught offline.`,
      });
  return problems;
}

/** Whether a listing with these dates covers `day` (YYYY-MM-DD strings compare as dates). */
export function listingCovers(
  listing: { listedFrom: string; listedUntil: string | null },
  day: string,
): boolean {
  return listing.listedFrom <= day && (listing.listedUntil === null || day <= listing.listedUntil);
}

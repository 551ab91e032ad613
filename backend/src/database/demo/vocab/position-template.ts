import type { EducationLevel } from '@platform/contracts';

/** Where the work happens; it picks the 工作环境 text. */
export type Workplace = 'office' | 'factory' | 'hospital' | 'school' | 'site' | 'store' | 'lab' | 'warehouse';

/**
 * One kind of position with the raw material of its four required texts (S3:3874-3876: 岗位需求、
 * 任职条件、工作环境、福利待遇). The words avoid every trigger of the posting rules (gender,
 * 户籍, school tiers, origin, certificates before 2020-12-31), so a composed posting checks clean.
 */
export interface PositionTemplate {
  title: string;
  category: string;
  /** The lowest education the employer usually asks for. */
  education: EducationLevel;
  /** Monthly salary in yuan for a new graduate in the main city, [lowest, highest]. */
  salary: readonly [number, number];
  majors: readonly string[];
  /** 岗位需求: at least four duty phrases, without final punctuation. */
  duties: readonly string[];
  /** 任职条件: at least three skill phrases. */
  skills: readonly string[];
  workplace: Workplace;
  /** Usual headcount, [fewest, most]; 1-5 when not given. */
  headcount?: readonly [number, number];
}

export function template(
  title: string,
  category: string,
  education: EducationLevel,
  salary: readonly [number, number],
  workplace: Workplace,
  texts: {
    majors: string;
    duties: readonly string[];
    skills: readonly string[];
    headcount?: [number, number];
  },
): PositionTemplate {
  return {
    title,
    category,
    education,
    salary,
    workplace,
    majors: texts.majors.split('、'),
    duties: texts.duties,
    skills: texts.skills,
    headcount: texts.headcount,
  };
}

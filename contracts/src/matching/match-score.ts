import { EDUCATION_LABELS, EducationLevel, EDUCATION_LEVELS } from '../fairs/catalog';

/**
 * An explainable fit between a position and a resume: each factor's points and why, and what is
 * missing, so the employer and the graduate see the same numbers. Pure and deterministic; the
 * weights are versioned data like the posting rules.
 */
export const MATCH_WEIGHTS = {
  version: '2026.1',
  education: 25,
  skills: 30,
  district: 15,
  salary: 15,
  experience: 10,
  graduate: 5,
} as const;

/** Skill terms recognised in a position's text, so missing ones can be named. */
export const SKILL_TERMS = [
  'Java',
  'Python',
  'Go',
  'C++',
  'C语言',
  'JavaScript',
  'TypeScript',
  'Vue',
  'React',
  'Node.js',
  'SQL',
  'MySQL',
  'PostgreSQL',
  'Linux',
  'Spring',
  'Excel',
  'CAD',
  'SolidWorks',
  'PLC',
  'Photoshop',
  '单片机',
  '嵌入式',
  '财务软件',
  '会计',
  '英语六级',
  '英语四级',
  '驾驶证',
  '普通话',
  '机器学习',
  '数据分析',
] as const;

export interface MatchPosition {
  title: string;
  duties: string;
  requirements: string;
  district: string;
  salaryMin: number;
  salaryMax: number;
  education: EducationLevel;
  experienceYears: number;
  graduateSuitable: boolean;
}

export interface MatchResume {
  skills: string[];
  certificates: string[];
  education: { degree: EducationLevel }[];
  experience: { from: string; to: string }[];
  expectations: { district: string; salaryMin: number; salaryMax: number };
  cohort: number | null;
}

export interface MatchFactor {
  factor: keyof Omit<typeof MATCH_WEIGHTS, 'version'>;
  points: number;
  max: number;
  detail: string;
}

export interface MatchResult {
  score: number;
  weightsVersion: string;
  factors: MatchFactor[];
  /** What the resume lacks against the position, e.g. ["Java", "本科"]. */
  missing: string[];
}

const rank = (level: EducationLevel) => EDUCATION_LEVELS.indexOf(level);

export function matchScore(position: MatchPosition, resume: MatchResume, currentYear: number): MatchResult {
  const missing: string[] = [];
  const factors: MatchFactor[] = [
    education(position, resume, missing),
    skills(position, resume, missing),
    district(position, resume, missing),
    salary(position, resume),
    experience(position, resume, missing),
    graduate(position, resume, currentYear),
  ];
  return {
    score: factors.reduce((sum, f) => sum + f.points, 0),
    weightsVersion: MATCH_WEIGHTS.version,
    factors,
    missing,
  };
}

function education(position: MatchPosition, resume: MatchResume, missing: string[]): MatchFactor {
  const max = MATCH_WEIGHTS.education;
  const best = Math.max(0, ...resume.education.map((e) => rank(e.degree)));
  const needed = rank(position.education);
  if (position.education === 'any' || best >= needed)
    return {
      factor: 'education',
      points: max,
      max,
      detail: `学历满足（要求${EDUCATION_LABELS[position.education]}）`,
    };
  missing.push(EDUCATION_LABELS[position.education]);
  const points = best === needed - 1 ? Math.round(max * 0.4) : 0;
  return {
    factor: 'education',
    points,
    max,
    detail: `学历低于要求的${EDUCATION_LABELS[position.education]}`,
  };
}

function skills(position: MatchPosition, resume: MatchResume, missing: string[]): MatchFactor {
  const max = MATCH_WEIGHTS.skills;
  const text = `${position.title} ${position.duties} ${position.requirements}`.toLowerCase();
  const own = [...resume.skills, ...resume.certificates].map((s) => s.toLowerCase());
  const found = SKILL_TERMS.filter((term) => text.includes(term.toLowerCase()));
  // "SQL" inside "MySQL" is one requirement, not two.
  const wanted = found.filter(
    (term) => !found.some((other) => other !== term && other.toLowerCase().includes(term.toLowerCase())),
  );
  const has = (term: string) =>
    own.some((s) => s.includes(term.toLowerCase()) || term.toLowerCase().includes(s));
  const matched = wanted.filter(has);
  missing.push(...wanted.filter((term) => !has(term)));
  if (!wanted.length) {
    const mentioned = own.filter((s) => s && text.includes(s));
    const points = Math.min(max, Math.round(max / 2) + mentioned.length * 5);
    return {
      factor: 'skills',
      points,
      max,
      detail: mentioned.length ? `岗位提到：${mentioned.join('、')}` : '岗位未列出具体技能',
    };
  }
  const points = Math.round((max * matched.length) / wanted.length);
  return {
    factor: 'skills',
    points,
    max,
    detail: `具备 ${matched.length}/${wanted.length} 项要求技能${matched.length ? `：${matched.join('、')}` : ''}`,
  };
}

function district(position: MatchPosition, resume: MatchResume, missing: string[]): MatchFactor {
  const max = MATCH_WEIGHTS.district;
  if (resume.expectations.district === position.district)
    return { factor: 'district', points: max, max, detail: `期望地区一致（${position.district}）` };
  missing.push(`期望地区${position.district}`);
  return {
    factor: 'district',
    points: 0,
    max,
    detail: `期望${resume.expectations.district}，岗位在${position.district}`,
  };
}

function salary(position: MatchPosition, resume: MatchResume): MatchFactor {
  const max = MATCH_WEIGHTS.salary;
  const { salaryMin, salaryMax } = resume.expectations;
  if (salaryMin <= position.salaryMax && salaryMax >= position.salaryMin)
    return {
      factor: 'salary',
      points: max,
      max,
      detail: `期望薪资 ${salaryMin}-${salaryMax} 与岗位 ${position.salaryMin}-${position.salaryMax} 有交集`,
    };
  const points = salaryMin > position.salaryMax ? 0 : Math.round(max * 0.6);
  return {
    factor: 'salary',
    points,
    max,
    detail: `期望薪资 ${salaryMin}-${salaryMax}，岗位 ${position.salaryMin}-${position.salaryMax}`,
  };
}

function experience(position: MatchPosition, resume: MatchResume, missing: string[]): MatchFactor {
  const max = MATCH_WEIGHTS.experience;
  if (position.experienceYears === 0)
    return { factor: 'experience', points: max, max, detail: '岗位不要求工作经验' };
  const years = resume.experience.reduce((sum, e) => sum + Math.max(0, yearsBetween(e.from, e.to)), 0);
  if (years >= position.experienceYears)
    return {
      factor: 'experience',
      points: max,
      max,
      detail: `经验约 ${years.toFixed(1)} 年，满足 ${position.experienceYears} 年`,
    };
  missing.push(`${position.experienceYears}年经验`);
  return {
    factor: 'experience',
    points: Math.round((max * years) / position.experienceYears),
    max,
    detail: `经验约 ${years.toFixed(1)} 年，要求 ${position.experienceYears} 年`,
  };
}

function graduate(position: MatchPosition, resume: MatchResume, currentYear: number): MatchFactor {
  const max = MATCH_WEIGHTS.graduate;
  const recent = resume.cohort !== null && resume.cohort >= currentYear - 2;
  if (position.graduateSuitable && recent)
    return { factor: 'graduate', points: max, max, detail: `${resume.cohort}届，岗位适合高校毕业生` };
  return {
    factor: 'graduate',
    points: 0,
    max,
    detail: position.graduateSuitable ? '非近两年毕业生' : '岗位未标注适合毕业生',
  };
}

/** "2023-09" to "2025-06" is 1.75 years; unparseable or open ends count as zero. */
function yearsBetween(from: string, to: string): number {
  const parse = (v: string) => {
    const m = /^(\d{4})-(\d{2})/.exec(v);
    return m ? Number(m[1]) + (Number(m[2]) - 1) / 12 : NaN;
  };
  const span = parse(to) - parse(from);
  return Number.isFinite(span) ? span : 0;
}

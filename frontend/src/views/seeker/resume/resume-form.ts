import type { EducationLevel } from '@platform/contracts/fairs/catalog';
import type { ResumeVisibility } from '@platform/contracts/seekers/catalog';
import type { ResumeInput, ResumeView } from '@/api/pipeline-types';

export interface EducationRow {
  school: string;
  major: string;
  degree: EducationLevel | '';
  from: string;
  to: string;
}
export interface ExperienceRow {
  organization: string;
  role: string;
  from: string;
  to: string;
  description: string;
}

export interface ResumeForm {
  headline: string;
  summary: string;
  education: EducationRow[];
  experience: ExperienceRow[];
  /** Typed as one line: 、 , ， or ; between skills. */
  skills: string;
  /** One certificate per line. */
  certificates: string;
  expectations: { positionTitle: string; district: string; salaryMin?: number; salaryMax?: number };
  visibility: ResumeVisibility;
}

export const emptyEducation = (): EducationRow => ({ school: '', major: '', degree: '', from: '', to: '' });
export const emptyExperience = (): ExperienceRow => ({
  organization: '',
  role: '',
  from: '',
  to: '',
  description: '',
});

/** The editor's model: a saved resume, or a blank one with one education row to fill in. */
export function resumeForm(resume: ResumeView | null): ResumeForm {
  if (!resume)
    return {
      headline: '',
      summary: '',
      education: [emptyEducation()],
      experience: [],
      skills: '',
      certificates: '',
      expectations: { positionTitle: '', district: '' },
      visibility: 'applied_only',
    };
  return {
    headline: resume.headline,
    summary: resume.summary,
    education: resume.education.map((row) => ({ ...row })),
    experience: resume.experience.map((row) => ({ ...row })),
    skills: resume.skills.join('、'),
    certificates: resume.certificates.join('\n'),
    expectations: { ...resume.expectations },
    visibility: resume.visibility,
  };
}

const isBlank = (row: object) => Object.values(row).every((value) => !String(value).trim());
const trimAll = <T extends object>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;

function list(text: string, separators: RegExp): string[] {
  return [
    ...new Set(
      text
        .split(separators)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** What the api takes: blank rows dropped, text trimmed, skills and certificates split. */
export function toResumeBody(form: ResumeForm): ResumeInput {
  return {
    headline: form.headline.trim(),
    summary: form.summary.trim(),
    education: form.education.filter((row) => !isBlank(row)).map(trimAll) as ResumeInput['education'],
    experience: form.experience.filter((row) => !isBlank(row)).map(trimAll),
    skills: list(form.skills, /[、,，;；\n]/),
    certificates: list(form.certificates, /\n/),
    expectations: {
      positionTitle: form.expectations.positionTitle.trim(),
      district: form.expectations.district.trim(),
      salaryMin: Number(form.expectations.salaryMin ?? 0),
      salaryMax: Number(form.expectations.salaryMax ?? 0),
    },
    visibility: form.visibility,
  };
}

/** Rows started but not finished, by section and 1-based row number, so the form can point at them. */
export function unfinishedRows(form: ResumeForm): { section: 'education' | 'experience'; row: number }[] {
  const unfinished = (row: object, optional: string[] = []) =>
    !isBlank(row) &&
    Object.entries(row).some(([key, value]) => !optional.includes(key) && !String(value).trim());
  return [
    ...form.education.flatMap((row, i) =>
      unfinished(row) ? [{ section: 'education' as const, row: i + 1 }] : [],
    ),
    ...form.experience.flatMap((row, i) =>
      unfinished(row, ['description']) ? [{ section: 'experience' as const, row: i + 1 }] : [],
    ),
  ];
}

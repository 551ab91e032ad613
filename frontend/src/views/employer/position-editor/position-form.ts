import type { EducationLevel } from '@platform/contracts/fairs/catalog';
import type { FormItemRule, FormRules } from 'element-plus';
import type { PositionView } from '@/api/fair-types';
import type { PositionBody, PositionCheckBody } from '@/api/positions';

/** The position editor's form: the content of S3:3874-3876 plus the fair's own fields. */
export interface PositionForm {
  fairId: string;
  sessionIds: string[];
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
  district: string;
  graduateSuitable: boolean;
  specialRecruitment: boolean;
  expiresOn: string;
}

export const REQUIRED_TEXT = [
  'title',
  'category',
  'duties',
  'requirements',
  'environment',
  'benefits',
  'district',
] as const;

/** Statuses in which the employer may still change the position (the api's EDITABLE list). */
export const EDITABLE_STATUSES: readonly PositionView['status'][] = [
  'draft',
  'pending_review',
  'published',
  'rejected',
];
/** Saving one of these sends it straight back to review. */
export const RESUBMITTING_STATUSES: readonly PositionView['status'][] = ['pending_review', 'published'];

export function emptyPositionForm(fairId = ''): PositionForm {
  return {
    fairId,
    sessionIds: [],
    title: '',
    category: '',
    headcount: 1,
    duties: '',
    requirements: '',
    environment: '',
    benefits: '',
    salaryMin: 0,
    salaryMax: 0,
    education: 'bachelor',
    experienceYears: 0,
    district: '',
    graduateSuitable: true,
    specialRecruitment: false,
    expiresOn: '',
  };
}

export function positionFormOf(view: PositionView): PositionForm {
  return {
    fairId: view.fairId,
    sessionIds: [...view.sessionIds],
    title: view.title,
    category: view.category,
    headcount: view.headcount,
    duties: view.duties,
    requirements: view.requirements,
    environment: view.environment,
    benefits: view.benefits,
    salaryMin: view.salaryMin,
    salaryMax: view.salaryMax,
    education: view.education,
    experienceYears: view.experienceYears,
    district: view.district,
    graduateSuitable: view.graduateSuitable,
    specialRecruitment: view.specialRecruitment,
    expiresOn: view.expiresOn ?? '',
  };
}

export function positionBody(form: PositionForm): PositionBody {
  const { expiresOn, ...rest } = form;
  const trimmed = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]),
  ) as Omit<PositionForm, 'expiresOn'>;
  return { ...trimmed, ...(expiresOn ? { expiresOn } : {}) };
}

/**
 * What the live rule check reads: the texts and the two flags that turn rules on or off.
 * The api insists on a title, so an untitled draft is not checked yet (null).
 */
export function checkBody(form: PositionForm): PositionCheckBody | null {
  const title = form.title.trim();
  if (!title) return null;
  return {
    title,
    duties: form.duties,
    requirements: form.requirements,
    environment: form.environment,
    benefits: form.benefits,
    graduateSuitable: form.graduateSuitable,
    specialRecruitment: form.specialRecruitment,
    sessionIds: [],
    experienceYears: 0,
  };
}

type T = (key: string, named?: Record<string, unknown>) => string;

export function positionRules(t: T, form: PositionForm): FormRules {
  const required = (field: string): FormItemRule => ({
    required: true,
    whitespace: true,
    message: t('editor.validation.required', { field: t(`editor.fields.${field}`) }),
    trigger: ['blur', 'change'],
  });
  return {
    fairId: [required('fairId')],
    ...Object.fromEntries(REQUIRED_TEXT.map((field) => [field, [required(field)]])),
    salaryMax: [
      {
        validator: (_rule, value: number, callback) =>
          value < form.salaryMin ? callback(new Error(t('editor.validation.salaryRange'))) : callback(),
        trigger: ['blur', 'change'],
      },
    ],
  };
}

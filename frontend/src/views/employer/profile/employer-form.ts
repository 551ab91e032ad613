import { PHONE_PATTERN } from '@platform/contracts/auth';
import type { UnitSize, UnitType } from '@platform/contracts/fairs/catalog';
import { isValidUnifiedSocialCreditCode } from '@platform/contracts/id-numbers';
import type { FormItemRule, FormRules } from 'element-plus';
import type { EmployerBody } from '@/api/employers';
import type { EmployerView } from '@/api/fair-types';

/** The unit registration form (recruitment.md §2.3): what the api's EmployerInputSchema takes. */
export interface EmployerForm {
  name: string;
  uscc: string;
  unitType: UnitType | '';
  size: UnitSize | '';
  industry: string;
  province: string;
  district: string;
  intro: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export const EMPLOYER_TEXT_FIELDS = [
  'name',
  'industry',
  'province',
  'district',
  'intro',
  'contactName',
] as const;

export function emptyEmployerForm(): EmployerForm {
  return {
    name: '',
    uscc: '',
    unitType: '',
    size: '',
    industry: '',
    province: '重庆市',
    district: '',
    intro: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
  };
}

export function employerFormOf(view: EmployerView): EmployerForm {
  return {
    name: view.name,
    uscc: view.uscc,
    unitType: view.unitType,
    size: view.size as UnitSize,
    industry: view.industry,
    province: view.province,
    district: view.district,
    intro: view.intro,
    contactName: view.contactName,
    contactPhone: view.contactPhone,
    contactEmail: view.contactEmail ?? '',
  };
}

/** Trimmed, the credit code upper-cased, an empty email left out: the body the api expects. */
export function employerBody(form: EmployerForm): EmployerBody {
  const email = form.contactEmail.trim();
  return {
    name: form.name.trim(),
    uscc: normalizeUscc(form.uscc),
    unitType: form.unitType as UnitType,
    size: form.size as UnitSize,
    industry: form.industry.trim(),
    province: form.province.trim() || '重庆市',
    district: form.district.trim(),
    intro: form.intro.trim(),
    contactName: form.contactName.trim(),
    contactPhone: form.contactPhone.trim(),
    ...(email ? { contactEmail: email } : {}),
  };
}

export function normalizeUscc(value: string): string {
  return value.trim().toUpperCase();
}

// Loose on purpose: the api validates the address; this catches typos before a round trip.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validation rules in the user's language; the credit code's check character is verified here too. */
export function employerRules(t: (key: string, named?: Record<string, unknown>) => string): FormRules {
  const required = (field: string): FormItemRule => ({
    required: true,
    whitespace: true,
    message: t('employer.validation.required', { field: t(`employer.fields.${field}`) }),
    trigger: ['blur', 'change'],
  });
  const check =
    (test: (value: string) => boolean, messageKey: string): FormItemRule['validator'] =>
    (_rule, value: string, callback) =>
      value.trim() && !test(value.trim()) ? callback(new Error(t(messageKey))) : callback();
  return {
    ...Object.fromEntries(EMPLOYER_TEXT_FIELDS.map((field) => [field, [required(field)]])),
    uscc: [
      required('uscc'),
      {
        validator: check((v) => isValidUnifiedSocialCreditCode(v), 'employer.validation.usccInvalid'),
        trigger: 'blur',
      },
    ],
    unitType: [required('unitType')],
    size: [required('size')],
    contactPhone: [
      required('contactPhone'),
      { validator: check((v) => PHONE_PATTERN.test(v), 'employer.validation.phoneInvalid'), trigger: 'blur' },
    ],
    contactEmail: [
      { validator: check((v) => EMAIL_SHAPE.test(v), 'employer.validation.emailInvalid'), trigger: 'blur' },
    ],
  };
}

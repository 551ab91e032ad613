import type { PasswordProblem } from '@platform/contracts/auth';
import { ApiError } from '@/api/api-error';
import { isBilingual, serverSentence } from './server-message';

/** The two i18n functions the mapping needs; the global composer satisfies it. */
export interface Translator {
  t(key: string, named?: Record<string, unknown>): string;
  te(key: string): boolean;
  /** The current language; the composer from useI18n() and the global one both carry it. */
  locale?: { value: string };
}

/**
 * Codes whose api message says more than any fixed text could (which state, which date, which
 * fair): the api's own sentence, in the user's language, is shown for them.
 */
const SERVER_WORDED = new Set<string>([
  'NOT_FOUND',
  'CONFLICT',
  'STATE_TRANSITION_INVALID',
  'FAIR_CLOSED',
  'FAIR_DATES_OUT_OF_ORDER',
  'AGENCY_DEADLINE_PASSED',
  'AGENCY_ALREADY_APPLIED',
  'EMPLOYER_USCC_TAKEN',
  'POSITION_NOT_EDITABLE',
  'SANCTION_TARGET_MISMATCH',
  'REASON_REQUIRED',
  // Lists the interview already holding that time (AS-29).
  'SEEKER_SCHEDULE_CONFLICT',
]);

/**
 * Turns any thrown value into one sentence for the user: a known error code gets its message
 * in the current language (with the details that make it useful), a code the api words more
 * precisely (SERVER_WORDED) and an unknown code get the api's own sentence in that language,
 * and anything else a generic one.
 */
export function errorMessage(error: unknown, i18n: Translator): string {
  const { t, te } = i18n;
  if (!(error instanceof ApiError)) return t('errors.UNKNOWN');
  const key = `errors.${error.code}`;
  switch (error.code) {
    case 'AUTH_WEAK_PASSWORD':
      return t(key, { problems: weakPasswordRules(error.details, i18n) });
    case 'AUTH_TOO_MANY_ATTEMPTS':
      return t(key, { minutes: minutesToWait(error.details) });
    case 'VALIDATION_FAILED':
      return validationMessage(error, i18n);
    case 'CLASS_PLAN_INCOMPLETE':
      return t(key, { fields: missingPlanFields(error.details, i18n) });
  }
  if (SERVER_WORDED.has(error.code) && isBilingual(error.message)) return apiSentence(error, i18n);
  if (te(key)) return t(key);
  return apiSentence(error, i18n) || t('errors.UNKNOWN');
}

function apiSentence(error: ApiError, { locale }: Translator): string {
  return serverSentence(error.message ?? '', locale?.value ?? 'zh-CN');
}

function weakPasswordRules(details: unknown, { t, te }: Translator): string {
  const problems = (details as { problems?: PasswordProblem[] } | undefined)?.problems ?? [];
  return problems
    .map((problem) => (te(`auth.passwordRules.${problem}`) ? t(`auth.passwordRules.${problem}`) : problem))
    .join(t('errors.listSeparator'));
}

/** TR-5: the plan fields the api found missing, by their labels. */
function missingPlanFields(details: unknown, { t, te }: Translator): string {
  const missing = (details as { missing?: string[] } | undefined)?.missing ?? [];
  return missing
    .map((field) => (te(`classes.planField.${field}`) ? t(`classes.planField.${field}`) : field))
    .join(t('errors.listSeparator'));
}

function minutesToWait(details: unknown): number {
  const seconds = Number((details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

function validationMessage(error: ApiError, { t, te, locale }: Translator): string {
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields;
  const first = fields?.[0];
  if (!first) {
    // Some checks the api words itself (an empty file, a position moved to another fair).
    return isBilingual(error.message) ? apiSentence(error, { t, te, locale }) : t('errors.VALIDATION_FAILED');
  }
  const labelKey = `fields.${first.path}`;
  const field = te(labelKey) ? t(labelKey) : first.path || '—';
  return t('errors.VALIDATION_FAILED_FIELD', { field, message: first.message });
}

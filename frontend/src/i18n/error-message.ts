import type { PasswordProblem } from '@platform/contracts/auth';
import { ApiError } from '@/api/api-error';

/** The two i18n functions the mapping needs; the global composer satisfies it. */
export interface Translator {
  t(key: string, named?: Record<string, unknown>): string;
  te(key: string): boolean;
}

/**
 * Turns any thrown value into one sentence for the user: a known error code gets its message
 * in the current language (with the details that make it useful), an unknown code falls back
 * to the server's own message, and anything else to a generic one.
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
  }
  if (te(key)) return t(key);
  return error.message || t('errors.UNKNOWN');
}

function weakPasswordRules(details: unknown, { t, te }: Translator): string {
  const problems = (details as { problems?: PasswordProblem[] } | undefined)?.problems ?? [];
  return problems
    .map((problem) => (te(`auth.passwordRules.${problem}`) ? t(`auth.passwordRules.${problem}`) : problem))
    .join(t('errors.listSeparator'));
}

function minutesToWait(details: unknown): number {
  const seconds = Number((details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

function validationMessage(error: ApiError, { t, te }: Translator): string {
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields;
  const first = fields?.[0];
  if (!first) return t('errors.VALIDATION_FAILED');
  const labelKey = `fields.${first.path}`;
  const field = te(labelKey) ? t(labelKey) : first.path || '—';
  return t('errors.VALIDATION_FAILED_FIELD', { field, message: first.message });
}

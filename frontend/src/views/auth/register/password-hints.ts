import { passwordProblems, type PasswordProblem } from '@platform/contracts/auth';

export type HintState = 'pending' | 'ok' | 'failed';

export interface PasswordHint {
  rule: PasswordProblem;
  state: HintState;
}

/** The rules shown all the time; TOO_LONG only shows up once it is broken. */
const LISTED_RULES: PasswordProblem[] = [
  'TOO_SHORT',
  'NEEDS_LETTER_AND_DIGIT',
  'TOO_COMMON',
  'CONTAINS_IDENTIFIER',
];

/** The same identifiers the api checks the password against: the phone and the email's name part. */
export function identifiersOf(phone: string, email: string): string[] {
  return [phone.trim(), email.trim().split('@')[0] ?? ''].filter(Boolean);
}

/**
 * One line per rule of the shared password policy, so the form says exactly what the api
 * will say. Before anything is typed every rule is pending rather than passed.
 */
export function passwordHints(password: string, identifiers: string[]): PasswordHint[] {
  if (!password) return LISTED_RULES.map((rule) => ({ rule, state: 'pending' }));
  const broken = new Set(passwordProblems(password, identifiers));
  const stateOf = (rule: PasswordProblem): HintState => (broken.has(rule) ? 'failed' : 'ok');
  const hints = LISTED_RULES.map((rule) => ({ rule, state: stateOf(rule) }));
  if (broken.has('TOO_LONG')) hints.push({ rule: 'TOO_LONG', state: 'failed' });
  return hints;
}

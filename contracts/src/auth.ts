import { z } from 'zod';
import { SELF_SERVICE_ROLES, ROLES } from './roles';
import { CHONGQING_DISTRICTS } from './fairs/catalog';

/** Mainland China mobile number, 11 digits starting with 1[3-9]. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

const COMMON_PASSWORDS = new Set([
  '12345678',
  '123456789',
  '1234567890',
  'password',
  'password1',
  'qwerty123',
  'abc12345',
  'a1234567',
  '11111111',
  '88888888',
  '66666666',
  'iloveyou',
  'woaini520',
  'admin123',
  'aa123456',
  'qq123456',
]);

export type PasswordProblem =
  'TOO_SHORT' | 'TOO_LONG' | 'NEEDS_LETTER_AND_DIGIT' | 'TOO_COMMON' | 'CONTAINS_IDENTIFIER';

/** The password policy, shared by the registration form and the api so both say the same thing. */
export function passwordProblems(password: string, identifiers: string[] = []): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 8) problems.push('TOO_SHORT');
  if (password.length > 128) problems.push('TOO_LONG');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('NEEDS_LETTER_AND_DIGIT');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('TOO_COMMON');
  const lowered = password.toLowerCase();
  const leaks = identifiers.filter((id) => id.length >= 4).some((id) => lowered.includes(id.toLowerCase()));
  if (leaks) problems.push('CONTAINS_IDENTIFIER');
  return problems;
}

export const RegisterSchema = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(PHONE_PATTERN, 'phone must be an 11-digit mainland mobile number')
      .optional(),
    email: z.string().trim().toLowerCase().email().max(254).optional(),
    password: z.string().min(1).max(128),
    displayName: z.string().trim().min(1).max(64),
    roles: z.array(z.enum(SELF_SERVICE_ROLES)).min(1).max(SELF_SERVICE_ROLES.length),
  })
  .strict();
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z
  .object({
    /** Phone number or email address. */
    identifier: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(128),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginSchema>;

export const RefreshSchema = z.object({ refreshToken: z.string().min(10).max(512).optional() }).strict();

export const UserViewSchema = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  /** Masked: 138****8000; absent when the account has no phone number. */
  phone: z.string().optional(),
  /** Masked: z***@example.com; absent when the account has no email address. */
  email: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  /** A staff account's 区县 (organizer scope); null = city-wide. Absent for other accounts. */
  district: z.string().nullable().optional(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserViewSchema>;

/** An admin sets the 区县 an organizer account acts for; null makes it city-wide (市级). */
export const SetStaffDistrictSchema = z.object({ district: z.enum(CHONGQING_DISTRICTS).nullable() }).strict();
export type SetStaffDistrict = z.infer<typeof SetStaffDistrictSchema>;

export const SessionSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  /** Also set as an httpOnly cookie; returned for non-browser clients. */
  refreshToken: z.string(),
  user: UserViewSchema,
});
export type Session = z.infer<typeof SessionSchema>;

/** What an access token asserts: who, with which roles, in which login. */
export const TokenSessionSchema = z.object({
  userId: z.string().uuid(),
  roles: z.array(z.enum(ROLES)),
  sessionId: z.string().uuid(),
});
export type TokenSession = z.infer<typeof TokenSessionSchema>;

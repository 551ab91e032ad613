/** Roles a person can hold; one account may hold several (e.g. a seeker who is also a trainee). */
export const ROLES = [
  'seeker',
  'employer',
  'agency',
  'trainee',
  'institution',
  'organizer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may choose at self-registration; staff roles are granted by an admin. */
export const SELF_SERVICE_ROLES = [
  'seeker',
  'employer',
  'agency',
  'trainee',
] as const satisfies readonly Role[];
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

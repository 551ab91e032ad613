import { eq } from 'drizzle-orm';
import { users } from '../../database/schema';
import type { Executor } from '../audit/audit-log';
import { AppError } from '../errors/app-error';
import type { Actor } from './actor';

/**
 * The 区县 a staff member acts for, or null for city-wide (the 市 level). Class plans are approved,
 * completions reviewed and training claims decided by the district; an organizer account with a
 * district sees and acts on its own district only. Admins are always city-wide. Read per request
 * (not from the token), so a changed district applies at once.
 */
export async function staffDistrictOf(db: Executor, actor: Actor): Promise<string | null> {
  if (actor.roles.includes('admin')) return null;
  const [row] = await db.select({ district: users.district }).from(users).where(eq(users.id, actor.userId));
  return row?.district ?? null;
}

/** 403 OUTSIDE_DISTRICT when a district-scoped staff member reaches for another district's item. */
export function assertInDistrict(scope: string | null, itemDistrict: string | null): void {
  if (scope === null || scope === itemDistrict) return;
  throw new AppError(
    'OUTSIDE_DISTRICT',
    `This belongs to another district; your account acts for ${scope}. 该事项不属于本区县（${scope}）。`,
    { district: scope, itemDistrict },
  );
}

import { and, eq } from 'drizzle-orm';
import { AppError } from '../errors/app-error';
import { staffPermissions } from '../../database/schema';
import type { Database } from '../../infra/database/database';
import type { Actor } from './actor';

export type StaffPermission = (typeof staffPermissions.$inferInsert)['permission'];
export const STAFF_PERMISSIONS = [
  'bulk_export',
  'si_import',
  'activity_import',
] as const satisfies readonly StaffPermission[];

/** Beyond the role: an admin named this person for the task (指定专人), e.g. bulk exports. */
export async function assertStaffPermission(
  db: Database,
  actor: Actor,
  permission: StaffPermission,
  message: string,
): Promise<void> {
  const [row] = await db
    .select()
    .from(staffPermissions)
    .where(and(eq(staffPermissions.userId, actor.userId), eq(staffPermissions.permission, permission)));
  if (!row) throw new AppError('FORBIDDEN_PERMISSION', message, { permission });
}

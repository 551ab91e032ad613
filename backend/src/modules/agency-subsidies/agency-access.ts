import { eq } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { agencies } from '../../database/schema';
import type { Database } from '../../infra/database/database';

/** The agency the caller runs, or a 404 telling them to register it first. */
export async function ownAgency(db: Database, actor: Actor): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.ownerUserId, actor.userId));
  if (!row) throw new AppError('AGENCY_PROFILE_MISSING', 'Register your agency first. 请先登记机构信息。');
  return row;
}

/** Staff see every agency's records; an agency only its own. */
export async function assertAgencyOrStaff(db: Database, actor: Actor, agencyId: string): Promise<void> {
  if (hasAnyRole(actor, STAFF_ROLES)) return;
  const [row] = await db
    .select({ owner: agencies.ownerUserId })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (row?.owner !== actor.userId)
    throw new AppError(
      'FORBIDDEN_NOT_OWNER',
      'This record belongs to another agency. 无权访问其他机构的数据。',
    );
}

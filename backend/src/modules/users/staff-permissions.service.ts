import { Inject, Injectable } from '@nestjs/common';
import { maskEmail, maskPhone } from '@platform/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { StaffPermission } from '../../common/auth/staff-permission';
import { staffPermissions, userRoles, users } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/**
 * Who holds which 指定专人 permission (bulk exports, 社保 import, activity import): listed for the
 * admin's page; revoking is audited like granting (`POST /api/users/:id/permissions`).
 */
@Injectable()
export class StaffPermissionsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Organizer and admin accounts with their district and permissions (contacts masked); an agency
   * or employer never gets one here. The admin's 人员与权限 page is built on this list.
   */
  async staff() {
    const staff = await this.db
      .selectDistinct({
        id: users.id,
        name: users.displayName,
        phone: users.phone,
        email: users.email,
        district: users.district,
      })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(inArray(userRoles.role, ['organizer', 'admin']))
      .orderBy(users.displayName, users.id);
    const ids = staff.map((s) => s.id);
    const [roles, granted] = ids.length
      ? await Promise.all([
          this.db.select().from(userRoles).where(inArray(userRoles.userId, ids)),
          this.db.select().from(staffPermissions).where(inArray(staffPermissions.userId, ids)),
        ])
      : [[], []];
    return staff.map((s) => ({
      userId: s.id,
      displayName: s.name,
      contact: maskPhone(s.phone) ?? maskEmail(s.email) ?? '',
      /** The 区县 an organizer acts for; null = city-wide. */
      district: s.district,
      roles: roles.filter((r) => r.userId === s.id).map((r) => r.role),
      permissions: granted
        .filter((g) => g.userId === s.id)
        .map((g) => g.permission)
        .sort(),
    }));
  }

  async revoke(actor: Actor, userId: string, permission: StaffPermission) {
    await this.db.transaction(async (tx) => {
      await tx
        .delete(staffPermissions)
        .where(and(eq(staffPermissions.userId, userId), eq(staffPermissions.permission, permission)));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'permission.revoke',
        subjectType: 'user',
        subjectId: userId,
        details: { permission },
      });
    });
    return { userId, permission };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { assertStaffPermission, StaffPermission } from '../../common/auth/staff-permission';
import { staffPermissions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/**
 * Bulk exports of personal data (§3.6): only staff an admin named for it (指定专人), every
 * export audited with what it contained.
 */
@Injectable()
export class ExportsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async grant(actor: Actor, userId: string, permission: StaffPermission) {
    await this.db.transaction(async (tx) => {
      await tx
        .insert(staffPermissions)
        .values({ userId, permission, grantedBy: actor.userId })
        .onConflictDoNothing();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'permission.grant',
        subjectType: 'user',
        subjectId: userId,
        details: { permission },
      });
    });
    return { userId, permission };
  }

  /** Every application of a fair with the applicant's contacts, as CSV. */
  async applicationsCsv(actor: Actor, fairId: string): Promise<string> {
    await this.assertPermitted(actor, 'bulk_export');
    const rows = await this.db.execute<Record<string, string | null>>(sql`
      select a.id, to_char(a.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as applied_at, a.status,
             p.title as position, e.name as employer, u.display_name as seeker, u.phone, u.email,
             sp.university, sp.cohort::text as cohort
        from applications a
        join positions p on p.id = a.position_id
        join employers e on e.id = a.employer_id
        join users u on u.id = a.seeker_user_id
        left join seeker_profiles sp on sp.user_id = a.seeker_user_id
       where a.fair_id = ${fairId}
       order by a.created_at`);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'export.applications',
      subjectType: 'fair',
      subjectId: fairId,
      details: { rows: rows.rows.length },
    });
    const header = [
      '投递编号',
      '投递时间',
      '状态',
      '岗位',
      '用人单位',
      '求职者',
      '手机',
      '邮箱',
      '高校',
      '届别',
    ];
    const keys = [
      'id',
      'applied_at',
      'status',
      'position',
      'employer',
      'seeker',
      'phone',
      'email',
      'university',
      'cohort',
    ];
    return (
      [header, ...rows.rows.map((r) => keys.map((k) => r[k] ?? ''))]
        .map((line) => line.map(csvCell).join(','))
        .join('\r\n') + '\r\n'
    );
  }

  private assertPermitted(actor: Actor, permission: StaffPermission): Promise<void> {
    return assertStaffPermission(
      this.db,
      actor,
      permission,
      'Bulk exports are limited to designated staff. 批量导出仅限指定专人。',
    );
  }
}

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

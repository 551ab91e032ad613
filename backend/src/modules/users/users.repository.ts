import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@platform/contracts';
import { eq, getTableColumns, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../common/audit/audit-log';
import { userRoles, users } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

export type UserRow = typeof users.$inferSelect;
export type UserWithRoles = UserRow & { roles: Role[] };

/** A user with their roles in one round trip: every authenticated read starts here. */
const withRoles = {
  ...getTableColumns(users),
  roles: sql<
    Role[]
  >`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
};

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

@Injectable()
export class UsersRepository {
  /**
   * Built once and prepared by name on each connection: the lookup behind `/api/auth/me` and
   * every ownership check that loads a user. Building this query (every column of users and the
   * roles subquery) on each call cost more CPU than the round trip itself.
   */
  private readonly byId;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.byId = db
      .select(withRoles)
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('users_find_by_id');
  }

  async findById(id: string): Promise<UserWithRoles | undefined> {
    const [user] = await this.byId.execute({ id });
    return user;
  }

  /** Login accepts a phone number or an email address in one field. */
  async findByIdentifier(identifier: string): Promise<UserWithRoles | undefined> {
    const normalized = identifier.trim().toLowerCase();
    const [user] = await this.db
      .select(withRoles)
      .from(users)
      .where(or(eq(users.phone, normalized), eq(users.email, normalized)));
    return user;
  }

  async insert(
    tx: Executor,
    values: { phone?: string; email?: string; passwordHash: string; displayName: string },
    roles: Role[],
  ): Promise<UserRow> {
    const [user] = await tx.insert(users).values(values).returning();
    await tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role })));
    return user;
  }

  async updateDisplayName(id: string, displayName: string): Promise<void> {
    await this.db.update(users).set({ displayName, updatedAt: new Date() }).where(eq(users.id, id));
  }

  async grantRoles(id: string, roles: Role[], grantedBy: string): Promise<void> {
    await this.db
      .insert(userRoles)
      .values(roles.map((role) => ({ userId: id, role, grantedBy })))
      .onConflictDoNothing();
  }

  /** Accounts holding a staff role (organizer or admin), by name. */
  async setDistrict(id: string, district: string | null, by: string, before: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(users).set({ district, updatedAt: new Date() }).where(eq(users.id, id));
      await recordAudit(tx, {
        actorId: by,
        action: 'users.district.set',
        subjectType: 'user',
        subjectId: id,
        details: { before, after: district },
      });
    });
  }
}

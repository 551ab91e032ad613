import { Inject, Injectable } from '@nestjs/common';
import type { InstitutionMemberView } from '@platform/contracts';
import { and, asc, eq, or } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { trainingInstitutionMembers, trainingInstitutions, userRoles, users } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { notFound } from './institution-access';

/**
 * Staff link user accounts to a catalogued institution; the link carries the 'institution' role,
 * which is never self-service. The role goes when the last link goes.
 */
@Injectable()
export class InstitutionMembersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(institutionId: string): Promise<InstitutionMemberView[]> {
    await this.requireInstitution(this.db, institutionId);
    const rows = await this.db
      .select({
        userId: users.id,
        displayName: users.displayName,
        phone: users.phone,
        email: users.email,
        createdAt: trainingInstitutionMembers.createdAt,
      })
      .from(trainingInstitutionMembers)
      .innerJoin(users, eq(users.id, trainingInstitutionMembers.userId))
      .where(eq(trainingInstitutionMembers.institutionId, institutionId))
      .orderBy(asc(trainingInstitutionMembers.createdAt));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  /** Links the account with this phone number or email address and grants the role. */
  async add(actor: Actor, institutionId: string, identifier: string): Promise<InstitutionMemberView[]> {
    const normalized = identifier.trim().toLowerCase();
    await this.db.transaction(async (tx) => {
      await this.requireInstitution(tx, institutionId);
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(or(eq(users.phone, normalized), eq(users.email, normalized)));
      if (!user)
        throw new AppError(
          'NOT_FOUND',
          'No account has this phone number or email; the person registers first. 没有使用该手机号或邮箱的账号，请先注册。',
        );
      await tx
        .insert(trainingInstitutionMembers)
        .values({ institutionId, userId: user.id, grantedBy: actor.userId })
        .onConflictDoNothing();
      await tx
        .insert(userRoles)
        .values({ userId: user.id, role: 'institution', grantedBy: actor.userId })
        .onConflictDoNothing();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.institution.member_added',
        subjectType: 'training_institution',
        subjectId: institutionId,
        details: { userId: user.id },
      });
    });
    return this.list(institutionId);
  }

  async remove(actor: Actor, institutionId: string, userId: string): Promise<InstitutionMemberView[]> {
    await this.db.transaction(async (tx) => {
      const removed = await tx
        .delete(trainingInstitutionMembers)
        .where(
          and(
            eq(trainingInstitutionMembers.institutionId, institutionId),
            eq(trainingInstitutionMembers.userId, userId),
          ),
        )
        .returning({ userId: trainingInstitutionMembers.userId });
      if (!removed.length) throw notFound('institution member');
      const [other] = await tx
        .select({ id: trainingInstitutionMembers.institutionId })
        .from(trainingInstitutionMembers)
        .where(eq(trainingInstitutionMembers.userId, userId))
        .limit(1);
      if (!other)
        await tx
          .delete(userRoles)
          .where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'institution')));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.institution.member_removed',
        subjectType: 'training_institution',
        subjectId: institutionId,
        details: { userId },
      });
    });
    return this.list(institutionId);
  }

  /** The institutions the caller acts for (an account may serve more than one). */
  async mine(actor: Actor) {
    return this.db
      .select({
        id: trainingInstitutions.id,
        name: trainingInstitutions.name,
        district: trainingInstitutions.district,
      })
      .from(trainingInstitutionMembers)
      .innerJoin(trainingInstitutions, eq(trainingInstitutions.id, trainingInstitutionMembers.institutionId))
      .where(eq(trainingInstitutionMembers.userId, actor.userId))
      .orderBy(asc(trainingInstitutions.name));
  }

  private async requireInstitution(db: Executor, id: string): Promise<void> {
    const [row] = await db
      .select({ id: trainingInstitutions.id })
      .from(trainingInstitutions)
      .where(eq(trainingInstitutions.id, id));
    if (!row) throw notFound('institution');
  }
}

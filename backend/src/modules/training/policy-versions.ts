import type { ErrorCode } from '@platform/contracts';
import { desc, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import {
  agencySubsidyPolicyVersions,
  trainingPolicyVersions,
  trainingSubsidyPolicyVersions,
} from '../../database/schema';
import type { Database } from '../../infra/database/database';

export interface PolicyVersion<V> {
  version: string;
  effectiveFrom: string;
  values: V;
}

type VersionTable =
  typeof trainingPolicyVersions | typeof trainingSubsidyPolicyVersions | typeof agencySubsidyPolicyVersions;

/**
 * Append-only policy versions: the newest version effective at an instant applies, the built-in
 * defaults before any is stored. Versions are never edited, only superseded, so a decision's
 * version always means the same values.
 */
export class PolicyVersions<V> {
  // Both tables have the same columns; one of them types the queries.
  private readonly table: typeof trainingPolicyVersions;

  constructor(
    private readonly db: Database,
    table: VersionTable,
    private readonly schema: z.ZodType<V>,
    readonly defaults: PolicyVersion<V>,
    private readonly subject: { type: string; takenCode: ErrorCode },
  ) {
    this.table = table as typeof trainingPolicyVersions;
  }

  async effectiveAt(at: Date = new Date()): Promise<PolicyVersion<V>> {
    const [row] = await this.db
      .select()
      .from(this.table)
      .where(lte(this.table.effectiveFrom, at))
      .orderBy(desc(this.table.effectiveFrom), desc(this.table.createdAt))
      .limit(1);
    return row ? this.toVersion(row) : this.defaults;
  }

  async byVersion(version: string): Promise<PolicyVersion<V>> {
    const [row] = await this.db.select().from(this.table).where(eq(this.table.version, version));
    if (row) return this.toVersion(row);
    if (version === this.defaults.version) return this.defaults;
    throw new AppError('NOT_FOUND', `No policy version ${version}. 未找到该政策版本。`);
  }

  async list(): Promise<{ items: PolicyVersion<V>[]; defaults: PolicyVersion<V> }> {
    const rows = await this.db.select().from(this.table).orderBy(desc(this.table.effectiveFrom));
    return { items: rows.map((r) => this.toVersion(r)), defaults: this.defaults };
  }

  async create(
    actor: Actor,
    input: { version: string; effectiveFrom: string; values: V; note: string },
  ): Promise<PolicyVersion<V>> {
    try {
      const row = await this.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(this.table)
          .values({
            version: input.version,
            effectiveFrom: new Date(input.effectiveFrom),
            values: input.values as Record<string, unknown>,
            note: input.note,
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, {
          actorId: actor.userId,
          action: `${this.subject.type}.create`,
          subjectType: this.subject.type,
          subjectId: input.version,
          details: { effectiveFrom: input.effectiveFrom, values: input.values, note: input.note },
        });
        return created!;
      });
      return this.toVersion(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(this.subject.takenCode, `Version ${input.version} already exists.`);
      throw error;
    }
  }

  private toVersion(row: typeof trainingPolicyVersions.$inferSelect): PolicyVersion<V> {
    // Stored values were checked on the way in; parsing again keeps old rows honest.
    return {
      version: row.version,
      effectiveFrom: row.effectiveFrom.toISOString(),
      values: this.schema.parse(row.values),
    };
  }
}

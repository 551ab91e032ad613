import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_TRAINING_POLICY,
  TrainingPolicy,
  TrainingPolicyInput,
  TrainingPolicyValuesSchema,
} from '@platform/contracts';
import { desc, eq, lte } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import { trainingPolicyVersions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/**
 * The versioned training policy (training.md §4.0): the newest version effective at an instant
 * applies; before any is stored, the built-in defaults do. Versions are never edited, only
 * superseded, so a stored decision's version always means the same values.
 */
@Injectable()
export class TrainingPolicyService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async effectiveAt(at: Date = new Date()): Promise<TrainingPolicy> {
    const [row] = await this.db
      .select()
      .from(trainingPolicyVersions)
      .where(lte(trainingPolicyVersions.effectiveFrom, at))
      .orderBy(desc(trainingPolicyVersions.effectiveFrom))
      .limit(1);
    return row ? toPolicy(row) : DEFAULT_TRAINING_POLICY;
  }

  async byVersion(version: string): Promise<TrainingPolicy> {
    if (version === DEFAULT_TRAINING_POLICY.version) {
      const [stored] = await this.db
        .select()
        .from(trainingPolicyVersions)
        .where(eq(trainingPolicyVersions.version, version));
      return stored ? toPolicy(stored) : DEFAULT_TRAINING_POLICY;
    }
    const [row] = await this.db
      .select()
      .from(trainingPolicyVersions)
      .where(eq(trainingPolicyVersions.version, version));
    if (!row) throw new AppError('NOT_FOUND', `No training policy version ${version}`);
    return toPolicy(row);
  }

  async list(): Promise<{ items: TrainingPolicy[]; defaults: TrainingPolicy }> {
    const rows = await this.db
      .select()
      .from(trainingPolicyVersions)
      .orderBy(desc(trainingPolicyVersions.effectiveFrom));
    return { items: rows.map(toPolicy), defaults: DEFAULT_TRAINING_POLICY };
  }

  async create(actor: Actor, input: TrainingPolicyInput): Promise<TrainingPolicy> {
    try {
      const row = await this.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(trainingPolicyVersions)
          .values({
            version: input.version,
            effectiveFrom: new Date(input.effectiveFrom),
            values: input.values,
            note: input.note,
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'training.policy.create',
          subjectType: 'training_policy',
          subjectId: input.version,
          details: { effectiveFrom: input.effectiveFrom, values: input.values, note: input.note },
        });
        return created!;
      });
      return toPolicy(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('TRAINING_POLICY_VERSION_TAKEN', `Version ${input.version} already exists`);
      }
      throw error;
    }
  }
}

function toPolicy(row: typeof trainingPolicyVersions.$inferSelect): TrainingPolicy {
  return {
    version: row.version,
    effectiveFrom: row.effectiveFrom.toISOString(),
    // Stored values were validated on the way in; parsing again keeps old rows honest.
    values: TrainingPolicyValuesSchema.parse(row.values),
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { refreshTokens } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

@Injectable()
export class RefreshTokensRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(values: typeof refreshTokens.$inferInsert): Promise<RefreshTokenRow> {
    const [row] = await this.db.insert(refreshTokens).values(values).returning();
    return row;
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return row;
  }

  /** Marks the token used; false when another request rotated it first (a replay or a race). */
  async markRotated(id: string): Promise<boolean> {
    const rows = await this.db
      .update(refreshTokens)
      .set({ rotatedAt: new Date() })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length === 1;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  /** Deletes tokens that expired, or were rotated or revoked, more than `days` ago. */
  async purgeOlderThan(days: number): Promise<number> {
    const cutoff = sql`now() - make_interval(days => ${days})`;
    const rows = await this.db
      .delete(refreshTokens)
      .where(
        or(
          lt(refreshTokens.expiresAt, cutoff),
          and(isNotNull(refreshTokens.revokedAt), lt(refreshTokens.revokedAt, cutoff)),
          and(isNotNull(refreshTokens.rotatedAt), lt(refreshTokens.rotatedAt, cutoff)),
        ),
      )
      .returning({ id: refreshTokens.id });
    return rows.length;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { learningMedia } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/** 影像留存 for review: only organizers and admins read stills, and every read is audited. */
@Injectable()
export class LearningMediaService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(sessionId: string) {
    const rows = await this.db
      .select({
        id: learningMedia.id,
        checkId: learningMedia.checkId,
        contentType: learningMedia.contentType,
        sha256: learningMedia.sha256,
        sizeBytes: sql<number>`octet_length(${learningMedia.bytes})::int`,
        capturedAt: learningMedia.capturedAt,
      })
      .from(learningMedia)
      .where(eq(learningMedia.sessionId, sessionId))
      .orderBy(asc(learningMedia.capturedAt));
    return { items: rows.map((r) => ({ ...r, capturedAt: r.capturedAt.toISOString() })) };
  }

  async read(actor: Actor, mediaId: string): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(learningMedia).where(eq(learningMedia.id, mediaId));
      if (!row) throw new AppError('NOT_FOUND', 'No such still. 未找到影像。');
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.learning.media.read',
        subjectType: 'learning_media',
        subjectId: row.id,
        details: { sessionId: row.sessionId, sha256: row.sha256 },
      });
      return { contentType: row.contentType, bytes: row.bytes, sha256: row.sha256 };
    });
  }
}

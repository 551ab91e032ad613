import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { notifications } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { Notifier } from '../../infra/realtime/notifier';

export interface NotificationDraft {
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/**
 * Stores a notification for each recipient (inside the caller's transaction) and pushes it live
 * once the transaction has committed, so nobody is told about a change that was rolled back.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly notifier: Notifier,
  ) {}

  async store(tx: Executor, userIds: string[], draft: NotificationDraft): Promise<() => void> {
    const unique = [...new Set(userIds)];
    if (unique.length) {
      await tx
        .insert(notifications)
        .values(unique.map((userId) => ({ userId, ...draft, body: draft.body ?? '' })));
    }
    return () => unique.forEach((userId) => this.notifier.toUser(userId, draft));
  }

  async listMine(userId: string, limit = 50) {
    const rows = await this.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    }));
  }

  async markRead(userId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)),
      );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  AdjustFairDatesSchema,
  businessDate,
  CreateFairInput,
  CreateSessionSchema,
  FairStatusChangeSchema,
  FairView,
  fairAcceptsPostings,
} from '@platform/contracts';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import {
  agencies,
  agencyApplications,
  announcements,
  employers,
  fairEmployers,
  fairSessions,
  fairs,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { datesInOrder, FairRow, toFairView } from './fair-view';

type AnnouncementKind = (typeof announcements.$inferInsert)['kind'];
const NOT_FOUND = () => new AppError('NOT_FOUND', 'No such fair. 双选会不存在。');

/** Fairs, their sessions and the announcements that precede every change (recruitment.md §2.1). */
@Injectable()
export class FairsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(): Promise<FairView[]> {
    const rows = await this.db.select().from(fairs).orderBy(desc(fairs.launchOn));
    const { epidemicEndOn } = await this.settings.get();
    return rows.map((row) => toFairView(row, epidemicEndOn));
  }

  async get(fairId: string): Promise<FairView> {
    return toFairView(await this.load(fairId), (await this.settings.get()).epidemicEndOn);
  }

  /** Refuses a posting into a fair that is closed, suspended or cancelled (AS-02). */
  async assertAcceptsPostings(fairId: string): Promise<FairView> {
    const fair = await this.get(fairId);
    if (!fairAcceptsPostings(fair.phase)) {
      throw new AppError(
        'FAIR_CLOSED',
        `This fair takes no new postings (${fair.phase}). 该双选会已结束或暂停，不能发布岗位。`,
        {
          phase: fair.phase,
          reasons: fair.phaseReasons,
        },
      );
    }
    return fair;
  }

  async create(actor: Actor, input: CreateFairInput): Promise<FairView> {
    if (!datesInOrder(input)) throw datesError();
    const [row] = await this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(fairs)
        .values({ ...input, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'fair.create',
        subjectType: 'fair',
        subjectId: inserted[0].id,
        details: input,
      });
      return inserted;
    });
    return toFairView(row, (await this.settings.get()).epidemicEndOn);
  }

  /** The announcement is published now; the new dates apply from its effective day (S3:2656-2660). */
  async adjustDates(
    actor: Actor,
    fairId: string,
    input: z.infer<typeof AdjustFairDatesSchema>,
  ): Promise<FairView> {
    if (!datesInOrder(input)) throw datesError();
    if (input.effectiveOn < businessDate()) {
      throw new AppError(
        'FAIR_DATES_OUT_OF_ORDER',
        'A change cannot take effect in the past. 调整生效日期不能早于今天。',
        {
          field: 'effectiveOn',
        },
      );
    }
    const fair = await this.load(fairId);
    this.assertNotCancelled(fair);
    const { announcement, ...dates } = input;
    return this.announceAndApply(actor, fair, {
      kind: 'dates_adjusted',
      title: `${fair.theme}：活动时间调整`,
      body: announcement,
      effectiveOn: input.effectiveOn,
      change: { before: pickDates(fair), after: dates },
      apply: { scheduledChange: dates },
    });
  }

  async cancel(
    actor: Actor,
    fairId: string,
    input: z.infer<typeof FairStatusChangeSchema>,
  ): Promise<FairView> {
    const fair = await this.load(fairId);
    this.assertNotCancelled(fair);
    return this.announceAndApply(actor, fair, {
      kind: 'cancelled',
      title: `${fair.theme}：活动取消`,
      body: input.reason,
      effectiveOn: input.effectiveOn ?? businessDate(),
      change: { cancelled: true },
      apply: { cancelledAt: new Date(), cancellationReason: input.reason },
    });
  }

  async suspend(
    actor: Actor,
    fairId: string,
    input: z.infer<typeof FairStatusChangeSchema>,
  ): Promise<FairView> {
    const fair = await this.load(fairId);
    this.assertNotCancelled(fair);
    if (fair.suspendedAt)
      throw new AppError('STATE_TRANSITION_INVALID', 'The fair is already suspended. 该双选会已暂停。');
    return this.announceAndApply(actor, fair, suspension(fair, input.reason));
  }

  async resume(
    actor: Actor,
    fairId: string,
    input: z.infer<typeof FairStatusChangeSchema>,
  ): Promise<FairView> {
    const fair = await this.load(fairId);
    if (!fair.suspendedAt)
      throw new AppError('STATE_TRANSITION_INVALID', 'The fair is not suspended. 该双选会未暂停。');
    return this.announceAndApply(actor, fair, {
      kind: 'resumed',
      title: `${fair.theme}：恢复举办`,
      body: input.reason,
      effectiveOn: businessDate(),
      change: { suspended: false },
      apply: { suspendedAt: null, suspensionReason: null },
    });
  }

  /** AS-04: a major outbreak suspends every large fair still running, each with its announcement. */
  async suspendLargeFairsForOutbreak(actor: Actor, reason: string): Promise<FairView[]> {
    const running = await this.db
      .select()
      .from(fairs)
      .where(and(eq(fairs.largeScale, true), isNull(fairs.suspendedAt), isNull(fairs.cancelledAt)));
    const { epidemicEndOn } = await this.settings.get();
    const suspended: FairView[] = [];
    for (const fair of running) {
      if (toFairView(fair, epidemicEndOn).phase === 'closed') continue;
      suspended.push(await this.announceAndApply(actor, fair, suspension(fair, reason)));
    }
    return suspended;
  }

  async createSession(actor: Actor, fairId: string, input: z.infer<typeof CreateSessionSchema>) {
    const fair = await this.load(fairId);
    if (input.startsOn > input.endsOn) throw datesError();
    const [row] = await this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(fairSessions)
        .values({ ...input, fairId: fair.id })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'fair.session.create',
        subjectType: 'fair_session',
        subjectId: inserted[0].id,
        details: input,
      });
      return inserted;
    });
    return toSessionView(row);
  }

  async sessions(fairId: string) {
    const rows = await this.db
      .select()
      .from(fairSessions)
      .where(eq(fairSessions.fairId, fairId))
      .orderBy(asc(fairSessions.startsOn));
    return rows.map(toSessionView);
  }

  async announcements(fairId: string) {
    const rows = await this.db
      .select()
      .from(announcements)
      .where(eq(announcements.fairId, fairId))
      .orderBy(desc(announcements.publishedAt));
    return rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      body: a.body,
      effectiveOn: a.effectiveOn,
      publishedAt: a.publishedAt.toISOString(),
      notifiedCount: a.notifiedCount,
    }));
  }

  async load(fairId: string): Promise<FairRow> {
    const [row] = await this.db.select().from(fairs).where(eq(fairs.id, fairId));
    if (!row) throw NOT_FOUND();
    return row;
  }

  private assertNotCancelled(fair: FairRow): void {
    if (fair.cancelledAt)
      throw new AppError('STATE_TRANSITION_INVALID', 'The fair was cancelled. 该双选会已取消。');
  }

  /** Announcement first, then the change, in one transaction; participants are told after commit. */
  private async announceAndApply(actor: Actor, fair: FairRow, step: ChangeStep): Promise<FairView> {
    const notify = await this.db.transaction(async (tx) => {
      const recipients = await participantUserIds(tx, fair.id);
      const [announcement] = await tx
        .insert(announcements)
        .values({
          fairId: fair.id,
          kind: step.kind,
          title: step.title,
          body: step.body,
          effectiveOn: step.effectiveOn,
          publishedBy: actor.userId,
          change: step.change,
          notifiedCount: recipients.length,
        })
        .returning();
      await tx
        .update(fairs)
        .set({ ...step.apply, updatedAt: new Date() })
        .where(eq(fairs.id, fair.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: `fair.${step.kind}`,
        subjectType: 'fair',
        subjectId: fair.id,
        details: { announcementId: announcement.id, ...step.change },
      });
      return this.notifications.store(tx, recipients, {
        kind: 'fair.announcement',
        title: step.title,
        body: step.body,
        link: `/fairs/${fair.id}`,
      });
    });
    notify();
    return this.get(fair.id);
  }
}

interface ChangeStep {
  kind: AnnouncementKind;
  title: string;
  body: string;
  effectiveOn: string;
  change: Record<string, unknown>;
  apply: Partial<typeof fairs.$inferInsert>;
}

function suspension(fair: FairRow, reason: string): ChangeStep {
  return {
    kind: 'suspended',
    title: `${fair.theme}：因重大疫情暂停举办`,
    body: reason,
    effectiveOn: businessDate(),
    change: { suspended: true },
    apply: { suspendedAt: new Date(), suspensionReason: reason },
  };
}

/** Everyone registered in the fair: owners of joined employers and of applying agencies. */
async function participantUserIds(tx: Executor, fairId: string): Promise<string[]> {
  const rows = await tx.execute<{ user_id: string }>(sql`
    select ${employers.ownerUserId} as user_id from ${fairEmployers}
      join ${employers} on ${employers.id} = ${fairEmployers.employerId}
      where ${fairEmployers.fairId} = ${fairId}
    union
    select ${agencies.ownerUserId} from ${agencyApplications}
      join ${agencies} on ${agencies.id} = ${agencyApplications.agencyId}
      where ${agencyApplications.fairId} = ${fairId} and ${agencyApplications.status} <> 'rejected'`);
  return rows.rows.map((r) => r.user_id);
}

function pickDates(fair: FairRow) {
  return {
    launchOn: fair.launchOn,
    concentratedEndOn: fair.concentratedEndOn,
    agencyDeadlineOn: fair.agencyDeadlineOn,
  };
}

function datesError(): AppError {
  return new AppError(
    'FAIR_DATES_OUT_OF_ORDER',
    'Dates are out of order: the agency deadline comes before the launch, the launch before the end of the concentrated window. 日期顺序不正确。',
  );
}

function toSessionView(row: typeof fairSessions.$inferSelect) {
  return {
    id: row.id,
    fairId: row.fairId,
    name: row.name,
    targetGroup: row.targetGroup as never,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CallView,
  fairAcceptsActivity,
  maskName,
  nextAverage,
  QueuePosition,
  queueRoom,
  userRoom,
} from '@platform/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { calls, employers, fairEmployers, users } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { RealtimeServer } from '../../infra/realtime/realtime.server';
import { EmployersService } from '../employers/employers.service';
import { FairsService } from '../fairs/fairs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { CallMinutesService } from './call-minutes.service';
import { CallsService } from './calls.service';
import { WaitingRoomPublisher } from './waiting-room.publisher';
import { Booth, LineChange, WaitingRoomStore } from './waiting-room.store';

/**
 * Fair waiting rooms (walk-in queues at a booth): join, see one's place and an estimated wait
 * live, be called in for a limited time; a dropped connection keeps the place for a grace period.
 */
@Injectable()
export class WaitingRoomService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WaitingRoomStore,
    private readonly employers: EmployersService,
    private readonly fairs: FairsService,
    private readonly calls: CallsService,
    private readonly minutes: CallMinutesService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeServer,
    private readonly publisher: WaitingRoomPublisher,
  ) {}

  /** The employer opens or closes its booth's queue in a fair it takes part in. */
  async setOpen(actor: Actor, fairId: string, open: boolean) {
    const employer = await this.employers.ownedBy(actor.userId);
    const booth = { fairId, employerId: employer.id };
    if (open) {
      const fair = await this.fairs.get(fairId);
      if (!fairAcceptsActivity(fair.phase))
        throw new AppError('FAIR_CLOSED', `This fair is not running (${fair.phase}). 该双选会不在进行中。`, {
          phase: fair.phase,
        });
      const [taking] = await this.db
        .select()
        .from(fairEmployers)
        .where(and(eq(fairEmployers.fairId, fairId), eq(fairEmployers.employerId, employer.id)));
      if (!taking || taking.disqualifiedAt)
        throw new AppError(
          'FORBIDDEN_NOT_OWNER',
          'Your unit does not take part in this fair. 贵单位未参加该双选会。',
        );
    }
    await this.store.setOpen(booth, open);
    return this.board(actor, fairId);
  }

  /** The booth console: who waits (names masked), who is away, the free minutes left. */
  async board(actor: Actor, fairId: string) {
    const employer = await this.employers.ownedBy(actor.userId);
    const booth = { fairId, employerId: employer.id };
    const members = await this.store.members(booth);
    const names = await this.namesOf(members.map((m) => m.userId));
    return {
      fairId,
      employerId: employer.id,
      open: await this.store.isOpen(booth),
      averageCallSeconds: await this.store.averageCallSeconds(booth, this.config.QUEUE_DEFAULT_CALL_SECONDS),
      quota: await this.minutes.status(employer.id),
      entries: members.map((m, i) => ({
        position: i + 1,
        name: maskName(names.get(m.userId)) ?? '求职者',
        away: m.away !== null,
      })),
    };
  }

  async openBooths(fairId: string) {
    const ids = await this.store.openBooths(fairId);
    if (!ids.length) return { items: [] };
    const rows = await this.db
      .select({ id: employers.id, name: employers.name })
      .from(employers)
      .where(inArray(employers.id, ids));
    const items = await Promise.all(
      rows.map(async (row) => {
        const booth = { fairId, employerId: row.id };
        return {
          employerId: row.id,
          employerName: row.name,
          size: await this.store.size(booth),
          averageCallSeconds: await this.store.averageCallSeconds(
            booth,
            this.config.QUEUE_DEFAULT_CALL_SECONDS,
          ),
        };
      }),
    );
    return { items };
  }

  async join(actor: Actor, booth: Booth): Promise<QueuePosition> {
    const joined = await this.store.join(booth, actor.userId, this.config.QUEUE_MAX_PER_SEEKER);
    if (joined.position === -1)
      throw new AppError('QUEUE_CLOSED', 'This booth is not receiving now. 该展位当前未开放排队。');
    if (joined.position === -2)
      throw new AppError(
        'QUEUE_CAP_REACHED',
        `You may wait in at most ${this.config.QUEUE_MAX_PER_SEEKER} queues at once. 最多同时排 ${this.config.QUEUE_MAX_PER_SEEKER} 个队。`,
        { cap: this.config.QUEUE_MAX_PER_SEEKER },
      );
    // The seeker's open pages (on any api process) follow the line's moves from now on.
    this.realtime.server?.in(userRoom(actor.userId)).socketsJoin(queueRoom(booth.fairId, booth.employerId));
    if (joined.changed)
      await this.publish(booth, { version: joined.version, size: joined.size, removed: [] });
    else await this.publisher.publishBoard(booth); // joining again clears "away"
    return this.positionOf(booth, actor.userId);
  }

  async leave(actor: Actor, booth: Booth): Promise<void> {
    const change = await this.store.leave(booth, actor.userId);
    if (!change) throw new AppError('QUEUE_NOT_IN', 'You are not in this queue. 您不在该队列中。');
    await this.publish(booth, change);
    this.unfollow(booth, [actor.userId]);
    // The seeker's other pages cannot tell from the move whose ticket left: told one by one.
    this.realtime.server?.to(userRoom(actor.userId)).emit('queue:position', {
      ...(await this.positionOf(booth, actor.userId)),
      position: null,
    });
  }

  /** The seeker's places (and pending call-ins), after a reconnect too: being back clears "away". */
  async mine(actor: Actor, { back }: { back: boolean }): Promise<QueuePosition[]> {
    const now = Date.now();
    const out: QueuePosition[] = [];
    for (const booth of await this.store.boothsOf(actor.userId)) {
      const since = await this.store.awaySince(booth, actor.userId);
      if (back && since !== null && now - since > this.config.QUEUE_GRACE_SECONDS * 1000) {
        // Came back too late: the place is gone, as the page said it would be.
        const change = await this.store.leave(booth, actor.userId);
        if (change) await this.publish(booth, change);
        continue;
      }
      if (back && since !== null) {
        await this.store.markBack(booth, actor.userId);
        await this.publisher.publishBoard(booth); // the console shows who is away
      }
      out.push(await this.positionOf(booth, actor.userId));
    }
    for (const callIn of await this.store.pendingCallIns(actor.userId, now))
      out.push({
        fairId: callIn.fairId,
        employerId: callIn.employerId,
        position: null,
        size: await this.store.size(callIn),
        estimatedWaitSeconds: null,
        away: false,
        graceUntil: null,
        callIn: { callId: callIn.callId, expiresAt: new Date(callIn.expiresAt).toISOString() },
        ticket: null,
        version: await this.store.version(callIn),
      });
    return this.withNames(out);
  }

  async boothsOf(userId: string): Promise<Booth[]> {
    return this.store.boothsOf(userId);
  }

  /** A connection dropped: places are kept for the grace period, not taken away. */
  async away(userId: string): Promise<void> {
    await this.store.markAway(userId, Date.now());
    for (const booth of await this.store.boothsOf(userId)) await this.publisher.publishBoard(booth);
  }

  /** 叫号: the interviewer calls the next present person, who gets a time-limited call-in. */
  async callNext(actor: Actor, fairId: string, acceptOverQuota = false): Promise<CallView> {
    const employer = await this.employers.ownedBy(actor.userId);
    const booth = { fairId, employerId: employer.id };
    // Before anyone is taken out of line: a call the quota cannot cover is announced, not cut off.
    await this.minutes.assertQuota(employer.id, acceptOverQuota);
    const { userId, expired, change } = await this.store.next(
      booth,
      Date.now(),
      this.config.QUEUE_GRACE_SECONDS * 1000,
    );
    if (change) this.unfollow(booth, userId ? [userId, ...expired] : expired);
    if (!userId) {
      if (change) await this.publish(booth, change);
      throw new AppError('QUEUE_EMPTY', 'Nobody is waiting. 当前无人排队。');
    }
    const expiresAt = new Date(Date.now() + this.config.QUEUE_CALL_IN_SECONDS * 1000);
    const call = await this.calls.openCallIn({
      employerId: employer.id,
      fairId,
      hostUserId: actor.userId,
      guestUserId: userId,
      expiresAt,
      overQuotaAccepted: acceptOverQuota,
    });
    await this.store.setCallIn(booth, userId, call.id, expiresAt.getTime());
    this.realtime.server?.to(userRoom(userId)).emit('queue:called', {
      fairId,
      employerId: employer.id,
      callId: call.id,
      expiresAt: expiresAt.toISOString(),
    });
    const notify = await this.notifications.store(this.db, [userId], {
      kind: 'interview.call_in',
      title: `${employer.name} 叫号：请在 ${this.config.QUEUE_CALL_IN_SECONDS} 秒内进入面试`,
      link: `/interviews/call/${call.id}`,
    });
    notify();
    await this.publish(booth, change!);
    return this.calls.view(actor, call.id);
  }

  /** A call from a booth ended: its length feeds the booth's estimated wait. */
  async callEnded(callId: string): Promise<void> {
    const call = await this.calls.load(callId);
    if (call.origin !== 'waiting_room' || !call.fairId || !call.startedAt || !call.endedAt) return;
    const booth = { fairId: call.fairId, employerId: call.employerId };
    await this.store.clearCallIn(booth, call.guestUserId);
    const seconds = (call.endedAt.getTime() - call.startedAt.getTime()) / 1000;
    const average = await this.store.averageCallSeconds(booth, this.config.QUEUE_DEFAULT_CALL_SECONDS);
    await this.publish(booth, await this.store.setAverageCallSeconds(booth, nextAverage(average, seconds)));
  }

  /** The organizer's live view of a fair: every open booth's line and the calls under way. */
  async fairLive(fairId: string) {
    const booths = await this.openBooths(fairId);
    const live = await this.db
      .select({
        id: calls.id,
        status: calls.status,
        employerName: employers.name,
        origin: calls.origin,
        startedAt: calls.startedAt,
      })
      .from(calls)
      .innerJoin(employers, eq(employers.id, calls.employerId))
      .where(and(eq(calls.fairId, fairId), inArray(calls.status, ['lobby', 'live'])))
      .orderBy(desc(calls.createdAt))
      .limit(200);
    return {
      booths: booths.items,
      calls: live.map((c) => ({ ...c, startedAt: c.startedAt?.toISOString() ?? null })),
      waiting: booths.items.reduce((sum, b) => sum + b.size, 0),
    };
  }

  async publish(booth: Booth, change: LineChange): Promise<void> {
    await this.publisher.publish(booth, change);
  }

  /** People out of a line stop receiving its moves (on every api process). */
  private unfollow(booth: Booth, userIds: string[]): void {
    if (!userIds.length) return;
    this.realtime.server?.in(userIds.map(userRoom)).socketsLeave(queueRoom(booth.fairId, booth.employerId));
  }

  private async positionOf(booth: Booth, userId: string): Promise<QueuePosition> {
    const place = await this.store.place(booth, userId);
    const average = await this.store.averageCallSeconds(booth, this.config.QUEUE_DEFAULT_CALL_SECONDS);
    return this.publisher.toPosition(booth, place, average);
  }

  private async withNames(positions: QueuePosition[]): Promise<QueuePosition[]> {
    const ids = [...new Set(positions.map((p) => p.employerId))];
    if (!ids.length) return positions;
    const rows = await this.db
      .select({ id: employers.id, name: employers.name })
      .from(employers)
      .where(inArray(employers.id, ids));
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return positions.map((p) => ({ ...p, employerName: names.get(p.employerId) }));
  }

  private async namesOf(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await this.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, userIds));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  allocateMinutes,
  billableMinutes,
  MinutesUsage,
  quotaStatus,
  QuotaStatus,
  Segment,
  sharedSeconds,
} from '@platform/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { agencies, callPresence, calls, employers, interviewMinutes } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type CallRow = typeof calls.$inferSelect;

/**
 * The minutes ledger (AS-28): metered from join/leave when a call ends, per employer (the free
 * quota) and per agency (whose offer the minutes draw on). The quota is checked before a call
 * opens; a running call is never cut off.
 */
@Injectable()
export class CallMinutesService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(employerId: string, db: Pick<Database, 'select'> = this.db): Promise<QuotaStatus> {
    const [row] = await db
      .select({ used: sql<number>`coalesce(sum(${interviewMinutes.minutes}), 0)::int` })
      .from(interviewMinutes)
      .where(eq(interviewMinutes.employerId, employerId));
    return quotaStatus(row.used, this.config.INTERVIEW_FREE_MINUTES);
  }

  /** Says so before the call rather than cutting one off: the employer must accept going over. */
  async assertQuota(employerId: string, acceptOverQuota = false): Promise<QuotaStatus> {
    const status = await this.status(employerId);
    if (status.exhausted && !acceptOverQuota)
      throw new AppError(
        'INTERVIEW_QUOTA_EXCEEDED',
        `The ${status.quota} free interview minutes are used up; further minutes follow your agency's price list. ` +
          `${status.quota} 分钟免费视频面试时长已用完，继续面试将按服务机构的价格计费。`,
        status,
      );
    return status;
  }

  /** Writes the ledger line of an ended call; idempotent (one line per call). */
  async record(tx: Tx, call: CallRow): Promise<typeof interviewMinutes.$inferSelect> {
    // One employer's calls are metered one at a time, so usedBefore is exact under concurrent ends.
    await tx.execute(sql`select 1 from ${employers} where ${employers.id} = ${call.employerId} for update`);
    const [existing] = await tx.select().from(interviewMinutes).where(eq(interviewMinutes.callId, call.id));
    if (existing) return existing;
    const segments = await tx.select().from(callPresence).where(eq(callPresence.callId, call.id));
    const end = (call.endedAt ?? new Date()).getTime();
    const of = (userId: string): Segment[] =>
      segments
        .filter((s) => s.userId === userId)
        .map((s) => ({ from: s.joinedAt.getTime(), to: s.leftAt?.getTime() ?? end }));
    const inputs = { host: of(call.hostUserId), guest: of(call.guestUserId) };
    const seconds = sharedSeconds(inputs.host, inputs.guest);
    const used = await this.status(call.employerId, tx);
    const allocation = allocateMinutes(
      used.used,
      billableMinutes(seconds),
      this.config.INTERVIEW_FREE_MINUTES,
    );
    const [line] = await tx
      .insert(interviewMinutes)
      .values({
        callId: call.id,
        employerId: call.employerId,
        agencyId: call.agencyId,
        seconds,
        minutes: allocation.callMinutes,
        freeMinutes: allocation.freeMinutes,
        beyondQuotaMinutes: allocation.beyondQuotaMinutes,
        usedBefore: allocation.usedBefore,
        usedAfter: allocation.usedAfter,
        quota: allocation.quota,
        policyVersion: allocation.policyVersion,
        inputs,
      })
      .returning();
    return line;
  }

  async usageLine(callId: string) {
    const [line] = await this.db.select().from(interviewMinutes).where(eq(interviewMinutes.callId, callId));
    return line ?? null;
  }

  async usageOfEmployer(employerId: string): Promise<MinutesUsage> {
    const [employer] = await this.db.select().from(employers).where(eq(employers.id, employerId));
    if (!employer) throw new AppError('NOT_FOUND', 'No such employer. 单位不存在。');
    const lines = await this.db
      .select()
      .from(interviewMinutes)
      .where(eq(interviewMinutes.employerId, employerId))
      .orderBy(desc(interviewMinutes.recordedAt))
      .limit(200);
    return {
      employerId,
      employerName: employer.name,
      status: await this.status(employerId),
      calls: lines.map((l) => ({
        callId: l.callId,
        endedAt: l.recordedAt.toISOString(),
        minutes: l.minutes,
        freeMinutes: l.freeMinutes,
        beyondQuotaMinutes: l.beyondQuotaMinutes,
        usedAfter: l.usedAfter,
      })),
    };
  }

  /** An agency's view: the minutes its employers used through it. */
  async usageOfAgency(actor: Actor) {
    const [agency] = await this.db.select().from(agencies).where(eq(agencies.ownerUserId, actor.userId));
    if (!agency) throw new AppError('NOT_FOUND', 'Register your agency first. 请先完成机构注册。');
    const rows = await this.db
      .select({
        employerId: interviewMinutes.employerId,
        employerName: employers.name,
        minutes: sql<number>`sum(${interviewMinutes.minutes})::int`,
        calls: sql<number>`count(*)::int`,
      })
      .from(interviewMinutes)
      .innerJoin(employers, eq(employers.id, interviewMinutes.employerId))
      .where(and(eq(interviewMinutes.agencyId, agency.id)))
      .groupBy(interviewMinutes.employerId, employers.name);
    return { items: rows, freeMinutesPerEmployer: this.config.INTERVIEW_FREE_MINUTES };
  }
}

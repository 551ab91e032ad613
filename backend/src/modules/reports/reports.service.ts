import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  businessDate,
  fairAcceptsActivity,
  isValidResidentIdNumber,
  JobName,
  maskIdNumber,
  QueueName,
} from '@platform/contracts';
import { Queue } from 'bullmq';
import { and, desc, eq, sql } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { APP_CONFIG, AppConfig } from '../../config/config';
import {
  agencies,
  employers,
  fairs,
  positions,
  rosterEntries,
  syndicationSnapshots,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { FairsService } from '../fairs/fairs.service';
import { dailyReport } from './daily-report';
import { dailyReportWorkbook } from './daily-report.xlsx';

const FEED_SCHEDULER_ID = 'export-fair-feed';

/** Reports of §2.13, the key-group coverage of AS-46 and the syndication feed of AS-43. */
@Injectable()
export class ReportsService implements OnApplicationBootstrap {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.syndication) private readonly queue: Queue,
    private readonly fairs: FairsService,
    private readonly pii: PiiCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCHEDULE_REPEATABLE_JOBS) return;
    await this.queue.upsertJobScheduler(
      FEED_SCHEDULER_ID,
      { every: this.config.SYNDICATION_INTERVAL_MINUTES * 60_000 },
      { name: JobName.exportFairFeed, data: {} },
    );
  }

  /** An agency sees its own report; staff any agency's. The day defaults to yesterday. */
  async daily(
    actor: Actor,
    fairId: string,
    agencyId: string | undefined,
    day = businessDate(new Date(Date.now() - 86_400_000)),
  ) {
    const agency = await this.agencyFor(actor, agencyId);
    const fair = await this.fairs.load(fairId);
    return {
      report: await dailyReport(this.db, fairId, agency.id, day),
      names: { fair: fair.theme, agency: agency.name },
    };
  }

  async dailyWorkbook(actor: Actor, fairId: string, agencyId: string | undefined, day?: string) {
    const { report, names } = await this.daily(actor, fairId, agencyId, day);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'report.daily.download',
      subjectType: 'agency',
      subjectId: report.agencyId,
      details: { fairId, day: report.day },
    });
    return {
      fileName: `双选会日报-${names.agency}-${report.day}.xlsx`,
      content: await dailyReportWorkbook(report, names),
    };
  }

  /** A university roster; invalid ID numbers refuse the whole import, naming the rows. */
  async importRoster(
    actor: Actor,
    fairId: string,
    rows: { university: string; name: string; idNumber: string; flags: string[] }[],
  ) {
    await this.fairs.load(fairId);
    const invalid = rows.flatMap((row, index) => (isValidResidentIdNumber(row.idNumber) ? [] : [index + 1]));
    if (invalid.length)
      throw new AppError(
        'SEEKER_ID_INVALID',
        `Rows ${invalid.join(', ')} have invalid 身份证 numbers. 第 ${invalid.join('、')} 行身份证号码有误。`,
        { rows: invalid },
      );
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        const values = {
          fairId,
          university: row.university,
          name: row.name,
          idNumberHash: this.pii.lookupHash(row.idNumber),
          idNumberMasked: maskIdNumber(row.idNumber)!,
          flags: row.flags,
          importedBy: actor.userId,
        };
        await tx
          .insert(rosterEntries)
          .values(values)
          .onConflictDoUpdate({
            target: [rosterEntries.fairId, rosterEntries.idNumberHash],
            set: { university: values.university, name: values.name, flags: values.flags },
          });
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'roster.import',
        subjectType: 'fair',
        subjectId: fairId,
        details: { rows: rows.length },
      });
    });
    return { imported: rows.length };
  }

  /** AS-46: each flagged graduate of the roster, registered in the fair or not (matched by keyed ID hash). */
  async coverage(fairId: string, flag?: string) {
    const rows = await this.db.execute<{
      university: string;
      name: string;
      id_number_masked: string;
      flags: string[];
      registered: boolean;
    }>(sql`
      select r.university, r.name, r.id_number_masked, r.flags, (fs.user_id is not null) as registered
        from roster_entries r
        left join seeker_profiles sp on sp.id_number_hash = r.id_number_hash
        left join fair_seekers fs on fs.fair_id = r.fair_id and fs.user_id = sp.user_id
       where r.fair_id = ${fairId} ${flag ? sql`and ${flag} = any(r.flags)` : sql``}
       order by registered, r.university, r.name`);
    const items = rows.rows.map((r) => ({
      university: r.university,
      name: r.name,
      idNumberMasked: r.id_number_masked,
      flags: r.flags,
      registered: r.registered,
    }));
    return { items, totals: { listed: items.length, registered: items.filter((i) => i.registered).length } };
  }

  /** The export job: a snapshot of every fair's published positions, replaced in one statement per fair. */
  async exportFeeds(): Promise<{ fairs: number; positions: number }> {
    const all = await this.db.select().from(fairs);
    let total = 0;
    for (const fair of all) {
      const view = await this.fairs.get(fair.id);
      const published =
        fairAcceptsActivity(view.phase) || view.phase === 'not_started'
          ? await this.db
              .select({ position: positions, employerName: employers.name })
              .from(positions)
              .innerJoin(employers, eq(employers.id, positions.employerId))
              .where(and(eq(positions.fairId, fair.id), eq(positions.status, 'published')))
              .orderBy(desc(positions.publishedAt))
          : [];
      const generatedAt = new Date();
      const payload = feedPayload(view, published, generatedAt);
      await this.db
        .insert(syndicationSnapshots)
        .values({ fairId: fair.id, generatedAt, positionCount: published.length, payload })
        .onConflictDoUpdate({
          target: syndicationSnapshots.fairId,
          set: { generatedAt, positionCount: published.length, payload },
        });
      total += published.length;
    }
    return { fairs: all.length, positions: total };
  }

  async enqueueExport(): Promise<{ jobId: string }> {
    const job = await this.queue.add(JobName.exportFairFeed, {});
    return { jobId: job.id! };
  }

  async feed(fairId: string) {
    const [snapshot] = await this.db
      .select()
      .from(syndicationSnapshots)
      .where(eq(syndicationSnapshots.fairId, fairId));
    if (!snapshot) throw new AppError('NOT_FOUND', 'This fair has not been exported yet. 该双选会尚未导出。');
    return snapshot.payload;
  }

  /** The organizer dashboard's numbers: totals and breakdowns over stored rows. */
  async overview() {
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await this.db.execute<{ n: number }>(query)).rows[0].n);
    const series = async (query: ReturnType<typeof sql>) =>
      (await this.db.execute<{ key: string; n: number }>(query)).rows.map((r) => ({
        key: r.key,
        value: Number(r.n),
      }));
    return {
      totals: {
        employers: await count(sql`select count(*) as n from employers where status = 'approved'`),
        positions: await count(sql`select count(*) as n from positions where status = 'published'`),
        seekers: await count(sql`select count(*) as n from seeker_profiles`),
        applications: await count(sql`select count(*) as n from applications`),
        hires: await count(sql`select count(*) as n from applications where status = 'hired'`),
        // Interviews arrive with the video-interview feature; until then this counts pipeline steps.
        interviews: await count(
          sql`select count(*) as n from application_events where to_status = 'interview'`,
        ),
      },
      applicationsByDay: await series(
        sql`select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key, count(*) as n from applications where created_at > now() - interval '30 days' group by 1 order by 1`,
      ),
      hiresByDay: await series(
        sql`select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key, count(*) as n from application_events where to_status = 'hired' and created_at > now() - interval '30 days' group by 1 order by 1`,
      ),
      positionsByDay: await series(
        sql`select to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key, count(*) as n from positions where published_at > now() - interval '30 days' group by 1 order by 1`,
      ),
      employersByDay: await series(
        sql`select to_char(reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key, count(*) as n from employers where status = 'approved' and reviewed_at > now() - interval '30 days' group by 1 order by 1`,
      ),
      seekersByDay: await series(
        sql`select to_char(verified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key, count(*) as n from seeker_profiles where verified_at > now() - interval '30 days' group by 1 order by 1`,
      ),
      positionsByDistrict: await series(
        sql`select district as key, count(*) as n from positions where status = 'published' group by 1 order by 2 desc limit 20`,
      ),
      employersByIndustry: await series(
        sql`select industry as key, count(*) as n from employers where status = 'approved' group by 1 order by 2 desc limit 20`,
      ),
      seekersByUniversity: await series(
        sql`select coalesce(university, '未填写') as key, count(*) as n from seeker_profiles group by 1 order by 2 desc limit 20`,
      ),
    };
  }

  private async agencyFor(actor: Actor, agencyId: string | undefined) {
    if (hasAnyRole(actor, STAFF_ROLES) && agencyId) {
      const [row] = await this.db.select().from(agencies).where(eq(agencies.id, agencyId));
      if (!row) throw new AppError('NOT_FOUND', 'No such agency. 机构不存在。');
      return row;
    }
    const [own] = await this.db.select().from(agencies).where(eq(agencies.ownerUserId, actor.userId));
    if (!own)
      throw new AppError(
        'FORBIDDEN_ROLE',
        'Only an agency or staff naming one sees a daily report. 仅机构本身或工作人员可查看日报。',
      );
    if (agencyId && agencyId !== own.id)
      throw new AppError('FORBIDDEN_NOT_OWNER', "This is another agency's report. 无权查看其他机构的日报。");
    return own;
  }
}

type FeedRow = { position: typeof positions.$inferSelect; employerName: string };

/** The outbound format: fair metadata plus each published position's public fields. */
function feedPayload(fair: Awaited<ReturnType<FairsService['get']>>, rows: FeedRow[], generatedAt: Date) {
  return {
    format: 'platform.fair-feed/1',
    generatedAt: generatedAt.toISOString(),
    fair: {
      id: fair.id,
      theme: fair.theme,
      hosts: fair.hosts,
      phase: fair.phase,
      launchOn: fair.launchOn,
      concentratedEndOn: fair.concentratedEndOn,
      normalizedEndOn: fair.normalizedEndOn,
    },
    positions: rows.map(({ position: p, employerName }) => ({
      id: p.id,
      title: p.title,
      employer: employerName,
      category: p.category,
      headcount: p.headcount,
      district: p.district,
      education: p.education,
      salaryMonthlyYuan: { min: p.salaryMin, max: p.salaryMax },
      duties: p.duties,
      requirements: p.requirements,
      graduateSuitable: p.graduateSuitable,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
    })),
  };
}

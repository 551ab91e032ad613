import { Inject, Injectable } from '@nestjs/common';
import { TrainingReport, TrainingReportDimension, TrainingReportRow } from '@platform/contracts';
import { sql, SQL } from 'drizzle-orm';
import { DATABASE, Database } from '../../infra/database/database';

/** The column each dimension groups by; the platform is the class's, else its course's. */
const GROUP_BY: Record<TrainingReportDimension, SQL> = {
  platform: sql`coalesce(p.name, '（无线上平台）')`,
  institution: sql`i.name`,
  occupation: sql`co.occupation`,
  district: sql`k.district`,
};

interface CountRow extends Record<string, unknown> {
  key: string | null;
  new_enrolments: string;
  enrolments: string;
  trainees: string;
  credited_xueshi: string | null;
  new_completions: string;
  completions: string;
}

/**
 * Enrolments, credited 学时 and completions per platform, institution, occupation or district
 * (R5, R6, R15), as of the end of an Asia/Shanghai period. Hours come from each enrolment's
 * latest completion decision up to that end, so a report reads the same when run again later.
 */
@Injectable()
export class TrainingReportsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async report(dimension: TrainingReportDimension, from: string, to: string): Promise<TrainingReport> {
    const start = sql`(${from}::date)::timestamp at time zone 'Asia/Shanghai'`;
    const end = sql`((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
    const result = await this.db.execute<CountRow>(sql`
      with latest as (
        select distinct on (d.enrolment_id) d.enrolment_id, d.outcome
        from training_completion_decisions d
        where d.created_at < ${end}
        order by d.enrolment_id, d.created_at desc
      ),
      enrolled as (
        select e.id, e.user_id, e.created_at, ${GROUP_BY[dimension]} as key,
          coalesce((l.outcome->'hours'->>'onlineTheory')::int, 0)
            + coalesce((l.outcome->'hours'->>'onlinePractical')::int, 0)
            + coalesce((l.outcome->'hours'->>'offlinePractical')::int, 0) as credited,
          c.created_at as certified_at
        from training_enrolments e
        join training_classes k on k.id = e.class_id
        join training_courses co on co.id = k.course_id
        join training_institutions i on i.id = k.institution_id
        left join training_platforms p on p.id = coalesce(k.platform_id, co.platform_id)
        left join latest l on l.enrolment_id = e.id
        left join training_certificates c
          on c.enrolment_id = e.id and c.created_at < ${end}
          and (c.revoked_at is null or c.revoked_at >= ${end})
        where e.created_at < ${end}
      )
      select key,
        count(*) filter (where created_at >= ${start}) as new_enrolments,
        count(*) as enrolments,
        count(distinct user_id) as trainees,
        sum(credited) as credited_xueshi,
        count(certified_at) filter (where certified_at >= ${start}) as new_completions,
        count(certified_at) as completions
      from enrolled
      group by grouping sets ((key), ())
      order by key is null, count(*) desc, key
    `);
    // The grouping set () is the total row: its distinct trainee count is right, a sum would not be.
    const rows = result.rows.map(toRow);
    const { key: _total, ...totals } = rows.pop() ?? toRow(EMPTY);
    return { dimension, from, to, rows, totals };
  }
}

const EMPTY: CountRow = {
  key: null,
  new_enrolments: '0',
  enrolments: '0',
  trainees: '0',
  credited_xueshi: null,
  new_completions: '0',
  completions: '0',
};

function toRow(r: CountRow): TrainingReportRow {
  return {
    key: r.key ?? '',
    newEnrolments: Number(r.new_enrolments),
    enrolments: Number(r.enrolments),
    trainees: Number(r.trainees),
    creditedXueshi: Number(r.credited_xueshi ?? 0),
    newCompletions: Number(r.new_completions),
    completions: Number(r.completions),
  };
}

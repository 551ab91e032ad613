import { sql } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';

/**
 * The agency daily report of 渝人社〔2020〕66号 (S3:3894-3896): for the previous day, the employers
 * taking part through the agency, the graduates who applied to them by university, and the
 * resume submissions. It is the basis of fee settlement, so it is computed only from stored rows.
 */
export interface DailyReport {
  fairId: string;
  agencyId: string;
  day: string;
  employers: { id: string; name: string }[];
  universities: { university: string; graduates: number; submissions: number }[];
  totals: { employers: number; graduates: number; submissions: number };
}

/** [start, end) of a business day in Asia/Shanghai. */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

export async function dailyReport(
  db: Executor,
  fairId: string,
  agencyId: string,
  day: string,
): Promise<DailyReport> {
  const { start, end } = dayBounds(day);
  const employers = await db.execute<{ id: string; name: string }>(sql`
    select e.id, e.name from fair_employer_agencies fea
      join employers e on e.id = fea.employer_id
      join fair_employers fe on fe.fair_id = fea.fair_id and fe.employer_id = fea.employer_id
     where fea.fair_id = ${fairId} and fea.agency_id = ${agencyId} and fea.created_at < ${end}
       and (fe.disqualified_at is null or fe.disqualified_at >= ${end})
     order by e.name`);
  const byUniversity = await db.execute<{ university: string; graduates: number; submissions: number }>(sql`
    select coalesce(sp.university, '未填写') as university,
           count(distinct a.seeker_user_id)::int as graduates, count(*)::int as submissions
      from applications a
      join fair_employer_agencies fea on fea.fair_id = a.fair_id and fea.employer_id = a.employer_id
       and fea.agency_id = ${agencyId} and fea.created_at < ${end}
      left join seeker_profiles sp on sp.user_id = a.seeker_user_id
     where a.fair_id = ${fairId} and a.created_at >= ${start} and a.created_at < ${end}
     group by 1 order by 1`);
  const [distinct] = (
    await db.execute<{ graduates: number }>(sql`
    select count(distinct a.seeker_user_id)::int as graduates from applications a
      join fair_employer_agencies fea on fea.fair_id = a.fair_id and fea.employer_id = a.employer_id
       and fea.agency_id = ${agencyId} and fea.created_at < ${end}
     where a.fair_id = ${fairId} and a.created_at >= ${start} and a.created_at < ${end}`)
  ).rows;
  const universities = byUniversity.rows;
  return {
    fairId,
    agencyId,
    day,
    employers: employers.rows,
    universities,
    totals: {
      employers: employers.rows.length,
      graduates: distinct.graduates,
      submissions: universities.reduce((sum, u) => sum + u.submissions, 0),
    },
  };
}

import { Inject, Injectable } from '@nestjs/common';
import type { A3ServedDefinition, AgencyPeriodInput, ResumeFacts } from '@platform/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '../../infra/database/database';
import type { PeriodRef } from './period-input.loader';

export interface LoadedActivity {
  log: AgencyPeriodInput['activity'];
  resumes: ResumeFacts[];
  /** Every employer the rows name (by 统一社会信用代码): the engine counts by credit code. */
  employerUsccs: string[];
}

const NONE: LoadedActivity = { log: { a3: [], a4: [], a5: [] }, resumes: [], employerUsccs: [] };

/**
 * The ActivityLog of subsidies.md §5.1 for one agency. A3 comes from the platform's own fair
 * records (an employer choosing an agency's column, its positions); A4 and A5 from the 重庆英才网
 * statistics staff import, because the policy counts only the centre's statistics (003:L7384-7386).
 */
@Injectable()
export class ActivityLogLoader {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async load(period: PeriodRef, agencyId: string, served: A3ServedDefinition): Promise<LoadedActivity> {
    const settlement = period.activitySettlementDate;
    if (!settlement || settlement < period.fromDate || settlement > period.toDate) return NONE;
    const [a3, a4, a5] = await Promise.all([
      this.a3(agencyId, settlement, served),
      this.a4(agencyId),
      this.a5(agencyId),
    ]);
    const usccs = new Set<string>();
    for (const r of [...a3, ...a4, ...a5.rows]) usccs.add(r.employerId);
    return { log: { a3, a4, a5: a5.rows }, resumes: a5.resumes, employerUsccs: [...usccs].sort() };
  }

  /**
   * Every agency's selections (made by the settlement day) of the employers that chose this
   * agency, so the engine can keep each employer's first 3. "Served" per A3_SERVED_DEFINITION:
   * by default the employer published ≥1 position in that fair (shown in the columns of the
   * agencies it chose) by the settlement day; a position removed as a sanction does not count.
   */
  private async a3(agencyId: string, settlement: string, served: A3ServedDefinition) {
    const { rows } = await this.pool.query(
      `select e.uscc as "employerId", s.agency_id as "agencyId", s.created_at as "selectedAt",
              ($3 = 'SELECTED' or exists (
                select 1 from positions p where p.employer_id = s.employer_id and p.fair_id = s.fair_id
                   and p.published_at is not null and p.status <> 'removed'
                   and (p.published_at at time zone 'Asia/Shanghai')::date <= $2::date)) as served
         from fair_employer_agencies s join employers e on e.id = s.employer_id
        where s.employer_id in (select employer_id from fair_employer_agencies where agency_id = $1)
          and (s.created_at at time zone 'Asia/Shanghai')::date <= $2::date
        order by e.uscc, s.created_at, s.agency_id`,
      [agencyId, settlement, served],
    );
    return rows.map((r) => ({
      employerId: r.employerId as string,
      agencyId: r.agencyId as string,
      selectedAt: (r.selectedAt as Date).toISOString(),
      served: r.served as boolean,
    }));
  }

  private async a4(agencyId: string) {
    const { rows } = await this.pool.query(
      `select employer_uscc as "employerId", agency_id as "agencyId", served
         from a4_employer_services where agency_id = $1 order by employer_uscc`,
      [agencyId],
    );
    return rows as AgencyPeriodInput['activity']['a4'];
  }

  /** The 人才 facts belong to the download (the job's salary and region), so each gets its own résumé key. */
  private async a5(agencyId: string) {
    const { rows } = await this.pool.query(
      `select download_ref, agency_id, employer_uscc, resume_ref, list_price_fen, downloaded_on::text,
              counted_by_yingcai, offered_annual_salary, employer_region, degree, title_associate_senior_or_above,
              skill_grade_senior_technician_or_above, employer_is_municipal_univ_hosp_research
         from a5_resume_downloads where agency_id = $1 order by download_ref`,
      [agencyId],
    );
    const resumeId = (r: { resume_ref: string; download_ref: string }) => `${r.resume_ref}#${r.download_ref}`;
    return {
      rows: rows.map((r) => ({
        downloadId: r.download_ref as string,
        employerId: r.employer_uscc as string,
        agencyId: r.agency_id as string,
        resumeId: resumeId(r),
        listPriceFen: r.list_price_fen as number,
        downloadedAt: r.downloaded_on as string,
        countedByYingcai: r.counted_by_yingcai as boolean,
      })),
      resumes: rows.map((r): ResumeFacts => ({
        resumeId: resumeId(r),
        offeredAnnualSalary: r.offered_annual_salary,
        employerRegion: r.employer_region,
        degree: r.degree,
        titleAssociateSeniorOrAbove: r.title_associate_senior_or_above,
        skillGradeSeniorTechnicianOrAbove: r.skill_grade_senior_technician_or_above,
        employerIsMunicipalUnivHospResearch: r.employer_is_municipal_univ_hosp_research,
      })),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  A3ServedDefinition,
  AgencyFacts,
  AgencyPeriodInput,
  businessDate,
  EmployerFacts,
  PlacementFacts,
  SiRecord,
  WorkerFacts,
} from '@platform/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '../../infra/database/database';
import { ActivityLogLoader } from './activity-log.loader';

export interface PeriodRef {
  id: string;
  fromDate: string;
  toDate: string;
  activitySettlementDate: string | null;
}

/** A range of worker ids: `after` exclusive, `to` inclusive, null = open. */
export interface WorkerRange {
  after: string | null;
  to: string | null;
}

/**
 * The placements a period computes: claimed in the period, or claimed earlier and still
 * PENDING_MATURITY in the latest period that decided them (re-evaluated here, §5.3 status model).
 * $1 from, $2 to.
 */
const IN_PERIOD = `p.status = 'active' and (p.claim_date between $1::date and $2::date or (
  p.claim_date < $1::date and (
    select l.status from subsidy_lines l join subsidy_periods sp on sp.id = l.period_id
     where l.placement_id = p.id and sp.to_date < $1::date order by sp.to_date desc limit 1
  ) = 'PENDING_MATURITY'))`;

const ORG_TYPES: Record<string, EmployerFacts['orgType']> = {
  enterprise: 'ENTERPRISE',
  soe: 'ENTERPRISE',
  public_institution: 'PUBLIC_INSTITUTION',
  social_organization: 'SOCIAL_ORG',
  other: 'INDIVIDUAL_BUSINESS',
};

/**
 * Builds the documented AgencyPeriodInput (subsidies.md §5.1) of one agency from the tables. A
 * chunk's reads are set-based (all its workers at once) and named statements: each connection
 * parses and plans them once, not once per chunk.
 */
@Injectable()
export class PeriodInputLoader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly activities: ActivityLogLoader,
  ) {}

  /** Per agency, its placements' worker ids in order, with counts: what the flow is planned on. */
  async workerCounts(period: PeriodRef): Promise<{ agencyId: string; workerId: string; n: number }[]> {
    const { rows } = await this.pool.query(
      `select p.agency_id as "agencyId", p.worker_id as "workerId", count(*)::int as n
         from agency_placements p where ${IN_PERIOD}
        group by p.agency_id, p.worker_id order by p.agency_id, p.worker_id`,
      [period.fromDate, period.toDate],
    );
    return rows;
  }

  /**
   * Agencies that may have activity lines when the period settles them: approved for a fair (A3),
   * or with imported 线上引才 / résumé-download rows (A4, A5).
   */
  async activityAgencies(): Promise<string[]> {
    const { rows } = await this.pool.query(
      `select agency_id as id from agency_applications where status = 'approved'
       union select agency_id from a4_employer_services
       union select agency_id from a5_resume_downloads order by 1`,
    );
    return rows.map((r) => r.id as string);
  }

  async countForAgency(period: PeriodRef, agencyId: string): Promise<number> {
    const { rows } = await this.pool.query(
      `select count(*)::int as n from agency_placements p where p.agency_id = $3 and ${IN_PERIOD}`,
      [period.fromDate, period.toDate, agencyId],
    );
    return rows[0].n;
  }

  async load(
    period: PeriodRef,
    agencyId: string,
    range: WorkerRange,
    asOf = businessDate(),
    servedDefinition: A3ServedDefinition = 'POSITION_PUBLISHED',
  ): Promise<AgencyPeriodInput> {
    const placements = await this.placements(period, agencyId, range);
    const workerIds = [...new Set(placements.map((p) => p.workerId))];
    const [agency, workers, si, ledger, activity] = await Promise.all([
      this.agency(agencyId),
      this.workers(workerIds),
      this.socialInsurance(workerIds),
      this.ledger(workerIds),
      this.activities.load(period, agencyId, servedDefinition),
    ]);
    const usccs = new Set<string>(activity.employerUsccs);
    for (const p of placements) usccs.add(p.employerId).add(p.contract.employerId);
    const employers = await this.employers([...usccs]);
    return {
      agency,
      period: {
        from: period.fromDate,
        to: period.toDate,
        activitySettlementDate: period.activitySettlementDate,
      },
      asOf,
      placements,
      workers,
      employers,
      socialInsurance: si,
      activity: activity.log,
      resumes: activity.resumes,
      ledger,
    };
  }

  private async placements(period: PeriodRef, agencyId: string, range: WorkerRange) {
    const { rows } = await this.pool.query({
      name: 'subsidy-chunk-placements',
      text: `select p.id, p.agency_id, p.worker_id, e.uscc as employer_uscc, p.referral_date::text, p.referral_verified,
              p.channel, p.fee_charged_fen, p.contract_key, p.contract_party_uscc, p.sign_date::text,
              p.start_date::text, p.end_date::text, p.open_ended, p.task_based, p.claim_date::text, p.created_at
         from agency_placements p join employers e on e.id = p.employer_id
        where p.agency_id = $3 and ($4::uuid is null or p.worker_id > $4::uuid)
          and ($5::uuid is null or p.worker_id <= $5::uuid) and ${IN_PERIOD}
        order by p.worker_id, p.id`,
      values: [period.fromDate, period.toDate, agencyId, range.after, range.to],
    });
    return rows.map((r): PlacementFacts => ({
      placementId: r.id,
      agencyId: r.agency_id,
      workerId: r.worker_id,
      employerId: r.employer_uscc,
      referralDate: r.referral_date,
      referralVerified: r.referral_verified,
      channel: r.channel,
      feeChargedToWorkerFen: r.fee_charged_fen,
      contract: {
        contractId: r.contract_key,
        employerId: r.contract_party_uscc,
        signDate: r.sign_date,
        startDate: r.start_date,
        endDate: r.end_date,
        openEnded: r.open_ended,
        taskBased: r.task_based,
      },
      // A placement carried over while pending maturity is claimed again at this period's end.
      claimDate: r.claim_date < period.fromDate ? period.toDate : r.claim_date,
      submittedAt: (r.created_at as Date).toISOString(),
    }));
  }

  private async agency(agencyId: string): Promise<AgencyFacts> {
    const { rows } = await this.pool.query({
      name: 'subsidy-chunk-agency',
      text: `select a.id, a.uscc, a.blacklisted_at,
              bool_or(coalesce(x.facts->>'licenseNumber', '') <> '') as licensed,
              min((x.decided_at at time zone 'Asia/Shanghai')::date)::text as approved_on,
              min(x.submitted_on)::text as registered_on,
              exists (select 1 from yingcai_listed_agencies y where y.agency_id = a.id) as a4_listed
         from agencies a left join agency_applications x on x.agency_id = a.id and x.status = 'approved'
        where a.id = $1 group by a.id`,
      values: [agencyId],
    });
    const a = rows[0];
    return {
      agencyId,
      creditCode: a.uscc,
      // A platform agency has its USCC on file (备案); a licence number proven in a fair application is 许可.
      licenceStatus: a.licensed ? 'LICENSED' : 'FILED',
      blacklisted: a.blacklisted_at !== null,
      district: null,
      a3ApprovedOn: a.approved_on,
      a3RegisteredOn: a.registered_on,
      a4Listed: a.a4_listed,
    };
  }

  private async workers(ids: string[]): Promise<WorkerFacts[]> {
    if (!ids.length) return [];
    const { rows } = await this.pool.query({
      name: 'subsidy-chunk-workers',
      text: `select id, categories, category_evidence, school_leave_date::text, unemployment_registration_date::text
         from subsidy_workers where id = any($1::uuid[]) order by id`,
      values: [ids],
    });
    return rows.map((r) => ({
      workerId: r.id,
      categories: r.categories,
      categoryEvidence: r.category_evidence,
      schoolLeaveDate: r.school_leave_date,
      unemploymentRegistrationDate: r.unemployment_registration_date,
    }));
  }

  private async employers(usccs: string[]): Promise<EmployerFacts[]> {
    if (!usccs.length) return [];
    const [known, key] = await Promise.all([
      this.pool.query({
        name: 'subsidy-chunk-employers',
        // Disqualified in any fair (三严禁, S3:3878-3880): not counted for A3.
        text: `select distinct on (uscc) uscc, unit_type, status,
                exists (select 1 from fair_employers f where f.employer_id = employers.id
                         and f.disqualified_at is not null) as disqualified
           from employers where uscc = any($1) order by uscc, created_at`,
        values: [usccs],
      }),
      this.pool.query({
        name: 'subsidy-chunk-key-enterprises',
        text: `select uscc, from_date::text as "from", to_date::text as "to" from key_enterprise_registry
          where uscc = any($1) order by uscc, from_date`,
        values: [usccs],
      }),
    ]);
    const byUscc = new Map(known.rows.map((r) => [r.uscc as string, r]));
    return usccs.sort().map((uscc) => {
      const row = byUscc.get(uscc);
      return {
        employerId: uscc,
        creditCode: uscc,
        // A contract party the platform does not know (e.g. a 派遣 agency) is taken as an enterprise.
        orgType: row ? (ORG_TYPES[row.unit_type] ?? 'INDIVIDUAL_BUSINESS') : 'ENTERPRISE',
        keyEnterprisePeriods: key.rows
          .filter((k) => k.uscc === uscc)
          .map((k) => ({ from: k.from, to: k.to })),
        registeredAndNotDisqualified: row?.status === 'approved' && !row.disqualified,
      };
    });
  }

  private async socialInsurance(workerIds: string[]): Promise<SiRecord[]> {
    if (!workerIds.length) return [];
    const { rows } = await this.pool.query({
      name: 'subsidy-chunk-social-insurance',
      text: `select worker_id as "workerId", employer_uscc as "employerId", month, status
         from social_insurance_months where worker_id = any($1::uuid[]) order by worker_id, employer_uscc, month`,
      values: [workerIds],
    });
    return rows;
  }

  /** Every agency's placements of the same workers, and what was approved or paid for them. */
  private async ledger(workerIds: string[]): Promise<AgencyPeriodInput['ledger']> {
    if (!workerIds.length) return { claims: [], paidPlacements: [] };
    const [claims, paid] = await Promise.all([
      this.pool.query({
        name: 'subsidy-chunk-ledger-claims',
        text: `select agency_id as "agencyId", id as "placementId", worker_id as "workerId", contract_key as "contractId",
                referral_date::text as "referralDate", referral_verified as "referralVerified"
           from agency_placements where worker_id = any($1::uuid[]) and status = 'active' order by worker_id, id`,
        values: [workerIds],
      }),
      this.pool.query({
        name: 'subsidy-chunk-ledger-paid',
        text: `select distinct l.worker_id as "workerId", l.contract_key as "contractId", l.agency_id as "agencyId",
                l.placement_id as "placementId"
           from subsidy_lines l where l.worker_id = any($1::uuid[]) and l.status in ('APPROVED', 'PAID')
          order by 1, 4`,
        values: [workerIds],
      }),
    ]);
    return { claims: claims.rows, paidPlacements: paid.rows };
  }
}

import type {
  AgencyClaim,
  AgencyClaimSummary,
  ReviewAgencyClaim,
  SubsidyLineView,
  SubsidyPeriodInput,
  SubsidyPeriodView,
  SubsidyRun,
} from '@platform/contracts/agency-subsidies/claims';
import { api, unwrap } from './client';
import { read } from './read';

export type { AgencyClaim, AgencyClaimSummary, SubsidyRun };
export type SubsidyPeriod = SubsidyPeriodView;
export type SubsidyLine = SubsidyLineView;
export interface SubsidyNotice {
  claimId: string;
  agency: string;
  period: string;
  noticeFrom: string;
  noticeUntil: string;
  scheme: string | null;
  worker: string | null;
  amountYuan: string;
}
export interface ReplayReport {
  lineId: string;
  policyVersion: string;
  identical: boolean;
  differences: { field: string; stored: unknown; replayed: unknown }[];
}

export function listPeriods(): Promise<{ items: SubsidyPeriod[] }> {
  return read(api.GET('/api/subsidy-periods'));
}

export function createPeriod(body: SubsidyPeriodInput): Promise<SubsidyPeriod> {
  return read(api.POST('/api/admin/subsidy-periods', { body }));
}

export function startRun(periodId: string): Promise<SubsidyRun> {
  return read(api.POST('/api/admin/subsidy-periods/{id}/runs', { params: { path: { id: periodId } } }));
}

export function listLines(query: {
  periodId?: string;
  agencyId?: string;
}): Promise<{ items: SubsidyLine[] }> {
  return read(api.GET('/api/agency-subsidy-lines', { params: { query } }));
}

export function submitClaim(periodId: string): Promise<AgencyClaim> {
  return read(api.POST('/api/agency-subsidy-claims', { body: { periodId } }));
}

export function listClaims(query: {
  status?: AgencyClaimSummary['status'];
  periodId?: string;
}): Promise<{ items: AgencyClaimSummary[] }> {
  return read(api.GET('/api/agency-subsidy-claims', { params: { query } }));
}

export function getClaim(id: string): Promise<AgencyClaim> {
  return read(api.GET('/api/agency-subsidy-claims/{id}', { params: { path: { id } } }));
}

export function reviewClaim(id: string, body: ReviewAgencyClaim): Promise<AgencyClaim> {
  return read(api.POST('/api/admin/agency-subsidy-claims/{id}/review', { params: { path: { id } }, body }));
}

export function payClaim(id: string): Promise<AgencyClaim> {
  return read(api.POST('/api/admin/agency-subsidy-claims/{id}/pay', { params: { path: { id } } }));
}

export function recoverLine(id: string, reason: string): Promise<SubsidyLine> {
  return read(
    api.POST('/api/admin/agency-subsidy-lines/{id}/recover', { params: { path: { id } }, body: { reason } }),
  );
}

export function replayLine(id: string): Promise<ReplayReport> {
  return read(api.POST('/api/admin/agency-subsidy-lines/{id}/replay', { params: { path: { id } } }));
}

export function subsidyNotices(): Promise<{ items: SubsidyNotice[] }> {
  return read(api.GET('/api/public/agency-subsidy-notices'));
}

/** The finance workbook; the api audits the download. */
export async function financeExport(periodId: string): Promise<Blob> {
  return (await unwrap(
    api.GET('/api/admin/agency-subsidy-claims/export.xlsx', {
      params: { query: { periodId } },
      parseAs: 'blob',
    }),
  )) as Blob;
}

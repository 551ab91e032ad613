import type { SeekerFlag } from '@platform/contracts/seekers/catalog';
import type { TrainingReport, TrainingReportDimension } from '@platform/contracts/training/reports';
import { api, unwrap } from './client';
import type { Coverage, DailyReport, Overview, RosterRow } from './pipeline-types';
import { read } from './read';

export interface DailyQuery {
  fairId: string;
  day?: string;
}

/** The agency's daily report of one fair and business day (S3:3894-3896). */
export function dailyReport(query: DailyQuery): Promise<DailyReport> {
  return read(api.GET('/api/reports/daily', { params: { query } }));
}

/** The same report as an Excel workbook, fetched with the session's token. */
export async function dailyReportWorkbook(query: DailyQuery): Promise<Blob> {
  const call = api.GET('/api/reports/daily.xlsx', { params: { query }, parseAs: 'blob' });
  return (await unwrap(call)) as Blob;
}

export function overview(): Promise<Overview> {
  return read(api.GET('/api/reports/overview'));
}

export async function importRoster(fairId: string, rows: RosterRow[]): Promise<number> {
  const call = api.POST('/api/fairs/{fairId}/roster', {
    params: { path: { fairId } },
    body: { rows: rows as { university: string; name: string; idNumber: string; flags: SeekerFlag[] }[] },
  });
  return (await read<{ imported: number }>(call)).imported;
}

/** AS-46: who of the key-group rosters has registered for the fair and who has not. */
export function coverage(fairId: string, flag?: SeekerFlag): Promise<Coverage> {
  const params = { path: { fairId }, query: flag ? { flag } : {} };
  return read(api.GET('/api/fairs/{fairId}/coverage', { params }));
}

/** Needs the bulk_export permission (designated staff only); refused with FORBIDDEN_PERMISSION otherwise. */
export async function applicationsCsv(fairId: string): Promise<Blob> {
  const call = api.GET('/api/fairs/{fairId}/exports/applications.csv', {
    params: { path: { fairId } },
    parseAs: 'blob',
  });
  return (await unwrap(call)) as Blob;
}

/** Training figures by one dimension, as of the end of the period (R5). */
export function trainingReport(query: {
  dimension: TrainingReportDimension;
  from?: string;
  to?: string;
}): Promise<TrainingReport> {
  return read(api.GET('/api/reports/training', { params: { query } }));
}

/** The 双周调度 workbook of the fourteen days ending on `to` (R6). */
export async function trainingBiweeklyXlsx(to: string): Promise<Blob> {
  const call = api.GET('/api/reports/training/biweekly.xlsx', {
    params: { query: { to } },
    parseAs: 'blob',
  });
  return (await unwrap(call)) as Blob;
}

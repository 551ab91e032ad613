import type { z } from 'zod';
import type {
  A4ServiceViewSchema,
  A5DownloadViewSchema,
  ActivityImportBatchSchema,
  ListedAgencyViewSchema,
} from '@platform/contracts/agency-subsidies/data-api';
import type { FileUpload } from './agency-subsidies';
import { api, unwrap } from './client';
import { read } from './read';

/** 重庆英才网 statistics for the A4/A5 activity subsidies, imported by designated staff. */
export type ActivityImportBatch = z.infer<typeof ActivityImportBatchSchema>;
export type A4ServiceView = z.infer<typeof A4ServiceViewSchema>;
export type A5DownloadView = z.infer<typeof A5DownloadViewSchema>;
export type ListedAgencyView = z.infer<typeof ListedAgencyViewSchema>;
export type ActivityKind = 'a4' | 'a5';

export function importActivity(kind: ActivityKind, body: FileUpload): Promise<ActivityImportBatch> {
  return read(api.POST('/api/activity-records/{kind}/imports', { params: { path: { kind } }, body }));
}

export async function activityTemplate(kind: ActivityKind): Promise<Blob> {
  return (await unwrap(
    api.GET('/api/activity-records/{kind}/template.xlsx', { params: { path: { kind } }, parseAs: 'blob' }),
  )) as Blob;
}

export function activityBatches() {
  return read<{ items: ActivityImportBatch[] }>(api.GET('/api/activity-records/imports'));
}

export function a4Services() {
  return read<{ items: A4ServiceView[] }>(api.GET('/api/activity-records/a4'));
}

export function a5Downloads() {
  return read<{ items: A5DownloadView[] }>(api.GET('/api/activity-records/a5'));
}

export function listedAgencies() {
  return read<{ items: ListedAgencyView[] }>(api.GET('/api/activity-records/listed-agencies'));
}

export function addListedAgency(agencyUscc: string) {
  return read<{ items: ListedAgencyView[] }>(
    api.POST('/api/activity-records/listed-agencies', { body: { agencyUscc } }),
  );
}

export function removeListedAgency(agencyUscc: string) {
  return read<{ items: ListedAgencyView[] }>(
    api.DELETE('/api/activity-records/listed-agencies/{agencyUscc}', {
      params: { path: { agencyUscc } },
    }),
  );
}

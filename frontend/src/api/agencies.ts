import { ApiError } from './api-error';
import { api, unwrap } from './client';
import type { components } from './schema';
import type {
  AgencyApplication,
  AgencyColumn,
  AgencyView,
  Attachment,
  FairView,
  PublicAgency,
} from './fair-types';
import { listFairs } from './fairs';
import type { Decision } from './employers';
import { read } from './read';

type Schemas = components['schemas'];
export type AgencyProfileBody = Schemas['AgencyProfileInputDto'];
export type UploadBody = Schemas['UploadAttachmentDto'];
export type ApplicationBody = Schemas['AgencyApplicationInputDto'];

/** The signed-in agency's profile, or null before it registered one. */
export async function myAgency(): Promise<AgencyView | null> {
  try {
    return await read<AgencyView>(api.GET('/api/agencies/me'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export function registerAgency(body: AgencyProfileBody): Promise<AgencyView> {
  return read(api.POST('/api/agencies', { body }));
}

export function uploadAttachment(body: UploadBody): Promise<Attachment> {
  return read(api.POST('/api/agencies/me/attachments', { body }));
}

export async function myAttachments(): Promise<Attachment[]> {
  return (await read<{ items: Attachment[] }>(api.GET('/api/agencies/me/attachments'))).items;
}

export async function attachmentsOf(agencyId: string): Promise<Attachment[]> {
  const call = api.GET('/api/agencies/{id}/attachments', { params: { path: { id: agencyId } } });
  return (await read<{ items: Attachment[] }>(call)).items;
}

/** The file itself, fetched with the session's token (a plain link would carry none). */
export async function downloadAttachment(id: string): Promise<Blob> {
  const call = api.GET('/api/agency-attachments/{id}', { params: { path: { id } }, parseAs: 'blob' });
  return (await unwrap(call)) as Blob;
}

export function applyToFair(fairId: string, body: ApplicationBody): Promise<AgencyApplication> {
  const params = { path: { fairId } };
  return read(api.POST('/api/fairs/{fairId}/agency-applications', { params, body }));
}

export async function myApplications(): Promise<AgencyApplication[]> {
  return (await read<{ items: AgencyApplication[] }>(api.GET('/api/agencies/me/applications'))).items;
}

/** The agency's fair column: the employers that chose it, with their positions and applications. */
export function agencyColumn(fairId: string): Promise<AgencyColumn> {
  return read(api.GET('/api/agencies/me/fairs/{fairId}/column', { params: { path: { fairId } } }));
}

/** The fairs the agency applied to (only the approved ones with `approvedOnly`), as listed publicly. */
export async function myFairs({ approvedOnly = false } = {}): Promise<FairView[]> {
  const [applications, fairs] = await Promise.all([myApplications(), listFairs()]);
  const mine = new Set(
    applications.filter((a) => !approvedOnly || a.status === 'approved').map((a) => a.fairId),
  );
  return fairs.filter((fair) => mine.has(fair.id));
}

export async function applicationsForFair(fairId: string): Promise<AgencyApplication[]> {
  const call = api.GET('/api/fairs/{fairId}/agency-applications', { params: { path: { fairId } } });
  return (await read<{ items: AgencyApplication[] }>(call)).items;
}

export function decideApplication(id: string, body: Decision): Promise<AgencyApplication> {
  return read(api.POST('/api/agency-applications/{id}/decision', { params: { path: { id } }, body }));
}

export async function approvedAgencies(fairId: string): Promise<PublicAgency[]> {
  const call = api.GET('/api/fairs/{fairId}/agencies', { params: { path: { fairId } } });
  return (await read<{ items: PublicAgency[] }>(call)).items;
}

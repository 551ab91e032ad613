import { api } from './client';
import type { components } from './schema';
import type { ApplicationView, ResumeView } from './pipeline-types';
import { read } from './read';

export type MoveBody = components['schemas']['ApplicationMoveDto'];

/** 投递简历: the seeker applies to a published position. */
export function applyTo(positionId: string): Promise<ApplicationView> {
  return read(api.POST('/api/positions/{id}/applications', { params: { path: { id: positionId } } }));
}

export async function myApplications(): Promise<ApplicationView[]> {
  return (await read<{ items: ApplicationView[] }>(api.GET('/api/applications/mine'))).items;
}

export function getApplication(id: string): Promise<ApplicationView> {
  return read(api.GET('/api/applications/{id}', { params: { path: { id } } }));
}

export function withdrawApplication(id: string): Promise<ApplicationView> {
  return read(api.POST('/api/applications/{id}/withdrawal', { params: { path: { id } } }));
}

/** The employer's screening list of one position. */
export async function applicationsFor(positionId: string): Promise<ApplicationView[]> {
  const call = api.GET('/api/positions/{id}/applications', { params: { path: { id: positionId } } });
  return (await read<{ items: ApplicationView[] }>(call)).items;
}

/** The resume behind an application, contacts shown; the employer's first look marks it viewed. */
export function applicantResume(applicationId: string): Promise<ResumeView> {
  return read(api.GET('/api/applications/{id}/resume', { params: { path: { id: applicationId } } }));
}

export function moveApplication(id: string, body: MoveBody): Promise<ApplicationView> {
  return read(api.POST('/api/applications/{id}/moves', { params: { path: { id } }, body }));
}

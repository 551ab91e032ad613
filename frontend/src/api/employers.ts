import { ApiError } from './api-error';
import { api } from './client';
import type { components } from './schema';
import type { EmployerView, Paged, Participation } from './fair-types';
import { read } from './read';

export type EmployerBody = components['schemas']['EmployerInputDto'];
export type ReviewStatus = EmployerView['status'];
export type Decision = { decision: 'approve' | 'reject'; reason?: string };

/** The signed-in employer's unit, or null before it registered one (the api answers 404). */
export async function myEmployer(): Promise<EmployerView | null> {
  try {
    return await read<EmployerView>(api.GET('/api/employers/me'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export function registerEmployer(body: EmployerBody): Promise<EmployerView> {
  return read(api.POST('/api/employers', { body }));
}

/** Any change goes back to review, which is also how a rejected unit resubmits. */
export function updateEmployer(body: EmployerBody): Promise<EmployerView> {
  return read(api.PUT('/api/employers/me', { body }));
}

export function joinFair(fairId: string): Promise<Participation> {
  return read(api.POST('/api/employers/me/fairs/{fairId}', { params: { path: { fairId } } }));
}

/**
 * The fairs the unit has joined, by fair id, in one request. Empty while the unit is not
 * registered yet (the api answers 404): it has joined nothing.
 */
export async function myParticipations(): Promise<Map<string, Participation>> {
  try {
    const { items } = await read<{ items: Participation[] }>(api.GET('/api/employers/me/fairs'));
    return new Map(items.map((item) => [item.fairId, item]));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return new Map();
    throw error;
  }
}

export function selectAgency(fairId: string, agencyId: string): Promise<Participation> {
  const params = { path: { fairId, agencyId } };
  return read(api.PUT('/api/employers/me/fairs/{fairId}/agencies/{agencyId}', { params }));
}

export function deselectAgency(fairId: string, agencyId: string): Promise<Participation> {
  const params = { path: { fairId, agencyId } };
  return read(api.DELETE('/api/employers/me/fairs/{fairId}/agencies/{agencyId}', { params }));
}

export function listEmployers(query: {
  status?: ReviewStatus;
  page: number;
  pageSize: number;
}): Promise<Paged<EmployerView>> {
  return read(api.GET('/api/employers', { params: { query } }));
}

export function reviewEmployer(id: string, body: Decision): Promise<EmployerView> {
  return read(api.POST('/api/employers/{id}/review', { params: { path: { id } }, body }));
}

export function setEmployerFlags(
  id: string,
  body: { isKeyEnterprise?: boolean; resumptionFiled?: boolean },
): Promise<EmployerView> {
  return read(api.PATCH('/api/employers/{id}/flags', { params: { path: { id } }, body }));
}

import { api } from './client';
import type { components } from './schema';
import type { Complaint } from './fair-types';
import { read } from './read';

type Schemas = components['schemas'];
export type ComplaintBody = Schemas['ComplaintInputDto'];
export type HandleComplaintBody = Schemas['ResolveComplaintDto'];
export type ComplaintStatus = Complaint['status'];

export function fileComplaint(body: ComplaintBody): Promise<Complaint> {
  return read(api.POST('/api/complaints', { body }));
}

export async function listComplaints(status?: ComplaintStatus): Promise<Complaint[]> {
  const call = api.GET('/api/complaints', { params: { query: { status } } });
  return (await read<{ items: Complaint[] }>(call)).items;
}

export function handleComplaint(id: string, body: HandleComplaintBody): Promise<Complaint> {
  return read(api.POST('/api/complaints/{id}/handling', { params: { path: { id } }, body }));
}

import { api } from './client';
import type { components } from './schema';
import type { Announcement, FairPage, FairSession, FairView, Paged, PositionView } from './fair-types';
import { read } from './read';

type Schemas = components['schemas'];
export type CreateFairBody = Schemas['CreateFairDto'];
export type CreateSessionBody = Schemas['CreateSessionDto'];
export type AdjustDatesBody = Schemas['AdjustFairDatesDto'];
export type StatusChangeBody = Schemas['FairStatusChangeDto'];
export type FairPositionQuery = { sessionId?: string; q?: string; page: number; pageSize: number };

export async function listFairs(): Promise<FairView[]> {
  return (await read<{ items: FairView[] }>(api.GET('/api/fairs'))).items;
}

export function fairPage(fairId: string): Promise<FairPage> {
  return read(api.GET('/api/fairs/{fairId}', { params: { path: { fairId } } }));
}

export async function fairAnnouncements(fairId: string): Promise<Announcement[]> {
  const call = api.GET('/api/fairs/{fairId}/announcements', { params: { path: { fairId } } });
  return (await read<{ items: Announcement[] }>(call)).items;
}

/** Published positions of a fair, key enterprises first; with a session, only that 专场's. */
export function fairPositions(fairId: string, query: FairPositionQuery): Promise<Paged<PositionView>> {
  return read(api.GET('/api/fairs/{fairId}/positions', { params: { path: { fairId }, query } }));
}

export function createFair(body: CreateFairBody): Promise<FairView> {
  return read(api.POST('/api/fairs', { body }));
}

export function createSession(fairId: string, body: CreateSessionBody): Promise<FairSession> {
  return read(api.POST('/api/fairs/{fairId}/sessions', { params: { path: { fairId } }, body }));
}

export function adjustFairDates(fairId: string, body: AdjustDatesBody): Promise<FairView> {
  return read(api.POST('/api/fairs/{fairId}/date-adjustments', { params: { path: { fairId } }, body }));
}

export type FairStatusAction = 'cancellation' | 'suspension' | 'resumption';

export function changeFairStatus(
  fairId: string,
  action: FairStatusAction,
  body: StatusChangeBody,
): Promise<FairView> {
  const params = { path: { fairId } };
  switch (action) {
    case 'cancellation':
      return read(api.POST('/api/fairs/{fairId}/cancellation', { params, body }));
    case 'suspension':
      return read(api.POST('/api/fairs/{fairId}/suspension', { params, body }));
    case 'resumption':
      return read(api.POST('/api/fairs/{fairId}/resumption', { params, body }));
  }
}

/** A major outbreak in the region: every large fair still running is suspended, with its notice. */
export async function suspendForOutbreak(reason: string): Promise<FairView[]> {
  const call = api.POST('/api/fairs/outbreak-suspension', { body: { reason } });
  return (await read<{ items: FairView[] }>(call)).items;
}

import { api } from './client';
import type { components } from './schema';
import type { Paged, PositionView, PostingCheck } from './fair-types';
import type { Decision } from './employers';
import { read } from './read';

export type PositionBody = components['schemas']['PositionInputDto'];
export type PositionCheckBody = components['schemas']['PositionCheckInputDto'];

/** The rules alone, for the editor's inline explanations; nothing is saved. */
export function checkPosition(body: PositionCheckBody, signal?: AbortSignal): Promise<PostingCheck> {
  return read(api.POST('/api/positions/check', { body, signal }));
}

export function createPosition(body: PositionBody): Promise<PositionView> {
  return read(api.POST('/api/positions', { body }));
}

export function updatePosition(id: string, body: PositionBody): Promise<PositionView> {
  return read(api.PUT('/api/positions/{id}', { params: { path: { id } }, body }));
}

export function submitPosition(id: string): Promise<PositionView> {
  return read(api.POST('/api/positions/{id}/submission', { params: { path: { id } } }));
}

export function closePosition(id: string): Promise<PositionView> {
  return read(api.POST('/api/positions/{id}/closure', { params: { path: { id } } }));
}

export function getPosition(id: string): Promise<PositionView> {
  return read(api.GET('/api/positions/{id}', { params: { path: { id } } }));
}

export function myPositions(): Promise<Paged<PositionView>> {
  return read(api.GET('/api/positions/mine'));
}

export function reviewQueue(query: { page: number; pageSize: number }): Promise<Paged<PositionView>> {
  return read(api.GET('/api/positions/review-queue', { params: { query } }));
}

export function reviewPosition(id: string, body: Decision): Promise<PositionView> {
  return read(api.POST('/api/positions/{id}/review', { params: { path: { id } }, body }));
}

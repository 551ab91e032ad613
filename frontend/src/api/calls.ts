import type { CallView, MinutesUsage, QueuePosition } from '@platform/contracts/calls';
import { api } from './client';
import type { components } from './schema';
import { read } from './read';

type Schemas = components['schemas'];
export type BoothBoard = Schemas['BoothBoardDto_Output'];
export type OpenBooth = Schemas['OpenBoothsDto_Output']['items'][number];
export type FairLive = Schemas['FairLiveDto_Output'];
export type CallNotesBody = Schemas['CallNotesDto'];

export function getCall(id: string): Promise<CallView> {
  return read(api.GET('/api/calls/{id}', { params: { path: { id } } }));
}

export function endCall(id: string): Promise<CallView> {
  return read(api.POST('/api/calls/{id}/end', { params: { path: { id } } }));
}

export function saveCallNotes(id: string, body: CallNotesBody): Promise<CallView> {
  return read(api.PUT('/api/calls/{id}/notes', { params: { path: { id } }, body }));
}

export function openCall(
  applicationId: string,
  acceptOverQuota = false,
  interviewId?: string,
): Promise<CallView> {
  return read(api.POST('/api/calls', { body: { applicationId, acceptOverQuota, interviewId } }));
}

export function myMinutes(): Promise<MinutesUsage> {
  return read(api.GET('/api/interview-minutes/mine'));
}

export async function openBooths(fairId: string): Promise<OpenBooth[]> {
  return (
    await read<{ items: OpenBooth[] }>(
      api.GET('/api/fairs/{fairId}/waiting-rooms', { params: { path: { fairId } } }),
    )
  ).items;
}

export function joinQueue(fairId: string, employerId: string): Promise<QueuePosition> {
  return read(
    api.POST('/api/fairs/{fairId}/waiting-rooms/{employerId}/queue', {
      params: { path: { fairId, employerId } },
    }),
  );
}

export async function leaveQueue(fairId: string, employerId: string): Promise<void> {
  await read(
    api.DELETE('/api/fairs/{fairId}/waiting-rooms/{employerId}/queue', {
      params: { path: { fairId, employerId } },
    }),
  );
}

export async function myQueues(): Promise<QueuePosition[]> {
  return (await read<{ items: QueuePosition[] }>(api.GET('/api/waiting-rooms/mine'))).items;
}

export function boothBoard(fairId: string): Promise<BoothBoard> {
  return read(api.GET('/api/fairs/{fairId}/booth', { params: { path: { fairId } } }));
}

export function setBoothOpen(fairId: string, open: boolean): Promise<BoothBoard> {
  return read(api.POST('/api/fairs/{fairId}/booth', { params: { path: { fairId } }, body: { open } }));
}

export function callNext(fairId: string, acceptOverQuota = false): Promise<CallView> {
  return read(
    api.POST('/api/fairs/{fairId}/booth/next', { params: { path: { fairId } }, body: { acceptOverQuota } }),
  );
}

export function fairLive(fairId: string): Promise<FairLive> {
  return read(api.GET('/api/fairs/{fairId}/live', { params: { path: { fairId } } }));
}

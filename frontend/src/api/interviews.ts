import type {
  AssistedPersonSchema,
  InterviewerSchema,
  InvitationSchema,
  PostponementSchema,
  SlotSchema,
} from '@platform/contracts/interviews/api';
import type { InterviewView } from '@platform/contracts/interviews/api';
import type { z } from 'zod';
import { api } from './client';
import type { components } from './schema';
import { read } from './read';

/**
 * 邀约 and interview scheduling. Times go out as Asia/Shanghai wall clocks ("2026-12-07T10:00")
 * and come back with a ready label in Beijing time, so the browser's own zone never matters.
 */
export type { InterviewView };
export type Interviewer = z.infer<typeof InterviewerSchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type AssistedPerson = z.infer<typeof AssistedPersonSchema>;
export type InvitationInput = components['schemas']['InvitationInputDto'];
export type RescheduleInput = components['schemas']['RescheduleInputDto'];
export type PostponementInput = components['schemas']['PostponementInputDto'];
export type AssistedBookingInput = components['schemas']['AssistedBookingInputDto'];

type Items<T> = { items: T[] };
const items = async <T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) =>
  (await read<Items<T>>(call)).items;
const id = (value: string) => ({ params: { path: { id: value } } });

export const interviewers = () => items<Interviewer>(api.GET('/api/interviewers'));
export const addInterviewer = (body: { name: string; title?: string }) =>
  read<Interviewer>(api.POST('/api/interviewers', { body }));
export const slotsOf = (interviewerId: string) =>
  items<Slot>(api.GET('/api/interviewers/{id}/slots', id(interviewerId)));
export const addSlot = (interviewerId: string, body: { startsAt: string; endsAt: string }) =>
  read<Slot>(api.POST('/api/interviewers/{id}/slots', { ...id(interviewerId), body }));
export const removeSlot = (slotId: string) => read<void>(api.DELETE('/api/interview-slots/{id}', id(slotId)));
export const myFreeSlots = () => items<Slot>(api.GET('/api/employers/me/interview-slots'));

export const invite = (applicationId: string, body: InvitationInput) =>
  read<Invitation>(api.POST('/api/applications/{id}/interview-invitations', { ...id(applicationId), body }));
export const myInvitations = () => items<Invitation>(api.GET('/api/interview-invitations'));
export const offeredSlots = (invitationId: string) =>
  items<Slot>(api.GET('/api/interview-invitations/{id}/slots', id(invitationId)));
export const acceptInvitation = (invitationId: string, slotId: string) =>
  read<InterviewView>(
    api.POST('/api/interview-invitations/{id}/acceptance', { ...id(invitationId), body: { slotId } }),
  );
export const declineInvitation = (invitationId: string, reason?: string) =>
  read<Invitation>(
    api.POST('/api/interview-invitations/{id}/decline', { ...id(invitationId), body: { reason } }),
  );
export const cancelInvitation = (invitationId: string, reason: string) =>
  read<Invitation>(
    api.POST('/api/interview-invitations/{id}/cancellation', { ...id(invitationId), body: { reason } }),
  );

export const myInterviews = () => items<InterviewView>(api.GET('/api/interviews'));
export const freeSlotsFor = (interviewId: string) =>
  items<Slot>(api.GET('/api/interviews/{id}/free-slots', id(interviewId)));
export const proposeReschedule = (interviewId: string, body: RescheduleInput) =>
  read<InterviewView>(api.POST('/api/interviews/{id}/reschedules', { ...id(interviewId), body }));
export const answerReschedule = (interviewId: string, rescheduleId: string, accept: boolean) => {
  const params = { path: { id: interviewId, rescheduleId } };
  return read<InterviewView>(
    accept
      ? api.POST('/api/interviews/{id}/reschedules/{rescheduleId}/acceptance', { params })
      : api.POST('/api/interviews/{id}/reschedules/{rescheduleId}/decline', { params, body: {} }),
  );
};
export const cancelInterview = (interviewId: string, reason: string) =>
  read<InterviewView>(
    api.POST('/api/interviews/{id}/cancellation', { ...id(interviewId), body: { reason } }),
  );
export const postpone = (body: PostponementInput) =>
  read<z.infer<typeof PostponementSchema>>(api.POST('/api/interview-postponements', { body }));

export const assistedLookup = (idNumber: string) =>
  read<AssistedPerson>(api.POST('/api/assisted-interviews/lookup', { body: { idNumber } }));
export const assistedInterviews = () => items<InterviewView>(api.GET('/api/assisted-interviews'));
export const slotsForPosition = (positionId: string) =>
  items<Slot>(api.GET('/api/positions/{id}/interview-slots', id(positionId)));
export const bookAssisted = (body: AssistedBookingInput) =>
  read<InterviewView>(api.POST('/api/assisted-interviews', { body }));
export const startAssisted = (interviewId: string) =>
  read<InterviewView>(api.POST('/api/assisted-interviews/{id}/start', id(interviewId)));

import type { ClientSignal, MediaState } from './calls/signalling';
import type { BoothRef, QueueCalled, QueueMove, QueuePosition } from './calls/waiting-room';

/**
 * The Socket.IO event maps shared by the api, the worker's emitter and the browser, so both
 * ends agree on names and payloads at compile time.
 */
export interface NotificationMessage {
  id: string;
  /** e.g. application.status, interview.invitation, fair.announcement */
  kind: string;
  title: string;
  body?: string;
  link?: string;
  at: string;
}

/** Live progress of one agency-subsidy period run (to staff, and to each agency for its own part). */
export interface SubsidyRunProgress {
  runId: string;
  periodId: string;
  status: 'running' | 'completed' | 'failed';
  agenciesTotal: number;
  agenciesDone: number;
  placementsTotal: number;
  placementsDone: number;
  /** Set in the message an agency receives: its own placements' progress. */
  agencyId?: string;
}

export interface ServerToClientEvents {
  notification: (message: NotificationMessage) => void;
  'subsidy:progress': (progress: SubsidyRunProgress) => void;
  /** The session was signed out elsewhere; the client should drop its tokens. */
  'session:ended': (payload: { reason: 'logout' | 'revoked' }) => void;
  /** The other side joined, left or changed mute/camera. */
  'call:peer': (presence: CallPresence) => void;
  'call:signal': (signal: RelayedSignal) => void;
  'call:status': (payload: { callId: string; status: 'lobby' | 'live' | 'ended' | 'missed' }) => void;
  /**
   * A seeker's own place changed in a way the line's moves do not tell (e.g. it ended on
   * another tab or device); everyday moves come as one `queue:move` to the whole line.
   */
  'queue:position': (position: QueuePosition) => void;
  /** A booth's line changed: one broadcast to everyone in it, from which each derives their place. */
  'queue:move': (move: QueueMove) => void;
  /** The interviewer called this seeker: a time-limited call-in. */
  'queue:called': (called: QueueCalled) => void;
  /** A booth's queue changed (to its interviewers and the fair's organizers). */
  'queue:board': (board: BoothRef & { size: number }) => void;
}

export interface CallPresence {
  callId: string;
  userId: string;
  role: 'host' | 'guest';
  present: boolean;
  audio: boolean;
  video: boolean;
}

export type RelayedSignal = ClientSignal & { from: string };

export interface CallJoined {
  callId: string;
  status: 'lobby' | 'live' | 'ended' | 'missed';
  role: 'host' | 'guest';
  /** Before this the call is a lobby: no signalling is relayed. */
  startsAt: string | null;
  peers: CallPresence[];
}

export type Ack<T> = (response: { data: T } | { error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  whoami: (ack: Ack<{ userId: string; roles: string[] }>) => void;
  /** Payloads are `unknown` on purpose: the gateway validates every one with the contracts' schemas. */
  'call:join': (payload: unknown, ack: Ack<CallJoined>) => void;
  'call:signal': (payload: unknown, ack: Ack<{ relayed: true }>) => void;
  'call:media': (payload: unknown, ack: Ack<{ relayed: true }>) => void;
  'call:leave': (payload: unknown, ack: Ack<{ left: true }>) => void;
  /** Re-attach to every queue the seeker holds a place in (after a reconnect). */
  'queue:watch': (ack: Ack<QueuePosition[]>) => void;
  /** An interviewer or organizer follows a booth's queue board. */
  'queue:board': (payload: unknown, ack: Ack<{ size: number }>) => void;
}

export type { MediaState };
export const callRoom = (callId: string) => `call:${callId}`;
export const boothRoom = (fairId: string, employerId: string) => `booth:${fairId}:${employerId}`;
/** Everyone holding a place in a booth's line (the seekers' side; `boothRoom` is the staff's). */
export const queueRoom = (fairId: string, employerId: string) => `line:${fairId}:${employerId}`;

export const userRoom = (userId: string) => `user:${userId}`;
/** Every connected socket of a person holding this role (e.g. organizers watching a run). */
export const roleRoom = (role: string) => `role:${role}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

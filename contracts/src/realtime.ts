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
}

export type Ack<T> = (response: { data: T } | { error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  whoami: (ack: Ack<{ userId: string; roles: string[] }>) => void;
}

export const userRoom = (userId: string) => `user:${userId}`;
/** Every connected socket of a person holding this role (e.g. organizers watching a run). */
export const roleRoom = (role: string) => `role:${role}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

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

export interface ServerToClientEvents {
  notification: (message: NotificationMessage) => void;
  /** The session was signed out elsewhere; the client should drop its tokens. */
  'session:ended': (payload: { reason: 'logout' | 'revoked' }) => void;
}

export type Ack<T> = (response: { data: T } | { error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  whoami: (ack: Ack<{ userId: string; roles: string[] }>) => void;
}

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

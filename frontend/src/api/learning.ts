import type {
  CheckAnswerInput,
  CheckResult,
  HeartbeatAck,
  HeartbeatInput,
  LearningProgress,
  StartedSession,
  StartSessionInput,
} from '@platform/contracts/training/learning';
import { api } from './client';
import { read } from './read';

export type { CheckResult, HeartbeatAck, LearningProgress, StartedSession };
export type { LearningCheck } from '@platform/contracts/training/learning';

/** The learning player's api (docs/training.md "Heartbeat protocol"). */
export function startSession(enrolmentId: string, body: StartSessionInput): Promise<StartedSession> {
  return read(
    api.POST('/api/training/enrolments/{id}/sessions', { params: { path: { id: enrolmentId } }, body }),
  );
}

export function sendHeartbeat(sessionId: string, body: HeartbeatInput): Promise<HeartbeatAck> {
  // The generated type reads the nullable fields as arrays (see fair-types.ts): the zod type is the truth.
  const typed = body as never;
  return read(
    api.POST('/api/training/learning/sessions/{id}/heartbeats', {
      params: { path: { id: sessionId } },
      body: typed,
    }),
  );
}

export function answerCheck(
  sessionId: string,
  checkId: string,
  body: CheckAnswerInput,
): Promise<CheckResult> {
  return read(
    api.POST('/api/training/learning/sessions/{id}/checks/{checkId}/answer', {
      params: { path: { id: sessionId, checkId } },
      body,
    }),
  );
}

export function closeSession(
  sessionId: string,
): Promise<{ sessionId: string; endedAt: string; endReason: string }> {
  return read(
    api.POST('/api/training/learning/sessions/{id}/close', { params: { path: { id: sessionId } } }),
  );
}

export function getProgress(enrolmentId: string): Promise<LearningProgress> {
  return read(api.GET('/api/training/enrolments/{id}/progress', { params: { path: { id: enrolmentId } } }));
}

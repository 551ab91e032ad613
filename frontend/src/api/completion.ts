import type {
  CompletionDecisionView,
  EnrolmentCompletion,
  Ledger,
  PublicCertificate,
} from '@platform/contracts/training/completion-api';
import { api, unwrap } from './client';
import type { components } from './schema';
import { read } from './read';

export type { CompletionDecisionView, EnrolmentCompletion, Ledger, PublicCertificate };

export interface CompletionListItem {
  enrolmentId: string;
  classId: string;
  className: string;
  traineeName: string | null;
  status: CompletionDecisionView['status'] | null;
  reasons: string[];
  decisionId: string | null;
  decidedAt: string | null;
  certificateCode: string | null;
}

export interface CompletionList {
  items: CompletionListItem[];
  total: number;
  classes: { id: string; name: string }[];
}

export interface CompletionEvidence {
  enrolmentId: string;
  signedInAt: string | null;
  decision: CompletionDecisionView | null;
  sessions: {
    id: string;
    classId: string;
    module: string;
    start: string;
    end: string;
    faceVerifiedAtStart: boolean;
    hasRetainedMedia: boolean;
    rejected: string | null;
    creditedMinutes: number;
    dropped: { reason: string; minutes: number }[];
    checks: { at: string; result: string }[];
  }[];
  assessments: { kind: string; score: number | null; recordedAt: string }[];
  certificate: EnrolmentCompletion['certificate'];
}

export function getCompletion(enrolmentId: string): Promise<EnrolmentCompletion> {
  return read(api.GET('/api/training/enrolments/{id}/completion', { params: { path: { id: enrolmentId } } }));
}

export function getEvidence(enrolmentId: string): Promise<CompletionEvidence> {
  return read(
    api.GET('/api/training/enrolments/{id}/completion/evidence', { params: { path: { id: enrolmentId } } }),
  );
}

export function requestEvaluation(enrolmentId: string): Promise<{ jobId: string }> {
  return read(
    api.POST('/api/training/enrolments/{id}/completion/evaluate', { params: { path: { id: enrolmentId } } }),
  );
}

export function getLedger(): Promise<Ledger> {
  return read(api.GET('/api/training/ledger/mine'));
}

export function listCompletions(query: {
  classId?: string;
  status?: CompletionDecisionView['status'];
  limit?: number;
  offset?: number;
}): Promise<CompletionList> {
  return read(api.GET('/api/training/completions', { params: { query } }));
}

export async function certificatePdf(certificateId: string): Promise<Blob> {
  const call = api.GET('/api/training/certificates/{id}/pdf', {
    params: { path: { id: certificateId } },
    parseAs: 'blob',
  });
  return (await unwrap(call)) as Blob;
}

export function revokeCertificate(certificateId: string, reason: string): Promise<{ revokedAt: string }> {
  return read(
    api.POST('/api/training/certificates/{id}/revoke', {
      params: { path: { id: certificateId } },
      body: { reason },
    }),
  );
}

export function verifyCertificate(code: string): Promise<PublicCertificate> {
  return read(api.GET('/api/public/certificates/{code}', { params: { path: { code } } }));
}

export type SessionStill = components['schemas']['LearningMediaListDto_Output']['items'][number];

/** The stills kept for one learning session (reviewers only; each read of a still is audited). */
export function sessionStills(sessionId: string): Promise<{ items: SessionStill[] }> {
  return read(api.GET('/api/training/learning/sessions/{id}/media', { params: { path: { id: sessionId } } }));
}

export async function stillImage(mediaId: string): Promise<Blob> {
  const call = api.GET('/api/training/learning/media/{id}', {
    params: { path: { id: mediaId } },
    parseAs: 'blob',
  });
  return (await unwrap(call)) as Blob;
}

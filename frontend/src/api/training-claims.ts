import type { ClaimInput, ClaimStatus } from '@platform/contracts/training/claims';
import { api } from './client';
import type { components } from './schema';
import { read } from './read';

export type ClaimView = components['schemas']['ClaimViewDto_Output'];
export type ClaimReplay = components['schemas']['ClaimReplayDto_Output'];
export type ClaimNotice = components['schemas']['NoticeListDto_Output']['items'][number];

export function listClaims(status?: ClaimStatus): Promise<{ items: ClaimView[] }> {
  return read(api.GET('/api/training/claims', { params: { query: status ? { status } : {} } }));
}

export function submitClaim(body: Partial<ClaimInput> & Pick<ClaimInput, 'enrolmentId' | 'claimant'>) {
  return read(
    api.POST('/api/training/claims', {
      body: { groups: [], allowanceItems: [], scheme: 'trainee', ...body },
    }),
  );
}

export function approveClaim(id: string): Promise<ClaimView> {
  return read(api.POST('/api/training/claims/{id}/approve', { params: { path: { id } } }));
}

export function rejectClaim(id: string, reason: string): Promise<ClaimView> {
  return read(api.POST('/api/training/claims/{id}/reject', { params: { path: { id } }, body: { reason } }));
}

export function payClaim(id: string): Promise<ClaimView> {
  return read(api.POST('/api/training/claims/{id}/pay', { params: { path: { id } } }));
}

export function replayClaim(id: string): Promise<ClaimReplay> {
  return read(api.GET('/api/training/claims/{id}/replay', { params: { path: { id } } }));
}

export function claimNotices(): Promise<{ items: ClaimNotice[] }> {
  return read(api.GET('/api/public/training/claim-notices'));
}

export type EnterprisePeriod = components['schemas']['EnterprisePeriodDto_Output'];
export type EnterprisePeriodInput = components['schemas']['EnterprisePeriodInputDto'];

export function myEnterprisePeriods(): Promise<{ items: EnterprisePeriod[] }> {
  return read(api.GET('/api/training/enterprise-periods/mine'));
}

export function declareEnterprisePeriod(body: EnterprisePeriodInput): Promise<EnterprisePeriod> {
  return read(api.POST('/api/training/enterprise-periods', { body }));
}

export function pendingEnterprisePeriods(): Promise<{ items: EnterprisePeriod[] }> {
  return read(api.GET('/api/training/enterprise-periods'));
}

export function reviewEnterprisePeriod(
  id: string,
  decision: 'verify' | 'reject',
  reason?: string,
): Promise<EnterprisePeriod> {
  return read(
    api.POST('/api/training/enterprise-periods/{id}/review', {
      params: { path: { id } },
      body: { decision, ...(reason ? { reason } : {}) },
    }),
  );
}

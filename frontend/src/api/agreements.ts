import { api } from './client';
import type { components } from './schema';
import type { AgreementTerms, AgreementVerification, AgreementView } from './pipeline-types';
import { read } from './read';

/** The employer offers at the 录用通知 step and signs first. */
export function offerAgreement(applicationId: string, terms: AgreementTerms): Promise<AgreementView> {
  const params = { path: { id: applicationId } };
  // The generated document types the nullable endOn as string[]; the shared schema has it right.
  const body = terms as unknown as components['schemas']['AgreementTermsDto'];
  return read(api.POST('/api/applications/{id}/agreement', { params, body }));
}

export function getAgreement(id: string): Promise<AgreementView> {
  return read(api.GET('/api/agreements/{id}', { params: { path: { id } } }));
}

/** Recomputes the hash chain on the server: intact, or what no longer matches. */
export function verifyAgreement(id: string): Promise<AgreementVerification> {
  return read(api.GET('/api/agreements/{id}/verification', { params: { path: { id } } }));
}

export function signAgreement(id: string, consentToElectronicForm: boolean): Promise<AgreementView> {
  const params = { path: { id } };
  return read(api.POST('/api/agreements/{id}/signature', { params, body: { consentToElectronicForm } }));
}

export function revokeAgreement(id: string, reason: string): Promise<AgreementView> {
  return read(api.POST('/api/agreements/{id}/revocation', { params: { path: { id } }, body: { reason } }));
}

/** AS-37: signed agreements an SOE revoked, for the organizer to look into. */
export async function flaggedAgreements(): Promise<AgreementView[]> {
  return (await read<{ items: AgreementView[] }>(api.GET('/api/agreements/flagged'))).items;
}

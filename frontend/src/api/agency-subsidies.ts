import type { z } from 'zod';
import type {
  ImportResult,
  KeyEnterpriseViewSchema,
  PlacementForm,
  PlacementView,
  SiMonthViewSchema,
  WorkerPlacementViewSchema,
} from '@platform/contracts/agency-subsidies/data-api';
import type {
  AgencySubsidyPolicyInput,
  AgencySubsidyPolicyValues,
} from '@platform/contracts/agency-subsidies/policy';
import { api, unwrap } from './client';
import { read } from './read';

export type { AgencySubsidyPolicyValues, ImportResult, PlacementForm, PlacementView };
export type SiMonthView = z.infer<typeof SiMonthViewSchema>;
export type KeyEnterpriseView = z.infer<typeof KeyEnterpriseViewSchema>;
export type WorkerPlacementView = z.infer<typeof WorkerPlacementViewSchema>;
export interface AgencyPolicyVersion {
  version: string;
  effectiveFrom: string;
  values: AgencySubsidyPolicyValues;
  open: string[];
}
export interface FileUpload {
  fileName: string;
  contentBase64: string;
}

export function listPlacements(query: { status?: 'active' | 'withdrawn'; q?: string } = {}) {
  return read<{ items: PlacementView[] }>(api.GET('/api/agency-placements', { params: { query } }));
}

export function createPlacement(body: PlacementForm): Promise<PlacementView> {
  return read(api.POST('/api/agency-placements', { body }));
}

export function withdrawPlacement(id: string, reason: string): Promise<PlacementView> {
  return read(
    api.POST('/api/agency-placements/{id}/withdrawal', { params: { path: { id } }, body: { reason } }),
  );
}

export function uploadEvidence(
  id: string,
  body: FileUpload & {
    kind: 'referral_record' | 'labour_contract' | 'si_statement' | 'category_proof' | 'other';
    contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  },
) {
  return read(api.POST('/api/agency-placements/{id}/evidence', { params: { path: { id } }, body }));
}

export async function downloadEvidence(id: string): Promise<Blob> {
  return (await unwrap(
    api.GET('/api/placement-evidence/{id}', { params: { path: { id } }, parseAs: 'blob' }),
  )) as Blob;
}

export function importPlacements(body: FileUpload): Promise<ImportResult> {
  return read(api.POST('/api/agency-placements/imports', { body }));
}

export async function placementTemplate(): Promise<Blob> {
  return (await unwrap(api.GET('/api/agency-placements/template.xlsx', { parseAs: 'blob' }))) as Blob;
}

export function listSiMonths(query: { q?: string; month?: string } = {}) {
  return read<{ items: SiMonthView[] }>(api.GET('/api/social-insurance-months', { params: { query } }));
}

export function importSiMonths(body: FileUpload): Promise<ImportResult> {
  return read(api.POST('/api/social-insurance-months/imports', { body }));
}

export function siBatches() {
  return read<{ items: ImportResult[] }>(api.GET('/api/social-insurance-months/imports'));
}

export async function siTemplate(): Promise<Blob> {
  return (await unwrap(api.GET('/api/social-insurance-months/template.xlsx', { parseAs: 'blob' }))) as Blob;
}

export function listKeyEnterprises(query: { on?: string; q?: string } = {}) {
  return read<{ items: KeyEnterpriseView[] }>(api.GET('/api/key-enterprises', { params: { query } }));
}

export function importKeyEnterprises(body: FileUpload): Promise<ImportResult> {
  return read(api.POST('/api/key-enterprises/imports', { body }));
}

export async function keyEnterpriseTemplate(): Promise<Blob> {
  return (await unwrap(api.GET('/api/key-enterprises/template.xlsx', { parseAs: 'blob' }))) as Blob;
}

export function agencyPolicies() {
  return read<{ items: AgencyPolicyVersion[]; defaults: AgencyPolicyVersion; currentVersion: string }>(
    api.GET('/api/agency-subsidies/policies'),
  );
}

export function createAgencyPolicy(body: AgencySubsidyPolicyInput): Promise<AgencyPolicyVersion> {
  return read(api.POST('/api/agency-subsidies/policies', { body }));
}

export function myPlacementsAsWorker() {
  return read<{ items: WorkerPlacementView[] }>(api.GET('/api/subsidy-workers/me/placements'));
}

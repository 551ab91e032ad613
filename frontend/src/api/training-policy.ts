import type { SubsidyPolicyInput, SubsidyPolicyValues } from '@platform/contracts/training/claims';
import type { TrainingPolicy, TrainingPolicyInput } from '@platform/contracts/training/policy';
import { api } from './client';
import { read } from './read';

export type { SubsidyPolicyValues, TrainingPolicy, TrainingPolicyInput };

export function getTrainingPolicies(): Promise<{ items: TrainingPolicy[]; defaults: TrainingPolicy }> {
  return read(api.GET('/api/training/policies'));
}

export function getCurrentTrainingPolicy(): Promise<TrainingPolicy> {
  return read(api.GET('/api/training/policies/current'));
}

export function createTrainingPolicy(body: TrainingPolicyInput): Promise<TrainingPolicy> {
  return read(api.POST('/api/training/policies', { body }));
}

export interface SubsidyPolicyVersion {
  version: string;
  effectiveFrom: string;
  values: SubsidyPolicyValues;
}

export function getSubsidyPolicies(): Promise<{
  items: SubsidyPolicyVersion[];
  defaults: SubsidyPolicyVersion;
}> {
  return read(api.GET('/api/training/subsidy-policies'));
}

export function createSubsidyPolicy(body: SubsidyPolicyInput): Promise<SubsidyPolicyVersion> {
  return read(api.POST('/api/training/subsidy-policies', { body }));
}

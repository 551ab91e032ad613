import type { TrainingPolicy, TrainingPolicyInput } from '@platform/contracts/training/policy';
import { api } from './client';
import { read } from './read';

export type { TrainingPolicy, TrainingPolicyInput };

export function getTrainingPolicies(): Promise<{ items: TrainingPolicy[]; defaults: TrainingPolicy }> {
  return read(api.GET('/api/training/policies'));
}

export function getCurrentTrainingPolicy(): Promise<TrainingPolicy> {
  return read(api.GET('/api/training/policies/current'));
}

export function createTrainingPolicy(body: TrainingPolicyInput): Promise<TrainingPolicy> {
  return read(api.POST('/api/training/policies', { body }));
}

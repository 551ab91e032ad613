import {
  CompletionInput,
  CompletionPolicy,
  DEFAULT_COMPLETION_POLICY,
  evaluateCompletion,
} from './completion';
import {
  computeTrainingSubsidy,
  DEFAULT_SUBSIDY_POLICY,
  SubsidyClaim,
  SubsidyHistoryEntry,
  SubsidyPolicy,
} from './subsidy';

/**
 * One stored decision input, as `npm run training:evaluate` reads it (docs/training.md):
 * { "kind": "completion", "input": …, "policy"?: … } or
 * { "kind": "subsidy", "claim": …, "history": […], "policy"?: … }.
 * A policy given in part overrides the defaults field by field.
 */
export type ReplayRequest =
  | { kind: 'completion'; input: CompletionInput; policy?: Partial<CompletionPolicy> }
  | {
      kind: 'subsidy';
      claim: SubsidyClaim;
      history?: SubsidyHistoryEntry[];
      policy?: Partial<SubsidyPolicy>;
    };

export class ReplayInputError extends Error {}

export function replayDecision(request: unknown) {
  if (!request || typeof request !== 'object') throw new ReplayInputError('expected a JSON object');
  const r = request as Record<string, unknown>;
  const need = (field: string, type: 'object' | 'array') => {
    const value = r[field];
    const ok = type === 'array' ? Array.isArray(value) : !!value && typeof value === 'object';
    if (!ok) throw new ReplayInputError(`"${field}" must be an ${type}`);
  };
  if (r.policy !== undefined) need('policy', 'object');
  if (r.kind === 'completion') {
    need('input', 'object');
    const input = r.input as CompletionInput;
    for (const field of ['sessions', 'otherClasses', 'offlineAttendance'] as const)
      if (!Array.isArray(input[field])) throw new ReplayInputError(`"input.${field}" must be an array`);
    return evaluateCompletion(input, { ...DEFAULT_COMPLETION_POLICY, ...(r.policy as object) });
  }
  if (r.kind === 'subsidy') {
    need('claim', 'object');
    if (r.history !== undefined) need('history', 'array');
    return computeTrainingSubsidy(
      r.claim as SubsidyClaim,
      (r.history as SubsidyHistoryEntry[] | undefined) ?? [],
      { ...DEFAULT_SUBSIDY_POLICY, ...(r.policy as object) },
    );
  }
  throw new ReplayInputError('"kind" must be "completion" or "subsidy"');
}

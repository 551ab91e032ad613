import { POSTING_RULES_2020 } from './ruleset-2020';
import type { PostingRuleSet } from './types';

/** Every rule set ever in force, oldest first; a stored check names the version it ran. */
export const POSTING_RULE_SETS: readonly PostingRuleSet[] = [POSTING_RULES_2020];

/** The rule set in force on a business date (the newest one that had started by then). */
export function postingRuleSetFor(date: string): PostingRuleSet {
  const inForce = POSTING_RULE_SETS.filter(
    (set) => set.effectiveFrom <= date && (!set.effectiveTo || date <= set.effectiveTo),
  );
  return inForce[inForce.length - 1] ?? POSTING_RULE_SETS[POSTING_RULE_SETS.length - 1];
}

export * from './types';
export { checkPosting } from './check-posting';
export { POSTING_RULES_2020 } from './ruleset-2020';
export { postingRuleSetFor, POSTING_RULE_SETS } from './registry';

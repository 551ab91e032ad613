/**
 * Content rules for position postings (岗位发布), as data: each rule names the words that
 * trigger it, when it applies, its exemptions and the policy text it enforces. The checker
 * is generic; a new rule or a new rule-set version changes data, not code.
 */
export type EmployerType = 'enterprise' | 'soe' | 'public_institution' | 'social_organization' | 'other';

/** The free-text fields of a posting that rules read. */
export interface PostingText {
  title: string;
  /** 岗位需求 */
  duties?: string;
  /** 任职条件 */
  requirements?: string;
  /** 工作环境 */
  environment?: string;
  /** 福利待遇 */
  benefits?: string;
}
export type PostingField = keyof PostingText;

export interface PostingContext {
  employerType: EmployerType;
  /** Province of the employer, e.g. 重庆 or 湖北. */
  employerProvince: string;
  /** Marked by the employer as a 专项招聘 (targeted recruitment). */
  specialRecruitment: boolean;
  /** The position is offered to graduates (高校毕业生). */
  graduatePosition: boolean;
  /** Business date of the submission, YYYY-MM-DD in Asia/Shanghai. */
  submittedOn: string;
}

/** A subject and a trigger word in the same clause, at most `window` characters apart, in either order. */
export interface NearDetector {
  kind: 'near';
  subjects: string[];
  triggers: string[];
  window: number;
  /** Words in or right around the match that make it harmless, e.g. 不限 in 户籍不限. */
  unless?: string[];
}

/** Regular expressions (source strings, matched case-insensitively). */
export interface PatternDetector {
  kind: 'pattern';
  patterns: string[];
}

export type Detector = NearDetector | PatternDetector;

export interface RuleCondition {
  employerTypes?: EmployerType[];
  employerProvinces?: string[];
  specialRecruitment?: boolean;
  graduatePosition?: boolean;
  /** Applies to submissions on or before this date (YYYY-MM-DD). */
  submittedOnOrBefore?: string;
}

/** reject: the employer must change the text; review: a reviewer decides with the flag in view. */
export type RuleSeverity = 'reject' | 'review';

/** SRC: stated by a source; EXTERNAL: public rule outside the seeds, to be verified; INFERRED: a design reading. */
export type RuleLabel = 'SRC' | 'EXTERNAL' | 'INFERRED';

export interface PostingRule {
  /** The id in shared/domain/recruitment.md §3.4, e.g. R-DIS-1. */
  id: string;
  /** Stable code shown to employers and reviewers. */
  code: string;
  severity: RuleSeverity;
  label: RuleLabel;
  /** Where the rule comes from: seed line ranges (S3:2778-2784) or the external reference. */
  citation: string;
  explanation: { zh: string; en: string };
  detect: Detector;
  fields?: PostingField[];
  appliesWhen?: RuleCondition;
  exemptWhen?: RuleCondition & { because: string };
}

export interface PostingRuleSet {
  version: string;
  effectiveFrom: string;
  effectiveTo?: string;
  rules: PostingRule[];
}

export interface PostingFinding {
  ruleId: string;
  code: string;
  severity: RuleSeverity;
  label: RuleLabel;
  citation: string;
  field: PostingField;
  /** The exact words that triggered the rule, and where they are in the field. */
  matched: string;
  start: number;
  end: number;
  explanation: { zh: string; en: string };
}

export interface PostingCheck {
  ruleSetVersion: string;
  findings: PostingFinding[];
  /** Rules that matched but did not count, and why (e.g. R-DIS-6 for Hubei 事业单位 专项招聘). */
  exemptions: { ruleId: string; field: PostingField; matched: string; because: string }[];
  verdict: 'clean' | 'review' | 'reject';
}

import {
  businessDate,
  checkPosting,
  PostingContext,
  postingRuleSetFor,
  PostingText,
} from '@platform/contracts';
import type { StoredPostingCheck } from '../../database/schema';
import type { EmployerRow } from '../employers/employers.service';

export interface PostingDraft {
  /** Optional only in the editor's preview, before the title is typed. */
  title?: string;
  duties?: string;
  requirements?: string;
  environment?: string;
  benefits?: string;
  graduateSuitable?: boolean;
  specialRecruitment?: boolean;
}

/** Runs the rule set in force today and keeps its inputs, so the decision can be replayed. */
export function runPostingRules(
  draft: PostingDraft,
  employer: EmployerRow,
  today = businessDate(),
): StoredPostingCheck {
  const text: PostingText = {
    title: draft.title ?? '',
    duties: draft.duties,
    requirements: draft.requirements,
    environment: draft.environment,
    benefits: draft.benefits,
  };
  const context: PostingContext = {
    employerType: employer.unitType as PostingContext['employerType'],
    employerProvince: employer.province,
    specialRecruitment: draft.specialRecruitment ?? false,
    graduatePosition: draft.graduateSuitable ?? true,
    submittedOn: today,
  };
  return { input: { text, context }, result: checkPosting(text, context, postingRuleSetFor(today)) };
}

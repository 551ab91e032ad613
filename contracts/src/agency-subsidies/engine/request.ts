import { z } from 'zod';
import { AgencyPeriodInputSchema } from '../input';
import {
  AgencySubsidyPolicyValuesSchema,
  DEFAULT_AGENCY_SUBSIDY_POLICY,
  type AgencySubsidyPolicy,
} from '../policy';
import type { AgencyPeriodResult } from '../result';
import { evaluateAgencyPeriod } from './evaluate';

/**
 * What `npm run subsidy:evaluate` reads (docs/subsidy-input.md): an AgencyPeriodInput, or
 * `{ input, policy }` where policy is `{ version, values }` (values complete, §9) and defaults to
 * DEFAULT_AGENCY_SUBSIDY_POLICY.
 */
export const AgencySubsidyRequestSchema = z
  .object({
    input: AgencyPeriodInputSchema,
    policy: z
      .object({ version: z.string().min(1).max(64), values: AgencySubsidyPolicyValuesSchema })
      .optional(),
  })
  .superRefine(({ input }, ctx) => {
    if (input.period.from > input.period.to)
      ctx.addIssue({
        code: 'custom',
        path: ['input', 'period', 'to'],
        message: 'the period ends before it starts',
      });
  });

export interface SubsidyInputIssue {
  path: string;
  message: string;
}

/** The request is not JSON or not the documented shape: SUBSIDY_INPUT_INVALID, exit code 2. */
export class SubsidyInputError extends Error {
  readonly code = 'SUBSIDY_INPUT_INVALID' as const;
  constructor(readonly details: SubsidyInputIssue[]) {
    super(details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; '));
  }
}

export function parseSubsidyRequest(text: string): {
  input: z.infer<typeof AgencyPeriodInputSchema>;
  policy: AgencySubsidyPolicy;
} {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SubsidyInputError([{ path: '', message: `not JSON: ${(error as Error).message}` }]);
  }
  const wrapped = raw !== null && typeof raw === 'object' && 'input' in raw ? raw : { input: raw };
  const parsed = AgencySubsidyRequestSchema.safeParse(wrapped);
  if (!parsed.success)
    throw new SubsidyInputError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return { input: parsed.data.input, policy: parsed.data.policy ?? DEFAULT_AGENCY_SUBSIDY_POLICY };
}

/** The whole of `subsidy:evaluate`: text in, result out (throws SubsidyInputError). */
export function evaluateSubsidyRequest(text: string): AgencyPeriodResult {
  const { input, policy } = parseSubsidyRequest(text);
  return evaluateAgencyPeriod(input, policy);
}

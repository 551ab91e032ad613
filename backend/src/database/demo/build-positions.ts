import { runPostingRules } from '../../modules/positions/position-rules';
import type { positions } from '../schema';
import type { GeneratedEmployer } from './build-employers';
import type { SessionKey } from './build-fairs';
import { addDays, later, officeMoment, shanghaiDate } from './demo-dates';
import type { DemoContext, GeneratedFairDates } from './demo-context';
import type { GeneratedPositionStatus } from './plan';
import { composePosting, type HubeiWording } from './position-text';
import { type Prng, rngFor } from './prng';
import { REJECTION_REASONS } from './vocab/phrases';
import { DEEP_POVERTY_COUNTIES, districtWeights, MAIN_URBAN_DISTRICTS } from './vocab/places';

export type PositionRow = typeof positions.$inferInsert;

export interface PositionFair {
  dates: GeneratedFairDates;
  sessionIds: Record<SessionKey, string>;
}

const DISTRICT_WEIGHTS = districtWeights();
/** What the stored rule check must say for each status; anything else is a generator bug. */
const EXPECTED_VERDICT: Partial<Record<GeneratedPositionStatus, string>> = {
  published: 'clean',
  closed: 'clean',
  pending_review: 'review',
  rejected: 'review',
};

/**
 * Position `index` of a fair. Published and closed postings are clean under the posting rules;
 * pending and rejected ones carry the Hubei restriction that rule R-DIS-6 sends to review; drafts
 * were never submitted, so they have no check yet.
 */
export function buildPosition(
  ctx: DemoContext,
  fair: PositionFair,
  employer: GeneratedEmployer,
  index: number,
  status: GeneratedPositionStatus,
): PositionRow {
  const rng = rngFor(ctx.seed, 'position', fair.dates.key, index);
  const hubei = hubeiWording(rng, status);
  const district = rng.chance(0.85) ? employer.row.district : rng.weighted(DISTRICT_WEIGHTS);
  const posting = composePosting(rng, {
    template: rng.pick(employer.industry.titles),
    unitType: employer.row.unitType as never,
    size: employer.row.size,
    district,
    cohort: fair.dates.year,
    hubei,
  });
  const times = timeline(rng, ctx, fair.dates, employer, status);
  const draft = { ...posting, specialRecruitment: hubei === 'targeted' };
  const check =
    status === 'draft' ? null : runPostingRules(draft, employer.row, shanghaiDate(times.submittedAt!));
  if (check && check.result.verdict !== EXPECTED_VERDICT[status])
    throw new Error(`generated ${status} position "${posting.title}" checks ${check.result.verdict}`);
  return {
    id: ctx.ids.position(fair.dates.key, index),
    employerId: employer.row.id,
    fairId: fair.dates.id,
    sessionIds: sessionsOf(rng, fair, employer, district, hubei, posting.graduateSuitable),
    ...draft,
    district,
    status,
    expiresOn: status === 'draft' ? null : expiry(rng, ctx, fair.dates),
    ruleCheck: check,
    reviewReason: status === 'rejected' ? REJECTION_REASONS[0] : null,
    reviewedBy: times.reviewedAt ? ctx.organizerId : null,
    ...times,
  };
}

function hubeiWording(rng: Prng, status: GeneratedPositionStatus): HubeiWording {
  if (status === 'pending_review' || status === 'rejected') return 'targeted';
  return status !== 'draft' && rng.chance(0.04) ? 'welcome' : null;
}

function sessionsOf(
  rng: Prng,
  fair: PositionFair,
  employer: GeneratedEmployer,
  district: string,
  hubei: HubeiWording,
  graduateSuitable: boolean,
): string[] {
  const keys: SessionKey[] = [];
  if (employer.row.isKeyEnterprise) keys.push('key_enterprises');
  if (hubei) keys.push('hubei_graduates');
  const county = !MAIN_URBAN_DISTRICTS.includes(district as never) && district.endsWith('县');
  if (DEEP_POVERTY_COUNTIES.includes(district as never) || (county && rng.chance(0.3)))
    keys.push('poverty_counties');
  if (graduateSuitable && rng.chance(0.1)) keys.push('unemployed_graduates');
  return keys.map((key) => fair.sessionIds[key]);
}

interface Timeline {
  createdAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** Created after the employer joined, submitted, reviewed, maybe closed; all before `lastActivityOn`. */
function timeline(
  rng: Prng,
  ctx: DemoContext,
  dates: GeneratedFairDates,
  employer: GeneratedEmployer,
  status: GeneratedPositionStatus,
): Timeline {
  const joinedAt = (dates.key === 'running' ? employer.joinedRunningAt : employer.joined2020At)!;
  const last = dates.lastActivityOn;
  const firstDay = maxDate(addDays(shanghaiDate(joinedAt), 1), addDays(dates.launchOn, -10));
  const createdAt = officeMoment(rng, firstDay, dates.key === 'running' ? addDays(last, -1) : '2020-03-10');
  if (status === 'draft')
    return { createdAt, submittedAt: null, reviewedAt: null, publishedAt: null, updatedAt: createdAt };
  const submittedAt = later(rng, createdAt, 5, 2 * 24 * 60, last);
  if (status === 'pending_review')
    return { createdAt, submittedAt, reviewedAt: null, publishedAt: null, updatedAt: submittedAt };
  const reviewedAt = later(rng, submittedAt, 30, 24 * 60, last);
  if (status === 'rejected')
    return { createdAt, submittedAt, reviewedAt, publishedAt: null, updatedAt: reviewedAt };
  const closedAt = status === 'closed' ? later(rng, reviewedAt, 24 * 60, 60 * 24 * 60, last) : reviewedAt;
  return { createdAt, submittedAt, reviewedAt, publishedAt: reviewedAt, updatedAt: closedAt };
}

function expiry(rng: Prng, ctx: DemoContext, dates: GeneratedFairDates): string {
  return dates.key === 'running' ? addDays(ctx.today, rng.int(30, 150)) : '2020-06-30';
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

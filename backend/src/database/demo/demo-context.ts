import type { userRoles, users } from '../schema';
import { addDays } from './demo-dates';
import type { DemoIds, FairKey } from './demo-ids';
import type { DemoPlan } from './plan';

export interface GeneratedFairDates {
  key: FairKey;
  id: string;
  year: number;
  launchOn: string;
  concentratedEndOn: string;
  agencyDeadlineOn: string;
  /** Last day anything of this fair happened (today minus one for the running fair). */
  lastActivityOn: string;
}

/** What every builder needs: the seed's ids, the sizes, the fairs' dates and the existing accounts. */
export interface DemoContext {
  seed: string;
  ids: DemoIds;
  plan: DemoPlan;
  today: string;
  running: GeneratedFairDates;
  history: GeneratedFairDates | null;
  /** Reviewer and author of organizer actions: the demo organizer when seeded. */
  organizerId: string;
  /** One argon2 hash of the demo password, shared by every generated account. */
  passwordHash: string;
  /** The seeded demo accounts (13800000003, 13800000004) take employer 0 and agency 0 when free. */
  demoEmployerUserId: string | null;
  demoAgencyUserId: string | null;
}

export type UserInsert = typeof users.$inferInsert;
export type UserRoleInsert = typeof userRoles.$inferInsert;

/**
 * The running fair launched three days before `today` with a two-week concentrated window, so it
 * is running for the whole demo; the 2020 fair keeps the dates of the source (S3:3679-3680, S3:3755).
 */
export function fairDates(ids: DemoIds, today: string, withHistory: boolean) {
  const launchOn = addDays(today, -3);
  const running: GeneratedFairDates = {
    key: 'running',
    id: ids.fair('running'),
    year: Number(today.slice(0, 4)),
    launchOn,
    concentratedEndOn: addDays(launchOn, 14),
    agencyDeadlineOn: addDays(launchOn, -1),
    lastActivityOn: addDays(today, -1),
  };
  const history: GeneratedFairDates | null = withHistory
    ? {
        key: 'fair2020',
        id: ids.fair('fair2020'),
        year: 2020,
        launchOn: '2020-03-05',
        concentratedEndOn: '2020-03-12',
        agencyDeadlineOn: '2020-03-04',
        lastActivityOn: '2020-06-30',
      }
    : null;
  return { running, history };
}

/** A generated account: logs in by e-mail with the demo password. */
export function generatedUser(
  ctx: DemoContext,
  id: string,
  email: string,
  displayName: string,
  role: 'employer' | 'agency',
  createdAt: Date,
): { user: UserInsert; role: UserRoleInsert } {
  return {
    user: {
      id,
      phone: null,
      email,
      passwordHash: ctx.passwordHash,
      displayName,
      status: 'active',
      createdAt,
      updatedAt: createdAt,
    },
    role: { userId: id, role, grantedAt: createdAt, grantedBy: null },
  };
}

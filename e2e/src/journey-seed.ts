import { businessDate, makeUnifiedSocialCreditCode } from '@platform/contracts';
import { addDays, apiCall as call } from './browser';

/**
 * A fair in its concentrated phase from today for a week, created through the api, for the
 * journeys that need a fair but are not about creating one (fair-journey is).
 */
export async function runningFair(
  organizerToken: string,
  theme: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const today = businessDate();
  return call<{ id: string }>('POST', '/api/fairs', organizerToken, {
    theme,
    year: Number(today.slice(0, 4)),
    hosts: ['重庆市教育委员会', '重庆市人力资源和社会保障局'],
    targetGroups: ['all_graduates', 'unemployed_graduates'],
    launchOn: today,
    concentratedEndOn: addDays(today, 7),
    agencyDeadlineOn: today,
    ...overrides,
  });
}

export interface EmployerSeed {
  phone: string;
  password: string;
  /** The unit's name; also the account's display name unless `displayName` is given. */
  name: string;
  displayName?: string;
  industry: string;
  district: string;
  intro: string;
  contactName: string;
  size?: 'micro' | 'small' | 'medium' | 'large';
  uscc?: string;
}

/**
 * An employer account and its unit, registered and approved through the api, as the journeys
 * seed the employers they are not about. Joins `fairId` when one is given.
 */
export async function approvedEmployer(
  organizerToken: string,
  seed: EmployerSeed,
  fairId?: string,
): Promise<{ token: string; unitId: string }> {
  const { accessToken: token } = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/register',
    undefined,
    {
      phone: seed.phone,
      displayName: seed.displayName ?? seed.name,
      password: seed.password,
      roles: ['employer'],
    },
  );
  const unit = await call<{ id: string }>('POST', '/api/employers', token, {
    name: seed.name,
    uscc: seed.uscc ?? makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000)),
    unitType: 'enterprise',
    size: seed.size ?? 'small',
    industry: seed.industry,
    district: seed.district,
    intro: seed.intro,
    contactName: seed.contactName,
    contactPhone: seed.phone,
  });
  await call('POST', `/api/employers/${unit.id}/review`, organizerToken, { decision: 'approve' });
  if (fairId) await call('POST', `/api/employers/me/fairs/${fairId}`, token);
  return { token, unitId: unit.id };
}

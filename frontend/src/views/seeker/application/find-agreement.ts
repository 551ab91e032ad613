import type { StoredNotification } from '@/api/pipeline-types';

const AGREEMENT_LINK = /^\/seeker\/agreements\/([0-9a-f-]{36})$/i;

/**
 * The agreements the seeker was told about, newest first. The api has no "agreement of this
 * application" lookup, so the application page finds it through the offer notifications.
 */
export function agreementIdsIn(notifications: readonly StoredNotification[]): string[] {
  const ids = notifications
    .filter((n) => n.kind.startsWith('agreement.'))
    .map((n) => AGREEMENT_LINK.exec(n.link ?? '')?.[1])
    .filter((id): id is string => !!id);
  return [...new Set(ids)];
}

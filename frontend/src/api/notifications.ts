import { api, unwrap } from './client';
import type { StoredNotification } from './pipeline-types';
import { read } from './read';

/** The latest notifications of the signed-in user, newest first. */
export async function listNotifications(): Promise<StoredNotification[]> {
  return (await read<{ items: StoredNotification[] }>(api.GET('/api/notifications'))).items;
}

export async function markNotificationsRead(ids: string[]): Promise<void> {
  if (ids.length) await unwrap(api.POST('/api/notifications/read', { body: { ids } }));
}

import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { listNotifications, markNotificationsRead } from '@/api/notifications';
import type { StoredNotification } from '@/api/pipeline-types';
import { useAuthStore } from './auth';
import { useRealtimeStore } from './realtime';

/**
 * The signed-in user's notifications: loaded on sign-in and again whenever one arrives live
 * (the live message carries no stored id, so the list is the source of truth for read/unread).
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const auth = useAuthStore();
  const realtime = useRealtimeStore();
  const items = shallowRef<StoredNotification[]>([]);
  const loading = ref(false);
  const unread = computed(() => items.value.filter((item) => !item.read).length);
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    if (!auth.isAuthenticated) {
      items.value = [];
      return;
    }
    loading.value = true;
    try {
      const fresh = await listNotifications();
      if (ticket === latest) items.value = fresh;
    } catch {
      // The bell keeps what it had; the next live message or opening it tries again.
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  async function markRead(ids: string[]): Promise<void> {
    const wanted = new Set(ids);
    items.value = items.value.map((item) => (wanted.has(item.id) ? { ...item, read: true } : item));
    await markNotificationsRead(ids);
  }

  function markAllRead(): Promise<void> {
    return markRead(items.value.filter((item) => !item.read).map((item) => item.id));
  }

  watch(() => auth.user?.id ?? null, load, { immediate: true });
  realtime.onNotification(() => void load());

  return { items, loading, unread, load, markRead, markAllRead };
});

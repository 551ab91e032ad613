import type {
  ClientToServerEvents,
  NotificationMessage,
  ServerToClientEvents,
  SubsidyRunProgress,
} from '@platform/contracts/realtime';
import { defineStore } from 'pinia';
import { io, type Socket } from 'socket.io-client';
import { ref, watch } from 'vue';
import { currentAccessToken } from '@/api/client';
import { useAuthStore } from './auth';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = (message: NotificationMessage) => void;

/** The handshake refusals a fresh access token cures; any other one leaves the socket closed. */
export function refreshCures(error: { data?: unknown }): boolean {
  const code = (error.data as { code?: string } | undefined)?.code;
  return code === 'AUTH_TOKEN_EXPIRED' || code === 'AUTH_UNAUTHENTICATED';
}

/**
 * The live connection (Socket.IO at /socket.io) of the signed-in user: opened on sign-in,
 * closed on sign-out, and re-authenticated with the current token on every reconnect. Pages
 * subscribe to its 'notification' events with onNotification().
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const auth = useAuthStore();
  const connected = ref(false);
  const listeners = new Set<Listener>();
  const connectListeners = new Set<(socket: AppSocket) => void>();
  const progressListeners = new Set<(progress: SubsidyRunProgress) => void>();
  let socket: AppSocket | null = null;
  // Refreshes since the last successful connection; a token refused right after a refresh is not retried forever.
  let retries = 0;

  function connect(): void {
    const options = {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      // A function, so every reconnect sends the token of that moment rather than the first one.
      auth: (send: (data: object) => void) => send({ token: currentAccessToken() ?? '' }),
    };
    const base = import.meta.env.VITE_API_BASE_URL as string | undefined;
    const next: AppSocket = base ? io(base, options) : io(options);
    next.on('connect', () => {
      connected.value = true;
      retries = 0;
      // Rooms are per connection: after a reconnect (maybe to another api process) pages re-join theirs.
      connectListeners.forEach((listener) => listener(next));
    });
    next.on('disconnect', () => (connected.value = false));
    next.on('notification', (message) => listeners.forEach((listener) => listener(message)));
    next.on('subsidy:progress', (progress) => progressListeners.forEach((listener) => listener(progress)));
    next.on('connect_error', (error) => void retryAfterRefresh(next, error));
    socket = next;
  }

  /** A refused handshake is not retried by Socket.IO itself; an expired token is worth one refresh. */
  async function retryAfterRefresh(target: AppSocket, error: Error & { data?: unknown }) {
    if (target.active || !refreshCures(error) || retries >= 3) return;
    retries += 1;
    const token = await auth.refresh();
    if (token && socket === target) target.connect();
  }

  function disconnect(): void {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    connected.value = false;
  }

  watch(
    () => auth.user?.id ?? null,
    (userId) => {
      disconnect();
      if (userId) connect();
    },
    { immediate: true },
  );

  /** Calls `listener` for every live notification until the returned function is called. */
  function onNotification(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /**
   * Runs `listener` with the socket now if it is connected and again after every reconnect, so
   * a page's live state (a call, a queue place) is restored wherever the socket lands.
   */
  function whenConnected(listener: (socket: AppSocket) => void): () => void {
    connectListeners.add(listener);
    if (socket?.connected) listener(socket);
    return () => connectListeners.delete(listener);
  }

  /** The socket itself, for pages that emit (signalling, queue watch); null when signed out. */
  function live(): AppSocket | null {
    return socket;
  }

  /** Live progress of agency-subsidy period runs (staff: every run; an agency: its own part). */
  function onSubsidyProgress(listener: (progress: SubsidyRunProgress) => void): () => void {
    progressListeners.add(listener);
    return () => progressListeners.delete(listener);
  }

  return { connected, onNotification, whenConnected, live, onSubsidyProgress };
});

import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { ApiError } from '@/api/api-error';
import {
  closeSession,
  sendHeartbeat,
  startSession,
  type LearningCheck,
  type StartedSession,
} from '@/api/learning';

const DEVICE_KEY = 'learning.deviceId';

/** One id per browser, so the server tells a second device apart from a replay. */
function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

const INTERACTIONS = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart'] as const;

/**
 * The player's side of the heartbeat protocol: beats every `heartbeatSeconds` with the page's
 * visibility and the last interaction; the server decides what counts, this only reports.
 */
export function useLearningSession(enrolmentId: () => string) {
  const session = shallowRef<StartedSession | null>(null);
  const check = shallowRef<LearningCheck | null>(null);
  const idle = ref(false);
  const hidden = ref(document.visibilityState !== 'visible');
  const closedReason = ref<string | null>(null);
  const lastAckAt = ref<string | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastInteraction = Date.now();
  let startedLocal = 0;

  const touch = () => (lastInteraction = Date.now());
  const onVisibility = () => {
    hidden.value = document.visibilityState !== 'visible';
    if (session.value) void beat();
  };
  for (const name of INTERACTIONS) window.addEventListener(name, touch, { passive: true });
  document.addEventListener('visibilitychange', onVisibility);

  async function start(module: string, imageConsent?: boolean): Promise<StartedSession> {
    stopTimer();
    const started = await startSession(enrolmentId(), { module, deviceId: deviceId(), imageConsent });
    session.value = started;
    check.value = started.check;
    closedReason.value = null;
    idle.value = false;
    seq = 0;
    startedLocal = Date.now();
    touch();
    timer = setInterval(() => void beat(), started.policy.heartbeatSeconds * 1000);
    return started;
  }

  async function beat(): Promise<void> {
    const current = session.value;
    if (!current) return;
    const now = Date.now();
    try {
      const ack = await sendHeartbeat(current.sessionId, {
        seq: ++seq,
        deviceId: deviceId(),
        visible: document.visibilityState === 'visible',
        lastInteractionAt: new Date(lastInteraction).toISOString(),
        positionSeconds: Math.round((now - startedLocal) / 1000),
        clientSentAt: new Date(now).toISOString(),
      });
      idle.value = ack.idle;
      lastAckAt.value = ack.receivedAt;
      if (ack.check && ack.check.id !== check.value?.id) check.value = ack.check;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SESSION_CLOSED') ended(endReasonOf(error) ?? 'closed');
      // Anything else (network, a late beat) is not fatal: the next beat tries again.
    }
  }

  async function stop(): Promise<void> {
    const current = session.value;
    if (!current) return;
    stopTimer();
    try {
      await closeSession(current.sessionId);
      ended('closed_by_player');
    } catch (error) {
      ended(error instanceof ApiError ? (endReasonOf(error) ?? 'closed') : 'closed');
    }
  }

  function ended(reason: string) {
    stopTimer();
    closedReason.value = reason;
    session.value = null;
    check.value = null;
  }

  function stopTimer() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  onBeforeUnmount(() => {
    for (const name of INTERACTIONS) window.removeEventListener(name, touch);
    document.removeEventListener('visibilitychange', onVisibility);
    void stop();
  });

  return { session, check, idle, hidden, closedReason, lastAckAt, start, stop, beat, touch };
}

function endReasonOf(error: ApiError): string | null {
  const details = error.details as { endReason?: string } | undefined;
  return details?.endReason ?? null;
}

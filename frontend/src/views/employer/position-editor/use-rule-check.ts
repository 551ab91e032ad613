import { type Ref, ref, shallowRef, watch } from 'vue';
import type { PostingCheck } from '@/api/fair-types';
import { checkPosition, type PositionCheckBody } from '@/api/positions';

export type CheckState = 'idle' | 'checking' | 'done' | 'failed';

/**
 * Runs the posting rules on the draft as the employer types: debounced, the previous request
 * aborted, so what is shown always belongs to the latest text.
 */
export function useRuleCheck(body: () => PositionCheckBody | null, delayMs = 400) {
  const state = ref<CheckState>('idle');
  const check = shallowRef<PostingCheck | null>(null) as Ref<PostingCheck | null>;
  const failure = shallowRef<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  async function run(payload: PositionCheckBody) {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    state.value = 'checking';
    try {
      const result = await checkPosition(payload, controller.signal);
      if (controller.signal.aborted) return;
      check.value = result;
      failure.value = null;
      state.value = 'done';
    } catch (error) {
      if (controller.signal.aborted) return;
      failure.value = error;
      state.value = 'failed';
    }
  }

  watch(
    () => JSON.stringify(body()),
    () => {
      clearTimeout(timer);
      const payload = body();
      if (!payload) {
        inFlight?.abort();
        check.value = null;
        state.value = 'idle';
        return;
      }
      timer = setTimeout(() => void run(payload), delayMs);
    },
    { immediate: true },
  );

  /** A check that came back with a refused submission: show it until the text changes. */
  function adopt(result: PostingCheck) {
    clearTimeout(timer);
    inFlight?.abort();
    check.value = result;
    state.value = 'done';
  }

  return { state, check, failure, adopt };
}

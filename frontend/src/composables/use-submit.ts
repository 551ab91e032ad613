import { ref, shallowRef } from 'vue';

/**
 * A form's submit: one request at a time (`busy`), the failure kept for the form to show, and
 * `done` called with the result only when the request succeeded.
 */
export function useSubmit<T>(action: () => Promise<T>, done: (result: T) => void) {
  const busy = ref(false);
  const failure = shallowRef<unknown>(null);
  async function submit(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    failure.value = null;
    try {
      done(await action());
    } catch (error) {
      failure.value = error;
    } finally {
      busy.value = false;
    }
  }
  return { busy, failure, submit };
}

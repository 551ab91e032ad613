import { type Ref, ref, shallowRef } from 'vue';

/**
 * A page's data, fetched once and on demand: `loading` while in flight, `error` when it failed
 * (the page shows it with a retry). A slower earlier load never overwrites a newer one.
 */
export function useLoader<T>(load: () => Promise<T>) {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  /** True once a load has answered, so a page can tell "nothing yet" from "nothing there". */
  const loaded = ref(false);
  let latest = 0;

  async function reload(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const value = await load();
      if (ticket !== latest) return;
      data.value = value;
      error.value = null;
      loaded.value = true;
    } catch (failure) {
      if (ticket === latest) error.value = failure;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  return { data, loading, loaded, error, reload };
}

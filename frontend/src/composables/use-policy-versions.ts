import { ElMessage } from 'element-plus';
import { computed, reactive, watch } from 'vue';
import { useLoader } from './use-loader';
import { useSubmit } from './use-submit';

/** What every versioned policy (training, training subsidy, agency subsidy) shares. */
export interface PolicyVersionLike<V> {
  version: string;
  effectiveFrom: string;
  values: V;
}

export interface PolicyVersionList<P> {
  items: P[];
  defaults: P;
  /** Where the server names the version in force; otherwise the newest already effective. */
  currentVersion?: string;
}

export interface NewPolicyVersion<V> {
  version: string;
  effectiveFrom: string;
  note: string;
  values: V;
}

/** A version name nobody has used yet: `<prefix>-<day>`, then `-2`, `-3` … */
export function suggestVersion(taken: string[], day: string, prefix: string): string {
  const base = `${prefix}-${day}`;
  let name = base;
  for (let n = 2; taken.includes(name); n += 1) name = `${base}-${n}`;
  return name;
}

/**
 * The admin side of an append-only policy: the version in force, the history, and a form for the
 * next version that starts from the values in force. Versions are never edited; a new one takes
 * over from its effective time, and every decision names the version it used.
 */
export function usePolicyVersions<V, P extends PolicyVersionLike<V>>(options: {
  load: () => Promise<PolicyVersionList<P>>;
  create: (input: NewPolicyVersion<V>) => Promise<P>;
  /** Version-name prefix, e.g. `cq` or `as`. */
  prefix: string;
  createdMessage: (version: string) => string;
  /** Called when the form is (re)filled from the version in force, for page-specific inputs. */
  onFill?: (policy: P) => void;
  /** The values to send, from the edited ones (default: as edited). */
  submitted?: (values: V) => V;
}) {
  const { data, loaded, error, reload } = useLoader(options.load);

  const current = computed<P | null>(() => {
    const list = data.value;
    if (!list) return null;
    if (list.currentVersion !== undefined)
      return list.items.find((p) => p.version === list.currentVersion) ?? list.defaults;
    const now = Date.now();
    return list.items.find((p) => Date.parse(p.effectiveFrom) <= now) ?? list.defaults;
  });
  // The built-in defaults may also be stored as a row; list them once.
  const history = computed<P[]>(() => {
    const list = data.value;
    if (!list) return [];
    return list.items.some((p) => p.version === list.defaults.version)
      ? list.items
      : [...list.items, list.defaults];
  });
  const isBuiltIn = (policy: P) => policy.version === data.value?.defaults.version;

  // Typed by hand: reactive() would unwrap the generic V into UnwrapRef<V>, which V is not assignable to.
  const form: { version: string; effectiveFrom: string; note: string; values: V | null } = reactive({
    version: '',
    effectiveFrom: '',
    note: '',
    values: null,
  });
  watch(current, (policy) => {
    if (!policy) return;
    form.version = suggestVersion(
      history.value.map((p) => p.version),
      new Date().toISOString().slice(0, 10),
      options.prefix,
    );
    form.effectiveFrom = new Date().toISOString();
    form.note = '';
    form.values = structuredClone(policy.values);
    options.onFill?.(policy);
  });

  const { busy, failure, submit } = useSubmit(
    () =>
      options.create({
        version: form.version.trim(),
        effectiveFrom: new Date(form.effectiveFrom).toISOString(),
        note: form.note,
        values: (options.submitted ?? ((v: V) => v))(form.values as V),
      }),
    (created) => {
      ElMessage.success(options.createdMessage(created.version));
      void reload();
    },
  );

  return { data, loaded, error, reload, current, history, isBuiltIn, form, busy, failure, submit };
}

import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { errorMessage } from '@/i18n/error-message';

/** One way to tell the user what went wrong: the api's message, in their language. */
export function useApiError() {
  const i18n = useI18n();
  const describe = (error: unknown) => errorMessage(error, i18n);
  const toast = (error: unknown) => {
    ElMessage({ type: 'error', message: describe(error), showClose: true, duration: 6000 });
  };
  return { describe, toast };
}

import { ElMessageBox } from 'element-plus';

/**
 * Asks why (a rejection, a revocation): the answer reaches the person it concerns, so an empty
 * one is refused. Resolves to the trimmed reason, or null when the user cancels.
 */
export async function askReason(texts: {
  title: string;
  confirm: string;
  cancel: string;
  required: string;
  placeholder?: string;
}): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt('', texts.title, {
      inputType: 'textarea',
      inputPlaceholder: texts.placeholder,
      inputValidator: (value: string) => !!value?.trim() || texts.required,
      confirmButtonText: texts.confirm,
      cancelButtonText: texts.cancel,
      confirmButtonClass: 'el-button--danger',
      customClass: 'reason-prompt',
    });
    return value.trim();
  } catch {
    return null;
  }
}

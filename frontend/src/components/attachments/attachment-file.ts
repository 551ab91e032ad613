/** What the api accepts as an agency attachment (UploadAttachmentSchema): PDF or image, ≤ 512 KiB. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 512 * 1024;

/** Why a chosen file cannot be sent, as an i18n key, or null when it can. */
export function attachmentProblem(file: { size: number; type: string }): string | null {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return 'agency.badType';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'agency.tooLarge';
  return null;
}

/** The base64 payload of a data: URL (what FileReader.readAsDataURL gives). */
export function base64Of(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? dataUrl : dataUrl.slice(comma + 1);
}

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64Of(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Hands a fetched file to the browser as a download with its own name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 培训合格证明 verification codes: 12 characters of Crockford base32 (60 random bits), shown in
 * three groups of four (e.g. "7Q2M-XK4D-9TRB"). Crockford's alphabet leaves out I, L, O and U, so
 * a code read aloud or typed from paper survives the usual mix-ups, which `normalizeCertificateCode`
 * folds back (O→0, I/L→1) before the lookup.
 */
export const CERTIFICATE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CERTIFICATE_CODE_LENGTH = 12;

/** Formats 12 alphabet characters as XXXX-XXXX-XXXX. */
export function formatCertificateCode(raw: string): string {
  return raw.match(/.{1,4}/g)!.join('-');
}

/** The canonical (grouped) form of what a person typed, or null when it cannot be a code. */
export function normalizeCertificateCode(typed: string): string | null {
  const folded = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (folded.length !== CERTIFICATE_CODE_LENGTH) return null;
  for (const ch of folded) if (!CERTIFICATE_CODE_ALPHABET.includes(ch)) return null;
  return formatCertificateCode(folded);
}

/** Draws a code from random bytes (one byte per character, 5 bits used: no modulo bias). */
export function certificateCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CERTIFICATE_CODE_LENGTH) throw new Error('need 12 random bytes');
  let raw = '';
  for (let i = 0; i < CERTIFICATE_CODE_LENGTH; i++) raw += CERTIFICATE_CODE_ALPHABET[bytes[i]! & 31];
  return formatCertificateCode(raw);
}

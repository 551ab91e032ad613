/**
 * Check characters of Chinese identifiers, pure and dependency-free so the browser and the
 * api reject the same typos.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 居民身份证号码: 17 digits + check character (0-9 or X), with a real birth date. */
export function isValidResidentIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

function isRealDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a 统一社会信用代码. */
export function unifiedSocialCreditCheckCharacter(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + weight * USCC_ALPHABET.indexOf(first17[i]), 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 32100-2015 统一社会信用代码: 18 characters from a 31-letter alphabet, last one a mod-31 check. */
export function isValidUnifiedSocialCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return unifiedSocialCreditCheckCharacter(code) === code[17];
}

/**
 * A well-formed code for an enterprise (登记管理部门 9, 类别 1) registered in a Chongqing
 * district (行政区划码 500xxx), with a 9-character organisation code derived from `serial`.
 * For demo data and tests: real codes are issued, never generated.
 */
export function makeUnifiedSocialCreditCode(serial: number, regionCode = '500103', category = '91'): string {
  let organisation = '';
  for (let n = serial, i = 0; i < 8; i++, n = Math.floor(n / 31))
    organisation = USCC_ALPHABET[n % 31] + organisation;
  const first16 = `${category}${regionCode}${organisation}`;
  // The 9th character of the organisation code is its own check digit; any alphabet letter keeps the format.
  const first17 = `${first16}${USCC_ALPHABET[serial % 10]}`;
  return first17 + unifiedSocialCreditCheckCharacter(first17);
}

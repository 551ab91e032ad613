import { isValidResidentIdNumber, isValidUnifiedSocialCreditCode } from '../id-numbers';
import { isIsoDate } from '../fairs/business-date';
import { PLACEMENT_CHANNELS, SI_STATUSES, WORKER_CATEGORIES } from './input';
import type { SiStatus, WorkerCategory } from './input';
// One plausibility ceiling for a fee, shared with the engine's FEE_IMPLAUSIBLE line check.
import { MAX_PLAUSIBLE_FEE_FEN } from './engine/placements';

/**
 * The checks a placement must pass before it is stored, whether typed in the form or read from
 * an Excel row: one pure function, so both paths refuse the same rows with the same codes.
 * Row codes are stable (the import's error table and clients branch on them).
 */
export const PLACEMENT_ROW_CODES = [
  'REQUIRED',
  'ID_NUMBER_INVALID',
  'PHONE_INVALID',
  'USCC_INVALID',
  'EMPLOYER_NOT_FOUND',
  'DATE_INVALID',
  'DATE_IN_FUTURE',
  'FEE_INVALID',
  'FEE_NEGATIVE',
  'FEE_IMPLAUSIBLE',
  'CONTRACT_END_BEFORE_START',
  'REFERRAL_AFTER_SIGNING',
  'CHANNEL_INVALID',
  'CATEGORY_INVALID',
  'PLACEMENT_DUPLICATE',
  'SI_STATUS_INVALID',
  'MONTH_INVALID',
  'SI_MONTH_DUPLICATE',
  'AGREEMENT_MISMATCH',
  'ROW_FAILED',
  // 线上引才 (A4) and résumé-download (A5) imports.
  'AGENCY_NOT_FOUND',
  'BOOL_INVALID',
  'PRICE_INVALID',
  'SALARY_INVALID',
  'REGION_INVALID',
  'DEGREE_INVALID',
  'A4_SERVICE_DUPLICATE',
  'DOWNLOAD_DUPLICATE',
] as const;
export type PlacementRowCode = (typeof PLACEMENT_ROW_CODES)[number];

export interface RowError {
  /** 1-based spreadsheet row (the header is row 1); 0 for a form submission. */
  row: number;
  /** The template's column header, e.g. 身份证号; null when the row as a whole is refused. */
  column: string | null;
  code: PlacementRowCode;
  message: string;
}

/** Column headers of the placement template, in order (the first row of the .xlsx). */
export const PLACEMENT_COLUMNS = {
  realName: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  employerUscc: '用人单位统一社会信用代码',
  positionTitle: '岗位',
  referralDate: '推荐日期',
  feeYuan: '向劳动者收费(元)',
  channel: '渠道',
  signDate: '合同签订日期',
  startDate: '合同开始日期',
  endDate: '合同结束日期',
  openEnded: '无固定期限(是/否)',
  categories: '人员类别',
  schoolLeaveDate: '离校日期',
  unemploymentRegistrationDate: '失业登记日期',
  contractPartyUscc: '合同签订单位信用代码',
} as const;
export type PlacementColumn = keyof typeof PLACEMENT_COLUMNS;

export const CHANNEL_LABELS: Record<(typeof PLACEMENT_CHANNELS)[number], string> = {
  A3_ACTIVITY: '网络双选会',
  A4_ACTIVITY: '线上引才',
  OTHER: '其他',
};
export const CATEGORY_LABELS: Record<WorkerCategory, string> = {
  REGISTERED_UNEMPLOYED: '登记失业人员',
  MIGRANT_WORKER: '农民工',
  EMPLOYMENT_DIFFICULTY: '就业困难人员',
  REGISTERED_POOR: '建档立卡贫困人员',
  COLLEGE_GRAD: '高校毕业生',
};
export const SI_STATUS_LABELS: Record<SiStatus, string> = {
  PAID: '已缴费',
  EMPLOYER_PART_WAIVED_INDIVIDUAL_PAID: '单位部分减免',
  DEFERRED_UNPAID: '缓缴未补缴',
  DEFERRED_PAID: '缓缴已补缴',
  UNPAID: '未缴费',
};

/** The raw cells of one placement, as text (a form sends the same strings). */
export type PlacementRaw = Partial<Record<PlacementColumn, string>>;

export interface PlacementDraft {
  realName: string;
  idNumber: string;
  phone: string;
  employerUscc: string;
  positionTitle: string;
  referralDate: string;
  feeChargedFen: number;
  channel: (typeof PLACEMENT_CHANNELS)[number];
  signDate: string;
  startDate: string;
  endDate: string | null;
  openEnded: boolean;
  categories: WorkerCategory[];
  schoolLeaveDate: string | null;
  unemploymentRegistrationDate: string | null;
  contractPartyUscc: string;
}

/** "1,234.5" 元 -> 123450 fen without floating point; null when not a money amount. */
export function yuanToFen(text: string): number | null {
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

export function lookup<T extends string>(value: string, labels: Record<T, string>): T | null {
  const entry = (Object.entries(labels) as [T, string][]).find(
    ([code, label]) => value === code || value === label,
  );
  return entry ? entry[0] : null;
}

export function channelOf(value: string): (typeof PLACEMENT_CHANNELS)[number] | null {
  return lookup(value.trim(), CHANNEL_LABELS);
}

export function siStatusOf(value: string): SiStatus | null {
  const found = lookup(value.trim(), SI_STATUS_LABELS);
  return found && (SI_STATUSES as readonly string[]).includes(found) ? found : null;
}

/** Validates one placement against `today` (YYYY-MM-DD, Asia/Shanghai); errors name their column. */
export function checkPlacement(
  raw: PlacementRaw,
  today: string,
  row = 0,
): { draft: PlacementDraft | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: PlacementColumn, code: PlacementRowCode, message: string) =>
    errors.push({ row, column: PLACEMENT_COLUMNS[column], code, message });
  const cell = (column: PlacementColumn) => (raw[column] ?? '').trim();
  const required = (column: PlacementColumn) => {
    const value = cell(column);
    if (!value) fail(column, 'REQUIRED', `${PLACEMENT_COLUMNS[column]}不能为空 / required`);
    return value;
  };
  const date = (column: PlacementColumn, optional: boolean, pastOnly: boolean) => {
    const value = optional ? cell(column) : required(column);
    if (!value) return null;
    if (!isIsoDate(value)) {
      fail(column, 'DATE_INVALID', `${PLACEMENT_COLUMNS[column]}不是有效日期 (YYYY-MM-DD)`);
      return null;
    }
    if (pastOnly && value > today) fail(column, 'DATE_IN_FUTURE', `${PLACEMENT_COLUMNS[column]}晚于今天`);
    return value;
  };

  const realName = required('realName');
  const idNumber = required('idNumber').toUpperCase();
  if (idNumber && !isValidResidentIdNumber(idNumber))
    fail('idNumber', 'ID_NUMBER_INVALID', '身份证号校验失败 / invalid 身份证 number');
  const phone = required('phone');
  if (phone && !/^1\d{10}$/.test(phone)) fail('phone', 'PHONE_INVALID', '手机号应为11位数字');
  const employerUscc = required('employerUscc').toUpperCase();
  if (employerUscc && !isValidUnifiedSocialCreditCode(employerUscc))
    fail('employerUscc', 'USCC_INVALID', '统一社会信用代码校验失败');
  const partyText = cell('contractPartyUscc').toUpperCase();
  if (partyText && !isValidUnifiedSocialCreditCode(partyText))
    fail('contractPartyUscc', 'USCC_INVALID', '统一社会信用代码校验失败');
  const positionTitle = required('positionTitle');
  const referralDate = date('referralDate', false, true);
  const signDate = date('signDate', false, true);
  const startDate = date('startDate', false, true);
  const endDate = date('endDate', true, false);
  const schoolLeaveDate = date('schoolLeaveDate', true, true);
  const unemploymentRegistrationDate = date('unemploymentRegistrationDate', true, true);
  const feeChargedFen = checkFee(cell('feeYuan'), (code, message) => fail('feeYuan', code, message));
  const channel = channelOf(cell('channel') || 'OTHER');
  if (!channel) fail('channel', 'CHANNEL_INVALID', `渠道应为：${Object.values(CHANNEL_LABELS).join('、')}`);
  const categories = checkCategories(cell('categories'), (message) =>
    fail('categories', 'CATEGORY_INVALID', message),
  );
  const openEnded = ['是', 'Y', 'YES', 'TRUE', '1'].includes(cell('openEnded').toUpperCase());

  if (startDate && endDate && endDate < startDate)
    fail('endDate', 'CONTRACT_END_BEFORE_START', '合同结束日期早于开始日期');
  if (referralDate && signDate && referralDate > signDate)
    fail('referralDate', 'REFERRAL_AFTER_SIGNING', '推荐日期晚于合同签订日期');
  if (errors.length || !referralDate || !signDate || !startDate || feeChargedFen === null || !channel)
    return { draft: null, errors };
  return {
    draft: {
      realName,
      idNumber,
      phone,
      employerUscc,
      positionTitle,
      referralDate,
      feeChargedFen,
      channel,
      signDate,
      startDate,
      endDate,
      openEnded,
      categories,
      schoolLeaveDate,
      unemploymentRegistrationDate,
      contractPartyUscc: partyText || employerUscc,
    },
    errors,
  };
}

function checkFee(text: string, fail: (code: PlacementRowCode, message: string) => void): number | null {
  const fen = yuanToFen(text || '0');
  if (fen === null) {
    fail('FEE_INVALID', '收费金额应为数字（元，最多两位小数）');
    return null;
  }
  if (fen < 0) {
    fail('FEE_NEGATIVE', '收费金额不能为负数');
    return null;
  }
  if (fen > MAX_PLAUSIBLE_FEE_FEN) {
    fail('FEE_IMPLAUSIBLE', `收费金额超过 ${MAX_PLAUSIBLE_FEE_FEN / 100} 元，请核对`);
    return null;
  }
  return fen;
}

function checkCategories(text: string, fail: (message: string) => void): WorkerCategory[] {
  const found: WorkerCategory[] = [];
  for (const part of text.split(/[、,，;；\s]+/).filter(Boolean)) {
    const category = lookup(part, CATEGORY_LABELS);
    if (category && (WORKER_CATEGORIES as readonly string[]).includes(category)) found.push(category);
    else fail(`未知的人员类别「${part}」，可选：${Object.values(CATEGORY_LABELS).join('、')}`);
  }
  return [...new Set(found)];
}

/** Column headers of the 社保 import (CSV or .xlsx). */
export const SI_COLUMNS = {
  idNumber: '身份证号',
  realName: '姓名',
  employerUscc: '单位统一社会信用代码',
  month: '缴费月份',
  status: '缴费状态',
} as const;
export type SiColumn = keyof typeof SI_COLUMNS;

/** Column headers of the 重点企业名录 import. */
export const KEY_ENTERPRISE_COLUMNS = {
  uscc: '统一社会信用代码',
  name: '企业名称',
  listName: '名录名称',
  fromDate: '生效日期',
  toDate: '失效日期',
} as const;
export type KeyEnterpriseColumn = keyof typeof KEY_ENTERPRISE_COLUMNS;

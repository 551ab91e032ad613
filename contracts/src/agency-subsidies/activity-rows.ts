import { isValidUnifiedSocialCreditCode } from '../id-numbers';
import { isIsoDate } from '../fairs/business-date';
import { DEGREES, EMPLOYER_REGIONS } from './input';
import type { ResumeFacts } from './input';
import { lookup, yuanToFen } from './placement-rows';
import type { PlacementRowCode, RowError } from './placement-rows';

/**
 * Rows of the 重庆英才网 statistics staff import for A4 (线上引才 employers served) and A5
 * (résumé downloads): pure checks, so the import and its tests refuse the same rows with the
 * same codes. Each error names its row, its column (the template header) and a stable code.
 */
export const A4_COLUMNS = {
  agencyUscc: '机构统一社会信用代码',
  employerUscc: '用人单位统一社会信用代码',
  employerName: '用人单位名称',
  served: '已提供网上引才服务(是/否)',
} as const;
export type A4Column = keyof typeof A4_COLUMNS;

export const A5_COLUMNS = {
  downloadRef: '下载记录编号',
  agencyUscc: '机构统一社会信用代码',
  employerUscc: '用人单位统一社会信用代码',
  resumeRef: '简历编号',
  listPriceYuan: '简历标价(元)',
  downloadedOn: '下载日期',
  countedByYingcai: '纳入重庆英才网统计(是/否)',
  offeredAnnualSalary: '岗位年薪(元)',
  employerRegion: '单位所在区域',
  degree: '学历',
  titleAssociateSeniorOrAbove: '副高级及以上职称(是/否)',
  skillGradeSeniorTechnicianOrAbove: '高级技师以上(是/否)',
  employerIsMunicipalUnivHospResearch: '市属及以上高校医院科研院所(是/否)',
} as const;
export type A5Column = keyof typeof A5_COLUMNS;

export const REGION_LABELS: Record<(typeof EMPLOYER_REGIONS)[number], string> = {
  MAIN_CITY: '主城九区',
  NORTHEAST_SOUTHEAST: '渝东北渝东南',
  OTHER: '其他区县',
};

export const DEGREE_LABELS: Record<(typeof DEGREES)[number], string> = {
  PHD: '博士',
  MASTER: '硕士',
  BACHELOR: '本科',
  COLLEGE: '专科',
  OTHER: '其他',
};

export interface A4Row {
  row: number;
  agencyUscc: string;
  employerUscc: string;
  employerName: string;
  served: boolean;
}

export interface A5Row extends Omit<ResumeFacts, 'resumeId'> {
  row: number;
  downloadRef: string;
  agencyUscc: string;
  employerUscc: string;
  resumeRef: string;
  listPriceFen: number;
  downloadedOn: string;
  countedByYingcai: boolean;
}

const YES = ['是', 'Y', 'YES', 'TRUE', '1'];
const NO = ['否', 'N', 'NO', 'FALSE', '0'];

/** 是/否 (or Y/N, 1/0); null when it is neither. */
export function yesNo(text: string): boolean | null {
  const value = text.trim().toUpperCase();
  if (YES.includes(value)) return true;
  if (NO.includes(value)) return false;
  return null;
}

type Fail<C extends string> = (column: C, code: PlacementRowCode, message: string) => void;

function checker<C extends string>(row: number, columns: Record<C, string>, cell: (c: C) => string) {
  const errors: RowError[] = [];
  const fail: Fail<C> = (column, code, message) =>
    errors.push({ row, column: columns[column], code, message });
  const required = (column: C) => {
    const value = cell(column).trim();
    if (!value) fail(column, 'REQUIRED', `${columns[column]}不能为空 / required`);
    return value;
  };
  const uscc = (column: C) => {
    const value = required(column).toUpperCase();
    if (value && !isValidUnifiedSocialCreditCode(value))
      fail(column, 'USCC_INVALID', '统一社会信用代码校验失败');
    return value;
  };
  const bool = (column: C, fallback: boolean | null) => {
    const text = cell(column).trim();
    if (!text && fallback !== null) return fallback;
    const value = yesNo(text);
    if (value === null) fail(column, 'BOOL_INVALID', `${columns[column]}应填“是”或“否”`);
    return value ?? false;
  };
  return { errors, fail, required, uscc, bool };
}

export function checkA4Row(row: number, cell: (column: A4Column) => string): A4Row | { errors: RowError[] } {
  const c = checker(row, A4_COLUMNS, cell);
  const agencyUscc = c.uscc('agencyUscc');
  const employerUscc = c.uscc('employerUscc');
  const employerName = c.required('employerName');
  const served = c.bool('served', null);
  if (c.errors.length) return { errors: c.errors };
  return { row, agencyUscc, employerUscc, employerName, served };
}

/** `today` (YYYY-MM-DD, Asia/Shanghai): a download cannot lie in the future. */
export function checkA5Row(
  row: number,
  cell: (column: A5Column) => string,
  today: string,
): A5Row | { errors: RowError[] } {
  const c = checker(row, A5_COLUMNS, cell);
  const downloadRef = c.required('downloadRef');
  const agencyUscc = c.uscc('agencyUscc');
  const employerUscc = c.uscc('employerUscc');
  const resumeRef = c.required('resumeRef');
  const priceText = c.required('listPriceYuan');
  const listPriceFen = priceText ? yuanToFen(priceText) : null;
  if (priceText && (listPriceFen === null || listPriceFen < 0))
    c.fail('listPriceYuan', 'PRICE_INVALID', '简历标价应为不小于0的金额（元，最多两位小数）');
  const downloadedOn = c.required('downloadedOn');
  if (downloadedOn && !isIsoDate(downloadedOn))
    c.fail('downloadedOn', 'DATE_INVALID', '下载日期不是有效日期 (YYYY-MM-DD)');
  else if (downloadedOn > today) c.fail('downloadedOn', 'DATE_IN_FUTURE', '下载日期晚于今天');
  const countedByYingcai = c.bool('countedByYingcai', null);
  const salaryText = cell('offeredAnnualSalary')
    .trim()
    .replace(/[,，\s]/g, '');
  const offeredAnnualSalary = salaryText ? Number(salaryText) : null;
  if (
    offeredAnnualSalary !== null &&
    !(Number.isSafeInteger(offeredAnnualSalary) && offeredAnnualSalary >= 0)
  )
    c.fail('offeredAnnualSalary', 'SALARY_INVALID', '岗位年薪应为不小于0的整数（元/年）');
  const employerRegion = lookup(c.required('employerRegion'), REGION_LABELS);
  if (cell('employerRegion').trim() && !employerRegion)
    c.fail(
      'employerRegion',
      'REGION_INVALID',
      `单位所在区域应为：${Object.values(REGION_LABELS).join('、')}`,
    );
  const degree = lookup(c.required('degree'), DEGREE_LABELS);
  if (cell('degree').trim() && !degree)
    c.fail('degree', 'DEGREE_INVALID', `学历应为：${Object.values(DEGREE_LABELS).join('、')}`);
  const titleAssociateSeniorOrAbove = c.bool('titleAssociateSeniorOrAbove', false);
  const skillGradeSeniorTechnicianOrAbove = c.bool('skillGradeSeniorTechnicianOrAbove', false);
  const employerIsMunicipalUnivHospResearch = c.bool('employerIsMunicipalUnivHospResearch', false);
  if (c.errors.length || listPriceFen === null || !employerRegion || !degree) return { errors: c.errors };
  return {
    row,
    downloadRef,
    agencyUscc,
    employerUscc,
    resumeRef,
    listPriceFen,
    downloadedOn,
    countedByYingcai,
    offeredAnnualSalary,
    employerRegion,
    degree,
    titleAssociateSeniorOrAbove,
    skillGradeSeniorTechnicianOrAbove,
    employerIsMunicipalUnivHospResearch,
  };
}

import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors/app-error';

/** One data row of an uploaded sheet: its spreadsheet row number and cells by header. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export const MAX_IMPORT_ROWS = 5_000;

/**
 * Reads the first sheet of an .xlsx, or a UTF-8 CSV, into rows keyed by the header row's
 * labels, every cell as text (dates as YYYY-MM-DD), so one validator serves both formats.
 */
export async function readSheet(fileName: string, content: Buffer): Promise<SheetRow[]> {
  const rows = /\.csv$/i.test(fileName) ? parseCsv(content.toString('utf8')) : await xlsxRows(content);
  const [header, ...data] = rows;
  if (!header) throw unreadable('The file has no header row. 文件没有表头。');
  const labels = header.map((h) => h.trim());
  const out: SheetRow[] = [];
  data.forEach((cells, index) => {
    if (cells.every((c) => !c.trim())) return;
    out.push({
      row: index + 2,
      cells: Object.fromEntries(labels.map((label, i) => [label, (cells[i] ?? '').trim()])),
    });
  });
  if (out.length > MAX_IMPORT_ROWS)
    throw new AppError(
      'IMPORT_TOO_MANY_ROWS',
      `At most ${MAX_IMPORT_ROWS} rows per file. 每个文件最多 ${MAX_IMPORT_ROWS} 行。`,
      {
        maxRows: MAX_IMPORT_ROWS,
      },
    );
  return out;
}

function unreadable(message: string) {
  return new AppError('IMPORT_FILE_UNREADABLE', message);
}

async function xlsxRows(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Not a readable .xlsx file. 无法读取该 Excel 文件（请使用 .xlsx 或 .csv）。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('The workbook has no sheet. 工作簿中没有工作表。');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c += 1)
      cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel keeps a date cell as a UTC midnight; the business date is its calendar day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF or LF), a leading BOM ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A workbook with one header row (text-formatted columns, so 身份证号 keeps its digits) and a notes sheet. */
export async function templateWorkbook(
  headers: readonly string[],
  notes: readonly string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '公共就业服务平台';
  const sheet = workbook.addWorksheet('导入');
  sheet.columns = headers.map((header) => ({
    header,
    width: Math.max(14, header.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('说明');
  help.columns = [{ header: '填写说明', width: 100 }];
  help.addRows(notes.map((note) => [note]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

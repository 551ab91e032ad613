import {
  TRAINING_REPORT_DIMENSION_LABELS,
  TrainingReport,
  TrainingReportDimension,
} from '@platform/contracts';
import ExcelJS from 'exceljs';

const COLUMNS = [
  { header: '本期新增报名（人次）', key: 'newEnrolments', width: 20 },
  { header: '累计报名（人次）', key: 'enrolments', width: 18 },
  { header: '累计参训人数', key: 'trainees', width: 14 },
  { header: '累计计入学时', key: 'creditedXueshi', width: 14 },
  { header: '本期结业（合格证明）', key: 'newCompletions', width: 20 },
  { header: '累计结业', key: 'completions', width: 12 },
];

/**
 * The 线上培训行动实施情况双周调度表 (R6, L5807-5813) as a workbook: a summary and one sheet per
 * dimension. The source omits the form, so the columns are the platform's [inferred] reading.
 */
export async function biweeklyWorkbook(
  reports: Record<TrainingReportDimension, TrainingReport>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '公共就业服务平台';
  const any = reports.district;
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [
    { header: '项目', key: 'item', width: 28 },
    { header: '数值', key: 'value', width: 24 },
  ];
  summary.addRows([
    { item: '统计区间', value: `${any.from} 至 ${any.to}` },
    ...COLUMNS.map((c) => ({ item: c.header, value: any.totals[c.key as keyof typeof any.totals] })),
    { item: '说明', value: '双周调度表格式原文未附，本表栏目为平台推断。' },
  ]);
  for (const [dimension, report] of Object.entries(reports) as [TrainingReportDimension, TrainingReport][]) {
    const sheet = workbook.addWorksheet(TRAINING_REPORT_DIMENSION_LABELS[dimension]);
    sheet.columns = [
      { header: TRAINING_REPORT_DIMENSION_LABELS[dimension], key: 'key', width: 30 },
      ...COLUMNS,
    ];
    sheet.addRows(report.rows);
    sheet.addRow({ key: '合计', ...report.totals });
  }
  workbook.eachSheet((sheet) => {
    sheet.getRow(1).font = { bold: true };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

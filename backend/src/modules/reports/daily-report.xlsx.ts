import ExcelJS from 'exceljs';
import type { DailyReport } from './daily-report';

/** The daily report as the Excel workbook agencies send to 市人才交流服务中心. */
export async function dailyReportWorkbook(
  report: DailyReport,
  names: { fair: string; agency: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '公共就业服务平台';
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [
    { header: '项目', key: 'item', width: 28 },
    { header: '数值', key: 'value', width: 40 },
  ];
  summary.addRows([
    { item: '双选会', value: names.fair },
    { item: '人力资源服务机构', value: names.agency },
    { item: '统计日期', value: report.day },
    { item: '参与用人单位数', value: report.totals.employers },
    { item: '参与毕业生数', value: report.totals.graduates },
    { item: '简历投递数', value: report.totals.submissions },
  ]);
  const byUniversity = workbook.addWorksheet('分高校');
  byUniversity.columns = [
    { header: '高校', key: 'university', width: 30 },
    { header: '参与毕业生数', key: 'graduates', width: 16 },
    { header: '简历投递数', key: 'submissions', width: 16 },
  ];
  byUniversity.addRows(report.universities);
  const employers = workbook.addWorksheet('参与用人单位');
  employers.columns = [{ header: '用人单位', key: 'name', width: 40 }];
  employers.addRows(report.employers);
  for (const sheet of [summary, byUniversity, employers]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

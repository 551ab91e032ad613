import type { CertificateContent } from '@platform/contracts';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../../seekers/resume-pdf';

/** The 培训合格证明 as an A4 page, rendered from the content frozen at issue, never from live data. */
export function renderCertificatePdf(
  content: CertificateContent,
  code: string,
  verifyUrl: string,
  revoked: boolean,
): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: `培训合格证明 ${code}` } });
  doc.registerFont('cjk', font.path, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('cjk').fontSize(26).fillColor('#1f4e8c').text('培训合格证明', { align: 'center' });
  doc.moveDown(0.3).fontSize(11).fillColor('#555').text('互联网+职业技能培训', { align: 'center' });
  if (revoked) doc.moveDown(0.5).fontSize(14).fillColor('#c0392b').text('本证明已撤销', { align: 'center' });
  doc.moveDown(1.5).fillColor('#000').fontSize(13);
  doc.text(
    `${content.traineeName}（身份证号 ${content.idNumberMasked ?? '—'}）于 ${content.classStartsOn} 至 ` +
      `${content.classEndsOn} 参加 ${content.institution} 举办的「${content.courseTitle}」` +
      `（${content.courseCode}）培训，完成规定学时，经考核合格，特此证明。`,
    { lineGap: 6 },
  );
  doc.moveDown(1).fontSize(12);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`, { lineGap: 4 });
  line('职业（工种）', content.occupation);
  line('等级', content.level);
  line('班级', content.className);
  line(
    '认定学时',
    `线上理论 ${content.hours.onlineTheory} 学时，线上实操 ${content.hours.onlinePractical} 学时，` +
      `线下实训 ${content.hours.offlinePractical} 学时`,
  );
  line('发证日期', content.issuedOn);
  doc.moveDown(1.5).fontSize(10).fillColor('#555');
  line('验证码', code);
  line('在线验证', verifyUrl);
  line('判定依据', `结业判定 ${content.decisionId}，政策版本 ${content.policyVersion}`);
  doc.end();
  return done;
}

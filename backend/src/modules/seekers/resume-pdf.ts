import { EDUCATION_LABELS, ResumeView } from '@platform/contracts';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../common/errors/app-error';

/** Debian's fonts-noto-cjk (installed by the services script and the api image). */
const CJK_FONTS = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

export function cjkFont() {
  const font = CJK_FONTS.find((f) => existsSync(f.path));
  if (!font)
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'The Chinese font for PDFs is not installed (fonts-noto-cjk). 服务器缺少中文字体，暂不能生成 PDF。',
    );
  return font;
}

/** A printable A4 resume; contacts appear exactly as the caller may see them (masked or not). */
export function renderResumePdf(resume: ResumeView): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${resume.displayName} 个人简历` } });
  doc.registerFont('cjk', font.path, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('cjk').fontSize(20).text(`${resume.displayName}  个人简历`);
  doc.fontSize(11).fillColor('#555').text(resume.headline);
  const contacts = [resume.contacts.phone, resume.contacts.email].filter(Boolean).join('  ');
  doc.text(
    [resume.university, resume.cohort ? `${resume.cohort}届` : null, contacts].filter(Boolean).join(' · '),
  );
  section(doc, '求职意向');
  const e = resume.expectations;
  doc.text(`${e.positionTitle} · ${e.district} · ${e.salaryMin}-${e.salaryMax} 元/月`);
  if (resume.summary) {
    section(doc, '自我评价');
    doc.text(resume.summary);
  }
  section(doc, '教育经历');
  for (const ed of resume.education)
    doc.text(`${ed.from} – ${ed.to}  ${ed.school}  ${ed.major}  ${EDUCATION_LABELS[ed.degree]}`);
  if (resume.experience.length) {
    section(doc, '实习与工作经历');
    for (const ex of resume.experience) {
      doc.text(`${ex.from} – ${ex.to}  ${ex.organization}  ${ex.role}`);
      if (ex.description) doc.fillColor('#555').text(ex.description, { indent: 12 }).fillColor('#000');
    }
  }
  if (resume.skills.length) {
    section(doc, '技能');
    doc.text(resume.skills.join('、'));
  }
  if (resume.certificates.length) {
    section(doc, '证书');
    doc.text(resume.certificates.join('、'));
  }
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc
    .moveDown(0.8)
    .fillColor('#1f4e8c')
    .fontSize(13)
    .text(title)
    .fillColor('#000')
    .fontSize(11)
    .moveDown(0.2);
}

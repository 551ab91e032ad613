import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from './certificate-pdf';
import { businessDate, maskName } from '@platform/contracts';

describe('what a verifier sees of a name', () => {
  it('keeps the first and last character and masks the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李')).toBe('*');
  });
});

describe('the issue day', () => {
  it('is the Asia/Shanghai day, not the UTC one', () => {
    expect(businessDate(new Date('2021-05-09T16:30:00Z'))).toBe('2021-05-10');
    expect(businessDate(new Date('2021-05-10T15:59:59Z'))).toBe('2021-05-10');
  });
});

describe('the certificate PDF', () => {
  it('is rendered from the frozen content with the code', async () => {
    const pdf = await renderCertificatePdf(
      {
        traineeName: '王小明',
        idNumberMasked: '5001**********1234',
        courseTitle: '育婴员（五级）线上培训',
        courseCode: 'CQ-1',
        occupation: '育婴员',
        level: '五级/初级工',
        institution: '重庆山城职业培训学校',
        className: '一班',
        classStartsOn: '2021-03-01',
        classEndsOn: '2021-04-30',
        hours: { onlineTheory: 40, onlinePractical: 12, offlinePractical: 8 },
        decisionId: '00000000-0000-4000-8000-000000000001',
        policyVersion: 'cq-2020.1',
        issuedOn: '2021-05-10',
      },
      '7Q2M-XK4D-9TRB',
      'http://localhost:3000/verify/7Q2M-XK4D-9TRB',
      false,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
  });
});

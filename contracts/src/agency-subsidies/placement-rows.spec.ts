import { describe, expect, it } from 'vitest';
import { checkPlacement, MAX_IMPORT_FEE_FEN, yuanToFen } from './placement-rows';

const valid = {
  realName: '张小花',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  employerUscc: '91350100M000100Y43',
  positionTitle: '装配工',
  referralDate: '2020-03-02',
  feeYuan: '0',
  channel: '网络双选会',
  signDate: '2020-03-10',
  startDate: '2020-03-16',
  endDate: '2021-03-15',
  categories: '农民工、登记失业人员',
};

describe('checkPlacement', () => {
  it('turns a valid row into a draft, the party defaulting to the employer', () => {
    const { draft, errors } = checkPlacement(valid, '2026-12-06', 2);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      channel: 'A3_ACTIVITY',
      feeChargedFen: 0,
      categories: ['MIGRANT_WORKER', 'REGISTERED_UNEMPLOYED'],
      contractPartyUscc: '91350100M000100Y43',
      openEnded: false,
    });
  });

  it.each([
    [{ feeYuan: '-1' }, '向劳动者收费(元)', 'FEE_NEGATIVE'],
    [{ feeYuan: String(MAX_IMPORT_FEE_FEN / 100 + 1) }, '向劳动者收费(元)', 'FEE_ABSURD'],
    [{ feeYuan: '12.345' }, '向劳动者收费(元)', 'FEE_INVALID'],
    [{ endDate: '2020-03-15' }, '合同结束日期', 'CONTRACT_END_BEFORE_START'],
    [{ referralDate: '2020-03-11' }, '推荐日期', 'REFERRAL_AFTER_SIGNING'],
    [{ startDate: '2026-12-07', endDate: '' }, '合同开始日期', 'DATE_IN_FUTURE'],
    [{ signDate: '2020-02-30' }, '合同签订日期', 'DATE_INVALID'],
    [{ idNumber: '110105194912310021' }, '身份证号', 'ID_NUMBER_INVALID'],
    [{ employerUscc: '91350100M000100Y44' }, '用人单位统一社会信用代码', 'USCC_INVALID'],
    [{ channel: '朋友介绍' }, '渠道', 'CHANNEL_INVALID'],
    [{ categories: '退役军人' }, '人员类别', 'CATEGORY_INVALID'],
    [{ realName: ' ' }, '姓名', 'REQUIRED'],
  ])('refuses %o with the column and code', (overrides, column, code) => {
    const { draft, errors } = checkPlacement({ ...valid, ...overrides }, '2026-12-06', 7);
    expect(draft).toBeNull();
    expect(errors).toContainEqual(expect.objectContaining({ row: 7, column, code }));
  });
});

describe('yuanToFen', () => {
  it('reads 元 with up to two decimals exactly', () => {
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('-3')).toBe(-300);
    expect(yuanToFen('abc')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { makeUnifiedSocialCreditCode } from '../id-numbers';
import { A5_COLUMNS, A5Column, checkA4Row, checkA5Row, yesNo } from './activity-rows';

const agency = makeUnifiedSocialCreditCode(11);
const employer = makeUnifiedSocialCreditCode(12);
const a5 = (overrides: Partial<Record<A5Column, string>> = {}) => {
  const cells: Record<A5Column, string> = {
    downloadRef: 'YC-1',
    agencyUscc: agency,
    employerUscc: employer,
    resumeRef: 'R-1',
    listPriceYuan: '30.00',
    downloadedOn: '2020-06-01',
    countedByYingcai: '是',
    offeredAnnualSalary: '150,000',
    employerRegion: '主城九区',
    degree: '本科',
    titleAssociateSeniorOrAbove: '',
    skillGradeSeniorTechnicianOrAbove: '',
    employerIsMunicipalUnivHospResearch: '否',
    ...overrides,
  };
  return (c: A5Column) => cells[c];
};

describe('activity import rows', () => {
  it('reads 是/否 and their latin forms, and nothing else', () => {
    expect([yesNo('是'), yesNo('n'), yesNo('1'), yesNo('也许')]).toEqual([true, false, true, null]);
  });

  it('turns a good A5 row into fen and the 人才 facts', () => {
    expect(checkA5Row(2, a5(), '2026-01-01')).toMatchObject({
      listPriceFen: 3_000,
      offeredAnnualSalary: 150_000,
      employerRegion: 'MAIN_CITY',
      degree: 'BACHELOR',
      countedByYingcai: true,
      titleAssociateSeniorOrAbove: false,
    });
  });

  it('names the column and code of every bad A5 cell', () => {
    const bad = checkA5Row(
      3,
      a5({
        listPriceYuan: '-1',
        downloadedOn: '2027-01-01',
        employerRegion: '火星',
        degree: '',
        countedByYingcai: '',
      }),
      '2026-01-01',
    );
    expect('errors' in bad && bad.errors.map((e) => [e.column, e.code])).toEqual([
      [A5_COLUMNS.listPriceYuan, 'PRICE_INVALID'],
      [A5_COLUMNS.downloadedOn, 'DATE_IN_FUTURE'],
      [A5_COLUMNS.countedByYingcai, 'BOOL_INVALID'],
      [A5_COLUMNS.employerRegion, 'REGION_INVALID'],
      [A5_COLUMNS.degree, 'REQUIRED'],
    ]);
  });

  it('refuses an A4 row without a valid credit code or a served answer', () => {
    const cells = { agencyUscc: agency, employerUscc: '123', employerName: '某公司', served: '' };
    const bad = checkA4Row(4, (c) => cells[c]);
    expect('errors' in bad && bad.errors.map((e) => e.code)).toEqual(['USCC_INVALID', 'BOOL_INVALID']);
  });
});

import {
  DEFAULT_AGENCY_SUBSIDY_POLICY,
  KEY_ENTERPRISE_COLUMNS,
  PLACEMENT_COLUMNS,
  SI_COLUMNS,
} from '@platform/contracts';
import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import {
  caller,
  Caller,
  daysFromToday,
  employer,
  organizer,
  publishedPosition,
  uniqueUscc,
} from '../../test-support/fair-fixtures';
import { readySeeker, validIdNumber } from '../../test-support/seeker-fixtures';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { AgencySubsidyPolicyService } from './agency-subsidy-policy.service';

let t: TestApp;
let pool: Pool;
let org: Awaited<ReturnType<typeof organizer>>;
let admin: Caller;
let adminId: string;
let unit: { id: string; uscc: string; name: string };

async function agencyAccount(): Promise<{ call: Caller; id: string }> {
  const user = await registerUser(t.app, ['agency']);
  const call = caller(t.app, user.accessToken);
  const created = await call('POST', '/api/agencies', {
    name: `山城人力${randomInt(0, 1e6)}`,
    uscc: uniqueUscc(),
    siteUrl: 'https://jobs.example.cn',
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  return { call, id: created.json().id };
}

function placement(overrides: Record<string, unknown> = {}) {
  return {
    realName: '张小花',
    idNumber: validIdNumber(),
    phone: '13912345678',
    employerUscc: unit.uscc,
    positionTitle: '装配工',
    referralDate: '2020-03-02',
    feeYuan: '0',
    channel: 'A3_ACTIVITY',
    signDate: '2020-03-10',
    startDate: '2020-03-16',
    endDate: '2021-03-15',
    categories: ['MIGRANT_WORKER'],
    ...overrides,
  };
}

/** A workbook as an agency fills the template: header row, then the rows given. */
async function workbook(headers: string[], rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(headers);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

function placementRow(values: Partial<Record<keyof typeof PLACEMENT_COLUMNS, string>>): string[] {
  const base = {
    realName: '李大山',
    idNumber: validIdNumber(),
    phone: '13800001111',
    employerUscc: unit.uscc,
    positionTitle: '焊工',
    referralDate: '2020-04-01',
    feeYuan: '0',
    channel: '网络双选会',
    signDate: '2020-04-10',
    startDate: '2020-04-15',
    endDate: '2021-04-14',
    openEnded: '否',
    categories: '农民工',
    schoolLeaveDate: '',
    unemploymentRegistrationDate: '',
    contractPartyUscc: '',
    ...values,
  };
  return (Object.keys(PLACEMENT_COLUMNS) as (keyof typeof PLACEMENT_COLUMNS)[]).map((k) => base[k]);
}

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  org = await organizer(t.app);
  const staff = await registerStaff(t.app, ['admin']);
  admin = caller(t.app, staff.accessToken);
  adminId = staff.user.id;
  const employerUnit = await employer(t.app, org);
  const row = await pool.query('select uscc, name from employers where id = $1', [employerUnit.id]);
  unit = { id: employerUnit.id, ...row.rows[0] };
});
afterAll(() => t.close());

describe('agency subsidy policy versions', () => {
  it('lists the Chongqing defaults with the values the sources leave open, to admins only', async () => {
    const list = await admin('GET', '/api/agency-subsidies/policies');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.defaults.version).toBe(DEFAULT_AGENCY_SUBSIDY_POLICY.version);
    expect(body.defaults.values.kAmountHardFen).toBe(50_000);
    expect(body.defaults.open).toEqual(expect.arrayContaining(['epidemicEndDate', 'claimDeadlineA1']));
    expect((await org.call('GET', '/api/agency-subsidies/policies')).json().code).toBe('FORBIDDEN_ROLE');
  });

  it('adds a version (audited), refuses the same name twice, and serves it from its effective day', async () => {
    const version = `as-test-${Date.now()}`;
    const input = {
      version,
      effectiveFrom: '2030-01-01T00:00:00+08:00',
      values: { ...DEFAULT_AGENCY_SUBSIDY_POLICY.values, epidemicEndDate: '2020-05-31' },
      note: '设定疫情结束日期',
    };
    const created = await admin('POST', '/api/agency-subsidies/policies', input);
    expect(created.statusCode).toBe(201);
    expect(created.json().open).not.toContain('epidemicEndDate');
    const again = await admin('POST', '/api/agency-subsidies/policies', input);
    expect([again.statusCode, again.json().code]).toEqual([409, 'AGENCY_POLICY_VERSION_TAKEN']);
    expect(
      (await org.call('POST', '/api/agency-subsidies/policies', { ...input, version: `${version}b` }))
        .statusCode,
    ).toBe(403);
    const bad = await admin('POST', '/api/agency-subsidies/policies', {
      ...input,
      version: `${version}-bad`,
      values: { ...input.values, kAmountBasicFen: -1 },
    });
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(
      (await admin('GET', `/api/agency-subsidies/policies/${version}`)).json().values.epidemicEndDate,
    ).toBe('2020-05-31');
    const policies = t.app.get(AgencySubsidyPolicyService);
    expect((await policies.policyOn('2030-01-01')).version).toBe(version);
    expect((await policies.policyOn('2029-12-31')).version).not.toBe(version);
    expect((await policies.effectiveAt('2030-01-01')).values.epidemicEndDate).toBe('2020-05-31');
    const audit = await pool.query(
      "select actor_id from audit_events where action = 'agency_subsidy_policy.create' and subject_id = $1",
      [version],
    );
    expect(audit.rows).toEqual([{ actor_id: adminId }]);
  });
});

describe('placements', () => {
  it('records a placement with the 身份证 encrypted and masked, refuses a repeat, and withdraws', async () => {
    const agency = await agencyAccount();
    const input = placement();
    const created = await agency.call('POST', '/api/agency-placements', input);
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view.worker.name).toBe('张*花');
    expect(view.worker.idNumberMasked).not.toContain(input.idNumber.slice(6, 14));
    expect(view.worker.phoneMasked).toBe('139****5678');
    expect(view.employer.uscc).toBe(unit.uscc);
    const stored = await pool.query('select id_number_cipher from subsidy_workers where id = $1', [
      view.worker.id,
    ]);
    expect(stored.rows[0].id_number_cipher).not.toContain(input.idNumber);

    const repeat = await agency.call('POST', '/api/agency-placements', input);
    expect([repeat.statusCode, repeat.json().code]).toEqual([409, 'PLACEMENT_DUPLICATE']);

    const withdrawn = await agency.call('POST', `/api/agency-placements/${view.id}/withdrawal`, {
      reason: '合同信息登记错误',
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const twice = await agency.call('POST', `/api/agency-placements/${view.id}/withdrawal`, {
      reason: '再次撤回',
    });
    expect(twice.json().code).toBe('PLACEMENT_WITHDRAWN');
    // Withdrawn, the same contract may be recorded again.
    expect((await agency.call('POST', '/api/agency-placements', input)).statusCode).toBe(201);
  });

  it('links the platform e-contract of the same person and employer, and refuses one that is not theirs', async () => {
    const { unit: hiring, positionId } = await publishedPosition(t.app, org);
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const application = (await seeker.call('POST', `/api/positions/${positionId}/applications`)).json();
    for (const to of ['shortlisted', 'interview', 'offer'])
      await hiring.call('POST', `/api/applications/${application.id}/moves`, { to });
    const agreement = (
      await hiring.call('POST', `/api/applications/${application.id}/agreement`, {
        kind: 'labor_contract',
        positionTitle: 'Java 开发工程师',
        monthlySalary: 8000,
        workplace: '重庆市渝北区',
        startOn: '2026-07-01',
        endOn: '2029-06-30',
        openEnded: false,
        probationMonths: 3,
      })
    ).json();
    await seeker.call('POST', `/api/agreements/${agreement.id}/signature`, { consentToElectronicForm: true });
    const hiringUscc = (await pool.query('select uscc from employers where id = $1', [hiring.id])).rows[0]
      .uscc;
    const agency = await agencyAccount();
    const linked = await agency.call(
      'POST',
      '/api/agency-placements',
      placement({ idNumber: seeker.idNumber, realName: '李明', employerUscc: hiringUscc }),
    );
    expect(linked.json().agreementId).toBe(agreement.id);
    const key = await pool.query('select contract_key from agency_placements where id = $1', [
      linked.json().id,
    ]);
    expect(key.rows[0].contract_key).toBe(agreement.id);
    const foreign = await agency.call(
      'POST',
      '/api/agency-placements',
      placement({ agreementId: agreement.id, employerUscc: unit.uscc }),
    );
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'PLACEMENT_AGREEMENT_MISMATCH']);
  });

  it('refuses bad input with the column and a stable code', async () => {
    const agency = await agencyAccount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ feeYuan: '-5' }, '向劳动者收费(元)', 'FEE_NEGATIVE'],
      [{ feeYuan: '99999999' }, '向劳动者收费(元)', 'FEE_ABSURD'],
      [{ endDate: '2020-03-01' }, '合同结束日期', 'CONTRACT_END_BEFORE_START'],
      [{ referralDate: '2020-03-11' }, '推荐日期', 'REFERRAL_AFTER_SIGNING'],
      [{ signDate: daysFromToday(5), referralDate: '2020-03-01' }, '合同签订日期', 'DATE_IN_FUTURE'],
      [{ idNumber: '500103199801011234' }, '身份证号', 'ID_NUMBER_INVALID'],
    ];
    for (const [overrides, column, code] of cases) {
      const refused = await agency.call('POST', '/api/agency-placements', placement(overrides));
      expect(refused.statusCode, code).toBe(422);
      expect(refused.json().code).toBe('PLACEMENT_INVALID');
      expect(refused.json().details.errors).toContainEqual(expect.objectContaining({ column, code }));
    }
    const unknown = await agency.call(
      'POST',
      '/api/agency-placements',
      placement({ employerUscc: uniqueUscc() }),
    );
    expect(unknown.json().code).toBe('EMPLOYER_NOT_FOUND');
  });

  it('keeps each agency to its own placements; staff read all; other roles are refused', async () => {
    const mine = await agencyAccount();
    const other = await agencyAccount();
    const created = (await mine.call('POST', '/api/agency-placements', placement())).json();
    expect((await other.call('GET', `/api/agency-placements/${created.id}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    const foreignWithdraw = await other.call('POST', `/api/agency-placements/${created.id}/withdrawal`, {
      reason: '不是我的',
    });
    expect(foreignWithdraw.json().code).toBe('FORBIDDEN_NOT_OWNER');
    expect((await other.call('GET', '/api/agency-placements')).json().items).toEqual([]);
    expect(
      (await mine.call('GET', '/api/agency-placements')).json().items.map((p: { id: string }) => p.id),
    ).toEqual([created.id]);
    const staffList = await org.call('GET', `/api/agency-placements?agencyId=${mine.id}`);
    expect(staffList.json().items).toHaveLength(1);
    const seeker = caller(t.app, (await registerUser(t.app, ['seeker'])).accessToken);
    expect((await seeker('GET', '/api/agency-placements')).json().code).toBe('FORBIDDEN_ROLE');
    expect((await seeker('POST', '/api/agency-placements', placement())).json().code).toBe('FORBIDDEN_ROLE');
    const filtered = await mine.call('GET', '/api/agency-placements?status=withdrawn');
    expect(filtered.json().items).toEqual([]);
  });

  it('stores evidence files and audits each download; others may not fetch them', async () => {
    const agency = await agencyAccount();
    const other = await agencyAccount();
    const created = (await agency.call('POST', '/api/agency-placements', placement())).json();
    const pdf = Buffer.from('%PDF-1.4\n% labour contract\n');
    const uploaded = await agency.call('POST', `/api/agency-placements/${created.id}/evidence`, {
      kind: 'labour_contract',
      fileName: '劳动合同.pdf',
      contentType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(uploaded.statusCode).toBe(201);
    const evidenceId = uploaded.json().id;
    expect((await agency.call('GET', `/api/agency-placements/${created.id}`)).json().evidence).toHaveLength(
      1,
    );
    const downloaded = await agency.call('GET', `/api/placement-evidence/${evidenceId}`);
    expect(downloaded.rawPayload.equals(pdf)).toBe(true);
    expect((await org.call('GET', `/api/placement-evidence/${evidenceId}`)).statusCode).toBe(200);
    expect((await other.call('GET', `/api/placement-evidence/${evidenceId}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    const foreignUpload = await other.call('POST', `/api/agency-placements/${created.id}/evidence`, {
      kind: 'other',
      fileName: 'x.pdf',
      contentType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(foreignUpload.json().code).toBe('FORBIDDEN_NOT_OWNER');
    const audit = await pool.query(
      "select count(*)::int as n from audit_events where action = 'agency_placement.evidence.download' and subject_id = $1",
      [evidenceId],
    );
    expect(audit.rows[0].n).toBe(2);
  });
});

describe('placement import', () => {
  it('serves the template with the columns of the import', async () => {
    const agency = await agencyAccount();
    const response = await agency.call('GET', '/api/agency-placements/template.xlsx');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const header = (book.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(header).toEqual(Object.values(PLACEMENT_COLUMNS));
  });

  it('keeps the valid rows and lists each bad row with its row, column and code', async () => {
    const agency = await agencyAccount();
    const repeated = placementRow({ realName: '王重复' });
    const file = await workbook(Object.values(PLACEMENT_COLUMNS), [
      placementRow({ realName: '陈好' }),
      placementRow({ feeYuan: '-100' }),
      placementRow({ endDate: '2020-04-01' }),
      placementRow({ referralDate: '2020-04-20' }),
      placementRow({ startDate: daysFromToday(3), endDate: '', openEnded: '是' }),
      repeated,
      repeated,
      placementRow({ employerUscc: uniqueUscc() }),
      placementRow({ realName: '刘好', channel: '其他' }),
    ]);
    const response = await agency.call('POST', '/api/agency-placements/imports', {
      fileName: 'placements.xlsx',
      contentBase64: file,
    });
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ totalRows: 9, importedRows: 3 });
    expect(
      result.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, '向劳动者收费(元)', 'FEE_NEGATIVE'],
      [4, '合同结束日期', 'CONTRACT_END_BEFORE_START'],
      [5, '推荐日期', 'REFERRAL_AFTER_SIGNING'],
      [6, '合同开始日期', 'DATE_IN_FUTURE'],
      [8, null, 'PLACEMENT_DUPLICATE'],
      [9, '用人单位统一社会信用代码', 'EMPLOYER_NOT_FOUND'],
    ]);
    const listed = (await agency.call('GET', '/api/agency-placements')).json().items;
    expect(listed.map((p: { source: string }) => p.source)).toEqual(['import', 'import', 'import']);
    const batches = (await agency.call('GET', '/api/agency-placements/imports')).json().items;
    expect(batches[0]).toMatchObject({ batchId: result.batchId, importedRows: 3 });
    expect(batches[0].errors).toHaveLength(6);
  });

  it('refuses a file that is not a spreadsheet, and imports from other roles', async () => {
    const agency = await agencyAccount();
    const junk = await agency.call('POST', '/api/agency-placements/imports', {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(junk.json().code).toBe('IMPORT_FILE_UNREADABLE');
    const file = await workbook(Object.values(PLACEMENT_COLUMNS), [placementRow({})]);
    const byOrganizer = await org.call('POST', '/api/agency-placements/imports', {
      fileName: 'p.xlsx',
      contentBase64: file,
    });
    expect(byOrganizer.json().code).toBe('FORBIDDEN_ROLE');
  });
});

describe('social insurance months', () => {
  const csv = (rows: string[][]) =>
    Buffer.from([Object.values(SI_COLUMNS), ...rows].map((r) => r.join(',')).join('\r\n')).toString('base64');

  it('is imported only by staff holding the si_import permission, never by an agency', async () => {
    const agency = await agencyAccount();
    const file = {
      fileName: 'si.csv',
      contentBase64: csv([[validIdNumber(), '张三', unit.uscc, '2020-04', '已缴费']]),
    };
    expect((await agency.call('POST', '/api/social-insurance-months/imports', file)).json().code).toBe(
      'FORBIDDEN_ROLE',
    );
    const clerk = await organizer(t.app);
    expect((await clerk.call('POST', '/api/social-insurance-months/imports', file)).json().code).toBe(
      'FORBIDDEN_PERMISSION',
    );
    const granted = await admin('POST', `/api/users/${clerk.user.id}/permissions`, {
      permission: 'si_import',
    });
    expect(granted.statusCode).toBe(201);
    expect((await clerk.call('POST', '/api/social-insurance-months/imports', file)).json().importedRows).toBe(
      1,
    );
  });

  it('reports duplicate months and bad cells by row and column, updates a changed status, audits the batch', async () => {
    const clerk = await organizer(t.app);
    await admin('POST', `/api/users/${clerk.user.id}/permissions`, { permission: 'si_import' });
    const id = validIdNumber();
    const first = await clerk.call('POST', '/api/social-insurance-months/imports', {
      fileName: 'si-2020.csv',
      contentBase64: csv([
        [id, '赵六', unit.uscc, '2020-04', '已缴费'],
        [id, '赵六', unit.uscc, '2020-05', 'DEFERRED_UNPAID'],
        [id, '赵六', unit.uscc, '2020-04', '已缴费'],
        [id, '赵六', unit.uscc, '2020-13', '已缴费'],
        [id, '赵六', unit.uscc, '2020-06', '欠费'],
      ]),
    });
    const result = first.json();
    expect(result).toMatchObject({ totalRows: 5, importedRows: 2, updatedRows: 0 });
    expect(
      result.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [4, '缴费月份', 'SI_MONTH_DUPLICATE'],
      [5, '缴费月份', 'MONTH_INVALID'],
      [6, '缴费状态', 'SI_STATUS_INVALID'],
    ]);
    const second = await clerk.call('POST', '/api/social-insurance-months/imports', {
      fileName: 'si-2020b.csv',
      contentBase64: csv([
        [id, '赵六', unit.uscc, '2020-04', '已缴费'],
        [id, '赵六', unit.uscc, '2020-05', '缓缴已补缴'],
      ]),
    });
    expect(second.json()).toMatchObject({ importedRows: 0, updatedRows: 1 });
    expect(second.json().errors).toEqual([expect.objectContaining({ row: 2, code: 'SI_MONTH_DUPLICATE' })]);
    const list = (
      await clerk.call('GET', `/api/social-insurance-months?employerUscc=${unit.uscc}&q=赵`)
    ).json().items;
    expect(list.map((m: { month: string; status: string }) => [m.month, m.status])).toEqual([
      ['2020-05', 'DEFERRED_PAID'],
      ['2020-04', 'PAID'],
    ]);
    expect(list[0].workerName).toBe('赵*');
    const audit = await pool.query(
      "select details from audit_events where action = 'social_insurance.import' and subject_id = $1",
      [result.batchId],
    );
    expect(audit.rows[0].details).toMatchObject({ imported: 2, errors: 3 });
    const book = await workbook(Object.values(SI_COLUMNS), [
      [validIdNumber(), '钱七', unit.uscc, '2020-07', 'PAID'],
    ]);
    const xlsx = await clerk.call('POST', '/api/social-insurance-months/imports', {
      fileName: 'si.xlsx',
      contentBase64: book,
    });
    expect(xlsx.json().importedRows).toBe(1);
    const agency = await agencyAccount();
    expect((await agency.call('GET', '/api/social-insurance-months')).json().code).toBe('FORBIDDEN_ROLE');
  });
});

describe('key-enterprise registry', () => {
  it('is kept by staff, imported with row errors, and read per day', async () => {
    const uscc = uniqueUscc();
    const added = await org.call('POST', '/api/key-enterprises', {
      uscc,
      name: '重庆长安汽车股份有限公司',
      listName: '制造业产业链龙头企业',
      fromDate: '2020-02-22',
      toDate: '2020-12-31',
    });
    expect(added.statusCode).toBe(201);
    const other = uniqueUscc();
    const file = await workbook(Object.values(KEY_ENTERPRISE_COLUMNS), [
      [other, '重庆某机械有限公司', '工业“双百企业”', '2020-03-01', ''],
      ['91500000XXXXXXXXX1', '坏代码公司', '工业“双百企业”', '2020-03-01', ''],
      [uniqueUscc(), '日期错误公司', '工业“双百企业”', '2020-03-01', '2020-02-01'],
    ]);
    const imported = await org.call('POST', '/api/key-enterprises/imports', {
      fileName: 'ke.xlsx',
      contentBase64: file,
    });
    expect(imported.json().importedRows).toBe(1);
    expect(
      imported
        .json()
        .errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, '统一社会信用代码', 'USCC_INVALID'],
      [4, '失效日期', 'CONTRACT_END_BEFORE_START'],
    ]);
    const onDay = (await org.call('GET', `/api/key-enterprises?on=2021-01-05&q=${other}`)).json().items;
    expect(onDay.map((e: { uscc: string }) => e.uscc)).toEqual([other]);
    const expired = (await org.call('GET', `/api/key-enterprises?on=2021-01-05&q=${uscc}`)).json().items;
    expect(expired).toEqual([]);
    const agency = await agencyAccount();
    expect((await agency.call('GET', '/api/key-enterprises')).json().code).toBe('FORBIDDEN_ROLE');
    expect(
      (
        await agency.call('POST', '/api/key-enterprises/imports', {
          fileName: 'ke.xlsx',
          contentBase64: file,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the worker view', () => {
  it('shows a person the placements recorded for her 身份证 and by which agency, and no one else', async () => {
    const person = await registerUser(t.app, ['seeker']);
    const call = caller(t.app, person.accessToken);
    const idNumber = validIdNumber();
    expect(
      (await call('POST', '/api/seekers/me/verification', { realName: '周小梅', idNumber })).statusCode,
    ).toBe(201);
    const agency = await agencyAccount();
    const created = (
      await agency.call('POST', '/api/agency-placements', placement({ idNumber, realName: '周小梅' }))
    ).json();
    const mine = (await call('GET', '/api/subsidy-workers/me/placements')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        id: created.id,
        agencyName: created.agencyName,
        employerName: unit.name,
        claim: null,
      }),
    ]);
    const stranger = caller(t.app, (await registerUser(t.app, ['seeker'])).accessToken);
    expect((await stranger('GET', '/api/subsidy-workers/me/placements')).json().items).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/subsidy-workers/me/placements' })).statusCode,
    ).toBe(401);
  });
});

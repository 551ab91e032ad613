import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, organizer, publishedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { registerStaff, startTestApp, TestApp } from '../../test-support/test-app';
import { csvCell } from './exports.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('bulk exports of personal data (§3.6)', () => {
  it('need the designated-staff permission, and every export is audited', async () => {
    const org = await organizer(t.app);
    const { fair, positionId } = await publishedPosition(t.app, org);
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    await seeker.call('POST', `/api/positions/${positionId}/applications`);

    const url = `/api/fairs/${fair.id}/exports/applications.csv`;
    expect((await org.call('GET', url)).json()).toMatchObject({
      code: 'FORBIDDEN_PERMISSION',
      details: { permission: 'bulk_export' },
    });
    const admin = caller(t.app, (await registerStaff(t.app, ['admin'])).accessToken);
    expect(
      (await admin('POST', `/api/users/${org.user.id}/permissions`, { permission: 'bulk_export' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await org.call('POST', `/api/users/${org.user.id}/permissions`, { permission: 'bulk_export' })).json()
        .code,
    ).toBe('FORBIDDEN_ROLE');

    const csv = await org.call('GET', url);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('手机');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(seeker.user.phone);
    const pool = t.app.get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL);
    const audit = await pool.query(
      "select details from audit_events where action = 'export.applications' and subject_id = $1",
      [fair.id],
    );
    expect(audit.rows).toEqual([{ details: { rows: 1 } }]);
  });

  it('quotes cells and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

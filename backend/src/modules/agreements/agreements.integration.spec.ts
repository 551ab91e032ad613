import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizer, publishedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

const terms = {
  kind: 'labor_contract',
  positionTitle: 'Java 开发工程师',
  monthlySalary: 8000,
  workplace: '重庆市渝北区',
  startOn: '2026-07-01',
  endOn: '2029-06-30',
  openEnded: false,
  probationMonths: 3,
};

/** A graduate whose application reached the offer step with the given employer type. */
async function atOffer(employerInput: Record<string, unknown> = {}) {
  const { unit, positionId } = await publishedPosition(t.app, org, { employer: employerInput });
  const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
  const application = (await seeker.call('POST', `/api/positions/${positionId}/applications`)).json();
  for (const to of ['shortlisted', 'interview', 'offer'])
    await unit.call('POST', `/api/applications/${application.id}/moves`, { to });
  return { unit, seeker, application };
}

const pool = async () =>
  t.app.get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL);

describe('G. offers, signing, contracts (recruitment.md §2.9)', () => {
  it('AS-35: both sign online; signatures and times are stored, the chain verifies and 就业报到 can be processed', async () => {
    const { unit, seeker, application } = await atOffer();
    const offered = await unit.call('POST', `/api/applications/${application.id}/agreement`, terms);
    expect(offered.statusCode).toBe(201);
    const agreement = offered.json();
    expect(agreement).toMatchObject({
      status: 'offered',
      employerSignedAt: expect.any(String),
      seekerSignedAt: null,
    });

    expect(
      (
        await seeker.call('POST', `/api/agreements/${agreement.id}/signature`, {
          consentToElectronicForm: false,
        })
      ).json().code,
    ).toBe('AGREEMENT_CONSENT_REQUIRED');
    const signed = (
      await seeker.call('POST', `/api/agreements/${agreement.id}/signature`, {
        consentToElectronicForm: true,
      })
    ).json();
    expect(signed).toMatchObject({
      status: 'signed',
      seekerSignedAt: expect.any(String),
      terms: expect.objectContaining({ startOn: '2026-07-01', endOn: '2029-06-30' }),
    });
    expect(signed.chain.map((e: { kind: string }) => e.kind)).toEqual(['employer_signed', 'seeker_signed']);
    expect((await seeker.call('GET', `/api/applications/${application.id}`)).json()).toMatchObject({
      status: 'hired',
      agreementId: agreement.id,
    });

    const reported = await org.call('POST', `/api/agreements/${agreement.id}/report-for-duty`);
    expect(reported.json().reportedForDutyAt).toEqual(expect.any(String));
    expect((await seeker.call('GET', `/api/agreements/${agreement.id}/verification`)).json()).toEqual({
      intact: true,
      problems: [],
    });

    // Someone edits the salary in the database: the contract no longer verifies.
    await (
      await pool()
    ).query(`update agreements set terms = jsonb_set(terms, '{monthlySalary}', '6000') where id = $1`, [
      agreement.id,
    ]);
    expect((await unit.call('GET', `/api/agreements/${agreement.id}/verification`)).json()).toEqual({
      intact: false,
      problems: ['CONTENT_CHANGED'],
    });
  });

  it('AS-37: an SOE withdrawing a signed agreement must give a reason, is logged and flagged for organizers', async () => {
    const { unit, seeker, application } = await atOffer({ unitType: 'soe', name: '重庆某国有控股集团' });
    const agreement = (
      await unit.call('POST', `/api/applications/${application.id}/agreement`, terms)
    ).json();
    await seeker.call('POST', `/api/agreements/${agreement.id}/signature`, { consentToElectronicForm: true });

    expect((await unit.call('POST', `/api/agreements/${agreement.id}/revocation`, {})).json().code).toBe(
      'VALIDATION_FAILED',
    );
    const revoked = (
      await unit.call('POST', `/api/agreements/${agreement.id}/revocation`, { reason: '编制调整' })
    ).json();
    expect(revoked).toMatchObject({ status: 'revoked', revokedReason: '编制调整', flaggedForReview: true });
    const flagged = (await org.call('GET', '/api/agreements/flagged'))
      .json()
      .items.map((a: { id: string }) => a.id);
    expect(flagged).toContain(agreement.id);
    expect((await org.call('GET', '/api/notifications')).json().items[0]).toMatchObject({
      kind: 'agreement.flagged',
    });
    const audit = await (
      await pool()
    ).query("select details from audit_events where action = 'agreement.revoke' and subject_id = $1", [
      agreement.id,
    ]);
    expect(audit.rows[0].details).toMatchObject({
      reason: '编制调整',
      flaggedForReview: true,
      employerType: 'soe',
    });
    expect((await seeker.call('GET', `/api/agreements/${agreement.id}/verification`)).json().intact).toBe(
      true,
    );
  });

  it('an open-ended contract has no end date; offers need the offer step; strangers cannot read agreements', async () => {
    const { unit, seeker, application } = await atOffer({ unitType: 'enterprise' });
    const mixed = await unit.call('POST', `/api/applications/${application.id}/agreement`, {
      ...terms,
      openEnded: true,
    });
    expect(mixed.json().code).toBe('VALIDATION_FAILED');
    const openEnded = (
      await unit.call('POST', `/api/applications/${application.id}/agreement`, {
        ...terms,
        openEnded: true,
        endOn: null,
      })
    ).json();
    expect(openEnded.terms).toMatchObject({ openEnded: true, endOn: null });
    const revoked = (
      await unit.call('POST', `/api/agreements/${openEnded.id}/revocation`, { reason: '岗位取消' })
    ).json();
    expect(revoked.flaggedForReview).toBe(false);

    const early = await atOffer();
    const other = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    expect((await other.call('GET', `/api/agreements/${openEnded.id}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    expect(
      (await seeker.call('POST', `/api/applications/${early.application.id}/agreement`, terms)).json().code,
    ).toBe('FORBIDDEN_ROLE');
  });
});

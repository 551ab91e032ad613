import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizer, publishedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { OutreachService } from './outreach.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('targeted push (S3:2549-2551, S3:3160-3163)', () => {
  it('AS-47: a flagged low-skilled or poor seeker whose resume fits hears about a newly published position, once', async () => {
    const org = await organizer(t.app);
    const year = new Date().getUTCFullYear();
    const flagged = await readySeeker(t.app, {
      cohort: year,
      flags: [{ flag: 'registered_poor', evidence: '建档立卡编号 500101' }],
    });
    const unflagged = await readySeeker(t.app, { cohort: year });
    const mismatched = await readySeeker(
      t.app,
      { cohort: year, flags: [{ flag: 'low_skilled_older', evidence: '区就业中心认定' }] },
      {
        skills: ['驾驶'],
        education: [{ school: '某中学', major: '无', degree: 'secondary', from: '2000-09', to: '2003-06' }],
        expectations: { positionTitle: '司机', district: '万州区', salaryMin: 20000, salaryMax: 30000 },
      },
    );
    const { positionId } = await publishedPosition(t.app, org);

    const outreach = t.app.get(OutreachService);
    const first = await outreach.push(positionId); // what the push-targeted-position job runs
    expect(first.notified).toBeGreaterThanOrEqual(1);
    const inbox = (await flagged.call('GET', '/api/notifications')).json().items;
    expect(inbox[0]).toMatchObject({
      kind: 'position.recommended',
      link: `/positions/${positionId}`,
      body: expect.stringContaining('元/月'),
    });
    expect(
      (await unflagged.call('GET', '/api/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'position.recommended'),
    ).toBe(false);
    expect(
      (await mismatched.call('GET', '/api/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'position.recommended'),
    ).toBe(false);

    await outreach.push(positionId);
    const again = (await flagged.call('GET', '/api/notifications'))
      .json()
      .items.filter((n: { link: string }) => n.link === `/positions/${positionId}`);
    expect(again).toHaveLength(1);
  });
});

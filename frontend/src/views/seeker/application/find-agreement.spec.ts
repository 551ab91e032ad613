import { describe, expect, it } from 'vitest';
import type { StoredNotification } from '@/api/pipeline-types';
import { agreementIdsIn } from './find-agreement';

const A = '0b7c2d3e-1111-4222-8333-944455556666';
const B = '0b7c2d3e-1111-4222-8333-944455557777';
const note = (kind: string, link: string | null): StoredNotification => ({
  id: Math.random().toString(),
  kind,
  title: '',
  body: '',
  link,
  createdAt: '',
  read: false,
});

describe('agreementIdsIn', () => {
  it('takes the agreement ids from offer notifications, once each, newest first', () => {
    const ids = agreementIdsIn([
      note('agreement.offered', `/seeker/agreements/${B}`),
      note('application.status', `/seeker/applications/${A}`),
      note('agreement.offered', `/seeker/agreements/${A}`),
      note('agreement.offered', `/seeker/agreements/${B}`),
    ]);
    expect(ids).toEqual([B, A]);
  });

  it('ignores notifications without a link or with another one', () => {
    expect(
      agreementIdsIn([note('agreement.revoked', null), note('agreement.offered', '/elsewhere')]),
    ).toEqual([]);
  });
});

import { makeUnifiedSocialCreditCode } from '@platform/contracts';
import { apiCall } from './browser';

export interface PublishedCourseSeed {
  institution: { name: string; district: string; usccSerial: number };
  platform: { name: string; url: string };
  /** The course as `POST /api/training/courses` takes it, without its institution and platform. */
  course: Record<string, unknown>;
  /** The first day of the institution, project and platform listings. */
  listedFrom: string;
}

/**
 * An institution, a MOHRSS platform and a course listed in all three catalogues and published,
 * made through the api as staff keep the catalogue (K1, K6).
 */
export async function seedPublishedCourse(
  organizerToken: string,
  seed: PublishedCourseSeed,
): Promise<{ institutionId: string; platformId: string; courseId: string }> {
  const call = <T>(path: string, body: unknown) => apiCall<T>('POST', path, organizerToken, body);
  const institution = await call<{ id: string }>('/api/training/institutions', {
    name: seed.institution.name,
    unifiedSocialCreditCode: makeUnifiedSocialCreditCode(seed.institution.usccSerial),
    kind: 'training_institution',
    district: seed.institution.district,
  });
  const platform = await call<{ id: string }>('/api/training/platforms', {
    ...seed.platform,
    kind: 'mohrss',
    operator: '人力资源社会保障部',
  });
  const course = await call<{ id: string }>('/api/training/courses', {
    ...seed.course,
    institutionId: institution.id,
    platformId: platform.id,
  });
  for (const [catalogue, subjectId] of [
    ['institution', institution.id],
    ['project', course.id],
    ['platform', platform.id],
  ])
    await call('/api/training/listings', {
      catalogue,
      subjectId,
      listedFrom: seed.listedFrom,
      listedUntil: null,
      source: '渝人社办〔2020〕28号',
    });
  await call(`/api/training/courses/${course.id}/status`, { status: 'published' });
  return { institutionId: institution.id, platformId: platform.id, courseId: course.id };
}

import { describe, expect, it } from 'vitest';
import { checkCourseDesign, courseHours, listingCovers } from './course-design';

const theory = (hours: number, delivery: 'online' | 'offline' = 'online') => ({
  name: `理论${hours}`,
  kind: 'theory' as const,
  hours,
  delivery,
});
const practical = (hours: number, delivery: 'online' | 'offline') => ({
  name: `实训${hours}${delivery}`,
  kind: 'practical' as const,
  hours,
  delivery,
});

describe('course design (training.md K10)', () => {
  it('adds up theory, practical, online and offline hours', () => {
    expect(courseHours([theory(40), practical(12, 'online'), practical(8, 'offline')])).toEqual({
      theory: 40,
      practical: 20,
      online: 52,
      offline: 8,
      theoryShare: 40 / 60,
    });
  });

  it('lets a course with 30% theory go online, and refuses one below it', () => {
    expect(checkCourseDesign('skills', [theory(30), practical(70, 'offline')])).toEqual([]);
    expect(checkCourseDesign('skills', [theory(29), practical(71, 'offline')]).map((p) => p.code)).toEqual([
      'COURSE_THEORY_SHARE_TOO_LOW',
    ]);
  });

  it('leaves a fully offline course alone whatever its theory share', () => {
    expect(checkCourseDesign('skills', [theory(10, 'offline'), practical(90, 'offline')])).toEqual([]);
  });

  it('keeps the practicals of an entrepreneurship course offline (TR-23 design side)', () => {
    const problems = checkCourseDesign('entrepreneurship', [theory(40), practical(10, 'online')]);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'COURSE_PRACTICAL_MUST_BE_OFFLINE', module: '实训10online' }),
    ]);
    expect(checkCourseDesign('skills', [theory(40), practical(10, 'online')])).toEqual([]);
  });

  it('reads a listing as covering its first and last day, open-ended when no end', () => {
    const listing = { listedFrom: '2020-02-17', listedUntil: '2020-06-30' };
    expect(listingCovers(listing, '2020-02-16')).toBe(false);
    expect(listingCovers(listing, '2020-02-17')).toBe(true);
    expect(listingCovers(listing, '2020-06-30')).toBe(true);
    expect(listingCovers(listing, '2020-07-01')).toBe(false);
    expect(listingCovers({ listedFrom: '2020-02-17', listedUntil: null }, '2030-01-01')).toBe(true);
  });
});

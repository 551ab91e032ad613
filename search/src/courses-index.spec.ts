import { describe, expect, it } from 'vitest';
import { buildCourseSearch, COURSES_INDEX } from './courses-index';

describe('courses index', () => {
  it('keeps its mappings (changing them needs a version bump)', () => {
    expect(COURSES_INDEX).toMatchSnapshot();
  });

  it('asks for all three catalogue listings on the day when only subsidisable courses are wanted', () => {
    const request = buildCourseSearch({
      q: '育婴',
      subsidisableOn: '2020-04-01',
      onlineOnly: true,
      size: 10,
    });
    expect(request).toMatchSnapshot();
  });
});

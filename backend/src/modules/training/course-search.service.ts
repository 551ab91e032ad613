import { Inject, Injectable, Logger } from '@nestjs/common';
import { businessDate } from '@platform/contracts';
import {
  aliasName,
  buildCourseSearch,
  COURSE_FACETS,
  CourseDocument,
  COURSES_INDEX,
  SearchClient,
} from '@platform/search';
import { z } from 'zod';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import {
  decodeCursor,
  escapeHighlights,
  facetsOf,
  nextCursor,
  searchUnavailable,
  totalOf,
} from '../search/search-results';
import { CourseSearchQuerySchema } from './training.dto';

type Query = z.infer<typeof CourseSearchQuerySchema>;
const FACET_NAMES = Object.keys(COURSE_FACETS) as (keyof typeof COURSE_FACETS)[];

/** The trainee's catalogue search; browsing needs no account or real name (E1). */
@Injectable()
export class CourseSearchService {
  private readonly logger = new Logger(CourseSearchService.name);

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get alias(): string {
    return aliasName(this.config.SEARCH_INDEX_PREFIX, COURSES_INDEX);
  }

  async search(query: Query) {
    const request = buildCourseSearch({
      q: query.q || undefined,
      occupations: query.occupation,
      levels: query.level,
      kinds: query.kind,
      districts: query.district,
      onlineOnly: query.onlineOnly,
      subsidisableOn: query.subsidisableOn === 'today' ? businessDate() : query.subsidisableOn,
      size: query.size,
      after: decodeCursor(query.after),
    });
    let response;
    try {
      response = await this.client.search<CourseDocument>({ index: this.alias, ...request });
    } catch (error) {
      this.logger.warn({ err: error }, 'course search failed');
      throw searchUnavailable();
    }
    const hits = response.hits.hits;
    return {
      total: totalOf(response),
      items: hits.map((hit) => {
        const doc = hit._source!;
        return {
          id: doc.id,
          code: doc.code,
          title: doc.title,
          occupation: doc.occupation,
          level: doc.level,
          kind: doc.kind,
          institutionName: doc.institutionName,
          district: doc.district,
          theoryHours: doc.theoryHours,
          practicalHours: doc.practicalHours,
          onlineHours: doc.onlineHours,
          highlight: escapeHighlights(hit.highlight ?? {}),
        };
      }),
      facets: facetsOf(response, FACET_NAMES),
      next: nextCursor(hits, query.size),
    };
  }
}

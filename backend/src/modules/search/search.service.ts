import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  buildTitleSuggest,
  readPositionFacets,
  readTitleSuggestions,
  SearchClient,
  searchPositions,
} from '@platform/search';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { PositionSearchQuerySchema, TitleSuggestionQuerySchema } from './search.dto';
import { decodeCursor, escapeHighlights, nextCursor, searchUnavailable } from './search-results';
import { SearchSync } from './search-sync.service';

type Query = z.infer<typeof PositionSearchQuerySchema>;

/** Position search over the index; Elasticsearch errors never reach the user as such. */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly sync: SearchSync,
  ) {}

  async positions(query: Query) {
    if (query.salaryFrom !== undefined && query.salaryTo !== undefined && query.salaryFrom > query.salaryTo) {
      throw new AppError('VALIDATION_FAILED', 'The salary range is upside down. 薪资范围下限高于上限。', {
        fields: [{ path: 'salaryFrom' }],
      });
    }
    const after = decodeCursor(query.after);
    const response = await this.send(() =>
      searchPositions(this.client, this.sync.alias, {
        q: query.q || undefined,
        fairId: query.fairId,
        sessionId: query.sessionId,
        districts: query.district,
        industries: query.industry,
        educations: query.education,
        unitTypes: query.unitType,
        salaryFrom: query.salaryFrom,
        salaryTo: query.salaryTo,
        maxExperienceYears: query.maxExperienceYears,
        keyEnterpriseOnly: query.keyEnterpriseOnly,
        graduateSuitable: query.graduateSuitable,
        sort: query.sort,
        size: query.size,
        after,
      }),
    );
    const hits = response.hits;
    return {
      total: response.total,
      items: hits.map((hit) => {
        const doc = hit._source!;
        return {
          id: doc.id,
          title: doc.title,
          employerName: doc.employerName,
          district: doc.district,
          salaryMin: doc.salaryMin,
          salaryMax: doc.salaryMax,
          education: doc.education,
          isKeyEnterprise: doc.isKeyEnterprise,
          graduateSuitable: doc.graduateSuitable,
          experienceYears: doc.experienceYears,
          industry: doc.industry,
          fairId: doc.fairId,
          publishedAt: doc.publishedAt,
          highlight: escapeHighlights(hit.highlight ?? {}),
          score: hit._score ?? null,
        };
      }),
      facets: readPositionFacets(response.aggregations),
      next: nextCursor(hits, query.size),
    };
  }

  /** Distinct published titles beginning with what the user typed, for the search box. */
  async titleSuggestions(query: z.infer<typeof TitleSuggestionQuerySchema>): Promise<{ titles: string[] }> {
    if (!query.q) return { titles: [] };
    const response = await this.send(() =>
      this.client.search({ index: this.sync.alias, ...buildTitleSuggest(query.q) }),
    );
    return { titles: readTitleSuggestions(response) };
  }

  /** Any Elasticsearch failure becomes a stable 503; its message stays in the log. */
  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.logger.warn({ err: error }, 'search request failed');
      throw searchUnavailable();
    }
  }
}

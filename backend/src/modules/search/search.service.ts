import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  buildPositionSearch,
  buildTitleSuggest,
  PositionDocument,
  readPositionFacets,
  readTitleSuggestions,
  SearchClient,
} from '@platform/search';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { PositionSearchQuerySchema, TitleSuggestionQuerySchema } from './search.dto';
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
    const request = buildPositionSearch({
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
      after: decodeCursor(query.after),
    });
    const response = await this.send(() =>
      this.client.search<PositionDocument>({ index: this.sync.alias, ...request }),
    );
    const hits = response.hits.hits;
    const last = hits[hits.length - 1];
    return {
      total:
        typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0),
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
      next: hits.length === query.size && last?.sort ? encodeCursor(last.sort as (string | number)[]) : null,
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
      throw new AppError(
        'SEARCH_UNAVAILABLE',
        'Search is unavailable right now; please try again shortly. 搜索服务暂不可用，请稍后再试。',
      );
    }
  }
}

function encodeCursor(sort: (string | number)[]): string {
  return Buffer.from(JSON.stringify(sort)).toString('base64url');
}

function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return value;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid. 分页参数无效。', {
    fields: [{ path: 'after' }],
  });
}

/** Highlights come back with the document's own text; escape it, then restore only our tags. */
function escapeHighlights(highlight: Record<string, string[]>): Record<string, string[]> {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return Object.fromEntries(
    Object.entries(highlight).map(([field, fragments]) => [
      field,
      fragments.map((f) =>
        escape(f)
          .replace(/&lt;em&gt;/g, '<em>')
          .replace(/&lt;\/em&gt;/g, '</em>'),
      ),
    ]),
  );
}

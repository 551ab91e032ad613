import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  businessDate,
  COMBINED_SCORE,
  combinedScore,
  EDUCATION_LEVELS,
  EducationLevel,
  matchScore,
  Recommendation,
  RecommendationList,
} from '@platform/contracts';
import { buildRecommendationSearch, PositionDocument, SearchClient } from '@platform/search';
import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { positions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { SearchSync } from '../search/search-sync.service';
import { ResumesService } from '../seekers/resumes.service';
import { SeekersService } from '../seekers/seekers.service';
import {
  educationRank,
  ENGINE_CANDIDATES,
  isRecentGraduate,
  resumeWords,
  toBreakdown,
  toMatchResume,
} from './match-inputs';

const SHOWN = 20;

/**
 * "为你推荐" (recruitment.md §2.6): Elasticsearch proposes positions from the seeker's resume,
 * match-score.ts explains each, and the combined score (combined-score.ts) orders them; key
 * enterprises come first among equals (§2.6.5).
 */
@Injectable()
export class RecommendationsService {
  private readonly logger = new Logger(RecommendationsService.name);

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly sync: SearchSync,
    private readonly resumes: ResumesService,
    private readonly seekers: SeekersService,
  ) {}

  async forSeeker(actor: Actor): Promise<RecommendationList> {
    const resume = await this.resumes.load(actor.userId);
    if (!resume)
      throw new AppError('RESUME_REQUIRED', 'Create your resume to get recommendations. 请先填写简历。');
    const profile = await this.seekers.load(actor.userId);
    const year = Number(businessDate().slice(0, 4));
    const rank = educationRank(resume.content, profile);
    const request = buildRecommendationSearch({
      text: resumeWords(resume.content, profile),
      districts: [resume.content.expectations.district],
      eligibleEducations: EDUCATION_LEVELS.slice(0, rank + 1),
      salaryMin: resume.content.expectations.salaryMin,
      salaryMax: resume.content.expectations.salaryMax,
      recentGraduate: isRecentGraduate(profile, year),
      size: ENGINE_CANDIDATES,
    });
    const hits = await this.search(request);
    const open = await this.stillOpen(hits.map((h) => h._id!));
    const best = Math.max(0, ...hits.map((h) => h._score ?? 0));
    const cv = toMatchResume(resume.content, profile);
    const items = hits
      .filter((hit) => open.has(hit._id!))
      .map((hit): Recommendation & { publishedAt: string } => {
        const doc = hit._source!;
        const fit = matchScore({ ...doc, education: doc.education as EducationLevel }, cv, year);
        return {
          position: pick(doc),
          ...combinedScore(fit, hit._score ?? 0, best),
          match: toBreakdown(fit),
          publishedAt: doc.publishedAt,
        };
      })
      .sort(
        (a, b) =>
          b.combined - a.combined ||
          Number(b.position.isKeyEnterprise) - Number(a.position.isKeyEnterprise) ||
          b.match.score - a.match.score ||
          b.publishedAt.localeCompare(a.publishedAt) ||
          a.position.id.localeCompare(b.position.id),
      )
      .slice(0, SHOWN)
      .map(({ publishedAt: _publishedAt, ...item }) => item);
    return { items, formulaVersion: COMBINED_SCORE.version };
  }

  private async search(request: ReturnType<typeof buildRecommendationSearch>) {
    try {
      const response = await this.client.search<PositionDocument>({ index: this.sync.alias, ...request });
      return response.hits.hits;
    } catch (error) {
      this.logger.warn({ err: error }, 'recommendation search failed');
      throw new AppError(
        'SEARCH_UNAVAILABLE',
        'Recommendations are unavailable right now; please try again shortly. 推荐服务暂不可用，请稍后再试。',
      );
    }
  }

  /** The index may lag a closing or an expiry by seconds: PostgreSQL has the last word. */
  private async stillOpen(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db
      .select({ id: positions.id })
      .from(positions)
      .where(
        and(
          inArray(positions.id, ids),
          eq(positions.status, 'published'),
          or(isNull(positions.expiresOn), gte(positions.expiresOn, businessDate())),
        ),
      );
    return new Set(rows.map((r) => r.id));
  }
}

function pick(doc: PositionDocument): Recommendation['position'] {
  return {
    id: doc.id,
    title: doc.title,
    employerName: doc.employerName,
    fairId: doc.fairId,
    district: doc.district,
    salaryMin: doc.salaryMin,
    salaryMax: doc.salaryMax,
    education: doc.education,
    experienceYears: doc.experienceYears,
    graduateSuitable: doc.graduateSuitable,
    isKeyEnterprise: doc.isKeyEnterprise,
  };
}

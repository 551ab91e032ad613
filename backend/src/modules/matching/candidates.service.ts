import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  businessDate,
  Candidate,
  CandidateList,
  COMBINED_SCORE,
  combinedScore,
  EducationLevel,
  maskEmail,
  maskPhone,
  matchScore,
} from '@platform/contracts';
import { SearchClient } from '@platform/search';
import { and, eq, inArray } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { AppError } from '../../common/errors/app-error';
import { applications, positions, resumes, seekerProfiles, users } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { EmployersService } from '../employers/employers.service';
import { SearchSync } from '../search/search-sync.service';
import { candidateSearchFor, toBreakdown, toMatchResume } from './match-inputs';

type PositionRow = typeof positions.$inferSelect;
const ACTIVE = ['submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired'] as const;

/**
 * Ranked candidates for a position (recruitment.md §2.6): those who applied to it and the
 * searchable resumes Elasticsearch proposes, each explained like a recommendation. What an
 * employer may see is decided in PostgreSQL, never by the index alone: hidden resumes never,
 * applied_only ones only when they applied to this employer; contacts masked until they applied.
 */
@Injectable()
export class CandidatesService {
  private readonly logger = new Logger(CandidatesService.name);

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly sync: SearchSync,
    private readonly employers: EmployersService,
  ) {}

  async forPosition(actor: Actor, positionId: string, limit: number): Promise<CandidateList> {
    const [position] = await this.db.select().from(positions).where(eq(positions.id, positionId));
    if (!position) throw new AppError('NOT_FOUND', 'No such position. 岗位不存在。');
    const employer = await this.employers.load(position.employerId);
    assertOwnerOrRole(actor, employer.ownerUserId, STAFF_ROLES);

    // Independent reads run side by side: the engine's request is most of a match's time, and the
    // applicants and the resumes' rows need not wait for it or for each other.
    const [appliedRows, engine] = await Promise.all([
      this.db
        .select({ userId: applications.seekerUserId, applicationId: applications.id })
        .from(applications)
        .where(and(eq(applications.positionId, positionId), inArray(applications.status, [...ACTIVE]))),
      this.engineScores(position),
    ]);
    const applicationOf = new Map(appliedRows.map((r) => [r.userId, r.applicationId]));
    const ids = [...new Set([...applicationOf.keys(), ...engine.keys()])];
    if (!ids.length) return { items: [], formulaVersion: COMBINED_SCORE.version };

    const [rows, unmasked] = await Promise.all([
      // Only what a candidate shows and is scored on: up to ~100 rows per request.
      this.db
        .select({
          resume: { userId: resumes.userId, content: resumes.content, visibility: resumes.visibility },
          profile: {
            university: seekerProfiles.university,
            cohort: seekerProfiles.cohort,
            degree: seekerProfiles.degree,
            major: seekerProfiles.major,
          },
          user: { displayName: users.displayName, phone: users.phone, email: users.email },
        })
        .from(resumes)
        .innerJoin(users, eq(users.id, resumes.userId))
        .leftJoin(seekerProfiles, eq(seekerProfiles.userId, resumes.userId))
        .where(inArray(resumes.userId, ids)),
      hasAnyRole(actor, STAFF_ROLES) ? new Set<string>() : this.appliedToEmployer(employer.id, ids),
    ]);
    const year = Number(businessDate().slice(0, 4));
    const best = Math.max(0, ...engine.values());
    const target = { ...position, education: position.education as EducationLevel };

    const items = rows
      .filter(
        ({ resume }) =>
          resume.visibility === 'searchable' ||
          (resume.visibility === 'applied_only' && applicationOf.has(resume.userId)),
      )
      .map(({ resume, profile, user }): Candidate => {
        const fit = matchScore(target, toMatchResume(resume.content, profile), year);
        const masked = !unmasked.has(resume.userId);
        return {
          userId: resume.userId,
          displayName: user.displayName,
          university: profile?.university ?? null,
          cohort: profile?.cohort ?? null,
          headline: resume.content.headline,
          skills: resume.content.skills,
          expectations: {
            district: resume.content.expectations.district,
            salaryMin: resume.content.expectations.salaryMin,
            salaryMax: resume.content.expectations.salaryMax,
          },
          visibility: resume.visibility,
          source: applicationOf.has(resume.userId) ? 'applied' : 'searchable',
          applicationId: applicationOf.get(resume.userId) ?? null,
          contacts: masked
            ? { phone: maskPhone(user.phone), email: maskEmail(user.email), masked: true }
            : { phone: user.phone, email: user.email, masked: false },
          ...combinedScore(fit, engine.get(resume.userId) ?? null, best),
          match: toBreakdown(fit),
        };
      })
      .sort(
        (a, b) =>
          b.combined - a.combined ||
          Number(b.source === 'applied') - Number(a.source === 'applied') ||
          b.match.score - a.match.score ||
          a.userId.localeCompare(b.userId),
      )
      .slice(0, limit);
    return { items, formulaVersion: COMBINED_SCORE.version };
  }

  /**
   * Relevance of searchable resumes to the position. With the engine down the applicants are
   * still ranked by fit alone: an employer's own applicants never depend on the index.
   */
  private async engineScores(position: PositionRow): Promise<Map<string, number>> {
    const request = candidateSearchFor(position, Number(businessDate().slice(0, 4)));
    try {
      const response = await this.client.search({ index: this.sync.aliasOf('resume'), ...request });
      return new Map(response.hits.hits.map((hit) => [hit._id!, hit._score ?? 0]));
    } catch (error) {
      this.logger.warn({ err: error }, 'candidate search failed; ranking applicants only');
      return new Map();
    }
  }

  private async appliedToEmployer(employerId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.db
      .selectDistinct({ userId: applications.seekerUserId })
      .from(applications)
      .where(
        and(
          eq(applications.employerId, employerId),
          inArray(applications.seekerUserId, userIds),
          inArray(applications.status, [...ACTIVE]),
        ),
      );
    return new Set(rows.map((r) => r.userId));
  }
}

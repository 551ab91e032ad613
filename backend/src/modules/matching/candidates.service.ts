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
import { eq, sql, type SQL } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { AppError } from '../../common/errors/app-error';
import { applications, employers, positions, resumes, seekerProfiles, users } from '../../database/schema';
import { uuidArrayLiteral } from '../../infra/database/any-uuid';
import { DATABASE, Database } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { SearchSync } from '../search/search-sync.service';
import { candidateSearchFor, toBreakdown, toMatchResume } from './match-inputs';

type PositionRow = typeof positions.$inferSelect;
/**
 * An application still in play. Written as the partial index applications_active_key is, so that
 * PostgreSQL can answer "did this seeker apply to this employer" from the seeker's own entries.
 */
const activeApplication = (status: SQL) => sql`${status} not in ('withdrawn', 'rejected')`;

/**
 * The two reads of a match, built once and prepared by name on each connection: one before the
 * engine's request (the position, its employer's owner for the ownership check, its applicants) and
 * one after it (the ~100 resumes to score). On a busy host every round trip to PostgreSQL, and
 * every query Drizzle builds, costs milliseconds of a match that Elasticsearch already spends most of.
 */
function prepareCandidateReads(db: Database) {
  const position = db
    .select({
      position: positions,
      ownerUserId: employers.ownerUserId,
      applicants: sql<{ userId: string; applicationId: string }[]>`coalesce((
        select json_agg(json_build_object('userId', a.seeker_user_id, 'applicationId', a.id))
          from ${applications} a
         where a.position_id = ${positions.id} and ${activeApplication(sql`a.status`)}), '[]'::json)`,
    })
    .from(positions)
    .innerJoin(employers, eq(employers.id, positions.employerId))
    .where(eq(positions.id, sql.placeholder('positionId')))
    .prepare('candidates_position');
  // Only what a candidate shows and is scored on. Contacts show to the employer of a seeker who
  // applied to it (to any of its positions); staff review candidates with contacts masked.
  const resumesOf = db
    .select({
      resume: { userId: resumes.userId, content: resumes.content, visibility: resumes.visibility },
      profile: {
        university: seekerProfiles.university,
        cohort: seekerProfiles.cohort,
        degree: seekerProfiles.degree,
        major: seekerProfiles.major,
      },
      user: { displayName: users.displayName, phone: users.phone, email: users.email },
      seesContacts: sql<boolean>`(not ${sql.placeholder('staff')}::boolean and exists (
        select 1 from ${applications} a
         where a.seeker_user_id = ${resumes.userId} and a.employer_id = ${sql.placeholder('employerId')}::uuid
           and ${activeApplication(sql`a.status`)}))`,
    })
    .from(resumes)
    .innerJoin(users, eq(users.id, resumes.userId))
    .leftJoin(seekerProfiles, eq(seekerProfiles.userId, resumes.userId))
    .where(sql`${resumes.userId} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('candidates_resumes');
  return { position, resumesOf };
}

/**
 * Ranked candidates for a position (recruitment.md §2.6): those who applied to it and the
 * searchable resumes Elasticsearch proposes, each explained like a recommendation. What an
 * employer may see is decided in PostgreSQL, never by the index alone: hidden resumes never,
 * applied_only ones only when they applied to this employer; contacts masked until they applied.
 */
@Injectable()
export class CandidatesService {
  private readonly logger = new Logger(CandidatesService.name);
  private readonly reads: ReturnType<typeof prepareCandidateReads>;

  constructor(
    @Inject(DATABASE) db: Database,
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly sync: SearchSync,
  ) {
    this.reads = prepareCandidateReads(db);
  }

  async forPosition(actor: Actor, positionId: string, limit: number): Promise<CandidateList> {
    const [found] = await this.reads.position.execute({ positionId });
    if (!found) throw new AppError('NOT_FOUND', 'No such position. 岗位不存在。');
    const { position } = found;
    assertOwnerOrRole(actor, found.ownerUserId, STAFF_ROLES);

    const engine = await this.engineScores(position);
    const applicationOf = new Map(found.applicants.map((r) => [r.userId, r.applicationId]));
    const ids = [...new Set([...applicationOf.keys(), ...engine.keys()])];
    if (!ids.length) return { items: [], formulaVersion: COMBINED_SCORE.version };

    const rows = await this.reads.resumesOf.execute({
      // User ids from applications and from the index's document ids.
      ids: uuidArrayLiteral(ids),
      employerId: position.employerId,
      staff: hasAnyRole(actor, STAFF_ROLES),
    });
    const year = Number(businessDate().slice(0, 4));
    const best = Math.max(0, ...engine.values());
    const target = { ...position, education: position.education as EducationLevel };

    const items = rows
      .filter(
        ({ resume }) =>
          resume.visibility === 'searchable' ||
          (resume.visibility === 'applied_only' && applicationOf.has(resume.userId)),
      )
      .map(({ resume, profile, user, seesContacts }): Candidate => {
        const fit = matchScore(target, toMatchResume(resume.content, profile), year);
        const masked = !seesContacts;
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
}

import { Inject, Injectable } from '@nestjs/common';
import { desc, eq, inArray, or } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import {
  agencies,
  agencyPlacements,
  employers,
  seekerProfiles,
  subsidyLines,
  subsidyWorkers,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

/**
 * The worker's own view (recruitment.md §2.12): which agency recorded a placement of hers and
 * what became of its claim. She is found by account link or by her verified 身份证's keyed hash.
 */
@Injectable()
export class WorkerPlacementsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async mine(actor: Actor) {
    const [profile] = await this.db
      .select({ hash: seekerProfiles.idNumberHash })
      .from(seekerProfiles)
      .where(eq(seekerProfiles.userId, actor.userId));
    const workers = await this.db
      .select({ id: subsidyWorkers.id })
      .from(subsidyWorkers)
      .where(
        profile?.hash
          ? or(eq(subsidyWorkers.userId, actor.userId), eq(subsidyWorkers.idNumberHash, profile.hash))
          : eq(subsidyWorkers.userId, actor.userId),
      );
    if (!workers.length) return [];
    const rows = await this.db
      .select({ placement: agencyPlacements, agencyName: agencies.name, employerName: employers.name })
      .from(agencyPlacements)
      .innerJoin(agencies, eq(agencies.id, agencyPlacements.agencyId))
      .innerJoin(employers, eq(employers.id, agencyPlacements.employerId))
      .where(
        inArray(
          agencyPlacements.workerId,
          workers.map((w) => w.id),
        ),
      )
      .orderBy(desc(agencyPlacements.referralDate));
    const lines = rows.length
      ? await this.db
          .select()
          .from(subsidyLines)
          .where(
            inArray(
              subsidyLines.placementId,
              rows.map((r) => r.placement.id),
            ),
          )
          .orderBy(desc(subsidyLines.computedAt))
      : [];
    return rows.map(({ placement: p, agencyName, employerName }) => {
      const line = lines.find((l) => l.placementId === p.id);
      return {
        id: p.id,
        agencyName,
        employerName,
        positionTitle: p.positionTitle,
        referralDate: p.referralDate,
        signDate: p.signDate,
        feeChargedFen: p.feeChargedFen,
        status: p.status,
        recordedAt: p.createdAt.toISOString(),
        claim: line ? { scheme: line.scheme, status: line.status, amountFen: line.amountFen } : null,
      };
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { and, count, eq } from 'drizzle-orm';
import { positions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { approvedAgencies, countParticipatingEmployers, participatingEmployers } from './fair-participants';
import { FairsService } from './fairs.service';

/** The public fair page in one call: what a graduate or employer sees first. */
@Injectable()
export class FairPageService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly fairs: FairsService,
  ) {}

  async page(fairId: string) {
    const fair = await this.fairs.get(fairId);
    const [sessions, announcements, agencies, employers, employerCount, [published]] = await Promise.all([
      this.fairs.sessions(fairId),
      this.fairs.announcements(fairId),
      approvedAgencies(this.db, fairId),
      participatingEmployers(this.db, fairId),
      countParticipatingEmployers(this.db, fairId),
      this.db
        .select({ n: count() })
        .from(positions)
        .where(and(eq(positions.fairId, fairId), eq(positions.status, 'published'))),
    ]);
    return {
      fair,
      sessions,
      announcements,
      agencies,
      // The first 200 (key enterprises first); the count covers all of them.
      employers,
      counts: { employers: employerCount, positions: published.n, agencies: agencies.length },
    };
  }
}

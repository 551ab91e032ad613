import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { agencies, agencyApplications, employers, fairEmployers } from '../../database/schema';

/** AS-08/AS-44: approved for this fair and not blacklisted: the only agencies shown or selectable. */
export async function approvedAgencies(db: Executor, fairId: string) {
  const rows = await db
    .select({ application: agencyApplications, agency: agencies })
    .from(agencyApplications)
    .innerJoin(agencies, eq(agencies.id, agencyApplications.agencyId))
    .where(
      and(
        eq(agencyApplications.fairId, fairId),
        eq(agencyApplications.status, 'approved'),
        isNull(agencies.blacklistedAt),
      ),
    )
    .orderBy(asc(agencies.name));
  return rows.map((r) => ({
    id: r.agency.id,
    name: r.agency.name,
    siteUrl: r.agency.siteUrl,
    fairColumnUrl: r.application.facts.fairColumnUrl,
  }));
}

/** Approved employers taking part and not disqualified; key enterprises first (S3:2725-2729). */
export async function participatingEmployers(db: Executor, fairId: string, limit = 200) {
  const rows = await db
    .select({ employer: employers })
    .from(fairEmployers)
    .innerJoin(employers, eq(employers.id, fairEmployers.employerId))
    .where(
      and(
        eq(fairEmployers.fairId, fairId),
        isNull(fairEmployers.disqualifiedAt),
        eq(employers.status, 'approved'),
      ),
    )
    .orderBy(desc(employers.isKeyEnterprise), asc(employers.name))
    .limit(limit);
  return rows.map(({ employer: e }) => ({
    id: e.id,
    name: e.name,
    unitType: e.unitType,
    industry: e.industry,
    district: e.district,
    isKeyEnterprise: e.isKeyEnterprise,
    intro: e.intro,
  }));
}

export async function countParticipatingEmployers(db: Executor, fairId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(fairEmployers)
    .innerJoin(employers, eq(employers.id, fairEmployers.employerId))
    .where(
      and(
        eq(fairEmployers.fairId, fairId),
        isNull(fairEmployers.disqualifiedAt),
        eq(employers.status, 'approved'),
      ),
    );
  return row.n;
}

import type { PoolClient } from 'pg';
import type { DemoIds } from './demo-ids';

/**
 * Deletes what the generator wrote for a seed: its fairs with everything in them, its employers
 * and agencies (owned by its e-mail accounts, or its unit 0 owned by a demo account) and those
 * accounts. Rows other features created on top (applications, registrations…) are not the
 * generator's to delete: their foreign keys stop the removal with a clear message instead.
 */
export async function removeGenerated(client: PoolClient, ids: DemoIds): Promise<number> {
  const fairs = [ids.fair('running'), ids.fair('fair2020')];
  // The seed's job seekers (generate-resumes) are not the fair's: they stay.
  const users = await idsOf(
    client,
    "select id from users where email like $1 and email not like 'seeker-%'",
    [`%@${ids.emailDomain}`],
  );
  const employers = await idsOf(client, 'select id from employers where owner_user_id = any($1) or id = $2', [
    users,
    ids.employer(0),
  ]);
  const agencies = await idsOf(client, 'select id from agencies where owner_user_id = any($1) or id = $2', [
    users,
    ids.agency(0),
  ]);
  const steps: [string, unknown[]][] = [
    ['delete from positions where fair_id = any($1) or employer_id = any($2)', [fairs, employers]],
    [
      'delete from fair_employer_agencies where fair_id = any($1) or employer_id = any($2) or agency_id = any($3)',
      [fairs, employers, agencies],
    ],
    ['delete from fair_employers where fair_id = any($1) or employer_id = any($2)', [fairs, employers]],
    ['delete from agency_applications where fair_id = any($1) or agency_id = any($2)', [fairs, agencies]],
    ['delete from agency_attachments where agency_id = any($1)', [agencies]],
    ['delete from announcements where fair_id = any($1)', [fairs]],
    ['delete from fair_sessions where fair_id = any($1)', [fairs]],
    ['delete from fairs where id = any($1)', [fairs]],
    ['delete from employers where id = any($1)', [employers]],
    ['delete from agencies where id = any($1)', [agencies]],
    ['delete from users where id = any($1)', [users]],
  ];
  let deleted = 0;
  try {
    for (const [sql, params] of steps) deleted += (await client.query(sql, params)).rowCount ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code !== '23503') throw error;
    throw new Error(
      `The generated fair of seed "${ids.seed}" is in use (${(error as { detail?: string }).detail}); ` +
        'it cannot be replaced. Reset the database or generate with another --seed.',
    );
  }
  return deleted;
}

async function idsOf(client: PoolClient, sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(sql, params);
  return rows.map((row) => row.id);
}

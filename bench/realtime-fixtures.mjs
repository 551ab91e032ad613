// Fixtures of the realtime benchmark, made set-based rather than by 10,000 HTTP sign-ups: seekers
// and interviewers with a login session each (a refresh-token family, as the auth module keeps
// it) and an access token signed by the api's own AccessTokenService; one running fair with a
// booth; calls between interviewers and seekers; a queue filled through the api's own store.
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/run.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'backend/dist', path));

/** Users with one role and one open session each; returns [{ userId, sessionId }] in order. */
export async function users(db, { count, role, label }) {
  const { rows } = await db.query(
    `with made as (
       insert into users (phone, password_hash, display_name)
       select null, 'bench-no-login', $2 || g from generate_series(1, $1::int) g
       returning id, display_name
     ),
     granted as (insert into user_roles (user_id, role) select id, $3 from made),
     sessions as (
       insert into refresh_tokens (user_id, family_id, token_hash, expires_at, user_agent, ip)
       select id, gen_random_uuid(), encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
              now() + interval '1 day', 'bench/realtime', '127.0.0.1'
       from made
       returning user_id, family_id
     )
     select m.id as "userId", s.family_id as "sessionId"
     from made m join sessions s on s.user_id = m.id
     order by substring(m.display_name from '[0-9]+$')::int`,
    [count, label, role],
  );
  return rows.map((r) => ({ ...r, roles: [role] }));
}

/** Employers (approved) owned by the given interviewers, in the same order. */
export async function employers(db, owners) {
  const { rows } = await db.query(
    `insert into employers (owner_user_id, name, uscc, unit_type, size, industry, district, intro,
                            contact_name, contact_phone, status)
     select owner, '压测单位' || n, 'BENCHRTB' || lpad(n::text, 10, '0'), 'enterprise', '50-99', '制造业',
            '渝北区', '压测', '联系人', '13900000000', 'approved'
     from unnest($1::uuid[]) with ordinality as o(owner, n)
     returning id, owner_user_id`,
    [owners.map((o) => o.userId)],
  );
  const byOwner = new Map(rows.map((r) => [r.owner_user_id, r.id]));
  return owners.map((o) => byOwner.get(o.userId));
}

/** A fair in its concentrated phase, with the given employers taking part. */
export async function runningFair(db, employerIds, createdBy) {
  const { rows } = await db.query(
    `insert into fairs (theme, year, launch_on, concentrated_end_on, agency_deadline_on, created_by)
     values ('压测双选会', 2026, current_date - 1, current_date + 30, current_date - 2, $1) returning id`,
    [createdBy],
  );
  const fairId = rows[0].id;
  await db.query('insert into fair_employers (fair_id, employer_id) select $1, unnest($2::uuid[])', [
    fairId,
    employerIds,
  ]);
  return fairId;
}

/** Calls in the lobby between host i and guest i, with their participants. */
export async function calls(db, { employerIds, hosts, guests }) {
  const { rows } = await db.query(
    `with made as (
       insert into calls (origin, employer_id, host_user_id, guest_user_id)
       select 'application', e, h, g from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as t(e, h, g)
       returning id, host_user_id, guest_user_id
     ),
     people as (
       insert into call_participants (call_id, user_id, role)
       select id, host_user_id, 'host' from made
       union all select id, guest_user_id, 'guest' from made
     )
     select id, host_user_id from made`,
    [employerIds, hosts.map((h) => h.userId), guests.map((g) => g.userId)],
  );
  const byHost = new Map(rows.map((r) => [r.host_user_id, r.id]));
  return hosts.map((h) => byHost.get(h.userId));
}

/** Access tokens exactly as the auth module signs them (its service, the bench's secret). */
export function tokenMinter(secret) {
  const { AccessTokenService } = dist('common/auth/access-token.service.js');
  const service = new AccessTokenService({ JWT_ACCESS_SECRET: secret, ACCESS_TOKEN_TTL_SECONDS: 3600 });
  return (user) => service.sign({ userId: user.userId, roles: user.roles, sessionId: user.sessionId });
}

/**
 * Puts the seekers in one booth's line through the api's own store (its Lua script), in order,
 * without the api's per-join publish: filling a line of 10,000 through the HTTP join would send
 * everyone already waiting a position on each join (n²/2 messages) before the benchmark begins.
 */
export async function fillQueue(redis, { queuePrefix, fairId, employerId, seekers }) {
  const { WaitingRoomStore } = dist('modules/calls/waiting-room.store.js');
  const store = new WaitingRoomStore(redis, { QUEUE_PREFIX: queuePrefix });
  const booth = { fairId, employerId };
  await store.setOpen(booth, true);
  for (let i = 0; i < seekers.length; i += 500) {
    const places = await Promise.all(seekers.slice(i, i + 500).map((s) => store.join(booth, s.userId, 3)));
    places.forEach(({ position }, j) => {
      if (position !== i + j + 1) throw new Error(`queue: seeker ${i + j + 1} got place ${position}`);
    });
  }
  return store;
}

/** Removes every booth line of the bench's prefix (a seeker may hold only a few places). */
export async function clearQueues(redis, queuePrefix) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:wr:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

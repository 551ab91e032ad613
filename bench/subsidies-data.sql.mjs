// Deterministic data for `npm run bench -- subsidies`, written into the bench database with
// set-based SQL (generate_series; one statement per table). Every random choice is a hash of the
// placement number and a salt (md5), so every generation holds the same facts.
//
// Per agency (default 100 placements): 30 employers (every third on the key-enterprise registry,
// every tenth a 事业单位, one in seventeen not approved); one worker per placement (~10% graduates
// via the 双选 activity, the rest one of four categories); 4-9 paid 社保 months from 2020-03 (none
// for August when the worker left, 15%); ~3% bad input (a negative fee), ~10% a fee charged to the
// worker, ~2% unverified referrals, ~10% short contracts, ~1% task-based; ~5% of the contracts also
// claimed by the neighbouring agency (claimed in August: in the ledger, not computed this period);
// one agency in 101 blacklisted. Claims fall on 2020-09-01..20, so the period 2020-09 computes all.
// ID numbers are one fixed ciphertext: the computation never decrypts them (PeriodInputLoader reads
// worker ids, categories and dates only). Activity rows (A3-A5) are not generated: the loader does
// not read them yet and the bench period settles no activities.
import { log } from '../scripts/lib/run.mjs';

export const BENCH_PERIOD = { label: '2020年9月（基准）', from: '2020-09-01', to: '2020-09-30' };
/** The defaults with TC0's test dates (subsidies.md §8), effective from generation time. */
const POLICY_VERSION = 'bench-tc0';

/** What was generated (recorded in the policy note), or null. */
export async function generatedShape(pool) {
  const { rows } = await pool.query(`select note from agency_subsidy_policy_versions where version = $1`, [
    POLICY_VERSION,
  ]);
  return rows[0] ? JSON.parse(rows[0].note) : null;
}

export async function generateSubsidyData(pool, { placements, perAgency }, defaultPolicyValues) {
  const agencies = Math.ceil(placements / perAgency);
  const started = performance.now();
  let rows = 0;
  // One session: the helper function and the temporary table live in it.
  const client = await pool.connect();
  const step = async (what, sql, params = []) => {
    const t0 = performance.now();
    const { rowCount } = await client.query(sql, params);
    rows += rowCount ?? 0;
    log(`  ${what}: ${rowCount} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query(
      `create function pg_temp.rnd(g bigint, salt int) returns double precision language sql immutable as
       $$ select ('x' || substr(md5(g::text || ':' || salt), 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
    );
    // Deterministic ids from the numbers (version-4 shaped: job payloads validate them), so the
    // tables join without lookup tables.
    await client.query(
      `create function pg_temp.id(kind text, n bigint) returns uuid language sql immutable as
       $$ select overlay(overlay(md5(kind || n::text) placing '4' from 13) placing '8' from 17)::uuid $$`,
    );
    await client.query(
      `create function pg_temp.uscc(a bigint, e int) returns text language sql immutable as
       $$ select '9150' || lpad(a::text, 8, '0') || lpad(e::text, 2, '0') || 'XX' $$`,
    );
    await step('bench user', `insert into users (password_hash, display_name) values ('x', '基准主管')`);
    await step(
      'policy',
      `insert into agency_subsidy_policy_versions (version, effective_from, values, note)
       values ($1, now() - interval '1 second', $2, $3)`,
      [
        POLICY_VERSION,
        JSON.stringify({
          ...defaultPolicyValues,
          epidemicEndDate: '2020-06-30',
          cqLevel1ResponseEndDate: '2020-03-10',
        }),
        JSON.stringify({ placements, perAgency }),
      ],
    );
    await step('period', `insert into subsidy_periods (label, from_date, to_date) values ($1, $2, $3)`, [
      BENCH_PERIOD.label,
      BENCH_PERIOD.from,
      BENCH_PERIOD.to,
    ]);
    await step(
      'agencies',
      `insert into agencies (id, owner_user_id, name, uscc, site_url, blacklisted_at, blacklist_reason)
       select pg_temp.id('a', a), pg_temp.id('ao', a), '基准人力资源机构' || a, '9150AG' || lpad(a::text, 10, '0'),
              'https://ag' || a || '.example.cn',
              case when a % 101 = 7 then timestamptz '2020-01-01 00:00+08' end,
              case when a % 101 = 7 then '基准：失信' end
         from generate_series(0, $1::int - 1) a`,
      [agencies],
    );
    await step(
      'employers (30 per agency)',
      `insert into employers (id, owner_user_id, name, uscc, unit_type, size, industry, district, intro,
         contact_name, contact_phone, status)
       select pg_temp.id('e' || a || '-', e), pg_temp.id('eo' || a || '-', e), '基准企业' || a || '-' || e,
              pg_temp.uscc(a, e), case when e % 10 = 9 then 'public_institution' else 'enterprise' end,
              'medium', '制造业', '渝北区', '基准', '李经理', '13800000000',
              case when e % 17 = 5 then 'pending' else 'approved' end
         from generate_series(0, $1::int - 1) a, generate_series(0, 29) e`,
      [agencies],
    );
    await step(
      'key-enterprise registry (every third employer)',
      `insert into key_enterprise_registry (uscc, name, list_name, from_date)
       select pg_temp.uscc(a, e), '基准企业' || a || '-' || e, '工业"双百企业"', '2020-01-01'
         from generate_series(0, $1::int - 1) a, generate_series(0, 29, 3) e`,
      [agencies],
    );
    await step(
      'placement facts (temporary)',
      `create temporary table gen as
       select g, g / $2::int as a, floor(pg_temp.rnd(g, 1) * 30)::int as e,
              pg_temp.rnd(g, 2) < 0.1 as graduate,
              1 + floor(pg_temp.rnd(g, 3) * 9)::int as sign_day,
              22 + floor(pg_temp.rnd(g, 4) * 6)::int as referral_day,
              4 + floor(pg_temp.rnd(g, 5) * 6)::int as months,
              pg_temp.rnd(g, 6) < 0.15 as left_job,
              pg_temp.rnd(g, 7) < 0.03 as bad,
              pg_temp.rnd(g, 8) > 0.02 as referral_verified,
              pg_temp.rnd(g, 9) < 0.1 as fee,
              pg_temp.rnd(g, 10) < 0.1 as short_contract,
              pg_temp.rnd(g, 11) < 0.01 as task_based,
              1 + floor(pg_temp.rnd(g, 12) * 20)::int as claim_day,
              floor(pg_temp.rnd(g, 13) * 4)::int as category,
              pg_temp.rnd(g, 14) < 0.05 as rival,
              20 + floor(pg_temp.rnd(g, 15) * 10)::int as rival_day
         from generate_series(0, $1::int - 1) g`,
      [placements, perAgency],
    );
    await step(
      'workers',
      `insert into subsidy_workers (id, id_number_hash, id_number_cipher, id_number_masked, real_name, categories,
         school_leave_date, unemployment_registration_date)
       select pg_temp.id('w', g), 'bench-' || g, 'bench-fixed-ciphertext', '500***********1234', '工人' || g,
              case when graduate then '["COLLEGE_GRAD", "REGISTERED_UNEMPLOYED"]'::jsonb
                   else jsonb_build_array((array['MIGRANT_WORKER', 'REGISTERED_UNEMPLOYED',
                     'EMPLOYMENT_DIFFICULTY', 'REGISTERED_POOR'])[category + 1]) end,
              case when graduate then date '2019-06-30' end, case when graduate then date '2019-09-01' end
         from gen`,
    );
    const sign = `case when graduate then date '2020-03-06' else make_date(2020, 3, sign_day) end`;
    await step(
      'placements',
      `insert into agency_placements (id, agency_id, worker_id, employer_id, referral_date, referral_verified, channel,
         fee_charged_fen, contract_key, contract_party_uscc, sign_date, start_date, end_date, task_based, claim_date, source)
       select pg_temp.id('p', g), pg_temp.id('a', a), pg_temp.id('w', g), pg_temp.id('e' || a || '-', e),
              case when graduate then date '2020-03-05' else make_date(2020, 2, referral_day) end, referral_verified,
              case when graduate then 'A3_ACTIVITY' else 'OTHER' end,
              case when bad then -100 when fee then 20000 else 0 end,
              'c' || g, pg_temp.uscc(a, e), ${sign}, ${sign},
              case when short_contract then date '2020-12-31' else date '2022-03-31' end, task_based,
              make_date(2020, 9, claim_day), 'import'
         from gen`,
    );
    await step(
      'rival claims of the same contracts (neighbouring agency, claimed in August)',
      `insert into agency_placements (id, agency_id, worker_id, employer_id, referral_date, referral_verified, channel,
         fee_charged_fen, contract_key, contract_party_uscc, sign_date, start_date, end_date, claim_date, source)
       select pg_temp.id('r', g), pg_temp.id('a', (a + 1) % $1::int), pg_temp.id('w', g), pg_temp.id('e' || a || '-', e),
              make_date(2020, 2, least(rival_day, 29)), true, 'OTHER', 0, 'c' || g, pg_temp.uscc(a, e),
              ${sign}, ${sign}, date '2022-03-31', date '2020-08-31', 'import'
         from gen where rival`,
      [agencies],
    );
    await step(
      '社保 months',
      `insert into social_insurance_months (worker_id, employer_uscc, month, status)
       select pg_temp.id('w', g), pg_temp.uscc(a, e), '2020-' || lpad(m::text, 2, '0'), 'PAID'
         from gen, generate_series(3, 8) m
        where m < 3 + months and not (left_job and m = 8)`,
    );
    await client.query('drop table gen');
  } finally {
    client.release();
  }
  await pool.query('vacuum analyze');
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log(`generated ${placements} placements (${rows} rows) in ${seconds} s`);
  // Kept with the data, so a run that reuses it still reports how long it took.
  await pool.query(`update agency_subsidy_policy_versions set note = $2 where version = $1`, [
    POLICY_VERSION,
    JSON.stringify({ placements, perAgency, generation: { seconds, rows } }),
  ]);
  return { seconds, rows };
}

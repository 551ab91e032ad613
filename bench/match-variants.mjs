// `npm run bench -- match-variants [--rounds N]`: on the indices and data a 1M `npm run bench --
// search` run left (same BENCH_* settings), the production candidate request against variants of
// it, for the bench's 62 match targets: how much of its top 100 / top 20 each variant keeps, how
// the final top 20 (the candidates service's ranking: fit and relevance combined) compares, and the
// p95 straight to Elasticsearch at concurrency 4. There is no judged set for candidates; two
// proxies stand in for one: the share of the final top 20 whose expected title is the position's
// own title, and their mean fit (match-score, the explainable rule the employer sees).
//   whole:    the fit bonuses as optional clauses of the query, scored over every match (what the
//             rescore of the 1,000 best text matches replaced; should keep everything)
//   terms40:  more_like_this with 40 words (before 2026-12-06) instead of 25
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../scripts/lib/run.mjs';
import { ENV, ES, matchTargets, PREFIX, publishedIds } from './search.mjs';
import { measureLatency, median, round } from './search-latency.mjs';

const require = createRequire(join(ROOT, 'backend/package.json'));

const VARIANTS = {
  production: (request) => request,
  whole: (request) => ({
    size: request.size,
    track_total_hits: false,
    _source: false,
    query: { bool: { must: [request.query], should: request.rescore.query.rescore_query.bool.should } },
  }),
  terms40: (request) => {
    const copy = structuredClone(request);
    copy.query.bool.should.find((c) => c.more_like_this).more_like_this.max_query_terms = 40;
    return copy;
  },
};

export default async function matchVariants() {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { rounds: { type: 'string', default: '3' } },
    allowPositionals: true,
  });
  const search = require('@platform/search');
  const { matchScore, combinedScore, businessDate } = require('@platform/contracts');
  const { candidateSearchFor, toMatchResume } = require('./dist/modules/matching/match-inputs');
  const { createPool } = require('./dist/infra/database/database');
  const client = search.createSearchClient({ url: ES, requestTimeoutMs: 600_000 });
  const index = search.aliasName(PREFIX, search.RESUMES_INDEX);
  const pool = createPool(ENV.DATABASE_URL, 2);
  const year = Number(businessDate().slice(0, 4));
  try {
    const targets = await matchTargets(pool, await publishedIds(pool));
    if (!targets.length) throw new Error('no generated positions: run `npm run bench -- search` first');
    const { rows: full } = await pool.query(`select * from positions where id = any($1::uuid[])`, [
      targets.map((t) => t.id),
    ]);
    const positionOf = new Map(full.map((p) => [p.id, p]));
    const requests = Object.fromEntries(
      Object.entries(VARIANTS).map(([name, vary]) => [
        name,
        targets.map((t) => vary(candidateSearchFor(t, year))),
      ]),
    );

    /** The final top 20 of each target as the candidates service ranks the engine's pool. */
    async function finalTop20(request, target) {
      const hits = (await client.search({ index, ...request })).hits.hits;
      const best = Math.max(0, ...hits.map((h) => h._score));
      const { rows } = await pool.query(
        `select r.user_id, r.content, p.cohort from resumes r
           left join seeker_profiles p on p.user_id = r.user_id where r.user_id = any($1::uuid[])`,
        [hits.map((h) => h._id)],
      );
      const p = positionOf.get(target.id);
      const position = {
        ...target,
        education: p.education,
        experienceYears: p.experience_years,
      };
      const scoreOf = new Map(hits.map((h) => [h._id, h._score]));
      const ranked = rows
        .map((r) => {
          const fit = matchScore(position, toMatchResume(r.content, { cohort: r.cohort }), year);
          const title = r.content.expectations?.positionTitle ?? '';
          return {
            id: r.user_id,
            fit: fit.score,
            title,
            ...combinedScore(fit, scoreOf.get(r.user_id), best),
          };
        })
        .sort((a, b) => b.combined - a.combined || b.fit - a.fit || a.id.localeCompare(b.id));
      return { pool: hits.map((h) => h._id), top: ranked.slice(0, 20) };
    }

    const results = {};
    const answers = {};
    for (const [name, list] of Object.entries(requests))
      answers[name] = await Promise.all(list.map((request, i) => finalTop20(request, targets[i])));
    for (const [name, list] of Object.entries(answers)) {
      const base = answers.production;
      let kept100 = 0;
      let keptTop20 = 0;
      let sameOrder = 0;
      let wishTitle = 0;
      let fit = 0;
      list.forEach((answer, i) => {
        kept100 +=
          answer.pool.filter((id) => base[i].pool.includes(id)).length / Math.max(1, base[i].pool.length);
        const baseTop = base[i].top.map((c) => c.id);
        keptTop20 += answer.top.filter((c) => baseTop.includes(c.id)).length / Math.max(1, baseTop.length);
        sameOrder += Number(answer.top.map((c) => c.id).join() === baseTop.join());
        wishTitle +=
          answer.top.filter((c) => c.title === targets[i].title).length / Math.max(1, answer.top.length);
        fit += answer.top.reduce((sum, c) => sum + c.fit, 0) / Math.max(1, answer.top.length);
      });
      const n = list.length;
      results[name] = {
        poolKept: round((100 * kept100) / n),
        top20Kept: round((100 * keptTop20) / n),
        sameTop20Order: `${sameOrder}/${n}`,
        wishTitlePercent: round((100 * wishTitle) / n),
        meanFit: round(fit / n),
        p95: [],
      };
    }
    const send = (request) => client.search({ index, ...request });
    const setting = { count: 400, concurrency: 4 };
    for (const list of Object.values(requests))
      await measureLatency(send, list, { count: 100, concurrency: 4 });
    for (let r = 0; r < Number(values.rounds); r++)
      for (const [name, list] of Object.entries(requests))
        results[name].p95.push((await measureLatency(send, list, setting)).p95);
    for (const result of Object.values(results)) result.p95Median = round(median(result.p95));
    report(targets.length, results);
  } finally {
    await pool.end();
    await client.close();
  }
}

function report(targets, results) {
  const at = new Date().toISOString();
  const md = [
    `# match variants (${at})`,
    '',
    `The production candidate request against variants, for ${targets} positions on the 1M bench's resumes index. Kept: share of the production request's pool of 100 and final top 20 (the service's combined ranking). Wish the title: share of the final top 20 whose expected title is the position's title. Mean fit: match-score of the final top 20. p95 straight to Elasticsearch, 400 requests at concurrency 4, median of the rounds.`,
    '',
    '| variant | pool kept | top 20 kept | same top-20 order | wish the title | mean fit | p95 ms (rounds) |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(results).map(
      ([name, r]) =>
        `| ${name} | ${r.poolKept}% | ${r.top20Kept}% | ${r.sameTop20Order} | ${r.wishTitlePercent}% | ${r.meanFit} | ${r.p95Median} (${r.p95.join(' / ')}) |`,
    ),
    '',
  ].join('\n');
  writeFileSync(
    join(ROOT, 'bench/results/match-variants.json'),
    JSON.stringify({ at, targets, results }, null, 2) + '\n',
  );
  writeFileSync(join(ROOT, 'bench/results/match-variants.md'), md);
  console.log(md);
}

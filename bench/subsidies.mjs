// `npm run bench -- subsidies [--placements N] [--per-agency K] [--runs R]`: the HR agency service
// subsidy engine (Algorithm 1, contracts/src/agency-subsidies/engine) on N deterministic placements
// (default 1,000,000) spread over N/K agencies (K = 100), with their 社保 months, workers, employers,
// ledger rivals and activity rows (bench/subsidies-data.mjs).
//   a. plain loop: evaluateAgencyPeriod once per agency, no queue, no database; the time of the
//      evaluations only (generating an agency's input is not timed); median of R runs (default 3);
//   b. the BullMQ-flow leg: bench/subsidies-flow.mjs (a hook another branch fills; reported when it
//      returns a result).
// Results: bench/results/subsidies.{json,md}.
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { log, ROOT, run } from '../scripts/lib/run.mjs';
import { agencyInput, agencyInputs, benchPolicy, datasetShape } from './subsidies-data.mjs';
import { runSubsidiesFlow } from './subsidies-flow.mjs';

const require = createRequire(join(ROOT, 'backend/package.json'));

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      placements: { type: 'string', default: '1000000' },
      'per-agency': { type: 'string', default: '100' },
      runs: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  return {
    placements: Number(values.placements),
    perAgency: Number(values['per-agency']),
    runs: Number(values.runs),
    build: !values['no-build'],
  };
}

export default async function subsidiesBench() {
  const opts = options();
  if (opts.build) await run('npm', ['run', 'build', '-w', 'contracts']);
  const { evaluateAgencyPeriod, DEFAULT_AGENCY_SUBSIDY_POLICY } = require('@platform/contracts');
  const policy = benchPolicy(DEFAULT_AGENCY_SUBSIDY_POLICY);
  const shape = datasetShape(opts);
  log(`subsidies: ${shape.placements} placements over ${shape.agencies} agencies, ${opts.runs} runs`);

  const runs = [];
  for (let r = 0; r < opts.runs; r++) {
    runs.push(plainLoop(evaluateAgencyPeriod, policy, opts));
    const last = runs.at(-1);
    log(
      `run ${r + 1}: ${last.seconds}s evaluating (${last.wallSeconds}s with generation), ${last.lines} lines`,
    );
    if (JSON.stringify(last.outcome) !== JSON.stringify(runs[0].outcome))
      throw new Error('the plain loop decided differently between runs');
  }
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)];
  const plain = {
    seconds: median.seconds,
    runsSeconds: runs.map((x) => x.seconds),
    agenciesPerSecond: Math.round(shape.agencies / median.seconds),
    placementsPerSecond: Math.round(shape.placements / median.seconds),
    lines: median.lines,
    outcome: median.outcome,
    peakHeapMb: Math.max(...runs.map((x) => x.peakHeapMb)),
  };
  const flow = await runSubsidiesFlow({ opts, shape, policy, agencyInputs, agencyInput, plain, require });
  if (flow?.outcome && JSON.stringify(flow.outcome) !== JSON.stringify(plain.outcome))
    throw new Error(
      `the flow decided differently: ${JSON.stringify({ plain: plain.outcome, flow: flow.outcome })}`,
    );
  report(opts, shape, policy, plain, flow);
}

function plainLoop(evaluateAgencyPeriod, policy, opts) {
  const outcome = {};
  let evaluating = 0n;
  let lines = 0;
  let peakHeap = 0;
  const wallStart = process.hrtime.bigint();
  let i = 0;
  for (const input of agencyInputs(opts)) {
    const start = process.hrtime.bigint();
    const result = evaluateAgencyPeriod(input, policy);
    evaluating += process.hrtime.bigint() - start;
    for (const line of result.lines) {
      const o = (outcome[`${line.kind}:${line.status}`] ??= { lines: 0, fen: 0 });
      o.lines++;
      o.fen += line.amountFen;
    }
    lines += result.lines.length;
    if (++i % 1000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const sortedOutcome = Object.fromEntries(Object.entries(outcome).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    seconds: round(Number(evaluating) / 1e9),
    wallSeconds: round(Number(process.hrtime.bigint() - wallStart) / 1e9),
    lines,
    outcome: sortedOutcome,
    peakHeapMb: Math.round(Math.max(peakHeap, process.memoryUsage().heapUsed) / 1e6),
  };
}

function report(opts, shape, policy, plain, flow) {
  const result = {
    benchmark: 'subsidies',
    at: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      note: 'cores shared with other work on the machine',
    },
    settings: { ...shape, runs: opts.runs, policyVersion: policy.version },
    summary: { plainLoop: plain, flow: flow ?? 'not run: bench/subsidies-flow.mjs returned null' },
  };
  const dir = join(ROOT, 'bench/results');
  writeFileSync(join(dir, 'subsidies.json'), JSON.stringify(result, null, 2) + '\n');
  const yuan = (fen) => (fen / 100).toFixed(2);
  const md = [
    '# HR agency service subsidy benchmark',
    '',
    `Run ${result.at} on ${result.machine.cpus} shared cores (Node ${process.version}): ${shape.placements} placements ` +
      `over ${shape.agencies} agencies (${shape.perAgency} each), deterministic data (bench/subsidies-data.mjs), ` +
      `policy ${policy.version}. Median of ${opts.runs} runs.`,
    '',
    '| measurement | seconds | rate |',
    '|---|---:|---:|',
    `| a. plain loop: evaluateAgencyPeriod per agency (no queue, no database; generation not timed) | ${plain.seconds} | ${plain.agenciesPerSecond} agencies/s, ${plain.placementsPerSecond} placements/s |`,
    flow
      ? `| b. BullMQ flow: a parent and ${flow.chunks} chunk children of ~1,000 placements, one in-process worker (generation not timed) | ${flow.seconds} | ${flow.agenciesPerSecond ?? '?'} agencies/s, ${flow.placementsPerSecond} placements/s; ${round(plain.seconds / flow.seconds, 2)} of the plain loop; queue overhead ${flow.queueOverheadSeconds} s = ${round(100 * flow.queueOverheadShareOfWall, 1)} % of ${flow.wallSeconds} s wall |`
      : '| b. BullMQ flow | not run (hook bench/subsidies-flow.mjs not filled yet) | |',
    '',
    `Runs: ${plain.runsSeconds.join(' s, ')} s. Peak heap ${plain.peakHeapMb} MB. Lines: ${plain.lines}.`,
    '',
    '| line kind:status | lines | amount (元) |',
    '|---|---:|---:|',
    ...Object.entries(plain.outcome).map(([k, o]) => `| ${k} | ${o.lines} | ${yuan(o.fen)} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'subsidies.md'), md);
  log(md);
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

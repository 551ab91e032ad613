import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSubsidyRequest } from './request';

/**
 * Runs the real script (backend/src/subsidy-evaluate.ts, the body of `npm run subsidy:evaluate`)
 * on the documented examples. It imports @platform/contracts from dist, so dist is rebuilt first.
 */
const ROOT = join(__dirname, '../../../..');
const script = join(ROOT, 'backend/src/subsidy-evaluate.ts');
const tsx = join(ROOT, 'node_modules/.bin/tsx');

function evaluate(stdin: string) {
  const out = spawnSync(tsx, [script], { input: stdin, encoding: 'utf8', cwd: join(ROOT, 'backend') });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run subsidy:evaluate (the script)', () => {
  beforeAll(() => {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: join(ROOT, 'contracts'),
    });
  }, 120_000);

  for (const name of ['agency-subsidy-ag01.json', 'agency-subsidy-activity.json'])
    it(`prints the lines and total of docs/examples/${name}`, () => {
      const text = readFileSync(join(ROOT, 'docs/examples', name), 'utf8');
      const run = evaluate(text);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const printed = JSON.parse(run.stdout);
      expect(printed).toEqual(JSON.parse(JSON.stringify(evaluateSubsidyRequest(text))));
      expect(printed.totalFen).toBeGreaterThan(0);
      expect(printed.lines[0].trail.length).toBeGreaterThan(2);
    }, 30_000);

  it('invalid input: exit code 2 and SUBSIDY_INPUT_INVALID with details', () => {
    const run = evaluate(JSON.stringify({ input: { agency: { agencyId: 'A' } } }));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const body = JSON.parse(run.stderr);
    expect(body.code).toBe('SUBSIDY_INPUT_INVALID');
    expect(body.details.map((d: { path: string }) => d.path)).toContain('input.asOf');
    const notJson = evaluate('{');
    expect(notJson.status).toBe(2);
    expect(JSON.parse(notJson.stderr).code).toBe('SUBSIDY_INPUT_INVALID');
  }, 30_000);
});

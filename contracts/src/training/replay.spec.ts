import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayDecision, ReplayInputError } from './replay';

describe('replaying a stored decision (npm run training:evaluate)', () => {
  it('replays the documented example claim with its explained amount', () => {
    const example = JSON.parse(
      readFileSync(join(__dirname, '../../../docs/examples/subsidy-claim.json'), 'utf8'),
    );
    expect(replayDecision(example)).toMatchObject({
      decision: 'APPROVED',
      lines: [{ kind: 'training', amount: 6000, explanation: expect.stringContaining('200 元/天 × 35 天') }],
    });
  });

  it('applies a partial policy over the defaults', () => {
    const example = JSON.parse(
      readFileSync(join(__dirname, '../../../docs/examples/subsidy-claim.json'), 'utf8'),
    );
    expect(replayDecision({ ...example, policy: { urgentCapPerPerson: 5000 } })).toMatchObject({
      lines: [{ amount: 5000 }],
    });
  });

  it('names what is wrong with bad input', () => {
    expect(() => replayDecision(null)).toThrow(ReplayInputError);
    expect(() => replayDecision({ kind: 'x' })).toThrow('"kind" must be "completion" or "subsidy"');
    expect(() => replayDecision({ kind: 'subsidy' })).toThrow('"claim" must be an object');
    expect(() => replayDecision({ kind: 'completion', input: { sessions: 3 } })).toThrow(
      '"input.sessions" must be an array',
    );
  });
});

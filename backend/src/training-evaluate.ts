import { replayDecision, ReplayInputError } from '@platform/contracts';
import { loadConfig } from './config/config';
import { createDatabase, createPool } from './infra/database/database';
import { replayStoredDecision } from './modules/training/completion/completion-decision.service';
import { TrainingPolicyService } from './modules/training/training-policy.service';

/**
 * `npm run training:evaluate < input.json`: replays one completion or subsidy decision from its
 * stored inputs and prints the outcome as JSON (input format: docs/training.md).
 * `npm run training:evaluate -- --decision <id>` re-runs a decision stored in PostgreSQL under its
 * stored policy version and says whether it matches; exit code 1 when it does not.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--decision');
  if (at !== -1) return replayStored(process.argv[at + 1] ?? '');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  let request: unknown;
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ReplayInputError('the input is not JSON');
  }
  console.log(JSON.stringify(replayDecision(request), null, 2));
}

async function replayStored(decisionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(decisionId)) throw new ReplayInputError('--decision needs a decision id');
  const pool = createPool(loadConfig().DATABASE_URL, 1);
  try {
    const db = createDatabase(pool);
    const result = await replayStoredDecision(db, new TrainingPolicyService(db), decisionId);
    console.log(JSON.stringify(result, null, 2));
    if (!result.matches) process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

main().catch((error: Error) => {
  const code = error instanceof ReplayInputError ? 'INPUT_INVALID' : 'EVALUATION_FAILED';
  console.error(`${code}: ${error.message}`);
  process.exit(2);
});

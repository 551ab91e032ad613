import { replayDecision, ReplayInputError } from '@platform/contracts';

/**
 * `npm run training:evaluate < input.json`: replays one completion or subsidy decision from its
 * stored inputs and prints the outcome as JSON (input format: docs/training.md).
 */
async function main(): Promise<void> {
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

main().catch((error: Error) => {
  const code = error instanceof ReplayInputError ? 'INPUT_INVALID' : 'EVALUATION_FAILED';
  console.error(`${code}: ${error.message}`);
  process.exit(2);
});

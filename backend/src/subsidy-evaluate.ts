import { evaluateSubsidyRequest, SubsidyInputError } from '@platform/contracts';

/**
 * `npm run subsidy:evaluate < input.json`: runs Algorithm 1 (HR agency service subsidies) on one
 * AgencyPeriodInput, or `{ input, policy }`, and prints `{ agencyId, period, policyVersion, lines,
 * totalFen }` with every line's trail (docs/subsidy-input.md). No database: a pure computation.
 * Invalid JSON or shape: `{ code: 'SUBSIDY_INPUT_INVALID', message, details }` on stderr, exit 2.
 */
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const result = evaluateSubsidyRequest(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: Error) => {
  const body =
    error instanceof SubsidyInputError
      ? { code: error.code, message: 'the input is not a valid agency period input', details: error.details }
      : { code: 'INTERNAL_ERROR', message: error.message, details: [] };
  process.stderr.write(`${JSON.stringify(body, null, 2)}\n`);
  process.exit(2);
});

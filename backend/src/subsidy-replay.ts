import { loadConfig } from './config/config';
import { createDatabase, createPool } from './infra/database/database';
import { AgencySubsidyPolicyService } from './modules/agency-subsidy-data/agency-subsidy-policy.service';
import { SubsidyReplayService } from './modules/agency-subsidies/subsidy-replay.service';

/**
 * `npm run subsidy:replay -- <line-id>`: recomputes a stored agency-subsidy line from its stored
 * input slice under its stored policy version and prints whether it is identical, with every
 * differing field. Exit code 1 when it differs, 2 when it cannot run.
 */
async function main(): Promise<void> {
  const lineId = process.argv[2] ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(lineId)) throw new Error('usage: npm run subsidy:replay -- <line-id>');
  const pool = createPool(loadConfig().DATABASE_URL, 1);
  try {
    const db = createDatabase(pool);
    const report = await new SubsidyReplayService(db, new AgencySubsidyPolicyService(db)).replay(lineId);
    console.log(JSON.stringify(report, null, 2));
    if (!report.identical) process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

main().catch((error: Error) => {
  console.error(`REPLAY_FAILED: ${error.message}`);
  process.exit(2);
});

import { isIsoDate } from '@platform/contracts';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../config/config';
import { createPool } from '../../infra/database/database';
import { DEMO_PASSWORD } from '../seed';
import { generateDemoFair, type GenerateResult } from './demo-fair-generator';
import { MAX_POSITIONS } from './plan';

const USAGE = `Usage: node dist/database/demo/generate.js [options]   (npm run db:demo -w backend -- [options])

Writes the demo recruitment fair "就在山城 圆梦青春" into DATABASE_URL.
  --positions N    positions to generate, 1 to ${MAX_POSITIONS.toLocaleString('en')} (default 2000); employers ≈ N/25
  --seed S         seed of every id and text (default cq2020); same seed and size give the same rows
  --replace        regenerate when this seed's fair exists (default: leave it and say so)
  --no-history     without the 2020 fair (launched 2020-03-05) and its closed positions
  --today D        build the running fair around business date D (YYYY-MM-DD; default today, Asia/Shanghai)
  --batch-size B   rows per INSERT (default 5000)`;

const OptionsSchema = z.object({
  positions: z.coerce.number().int().min(1).max(MAX_POSITIONS).default(2000),
  seed: z.string().min(1).max(100).default('cq2020'),
  replace: z.boolean().default(false),
  'no-history': z.boolean().default(false),
  today: z.string().refine(isIsoDate, 'expected YYYY-MM-DD').optional(),
  'batch-size': z.coerce.number().int().min(1).max(50_000).default(5000),
  help: z.boolean().default(false),
});

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      positions: { type: 'string' },
      seed: { type: 'string' },
      replace: { type: 'boolean' },
      'no-history': { type: 'boolean' },
      today: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return OptionsSchema.parse(values);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  const pool = createPool(loadConfig().DATABASE_URL, 1);
  try {
    const result = await generateDemoFair(pool, {
      seed: options.seed,
      positions: options.positions,
      withHistory: !options['no-history'],
      replace: options.replace,
      today: options.today,
      batchSize: options['batch-size'],
      log: (line) => console.log(`  ${line}`),
    });
    report(result, options.seed);
  } finally {
    await pool.end();
  }
}

function report(result: GenerateResult, seed: string): void {
  const seconds = result.elapsedMs / 1000;
  if (result.status === 'exists') {
    console.log(
      `demo fair of seed "${seed}" already generated (fair ${result.fairId}, ${result.rows.positions} positions); ` +
        'left as it is (--replace regenerates it)',
    );
    return;
  }
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log(
    `demo fair "就在山城 圆梦青春" generated in ${seconds.toFixed(1)} s (seed "${seed}", fair ${result.fairId})`,
  );
  for (const [table, rows] of Object.entries(result.rows))
    console.log(`  ${table.padEnd(24)} ${rows.toLocaleString('en')}`);
  console.log(
    `  ${total.toLocaleString('en')} rows, ${Math.round(total / seconds).toLocaleString('en')} rows/s`,
  );
  console.log(
    `  generated accounts log in by e-mail, e.g. employer-1@${result.emailDomain} or agency-1@${result.emailDomain}, ` +
      `password ${DEMO_PASSWORD}`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof z.ZodError ? `${z.prettifyError(error)}\n\n${USAGE}` : error);
    process.exit(1);
  });
}

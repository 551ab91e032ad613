import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The root logger batches lines in memory; run it in a child process so its real stdout is a pipe.
const LOGGER = join(__dirname, 'logger.ts');

function runChild(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: __dirname,
    encoding: 'utf8',
  });
}

describe('root logger', () => {
  it('writes every batched line, in order, when the process exits normally', () => {
    const out = runChild(`
      const { createRootLogger } = require(${JSON.stringify(LOGGER)});
      const logger = createRootLogger('info');
      for (let i = 0; i < 50; i++) logger.info({ reqId: 'r' + i }, 'request');
      logger.debug('below the level');
    `);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.reqId)).toEqual(Array.from({ length: 50 }, (_, i) => 'r' + i));
    expect(lines[0]).toMatchObject({ level: 30, service: 'api', msg: 'request' });
  });

  it('holds a quiet process’s lines no longer than the flush interval', () => {
    const out = runChild(`
      const { createRootLogger } = require(${JSON.stringify(LOGGER)});
      const logger = createRootLogger('info', 'worker');
      const { writeSync } = require('node:fs');
      logger.info('first');
      writeSync(1, 'MARK\\n');
      setTimeout(() => { writeSync(1, 'LATER\\n'); process.exit(0); }, 1500);
    `);
    // The line was still pending when MARK was written, and out before LATER (1.5 s later).
    const order = out
      .trim()
      .split('\n')
      .map((line) => (line.startsWith('{') ? JSON.parse(line).msg : line));
    expect(order).toEqual(['MARK', 'first', 'LATER']);
  });
});

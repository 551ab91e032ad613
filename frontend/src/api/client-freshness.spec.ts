// @vitest-environment node
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_PATH,
  EMITTER_PATH,
  emitDocument,
  formatDocument,
  renderSchema,
  SCHEMA_PATH,
} from '../../scripts/openapi-lib.mjs';

const FIX = 'run npm run openapi:generate';

/** The first line where two texts part, so the failure says what changed, not just that it did. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  fresh:     ${b[at] ?? '(end of file)'}`;
}

describe('the generated api client', () => {
  it('schema.d.ts is what openapi-typescript makes of the committed openapi.json', async () => {
    const document: unknown = JSON.parse(await readFile(DOCUMENT_PATH, 'utf8'));
    const fresh = await renderSchema(document);
    const committed = await readFile(SCHEMA_PATH, 'utf8');
    if (committed !== fresh) {
      expect.fail(`src/api/schema.d.ts is stale; ${FIX}\n${firstDifference(committed, fresh)}`);
    }
  });

  it('openapi.json is the document the backend emits now', async () => {
    if (!existsSync(EMITTER_PATH)) {
      expect.fail(
        `${EMITTER_PATH} is missing: build the backend (npm run build -w contracts -w search -w backend)`,
      );
    }
    const fresh = formatDocument(await emitDocument());
    const committed = await readFile(DOCUMENT_PATH, 'utf8');
    if (committed !== fresh) {
      expect.fail(
        `src/api/openapi.json is stale (the backend's api changed); ${FIX}\n${firstDifference(committed, fresh)}`,
      );
    }
    expect(committed).toBe(fresh);
  });
});

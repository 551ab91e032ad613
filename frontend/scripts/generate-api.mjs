#!/usr/bin/env node
// Writes src/api/openapi.json and src/api/schema.d.ts.
//   node scripts/generate-api.mjs                 build contracts/search/backend, run the emitter
//   node scripts/generate-api.mjs --skip-build    run the already built emitter
//   node scripts/generate-api.mjs path/to/doc.json  use a document someone else emitted
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DOCUMENT_PATH,
  REPO_DIR,
  SCHEMA_PATH,
  emitDocument,
  formatDocument,
  renderSchema,
} from './openapi-lib.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const source = args.find((arg) => !arg.startsWith('--'));

async function loadDocument() {
  if (source) return JSON.parse(readFileSync(resolve(process.cwd(), source), 'utf8'));
  if (!skipBuild) {
    // The emitter runs from backend/dist; a stale build would describe a stale api.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend'], {
      cwd: REPO_DIR,
      stdio: 'inherit',
    });
  }
  return emitDocument();
}

const document = await loadDocument();
writeFileSync(DOCUMENT_PATH, formatDocument(document));
writeFileSync(SCHEMA_PATH, await renderSchema(document));
console.log(`wrote ${DOCUMENT_PATH}\nwrote ${SCHEMA_PATH}`);

#!/usr/bin/env node
// Fails (exit 1) when apps/web/openapi.json or apps/web/src/api/schema.d.ts differ from what the
// built gateway generates now: a stale typed client is caught in CI, not in the browser.
// Regenerates into a temporary directory; never touches the committed files.
//   node apps/web/scripts/check-api-types.js   (after `npm run build` at the repo root)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiTypes, OUTPUTS, repoRoot } from './api-types.js';

const firstDifference = (expected, actual) => {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  generated: ${b[i] ?? '(end of file)'}`;
  }
  return '';
};

const temp = await mkdtemp(path.join(tmpdir(), 'adal-api-types-'));
let stale = 0;
try {
  const fresh = { openapi: path.join(temp, 'openapi.json'), schema: path.join(temp, 'schema.d.ts') };
  const generated = await generateApiTypes(fresh);
  for (const key of /** @type {const} */ (['openapi', 'schema'])) {
    const file = path.relative(repoRoot, OUTPUTS[key]);
    const committed = await readFile(OUTPUTS[key], 'utf8').catch(() => undefined);
    if (committed === undefined) {
      console.error(`${file} is missing`);
      stale++;
    } else if (committed !== generated[key]) {
      console.error(`${file} is stale, first difference at ${firstDifference(committed, generated[key])}`);
      stale++;
    }
  }
} catch (error) {
  console.error(`check-api-types: ${error instanceof Error ? error.message : String(error)}`);
  stale++;
} finally {
  await rm(temp, { recursive: true, force: true });
}
if (stale > 0) {
  console.error(
    "The web app's API types do not match the gateway: run `npm run api:types -w @adal/web` and commit the result.",
  );
  process.exit(1);
}
console.log("API types are up to date with the gateway's OpenAPI document");
process.exit(0);

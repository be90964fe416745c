#!/usr/bin/env node
// Writes apps/web/openapi.json and apps/web/src/api/schema.d.ts from the built gateway's
// OpenAPI document. Usage (after `npm run build` at the repo root):
//   npm run api:types -w @adal/web        (or: node apps/web/scripts/generate-api-types.js)
import path from 'node:path';
import { generateApiTypes, OUTPUTS, repoRoot } from './api-types.js';

try {
  await generateApiTypes();
  for (const file of Object.values(OUTPUTS)) console.log(`wrote ${path.relative(repoRoot, file)}`);
  process.exit(0);
} catch (error) {
  console.error(`generate-api-types: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

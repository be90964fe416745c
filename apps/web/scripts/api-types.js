// Shared by generate-api-types.js and check-api-types.js: the web app's API types come from the
// gateway's own OpenAPI document (built from its controllers and DTOs), never written by hand.
//
// Nothing is compiled here: the gateway must have been built (`npm run build` at the repo root,
// i.e. `tsc -b tsconfig.build.json`), and its `buildOpenApiDocument()` creates the Nest app
// without listening, reads the document and closes the app.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(webDir, '../..');
const gatewayOpenApi = path.join(repoRoot, 'services/gateway/dist/openapi.js');

/** Where the committed outputs live. */
export const OUTPUTS = {
  openapi: path.join(webDir, 'openapi.json'),
  schema: path.join(webDir, 'src/api/schema.d.ts'),
};

const HEADER = `/**
 * The gateway's public API, generated from its OpenAPI document (apps/web/openapi.json).
 * Do not edit: run \`npm run api:types -w @adal/web\` after changing a gateway route or DTO
 * (\`node apps/web/scripts/check-api-types.js\` fails when this file is stale).
 */

`;

/** The gateway's public OpenAPI document (needs `services/gateway/dist`). */
export const loadOpenApiDocument = async () => {
  if (!existsSync(gatewayOpenApi)) {
    throw new Error(
      `${path.relative(repoRoot, gatewayOpenApi)} is missing: run \`npm run build\` at the repository root first`,
    );
  }
  const { buildOpenApiDocument } = await import(pathToFileURL(gatewayOpenApi).href);
  if (typeof buildOpenApiDocument !== 'function') {
    throw new Error(
      `${path.relative(repoRoot, gatewayOpenApi)} does not export buildOpenApiDocument(): rebuild the gateway`,
    );
  }
  return buildOpenApiDocument();
};

/** The two generated texts: the document (stable JSON) and the TypeScript types (`paths`, `components`, `operations`). */
export const renderApiTypes = async (document) => {
  const ast = await openapiTS(structuredClone(document), { silent: true });
  // Formatted as the repository's Prettier config says, so `npm run format` leaves them as they are.
  const openapi = await format(JSON.stringify(document), OUTPUTS.openapi);
  const schema = await format(HEADER + astToString(ast), OUTPUTS.schema);
  return { openapi, schema };
};

const format = async (text, file) => {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
};

/** Generates both files into `outputs` (default: the committed locations). */
export const generateApiTypes = async (outputs = OUTPUTS) => {
  const rendered = await renderApiTypes(await loadOpenApiDocument());
  await mkdir(path.dirname(outputs.openapi), { recursive: true });
  await mkdir(path.dirname(outputs.schema), { recursive: true });
  await writeFile(outputs.openapi, rendered.openapi);
  await writeFile(outputs.schema, rendered.schema);
  return rendered;
};

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { JsonLogger } from '@adal/service-kit';
import { SERVICE_NAME, SERVICE_VERSION } from './app.module.js';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

const DESCRIPTION = `The public HTTP API of Adal Office. Every route says who may call it (**Who:** in its
description, and \`x-adal-access\`); sign in with \`POST /api/v1/auth/dev/sign-in\` in development and
send \`Authorization: Bearer <accessToken>\`.

Errors are RFC 9457 \`application/problem+json\`; a validation problem lists \`errors: [{ field, message }]\`
(400 for malformed JSON or wrong JSON types, 422 for values that break a rule). Texts follow
\`Accept-Language\` (\`kk\`, \`ru\`, \`en\`; Kazakh by default). Rate limits apply per signed-in user and per
client IP (429 with \`Retry-After\`); open data (the budget's reads, no sign-in) has its own, higher limit.`;

/** The OpenAPI document of the gateway's public API. */
export const createOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Adal Office API')
      .setDescription(DESCRIPTION)
      .setVersion(SERVICE_VERSION)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
  );

/** The document of the public API only: health and `GET /` are infrastructure. */
export const createPublicApiDocument = (app: INestApplication): OpenAPIObject => {
  const document = createOpenApiDocument(app);
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/')));
  return document;
};

/**
 * The public API document without a running gateway: creates the app (development config from
 * a fixed environment, so the document never depends on the caller's), reads the document,
 * closes the app. Never listens. Used by `apps/web/scripts/generate-api-types.js`.
 */
export const buildOpenApiDocument = async (): Promise<OpenAPIObject> => {
  // Imported here: `app.ts` imports this module.
  const { createGatewayApp } = await import('./app.js');
  const { loadGatewayConfig } = await import('./config.js');
  const config = { ...loadGatewayConfig({ NODE_ENV: 'development' }), apiDocs: false };
  const logger = new JsonLogger(SERVICE_NAME, { levels: ['fatal', 'error'] });
  const app = await createGatewayApp({ config, logger });
  try {
    return createPublicApiDocument(app);
  } finally {
    await app.close();
  }
};

/** Swagger UI at `/api/docs`, the document at `/api/docs-json`. */
export const setupOpenApi = (app: INestApplication): OpenAPIObject => {
  const document = createPublicApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Adal Office API',
  });
  return document;
};

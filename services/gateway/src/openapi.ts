import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_VERSION } from './app.module.js';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

const DESCRIPTION = `The public HTTP API of Adal Office. Every route says who may call it (**Who:** in its
description, and \`x-adal-access\`); sign in with \`POST /api/v1/auth/dev/sign-in\` in development and
send \`Authorization: Bearer <accessToken>\`.

Errors are RFC 9457 \`application/problem+json\`; a validation problem lists \`errors: [{ field, message }]\`
(400 for malformed JSON or wrong JSON types, 422 for values that break a rule). Texts follow
\`Accept-Language\` (\`kk\`, \`ru\`, \`en\`; Kazakh by default). Rate limits apply per signed-in user and per
client IP (429 with \`Retry-After\`).`;

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

/** Swagger UI at `/api/docs`, the document at `/api/docs-json`. */
export const setupOpenApi = (app: INestApplication): OpenAPIObject => {
  const document = createOpenApiDocument(app);
  // Only the public API: health and `GET /` are infrastructure.
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/')));
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Adal Office API',
  });
  return document;
};

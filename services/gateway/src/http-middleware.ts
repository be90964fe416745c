import { HttpStatus, Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { pathOf, type GatewayRequest, type GatewayResponse } from './http.js';
import { GatewayProblem } from './problems/gateway-problem.js';
import { routeOf } from './problems/problem.filter.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

const hasBody = (request: GatewayRequest): boolean => {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
};

/**
 * Request bodies of the public API are JSON: anything else (a form, plain text) is refused with
 * a 415 before it can be mistaken for an empty body.
 */
@Injectable()
export class JsonBodyOnlyMiddleware implements NestMiddleware {
  use(request: GatewayRequest, _response: GatewayResponse, next: () => void): void {
    if (
      pathOf(request).startsWith('/api/') &&
      hasBody(request) &&
      !JSON_TYPE.test(request.headers['content-type'] ?? '')
    ) {
      throw new GatewayProblem({ status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail: { key: 'detail.jsonOnly' } });
    }
    next();
  }
}

/**
 * One log line per API request: method, route template (never the raw URL or query, which can
 * carry personal data), status, duration.
 */
@Injectable()
export class AccessLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Access');

  use(request: GatewayRequest, response: GatewayResponse, next: () => void): void {
    if (!pathOf(request).startsWith('/api/')) {
      next();
      return;
    }
    const started = performance.now();
    response.once('finish', () => {
      const ms = Math.round(performance.now() - started);
      const who = request.principal ? request.principal.roles.join(',') : 'anonymous';
      this.logger.log(`${request.method} ${routeOf(request)} ${response.statusCode} ${ms} ms (${who})`);
    });
    next();
  }
}

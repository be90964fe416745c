import { Controller, Get, Module, NotFoundException, type INestApplication } from '@nestjs/common';
import { InvalidAppendError, WrongExpectedVersionError } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import {
  createServiceApp,
  JsonLogger,
  PROBLEM_CONTENT_TYPE,
  ProblemTypes,
  ServiceKitModule,
  ValidationProblemException,
  type JsonLogRecord,
} from './index.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

@Controller('boom')
class BoomController {
  @Get('conflict')
  conflict(): never {
    throw new WrongExpectedVersionError('booking-0190d3a4-7b1c-7cc3-a000-000000000001', 3n, 4n);
  }

  @Get('invalid-append')
  invalidAppend(): never {
    throw new InvalidAppendError('events[0].type', 'must be a non-empty string');
  }

  @Get('unexpected')
  unexpected(): never {
    throw new Error('secret internals: password=hunter2 at /srv/app');
  }

  @Get('not-found')
  notFound(): never {
    throw new NotFoundException('No such booking');
  }

  @Get('validation')
  validation(): never {
    throw new ValidationProblemException([{ field: 'slot.start', message: 'must be an ISO 8601 instant' }]);
  }
}

describe('service-kit over real HTTP: health and problem+json', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  const logs: JsonLogRecord[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('service_kit');
    @Module({
      imports: [
        ServiceKitModule.forService({
          name: 'kit-test',
          version: '9.9.9',
          eventStore: { connectionString: db.url, connectTimeoutMs: 2_000 },
        }),
      ],
      controllers: [BoomController],
    })
    class TestAppModule {}
    const logger = new JsonLogger('kit-test', {
      levels: ['fatal', 'error', 'warn', 'log'],
      write: (line) => logs.push(JSON.parse(line) as JsonLogRecord),
    });
    app = await createServiceApp({ name: 'kit-test', module: TestAppModule, logger });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  const problemOf = async (response: Response): Promise<Record<string, unknown>> => {
    expect(response.headers.get('content-type')?.split(';')[0]).toBe(PROBLEM_CONTENT_TYPE);
    return (await response.json()) as Record<string, unknown>;
  };

  it('answers liveness and GET /', async () => {
    const live = await get('/health');
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });
    const info = await get('/');
    expect(await info.json()).toEqual({ service: 'kit-test', version: '9.9.9' });
  });

  it('is ready when PostgreSQL answers, and the store migrated its schema', async () => {
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toContain('no-store');
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { postgres: { status: 'up' } } });

    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'kit_test' AND table_name = 'events'`,
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await get('/no/such/route?iin=123456789012');
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/no/such/route' });
    expect(JSON.stringify(problem)).not.toContain('123456789012');
  });

  it('keeps the status and message of a Nest HttpException', async () => {
    const response = await get('/boom/not-found');
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({
      status: 404,
      detail: 'No such booking',
      instance: '/boom/not-found',
    });
  });

  it('turns WrongExpectedVersionError into a 409 problem with a retry hint', async () => {
    const response = await get('/boom/conflict');
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('0');
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: ProblemTypes.concurrencyConflict,
      status: 409,
      retryable: true,
      instance: '/boom/conflict',
    });
    expect(typeof problem['title']).toBe('string');
    expect(typeof problem['detail']).toBe('string');
    expect(JSON.stringify(problem)).not.toContain('booking-');
  });

  it('turns InvalidAppendError into a 422 problem naming the field', async () => {
    const response = await get('/boom/invalid-append');
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: ProblemTypes.validation,
      status: 422,
      errors: [{ field: 'events[0].type', message: 'must be a non-empty string' }],
    });
    expect(problem['detail']).toContain('events[0].type');
  });

  it('answers a validation problem with one error per field', async () => {
    const response = await get('/boom/validation');
    expect(response.status).toBe(422);
    expect(await problemOf(response)).toMatchObject({
      type: ProblemTypes.validation,
      errors: [{ field: 'slot.start', message: 'must be an ISO 8601 instant' }],
    });
  });

  it('answers an unexpected error with a bare 500 problem, logging it with the trace id', async () => {
    const response = await get('/boom/unexpected', { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` });
    expect(response.status).toBe(500);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      instance: '/boom/unexpected',
      traceId: TRACE_ID,
    });
    const text = JSON.stringify(problem);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    expect(problem).not.toHaveProperty('stack');

    const logged = logs.find((l) => l.level === 'error' && l.traceId === TRACE_ID);
    expect(logged).toMatchObject({ service: 'kit-test', context: 'ProblemDetails' });
    expect(logged?.stack).toContain('BoomController');
  });

  it('writes every log line as JSON with time, level, service, msg and context', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(typeof line.time).toBe('string');
      expect(['fatal', 'error', 'warn', 'info']).toContain(line.level);
      expect(line.service).toBe('kit-test');
      expect(typeof line.msg).toBe('string');
    }
    expect(logs.some((l) => l.context === 'NestApplication')).toBe(true);
  });

  it('is not ready (503 problem) once its database is gone', async () => {
    await db.drop();
    const response = await get('/health/ready');
    expect(response.status).toBe(503);
    expect(await problemOf(response)).toMatchObject({
      type: ProblemTypes.notReady,
      status: 503,
      checks: { postgres: 'down' },
    });
    const live = await get('/health');
    expect(live.status).toBe(200);
  });
});

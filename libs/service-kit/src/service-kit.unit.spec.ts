import { BadRequestException, InternalServerErrorException, ServiceUnavailableException } from '@nestjs/common';
import {
  eventStoreSchemaFor,
  JsonLogger,
  logLevelsFrom,
  ProblemTypes,
  resolvePort,
  runWithRequestContext,
  toProblem,
  traceIdFromTraceparent,
  type JsonLogRecord,
} from './index.js';

describe('JsonLogger', () => {
  const capture = () => {
    const lines: JsonLogRecord[] = [];
    const logger = new JsonLogger('appointments', {
      levels: logLevelsFrom('debug'),
      write: (line) => lines.push(JSON.parse(line) as JsonLogRecord),
      now: () => new Date('2026-03-01T05:00:00.000Z'),
    });
    return { lines, logger };
  };

  it('writes one JSON object per call with Nest context handling', () => {
    const { lines, logger } = capture();
    logger.log('started', 'Bootstrap');
    const error = new Error('boom');
    logger.error('failed', error.stack, 'Handler');
    logger.error('no stack', undefined, 'Handler');
    logger.error('only a stack', error.stack);
    logger.verbose('hidden');
    runWithRequestContext({ traceId: 'a'.repeat(32) }, () => logger.warn('in a request'));
    expect(lines).toEqual([
      {
        time: '2026-03-01T05:00:00.000Z',
        level: 'info',
        service: 'appointments',
        msg: 'started',
        context: 'Bootstrap',
      },
      expect.objectContaining({ level: 'error', msg: 'failed', context: 'Handler', stack: error.stack }),
      {
        time: '2026-03-01T05:00:00.000Z',
        level: 'error',
        service: 'appointments',
        msg: 'no stack',
        context: 'Handler',
      },
      expect.objectContaining({ level: 'error', msg: 'only a stack', stack: error.stack }),
      expect.objectContaining({ level: 'warn', msg: 'in a request', traceId: 'a'.repeat(32) }),
    ]);
    expect(lines[3]).not.toHaveProperty('context');
  });

  it('reads a minimum level', () => {
    expect(logLevelsFrom('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(logLevelsFrom('info')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(logLevelsFrom(undefined)).toEqual(['fatal', 'error', 'warn', 'log']);
  });
});

describe('toProblem', () => {
  it('turns validation-pipe style message lists into field errors', () => {
    const { problem } = toProblem(
      new BadRequestException(['slot.start must be a date', 'officeId should not be empty']),
    );
    expect(problem).toMatchObject({
      type: ProblemTypes.validation,
      status: 400,
      errors: [
        { field: 'slot.start', message: 'must be a date' },
        { field: 'officeId', message: 'should not be empty' },
      ],
    });
  });

  it('hides the message of a deliberate 500', () => {
    const { problem } = toProblem(new InternalServerErrorException('pool exhausted at db-1:5432'));
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });

  it('summarises a failed health check without its error messages', () => {
    const body = {
      status: 'error',
      info: {},
      error: { postgres: { status: 'down', message: 'connect ECONNREFUSED 10.0.0.5:5432' } },
      details: { postgres: { status: 'down', message: 'connect ECONNREFUSED 10.0.0.5:5432' } },
    };
    const { problem } = toProblem(new ServiceUnavailableException(body));
    expect(problem).toEqual({
      type: ProblemTypes.notReady,
      title: 'Service Unavailable',
      status: 503,
      detail: 'Not ready: postgres',
      checks: { postgres: 'down' },
    });
  });
});

describe('helpers', () => {
  it('parses W3C traceparent', () => {
    expect(traceIdFromTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(traceIdFromTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeUndefined();
    expect(traceIdFromTraceparent('garbage')).toBeUndefined();
    expect(traceIdFromTraceparent(undefined)).toBeUndefined();
  });

  it('derives the schema and port', () => {
    expect(eventStoreSchemaFor('reception-queue')).toBe('reception_queue');
    expect(resolvePort(3001, {})).toBe(3001);
    expect(resolvePort(3001, { PORT: '4000' })).toBe(4000);
    expect(() => resolvePort(3001, { PORT: 'abc' })).toThrow(/PORT/);
  });
});

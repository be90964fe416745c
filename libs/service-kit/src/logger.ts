import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentTraceId } from './request-context.js';

/** Levels as they appear in the `level` field (Nest's `log` is written as `info`). */
export type JsonLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'verbose';

/** One log line. Never put personal data (IIN, names, phones, message bodies) in `msg`. */
export interface JsonLogRecord {
  time: string;
  level: JsonLogLevel;
  service: string;
  msg: string;
  context?: string;
  traceId?: string;
  /** Only on `error`/`fatal` lines that came with one. */
  stack?: string;
}

export interface JsonLoggerOptions {
  /** Nest levels to write; defaults from `LOG_LEVEL` (a minimum level), else log and above. */
  levels?: LogLevel[];
  /** Where lines go; one call per line, without the trailing newline. Default: stdout. */
  write?: (line: string) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Nest's levels, most severe first. */
const ORDER: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Every level at least as severe as `minimum` (`info` is accepted for `log`). */
export const logLevelsFrom = (minimum: string | undefined): LogLevel[] => {
  const wanted = (minimum === 'info' ? 'log' : minimum) as LogLevel | undefined;
  const index = wanted ? ORDER.indexOf(wanted) : -1;
  return ORDER.slice(0, (index < 0 ? ORDER.indexOf('log') : index) + 1);
};

const STACK = /^(.)+\n\s+at .+:\d+:\d+/;
const isStack = (value: unknown): value is string => typeof value === 'string' && STACK.test(value);

const stringify = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
};

/**
 * A Nest `LoggerService` writing one JSON object per line to stdout:
 * `{time, level, service, msg, context, traceId?}`. The trace id comes from the request
 * being handled (see `requestContextMiddleware`).
 */
export class JsonLogger implements LoggerService {
  private levels: Set<LogLevel>;
  private readonly write: (line: string) => void;
  private readonly now: () => Date;

  constructor(
    readonly service: string,
    options: JsonLoggerOptions = {},
  ) {
    this.levels = new Set(options.levels ?? logLevelsFrom(process.env['LOG_LEVEL']));
    this.write = options.write ?? ((line) => void process.stdout.write(`${line}\n`));
    this.now = options.now ?? (() => new Date());
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('log', message, params, false);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params, false);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params, false);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('verbose', message, params, false);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params, true);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params, true);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set(levels);
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.levels.has(level);
  }

  private emit(level: LogLevel, message: unknown, params: unknown[], withStack: boolean): void {
    if (!this.levels.has(level)) return;
    const rest = [...params];
    // Nest passes the context last: log(msg, ctx), error(msg, stack, ctx), error(msg, undefined, ctx).
    let context: string | undefined;
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(withStack && rest.length === 1 && isStack(last))) {
      context = last;
      rest.pop();
    }
    let stack: string | undefined;
    if (withStack) {
      if (isStack(rest[0])) stack = rest.shift() as string;
      else if (rest.length > 0 && rest[0] === undefined) rest.shift();
      if (!stack && message instanceof Error) stack = message.stack;
    }
    const parts = [message, ...rest.filter((p) => p !== undefined)].map(stringify);
    const record: JsonLogRecord = {
      time: this.now().toISOString(),
      level: level === 'log' ? 'info' : level,
      service: this.service,
      msg: parts.join(' '),
    };
    if (context) record.context = context;
    const traceId = currentTraceId();
    if (traceId) record.traceId = traceId;
    if (stack) record.stack = stack;
    this.write(JSON.stringify(record));
  }
}

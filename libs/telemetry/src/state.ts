/**
 * The running SDK, kept on `globalThis` so that `shutdownTelemetry()` finds it even if the
 * preload (`--import @adal/telemetry/register`) and the app resolved this library to two
 * module instances. Importing this file does not load the SDK.
 */

/** What `startTelemetry` started. */
export interface TelemetryHandle {
  /** `service.name` given to the SDK (undefined: the SDK default `unknown_service:node`). */
  serviceName: string | undefined;
  /** Exporters in use (`[]`: spans are made but exported nowhere). */
  exporters: string[];
  /** Exports the spans ended so far. */
  forceFlush(): Promise<void>;
  /** Exports what is left and stops the SDK (idempotent; gives up after 5 s). */
  shutdown(): Promise<void>;
}

const KEY = Symbol.for('@adal/telemetry.sdk');

type Holder = { [KEY]?: TelemetryHandle };

export const getTelemetryHandle = (): TelemetryHandle | undefined => (globalThis as Holder)[KEY];

export const setTelemetryHandle = (handle: TelemetryHandle | undefined): void => {
  (globalThis as Holder)[KEY] = handle;
};

/** True when the SDK was started in this process (`node --import @adal/telemetry/register`). */
export const isTelemetryStarted = (): boolean => getTelemetryHandle() !== undefined;

/** Exports the spans ended so far (no-op without the SDK). */
export const flushTelemetry = async (): Promise<void> => {
  await getTelemetryHandle()?.forceFlush();
};

/** Flushes and stops the SDK (no-op without it). Call before a deliberate `process.exit`. */
export const shutdownTelemetry = async (): Promise<void> => {
  await getTelemetryHandle()?.shutdown();
};

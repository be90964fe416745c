/**
 * @adal/domain-kit: the pure building blocks every domain shares (no framework, clock, randomness
 * or I/O; a purity test enforces it). Services never import each other; what their domains have in
 * common lives here, and each service keeps its own error codes and message texts.
 *
 * - languages: `Language`, `LocalizedText` (kk / ru / en)
 * - commands: `DomainCommand`, `unknownCommand`, `sameJson`
 * - time: `LocalDate` arithmetic, `LocalTime`, Almaty (UTC+5) `Instant`s
 * - calendar: Kazakhstan's public holidays as data, the working-day calendar built on them
 * - errors: `DomainError<Code>` and typed kk/ru/en message catalogues
 *
 * Test support (reads files, so not part of this entry): `@adal/domain-kit/testing`.
 */
export * from './language.js';
export * from './commands.js';
export * from './time/local-date.js';
export * from './time/local-time.js';
export * from './time/almaty-time.js';
export * from './calendar/kazakhstan-holidays.js';
export * from './calendar/working-days.js';
export * from './errors/messages.js';
export * from './errors/domain-error.js';

/**
 * The domain stays pure (docs/architecture.md): no framework, database, clock, randomness or I/O.
 * This guard reads the sources so a stray `Date.now()` fails a unit test, not a code review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

const forbidden: [string, RegExp][] = [
  ['reads the clock', /Date\.now\(|new Date\(\s*\)/],
  ['uses randomness', /Math\.random|randomUUID|getRandomValues/],
  ['imports a framework, a database or node built-ins', /from '(@nestjs\/|@mikro-orm|pg'|kafkajs|node:)/],
  ['imports the crypto module', /from '(node:)?crypto'/],
  ['depends on the host time-zone database', /Intl\.DateTimeFormat|toLocale(Date|Time)?String|timeZone/],
];

describe('domain purity', () => {
  const files = sources(root);

  it('finds the domain sources', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(forbidden)('no domain source %s', (_what, pattern) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

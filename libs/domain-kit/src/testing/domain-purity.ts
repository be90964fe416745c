/**
 * The purity guard every domain runs as a unit test (docs/architecture.md): domain code has no
 * framework, database, clock, randomness or I/O, and imports nothing but its own modules and the
 * packages it is allowed. It reads the sources, so a stray `Date.now()` fails a unit test, not a
 * code review. Test support only (it reads files): `@adal/domain-kit/testing`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a domain source must not do, and the text that gives it away. */
export const DOMAIN_PURITY_RULES: readonly (readonly [string, RegExp])[] = [
  ['reads the clock', /Date\.now\(|new Date\(\s*\)/],
  ['uses randomness', /Math\.random|randomUUID|getRandomValues/],
  ['imports a framework, a database or node built-ins', /from '(@nestjs\/|@mikro-orm|pg'|kafkajs|node:)/],
  ['imports the crypto module', /from '(node:)?crypto'/],
  ['depends on the host time-zone database', /Intl\.DateTimeFormat|toLocale(Date|Time)?String|timeZone/],
];

/** The sources under `root`: `.ts` files but specs, and nothing under a `testing` folder. */
export const domainSources = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : domainSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

export interface ImportRules {
  /** Packages the domain may import from. */
  allowed?: readonly string[];
  /** Packages the domain may import types from (`import type`), never values. */
  typesOnly?: readonly string[];
}

/** `import`/`export ... from` at the start of a line, across lines; dynamic `import(...)`. */
const STATIC_IMPORT = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const packageOf = (specifier: string): string => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
};

/** `file: specifier` for each import of `source` the rules do not allow (relative imports always are). */
export const disallowedImports = (file: string, source: string, rules: ImportRules = {}): string[] => {
  const imports = [
    ...[...source.matchAll(STATIC_IMPORT)].map((match) => ({ typeOnly: match[1] !== undefined, specifier: match[2]! })),
    ...[...source.matchAll(DYNAMIC_IMPORT)].map((match) => ({ typeOnly: false, specifier: match[1]! })),
  ];
  return imports
    .filter(({ typeOnly, specifier }) => {
      if (specifier.startsWith('.')) return false;
      const name = packageOf(specifier);
      if (rules.allowed?.includes(name)) return false;
      return !(typeOnly && rules.typesOnly?.includes(name));
    })
    .map(({ specifier }) => `${file}: ${specifier}`);
};

export interface DomainPurityOptions extends ImportRules {
  /** At least this many sources must be found (a moved folder must not make the guard vacuous). */
  minSources: number;
}

/** Declares the purity tests of the domain under `root` (call it at the top level of a spec). */
export const describeDomainPurity = (root: string, options: DomainPurityOptions): void => {
  describe('domain purity', () => {
    const files = domainSources(root);

    it('finds the domain sources', () => {
      expect(files.length).toBeGreaterThan(options.minSources);
    });

    it.each(DOMAIN_PURITY_RULES.map(([what, pattern]) => [what, pattern] as const))(
      'no domain source %s',
      (_what, pattern) => {
        const offenders = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
        expect(offenders).toEqual([]);
      },
    );

    it('imports only its own modules and the allowed packages', () => {
      expect(files.flatMap((file) => disallowedImports(file, readFileSync(file, 'utf8'), options))).toEqual([]);
    });
  });
};

import { DOMAIN_PURITY_RULES, disallowedImports } from './domain-purity.js';

const source = `import { refuse } from './shared/domain-error.js';
import type { Decider } from '@adal/event-store';
import {
  addDays,
  type LocalDate,
} from '@adal/domain-kit';
export { sameJson } from '@adal/domain-kit';
import { Injectable } from '@nestjs/common';
import { appendToStream } from '@adal/event-store/conformance';
const later = () => import('pg');
// a comment that mentions import x from 'y' is not an import
`;

describe('domain purity guard', () => {
  describe('given a domain source', () => {
    it('when no package is allowed, then every package import is reported, relative ones never', () => {
      expect(disallowedImports('a.ts', source)).toEqual([
        'a.ts: @adal/event-store',
        'a.ts: @adal/domain-kit',
        'a.ts: @adal/domain-kit',
        'a.ts: @nestjs/common',
        'a.ts: @adal/event-store/conformance',
        'a.ts: pg',
      ]);
    });

    it('when packages are allowed, or allowed for types only, then only the rest is reported', () => {
      expect(
        disallowedImports('a.ts', source, { allowed: ['@adal/domain-kit'], typesOnly: ['@adal/event-store'] }),
      ).toEqual(['a.ts: @nestjs/common', 'a.ts: @adal/event-store/conformance', 'a.ts: pg']);
    });
  });

  it('recognises a clock read, randomness and the host time-zone database', () => {
    const offences = (text: string) =>
      DOMAIN_PURITY_RULES.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
    expect(offences('const now = Date.now();')).toEqual(['reads the clock']);
    expect(offences('const id = randomUUID();')).toEqual(['uses randomness']);
    expect(offences("new Intl.DateTimeFormat('kk', { timeZone: 'Asia/Almaty' })")).toEqual([
      'depends on the host time-zone database',
    ]);
    expect(offences('const date = new Date(0);')).toEqual([]);
  });
});

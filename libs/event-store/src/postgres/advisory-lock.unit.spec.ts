import { advisoryLockKey } from './advisory-lock.js';

describe('advisoryLockKey', () => {
  it('is FNV-1a 64 of the UTF-8 bytes masked to 63 bits, so keys already in use never change', () => {
    // FNV-1a 64 of "" is the offset basis 0xcbf29ce484222325; of "a" it is 0xaf63dc4c8601ec8c.
    expect(advisoryLockKey('')).toBe((0xcbf29ce484222325n & 0x7fffffffffffffffn).toString());
    expect(advisoryLockKey('a')).toBe((0xaf63dc4c8601ec8cn & 0x7fffffffffffffffn).toString());
    expect(advisoryLockKey('adal:projections-ddl:appointments_read')).toBe('6858303389444126733');
    expect(advisoryLockKey('ж€😀\u0000x')).toBe('1081626959176979088');
  });

  it('is a non-negative bigint in decimal', () => {
    for (const text of ['adal:migrate:event_store', 'adal:relay:appointments', 'x'.repeat(1000)]) {
      const key = advisoryLockKey(text);
      expect(key).toMatch(/^\d+$/);
      expect(BigInt(key)).toBeLessThanOrEqual(0x7fffffffffffffffn);
    }
  });
});

import { contentSecurityPolicy, inlineContentOf, webAppHeaders } from './security-headers.js';
import { negotiateEncoding } from './web-app-files.js';

describe('web app security headers', () => {
  it('hashes inline <style> blocks and counts what the policy blocks', () => {
    const inline = inlineContentOf(
      '<html><head><style>a{color:red}</style><style media="print">b{}</style>' +
        '<script type="module" src="/assets/x-12345678.js"></script><script>alert(1)</script></head>' +
        '<body><div style="color:red"></div></body></html>',
    );
    expect(inline.styleHashes).toEqual([
      "'sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs='",
      expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/),
    ]);
    expect(inline.inlineScripts).toBe(1);
    expect(inline.styleAttributes).toBe(1);
  });

  it('allows our own origin only, never inline scripts, upgrades and pins HTTPS only when served over it', () => {
    const plain = contentSecurityPolicy({ styleHashes: [] }, false);
    expect(plain).toContain("script-src 'self';");
    expect(plain).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ styleHashes: [] }, true)).toContain('upgrade-insecure-requests');
    expect(webAppHeaders({ styleHashes: [] }, true)['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(webAppHeaders({ styleHashes: [] }, false)['Strict-Transport-Security']).toBeUndefined();
  });

  it('picks br, then gzip, honouring q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
  });
});

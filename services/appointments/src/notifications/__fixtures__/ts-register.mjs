// Lets a child process run this service's TypeScript sources as they are (no build): register with
//   node --import <file URL of this module> <fixture.mjs>
// Test-only. `.js` imports that name a `.ts` source load the source, `@adal/<lib>` loads
// `libs/<lib>/src/index.ts` (as Jest's moduleNameMapper does), and `.ts` is transpiled per file by
// the project's own TypeScript (types erased, no type check).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);

// Runs every test tier (unit, int, e2e) against real infrastructure and ends with one plain
// summary line ("N passed, N failed, N skipped") that CI and people can read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.data', { recursive: true });
const resultsFile = '.data/jest-results.json';
const args = [
  '--experimental-vm-modules',
  'node_modules/jest/bin/jest.js',
  '--json',
  `--outputFile=${resultsFile}`,
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });

let summary;
try {
  summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  console.error(`jest produced no results (exit ${run.status ?? run.signal})`);
  process.exit(run.status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
// Skipped tests say why in their names; list them so a skip is never silent.
for (const file of summary.testResults) {
  for (const test of file.assertionResults) {
    if (test.status === 'pending' || test.status === 'todo') {
      console.log(`skipped: ${[...test.ancestorTitles, test.title].join(' > ')}`);
    }
  }
}
console.log(
  `\nsuites: ${summary.numPassedTestSuites} passed, ${summary.numFailedTestSuites} failed` +
    (summary.numRuntimeErrorTestSuites ? ` (${summary.numRuntimeErrorTestSuites} could not run)` : ''),
);
console.log(`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`);
const ok = run.status === 0 && summary.success && summary.numTotalTests > 0;
process.exit(ok ? 0 : 1);

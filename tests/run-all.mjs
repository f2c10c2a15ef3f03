// Runs every test suite (unit + component, then end-to-end in real browsers) and ends with a
// plain `N passed, N failed` line, where a test that never ran because its file failed to start
// counts as failed (tests/run-summary.mjs). Exits non-zero when a test fails or when no test ran.
// A missing browser is reported first, before anything is built or run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { missingBrowsers, missingBrowsersMessage } from './browsers.mjs';
import { describeSuite, exitCode, summarizeReport } from './run-summary.mjs';

const missing = missingBrowsers();
if (missing.length > 0) console.log(`${missingBrowsersMessage(missing)}\n`);

const outDir = 'test-results';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

if (
  !existsSync('.output/chrome-mv3/manifest.json') ||
  !existsSync('.output/firefox-mv2/manifest.json')
) {
  console.log('Building the extension first (npm run build) ...');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The end-to-end tests drive the test build (open shadow roots, README "Test build"), built
// fresh each run into FN_TEST_OUT_DIR (default .output-test); .output stays production, which
// the budget, store and hostile production-build tests read.
console.log('Building the test build (npm run build:test) ...');
const testBuild = spawnSync('npm', ['run', 'build:test'], { stdio: 'inherit' });
if (testBuild.status !== 0) process.exit(testBuild.status ?? 1);

const suites = [
  { name: 'unit + component', config: 'vitest.config.ts' },
  { name: 'end-to-end', config: 'vitest.e2e.config.ts' },
];

let passed = 0;
let failed = 0;
let crashed = false;
const summaries = [];
for (const suite of suites) {
  const report = join(outDir, `${suite.config.replace(/\W+/g, '-')}.json`);
  console.log(`\n=== ${suite.name} (${suite.config}) ===`);
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      suite.config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) {
    console.log(`${suite.name}: no report written (exit ${run.status})`);
    crashed = true;
    continue;
  }
  const summary = summarizeReport(JSON.parse(readFileSync(report, 'utf8')));
  summaries.push(describeSuite(suite.name, summary));
  passed += summary.passed;
  failed += summary.failed;
  if (run.status !== 0 && summary.failed === 0) crashed = true;
}

console.log(`\n${summaries.join('\n')}`);
if (missing.length > 0) console.log(missingBrowsersMessage(missing));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode({ passed, failed, crashed }));

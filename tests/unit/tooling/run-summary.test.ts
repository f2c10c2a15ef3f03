// The closing line of `npm test` (tests/run-all.mjs): tests that never ran because their file
// failed to start count as failed; and a missing browser is named with how to get one.
import { describe, expect, it } from 'vitest';
import {
  INSTALL_COMMAND,
  browserNotFound,
  browserPath,
  missingBrowsers,
  missingBrowsersMessage,
} from '../../browsers.mjs';
import {
  describeSuite,
  exitCode,
  summarizeReport,
  type VitestJsonReport,
} from '../../run-summary.mjs';
import browsersMissing from '../../fixtures/run-reports/browsers-missing.json';

const test = (status: string) => ({ status });

describe('summarizeReport', () => {
  it('counts the tests of files whose browser never launched as failed (a real Vitest report)', () => {
    // Vitest's own report of two e2e files run with CHROMIUM_PATH/FIREFOX_PATH=/nonexistent:
    // no test failed and none passed, all six were "skipped" because beforeAll threw.
    expect(browsersMissing.numFailedTests).toBe(0);
    const summary = summarizeReport(browsersMissing);
    expect(summary).toEqual({
      passed: 0,
      failed: 6,
      notRun: 6,
      brokenFiles: [],
      filesNotStarted: ['tests/e2e/foundation.test.ts', 'tests/e2e/notes-firefox.test.ts'],
    });
    expect(exitCode({ ...summary, crashed: false })).toBe(1);
  });

  it('counts a normal run as Vitest does', () => {
    const report: VitestJsonReport = {
      testResults: [
        { name: 'a.test.ts', status: 'passed', assertionResults: [test('passed'), test('passed')] },
        { name: 'b.test.ts', status: 'failed', assertionResults: [test('passed'), test('failed')] },
      ],
    };
    expect(summarizeReport(report)).toMatchObject({ passed: 3, failed: 1, notRun: 0 });
  });

  it('counts tests skipped after a failure in their file, and pending or todo ones, as failed', () => {
    const report: VitestJsonReport = {
      testResults: [
        {
          name: 'e2e.test.ts',
          status: 'failed',
          assertionResults: [
            test('passed'),
            test('failed'),
            test('skipped'),
            test('pending'),
            test('todo'),
          ],
        },
      ],
    };
    expect(summarizeReport(report)).toMatchObject({ passed: 1, failed: 4, notRun: 3 });
  });

  it('counts a file that did not load, or failed outside its tests, as one failure', () => {
    const report: VitestJsonReport = {
      testResults: [
        { name: 'syntax-error.test.ts', status: 'failed', assertionResults: [] },
        { name: 'after-all-threw.test.ts', status: 'failed', assertionResults: [test('passed')] },
      ],
    };
    expect(summarizeReport(report)).toEqual({
      passed: 1,
      failed: 2,
      notRun: 0,
      brokenFiles: ['syntax-error.test.ts', 'after-all-threw.test.ts'],
      filesNotStarted: [],
    });
  });

  it('says in the suite line how many of the failed never ran', () => {
    const line = describeSuite('end-to-end', summarizeReport(browsersMissing));
    expect(line).toBe(
      'end-to-end: 0 passed, 6 failed; 6 of the failed never ran (2 files failed to start)',
    );
  });

  it('exits 0 only when something passed, nothing failed and no suite crashed', () => {
    expect(exitCode({ passed: 3, failed: 0, crashed: false })).toBe(0);
    expect(exitCode({ passed: 0, failed: 0, crashed: false })).toBe(1);
    expect(exitCode({ passed: 3, failed: 0, crashed: true })).toBe(1);
    expect(exitCode({ passed: 3, failed: 1, crashed: false })).toBe(1);
  });
});

describe('missing browsers', () => {
  const nothingExists = () => false;

  it('looks at CHROMIUM_PATH and FIREFOX_PATH, else at the Debian paths', () => {
    expect(browserPath('CHROMIUM_PATH', {})).toBe('/usr/bin/chromium');
    expect(browserPath('FIREFOX_PATH', {})).toBe('/usr/bin/firefox-esr');
    expect(browserPath('FIREFOX_PATH', { FIREFOX_PATH: '/opt/ff/firefox' })).toBe(
      '/opt/ff/firefox',
    );
    const env = { CHROMIUM_PATH: '/opt/chrome' };
    expect(missingBrowsers(env, (path) => path === '/opt/chrome').map((b) => b.path)).toEqual([
      '/usr/bin/firefox-esr',
    ]);
  });

  it('names each missing browser, the install command and the variables to point elsewhere', () => {
    const message = missingBrowsersMessage(missingBrowsers({}, nothingExists));
    const lines = message.split('\n');
    expect(lines[0]).toBe(
      'MISSING BROWSER: Chromium not found at /usr/bin/chromium (set by CHROMIUM_PATH).',
    );
    expect(lines[1]).toBe(
      'MISSING BROWSER: Firefox ESR not found at /usr/bin/firefox-esr (set by FIREFOX_PATH).',
    );
    expect(message).toContain(INSTALL_COMMAND);
    expect(INSTALL_COMMAND).toBe('apt-get install -y chromium firefox-esr');
    expect(message).toContain('CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox-esr');
  });

  it('gives a launch error that says where it looked and what to do', () => {
    const error = browserNotFound('FIREFOX_PATH', { FIREFOX_PATH: '/nowhere/firefox' });
    expect(error.message).toBe(
      `Firefox ESR not found at /nowhere/firefox. Install it (${INSTALL_COMMAND}) or set FIREFOX_PATH to its executable.`,
    );
  });
});

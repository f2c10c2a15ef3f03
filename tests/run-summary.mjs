// The counting behind the closing `N passed, N failed` line of tests/run-all.mjs, from Vitest's
// JSON reports. A test that never ran because its file failed to start (a browser that would not
// launch in beforeAll, an import that threw) counts as failed: Vitest reports those as skipped.

/**
 * Counts for one Vitest JSON report. `notRun` are the tests of failed files that did not run
 * (skipped, pending, todo); `brokenFiles` are failed files with no test to blame (a file that did
 * not load, or an afterAll hook that threw), one failure each.
 */
export function summarizeReport(report) {
  let passed = 0;
  let failed = 0;
  let notRun = 0;
  const brokenFiles = [];
  const filesNotStarted = [];
  for (const file of report.testResults ?? []) {
    const results = file.assertionResults ?? [];
    const passedHere = results.filter((test) => test.status === 'passed').length;
    const failedHere = results.filter((test) => test.status === 'failed').length;
    const notRunHere = results.length - passedHere - failedHere;
    passed += passedHere;
    failed += failedHere;
    if (file.status !== 'failed') continue;
    notRun += notRunHere;
    if (notRunHere > 0) filesNotStarted.push(file.name);
    if (failedHere === 0 && notRunHere === 0) brokenFiles.push(file.name);
  }
  return {
    passed,
    failed: failed + notRun + brokenFiles.length,
    notRun,
    brokenFiles,
    filesNotStarted,
  };
}

/** One suite's line: its counts, and what did not run when something did not. */
export function describeSuite(name, summary) {
  const parts = [`${name}: ${summary.passed} passed, ${summary.failed} failed`];
  if (summary.notRun > 0) {
    parts.push(
      `${summary.notRun} of the failed never ran (${summary.filesNotStarted.length} files failed to start)`,
    );
  }
  if (summary.brokenFiles.length > 0) {
    parts.push(`${summary.brokenFiles.length} files failed outside any test`);
  }
  return parts.join('; ');
}

/** The run's exit code: 1 when anything failed, nothing passed, or a suite crashed. */
export function exitCode({ passed, failed, crashed }) {
  return failed > 0 || passed === 0 || crashed ? 1 : 0;
}

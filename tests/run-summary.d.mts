// Types for tests/run-summary.mjs (plain JavaScript so tests/run-all.mjs can run it).

/** The part of Vitest's JSON report the summary reads. */
export interface VitestJsonReport {
  testResults?: {
    name: string;
    status: string;
    assertionResults?: { status: string }[];
  }[];
}
export interface ReportSummary {
  passed: number;
  failed: number;
  notRun: number;
  brokenFiles: string[];
  filesNotStarted: string[];
}

export function summarizeReport(report: VitestJsonReport): ReportSummary;
export function describeSuite(name: string, summary: ReportSummary): string;
export function exitCode(run: { passed: number; failed: number; crashed: boolean }): 0 | 1;

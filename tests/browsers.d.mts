// Types for tests/browsers.mjs (plain JavaScript so tests/run-all.mjs can run it).

export interface Browser {
  name: string;
  variable: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  fallback: string;
}
export interface MissingBrowser extends Browser {
  path: string;
}
export type Env = Record<string, string | undefined>;

export const BROWSERS: Browser[];
export const INSTALL_COMMAND: string;
export function browserPath(variable: Browser['variable'], env?: Env): string;
export function missingBrowsers(env?: Env, exists?: (path: string) => boolean): MissingBrowser[];
export function missingBrowsersMessage(missing: MissingBrowser[]): string;
export function browserNotFound(variable: Browser['variable'], env?: Env): Error;

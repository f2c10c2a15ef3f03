// The browsers the end-to-end tests drive, where they are looked for, and what to tell someone
// who does not have them. Plain JavaScript: tests/run-all.mjs reads it before anything is built.
import { existsSync } from 'node:fs';

/** Each browser: the variable that overrides its path, the default (Debian's packages). */
export const BROWSERS = [
  { name: 'Chromium', variable: 'CHROMIUM_PATH', fallback: '/usr/bin/chromium' },
  { name: 'Firefox ESR', variable: 'FIREFOX_PATH', fallback: '/usr/bin/firefox-esr' },
];

/** The Debian command that installs both browsers at their default paths. */
export const INSTALL_COMMAND = 'apt-get install -y chromium firefox-esr';

/** The executable the tests use for a browser: its variable when set, else the default. */
export function browserPath(variable, env = process.env) {
  const browser = BROWSERS.find((b) => b.variable === variable);
  if (!browser) throw new Error(`unknown browser variable ${variable}`);
  return env[variable] || browser.fallback;
}

/** The browsers whose executable is missing, with the path that was looked at. */
export function missingBrowsers(env = process.env, exists = existsSync) {
  return BROWSERS.map((b) => ({ ...b, path: browserPath(b.variable, env) })).filter(
    (b) => !exists(b.path),
  );
}

/** What to print when browsers are missing: which, how to install them, how to point elsewhere. */
export function missingBrowsersMessage(missing) {
  return [
    ...missing.map(
      (b) => `MISSING BROWSER: ${b.name} not found at ${b.path} (set by ${b.variable}).`,
    ),
    `The end-to-end tests fail without it. Install both browsers (Debian): ${INSTALL_COMMAND}`,
    `or point the tests at another binary, e.g. ${missing
      .map((b) => `${b.variable}=/path/to/${b.fallback.split('/').pop()}`)
      .join(' ')} npm test`,
  ].join('\n');
}

/** The message a test launch throws when its browser is missing. */
export function browserNotFound(variable, env = process.env) {
  const browser = BROWSERS.find((b) => b.variable === variable);
  const path = browserPath(variable, env);
  return new Error(
    `${browser?.name ?? variable} not found at ${path}. Install it (${INSTALL_COMMAND}) ` +
      `or set ${variable} to its executable.`,
  );
}

// Where the end-to-end tests find the built extension. Most tests drive the test build
// (`npm run build:test`: shadow roots open, so locators reach inside); the budget, store and
// production-build hostile tests read the production build (`npm run build`).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The test build (FN_TEST_OUT_DIR, default .output-test). */
export const TEST_OUTPUT_DIR = resolve(process.env.FN_TEST_OUT_DIR ?? '.output-test');
/** The production build (FN_OUT_DIR, default .output): closed shadow roots. */
export const PRODUCTION_OUTPUT_DIR = resolve(process.env.FN_OUT_DIR ?? '.output');

/** `dir` if it holds an unpacked extension, else a clear error saying which build to make. */
export function builtExtension(dir: string): string {
  if (existsSync(resolve(dir, 'manifest.json'))) return dir;
  const command = dir.startsWith(TEST_OUTPUT_DIR) ? 'npm run build:test' : 'npm run build';
  throw new Error(`No extension built in ${dir}: run \`${command}\` first.`);
}

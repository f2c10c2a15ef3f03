// Set by the build (wxt.config.ts `define`): true only in the test build that `npm run
// build:test` makes (FN_TEST_BUILD=1). Production builds fold it to `false`, so everything it
// guards is dead code there. Unit tests run without the define: `typeof` keeps that safe.
declare const __FN_TEST_BUILD__: boolean | undefined;

/** True only in a test build: the extension's shadow roots are open so tests can reach in. */
export const TEST_BUILD: boolean = typeof __FN_TEST_BUILD__ === 'boolean' && __FN_TEST_BUILD__;

/** Closed in production: a page script gets no `shadowRoot` on our elements. */
export const SHADOW_MODE: ShadowRootMode = TEST_BUILD ? 'open' : 'closed';

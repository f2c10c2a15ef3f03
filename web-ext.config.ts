import { defineWebExtConfig } from 'wxt';

// `npm run dev` would otherwise try to open a browser.
export default defineWebExtConfig({ disabled: true });

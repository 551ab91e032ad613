// What vite.config.ts and vitest.config.ts share, so tests resolve modules as the app does.
import { fileURLToPath, URL } from 'node:url';

const contractsSrc = fileURLToPath(new URL('../contracts/src/', import.meta.url));

export const alias = [
  { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
  // The TypeScript source rather than the CommonJS dist: no contracts build needed, and one
  // module per import. Import sub-paths (@platform/contracts/roles): the barrel would pull
  // zod and every schema into the first page load.
  { find: /^@platform\/contracts\/(.+)$/, replacement: `${contractsSrc}$1.ts` },
  { find: /^@platform\/contracts$/, replacement: `${contractsSrc}index.ts` },
];

/** vue-i18n's compile-time flags: Composition API only, no legacy API, no devtools in production. */
export const define = {
  __VUE_I18N_FULL_INSTALL__: true,
  __VUE_I18N_LEGACY_API__: false,
  __INTLIFY_PROD_DEVTOOLS__: false,
};

import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { alias, define } from './vite.shared';

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  define,
  test: {
    environment: 'happy-dom',
    // Relative fetch URLs need an origin; the store test stubs fetch, nothing is sent there.
    environmentOptions: { happyDOM: { url: 'http://127.0.0.1:3000/' } },
    include: ['src/**/*.spec.ts'],
    // The freshness test boots the backend emitter (a few seconds).
    testTimeout: 60_000,
  },
});

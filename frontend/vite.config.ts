import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { alias, define } from './vite.shared';

// The api (and Bull Board under /admin) in development; override when it runs elsewhere.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  define,
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/admin': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});

/**
 * Vite build of the web application. Root is `web/`, output `web/dist`, which the Fastify server
 * serves (src/http/routes/web.routes.ts). `npm run dev:web` proxies /api to a running server.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl alone is ~800 kB minified; it is loaded only on the Kaart page (lazy route).
    chunkSizeWarningLimit: 1100,
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.WBM_API_URL ?? 'http://127.0.0.1:3000' },
    // The app imports the pure code lists from ../src/domain/codes.ts.
    fs: { allow: [webRoot, `${webRoot}/../src/domain`, `${webRoot}/../node_modules`] },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Dev server proxies the API to a running gateway; production assets are served by the gateway.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});

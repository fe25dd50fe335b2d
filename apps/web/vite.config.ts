import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at `/` with an SPA fallback and a strict CSP: no inline
// scripts, nothing from other origins. Vite's output satisfies that as long as nothing
// here adds inline code; keep it that way.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Keep everything as files: data: URLs are allowed for images only.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { i18nGroup } from './vite-i18n-group.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** In `vite` and `vite preview`, /report gets the report page, as the server does (apps/server/src/http/error-handler.ts). */
function reportPage(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url === '/report' || req.url?.startsWith('/report?')) req.url = req.url.replace('/report', '/report.html');
    next();
  };
  return {
    name: 'qorgau-report-page',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes `file.br` and `file.gz` next to every script and stylesheet: the server sends them to
 * browsers that accept them (@fastify/static `preCompressed`), so a phone downloads the gzipped
 * sizes the budgets count, at no CPU cost per request.
 */
function precompress(): Plugin {
  return {
    name: 'qorgau-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir as string;
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const data = await readFile(join(dir, f));
          if (data.length < 1024) return;
          await writeFile(join(dir, `${f}.gz`), await gzipped(data, { level: 9 }));
          await writeFile(join(dir, `${f}.br`), await brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }),
      );
    },
  };
}

// Two pages: index.html is the staff app (React, Mantine); report.html is the public /report
// page, plain TypeScript and a stylesheet, so that a victim's phone on a weak connection loads
// about a tenth of the staff app (budgets in bench/bundle-size.ts). The server serves dist/ at
// `/` with an SPA fallback and a strict CSP: no inline scripts, nothing from other origins.
// Vite's output satisfies that as long as nothing here adds inline code; keep it that way.
export default defineConfig({
  plugins: [i18nGroup(), reportPage(), react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Keep everything as files: data: URLs are allowed for images only.
    assetsInlineLimit: 0,
    // .vite/manifest.json: which files each page loads (bench/bundle-size.ts reads it).
    manifest: true,
    rolldownOptions: {
      input: { main: here('index.html'), report: here('report.html') },
      output: {
        // The libraries change less often than the app: their own chunks stay cached across
        // releases. Only libraries the first screen needs whole are grouped (a group is loaded
        // whole: a Mantine group would bring every page's components to the sign-in page, 217
        // instead of 174 kB), so Mantine, used page by page, is left to the automatic splitting.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 15 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 10 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});

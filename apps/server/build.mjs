// Builds the server for production: one ES module, apps/server/dist/qorgau.mjs, run with plain
// `node` (no TypeScript loader). The workspace package @qorgau/core is bundled in (it ships
// TypeScript); every other package stays in node_modules.
//
// Files the server reads at run time (migrations, i18n catalogs, reference data, the built web
// app) are located relative to the source file that names them (`new URL('…', import.meta.url)`).
// In one bundle every module would share the bundle's import.meta.url, so each source file's
// import.meta.url is rewritten to its own location relative to the output file: the paths resolve
// to the same files from dist/ as from src/, without absolute paths of the build machine.
//
//   node apps/server/build.mjs [--outdir DIR]      (default apps/server/dist)
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const serverRoot = fileURLToPath(new URL('.', import.meta.url));

/** @param {{ outdir?: string }} [opts] @returns {Promise<string>} the output file */
export async function buildServer(opts = {}) {
  const outdir = resolve(opts.outdir ?? join(serverRoot, 'dist'));
  const outfile = join(outdir, 'qorgau.mjs');
  await build({
    entryPoints: [join(serverRoot, 'src/cli/qorgau.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: '// Built by apps/server/build.mjs from apps/server/src: do not edit.' },
    plugins: [externalPackages, ownImportMetaUrl(outdir)],
  });
  return outfile;
}

/** node_modules stay external; the workspace's own packages (TypeScript sources) are bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@qorgau/') ? undefined : { path: args.path, external: true }));
  },
};

/** Each source file's import.meta.url becomes the URL of that source file, relative to the bundle. */
function ownImportMetaUrl(outdir) {
  return {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const rel = relative(outdir, args.path).split(sep).join('/');
        const own = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', own), loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const started = Date.now();
  const outfile = await buildServer({ outdir: values.outdir });
  console.log(`server built: ${relative(process.cwd(), outfile) || outfile} (${Date.now() - started} ms)`);
}

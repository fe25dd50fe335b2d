/**
 * What a browser downloads from a built web app (apps/web/dist, or any Vite output directory
 * with `.vite/manifest.json`), gzipped. Used by bench/bundle-size.ts and by the browser test of
 * the report page (e2e/self-report.test.ts), which reuses its build.
 *
 * A page's JavaScript is the module script of its built HTML plus everything that script
 * imports statically, as the manifest records it (Vite lists the same files as modulepreload
 * links; the two are checked to agree). Chunks loaded later by `import()` (pages of the staff
 * app opened later, a language chosen on the report page) are not part of it; language files
 * are reported on their own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets of issue #9, in kB of 1,000 bytes (as Vite prints sizes), gzip level 9. */
export const BUDGETS = {
  /** The public /report page, everything it loads to be usable (its default language included). */
  reportJs: 60_000,
  /** The staff app's first screen: index.html's module script and its static imports. */
  staffInitialJs: 200_000,
} as const;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageFigures {
  /** Gzipped bytes of the page's initial JavaScript. */
  js: number;
  /** The same files as the build's brotli copies (what the server sends over HTTPS), when it wrote them. */
  jsBrotli: number | null;
  /** Gzipped bytes of its stylesheets. */
  css: number;
  /** The files counted in `js`, with their gzipped sizes. */
  files: { file: string; gzip: number }[];
  /** Language catalogs the page loads with `import()`, by language: gzipped bytes of each. */
  languages: Record<string, number>;
}

export interface BundleFigures {
  report: PageFigures;
  staff: PageFigures;
}

const gzipped = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The JS files a built HTML page names: its module scripts and modulepreload links. */
export function htmlScripts(html: string): string[] {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*>/g)].map((m) => attr(m[0], 'src'));
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)].map((m) => attr(m[0], 'href'));
  return [...scripts, ...preloads].filter((f): f is string => Boolean(f)).map((f) => f.replace(/^\//, ''));
}

function measurePage(dist: string, manifest: Manifest, html: string): PageFigures {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry && manifest[k]?.src === html);
  if (!entryKey) throw new Error(`${html} is not an entry of the build's manifest`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  visit(entryKey);
  const chunks = [...seen].map((k) => manifest[k] as ManifestChunk);
  const files = chunks.map((c) => c.file).sort();
  // The page as the browser sees it must load exactly what the manifest says.
  const named = htmlScripts(readFileSync(join(dist, html), 'utf8')).sort();
  if (JSON.stringify(named) !== JSON.stringify(files)) {
    throw new Error(`${html} loads ${named.join(', ')} but its manifest entry and static imports are ${files.join(', ')}`);
  }
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  const languages: Record<string, number> = {};
  for (const key of chunks.flatMap((c) => c.dynamicImports ?? [])) {
    const lng = /i18n\/([a-z]{2})\.json(\?|$)/.exec(key)?.[1];
    const chunk = manifest[key];
    if (lng && chunk) languages[lng] = gzipped(dist, chunk.file);
  }
  const sized = files.map((file) => ({ file, gzip: gzipped(dist, file) }));
  const brotli = files.map((f) => join(dist, `${f}.br`));
  return {
    js: sized.reduce((sum, f) => sum + f.gzip, 0),
    // Files too small to be worth compressing are sent as they are.
    jsBrotli: brotli.some((f) => existsSync(f))
      ? files.reduce((sum, f, i) => sum + statSync(existsSync(brotli[i] as string) ? (brotli[i] as string) : join(dist, f)).size, 0)
      : null,
    css: css.reduce((sum, f) => sum + gzipped(dist, f), 0),
    files: sized,
    languages,
  };
}

/** Sizes of the report page (report.html) and of the staff app's first screen (index.html). */
export function measureBundles(dist: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return { report: measurePage(dist, manifest, 'report.html'), staff: measurePage(dist, manifest, 'index.html') };
}

/**
 * Every budget the build exceeds, as sentences (empty when all are kept). The report page is
 * also checked with its largest language file added: a page switched to Russian or Kyrgyz must
 * stay within the budget too.
 */
export function overBudget(f: BundleFigures): string[] {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const out: string[] = [];
  const largestLanguage = Math.max(0, ...Object.values(f.report.languages));
  if (f.report.js + largestLanguage > BUDGETS.reportJs) {
    out.push(`the report page loads ${kb(f.report.js)} of JS (+ ${kb(largestLanguage)} for its largest language), over ${kb(BUDGETS.reportJs)}`);
  }
  if (f.staff.js > BUDGETS.staffInitialJs) out.push(`the staff app's first screen loads ${kb(f.staff.js)} of JS, over ${kb(BUDGETS.staffInitialJs)}`);
  return out;
}

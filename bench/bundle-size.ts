/**
 * Bundle size (issue #9, "light on a weak phone connection"): builds the web app with Vite into
 * a temporary directory (or reads a build: `--dist apps/web/dist` after `npm run build`) and
 * prints the gzipped JavaScript of
 *   - the public /report page (report.html): everything it loads to be usable, ≤ 60 kB;
 *   - the staff app's first screen (index.html's module script and its static imports), ≤ 200 kB;
 * with each page's language files and stylesheets apart. Exits 1 above a budget.
 *
 *   npx tsx bench/bundle-size.ts [--dist <dir>]
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { BUDGETS, measureBundles, overBudget, type PageFigures } from './lib/bundle-size.ts';
import { runMain, tempDir } from './lib/process.ts';
import { machine, printMachine, verdict, writeResult } from './lib/report.ts';

const WEB_ROOT = fileURLToPath(new URL('../apps/web/', import.meta.url));
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

function print(title: string, page: PageFigures, budget: number): void {
  const brotli = page.jsBrotli === null ? '' : ` (${kb(page.jsBrotli)} brotli)`;
  console.log(`\n${title}: ${kb(page.js)} of JS gzipped${brotli} (budget ${kb(budget)}, ${verdict(page.js <= budget)}), CSS ${kb(page.css)}`);
  for (const f of [...page.files].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip).padStart(9)}`);
  const languages = Object.entries(page.languages);
  if (languages.length) console.log(`  language files, loaded when used: ${languages.map(([l, n]) => `${l} ${kb(n)}`).join(', ')}`);
}

runMain('bundle-size', async () => {
  printMachine(machine());
  const i = process.argv.indexOf('--dist');
  let dist = i > 0 ? process.argv[i + 1] : undefined;
  if (!dist) {
    dist = tempDir('web');
    console.log(`building apps/web into ${dist}…`);
    await build({ root: WEB_ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  const figures = measureBundles(dist);
  print('report page (/report)', figures.report, BUDGETS.reportJs);
  console.log('  (its default language, Kazakh, is part of its JS)');
  print("staff app's first screen (index.html)", figures.staff, BUDGETS.staffInitialJs);
  const over = overBudget(figures);
  writeResult('bundle-size', { budgets: BUDGETS, ...figures, over });
  if (over.length) throw new Error(over.join('; '));
  console.log('\nwithin budget');
});

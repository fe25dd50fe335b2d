import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/**
 * `import kk from '…/i18n/kk.json?group=selfReport'`: only that group of the catalog, as
 * `{ selfReport: {…} }`. The public report page loads a few KB of texts instead of the whole
 * catalog, and the catalogs stay the single source of every string.
 */
export function i18nGroup(): Plugin {
  return {
    name: 'qorgau-i18n-group',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?', 2);
      const group = query ? new URLSearchParams(query).get('group') : null;
      if (!file?.endsWith('.json') || !group) return null;
      this.addWatchFile(file);
      const catalog = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      if (!catalog[group] || typeof catalog[group] !== 'object') this.error(`${file} has no group "${group}"`);
      return { code: `export default ${JSON.stringify({ [group]: catalog[group] })};`, moduleType: 'js' };
    },
  };
}

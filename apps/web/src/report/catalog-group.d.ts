/**
 * `…/i18n/<lng>.json?group=selfReport`: only that group of a catalog, as `{ selfReport: {…} }`
 * (the `i18nGroup` plugin, apps/web/vite-i18n-group.ts). The catalogs stay the single source of the texts.
 */
declare module '*.json?group=selfReport' {
  const catalog: { selfReport: { [key: string]: unknown } };
  export default catalog;
}

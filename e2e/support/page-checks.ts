import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** One thing wrong on one page: what kind, and where (an element, a word, a rule). */
export interface PageProblem {
  what: string;
  detail: string;
}

export type UiLanguage = 'kk' | 'ru' | 'en';

/**
 * Waits until the page has drawn its data: a heading is there, no loader or busy list is
 * left, and the text has stopped changing between two looks.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !!document.querySelector('h1') && !document.querySelector('.mantine-Loader-root, [aria-busy="true"], .mantine-Skeleton-root[data-visible]'),
    null,
    { timeout: 15_000, polling: 100 },
  );
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const size = await page.evaluate(() => document.body.textContent?.length ?? 0);
    if (size === last) return;
    last = size;
    await page.waitForTimeout(120);
  }
}

/** Lets the layout finish after a resize: no CSS transition still running (a drawer sliding). */
export async function layoutDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2000))]);
  });
}

/**
 * The checks that need the rendered page, run inside it: horizontal overflow, controls cut off
 * out of reach, label text in another script than the language's, and raw codes in visible
 * text. Typed text (inside <bdi>, the UserText component, or an isolate() span) is data, not a
 * label, and is skipped. Self-contained: it is serialised into the browser.
 */
export function inPageChecks(args: { lang: UiLanguage; identifiers: string[] }): PageProblem[] {
  const problems: PageProblem[] = [];
  const vw = window.innerWidth;
  const describe = (el: Element): string => {
    const testId = el.getAttribute('data-testid');
    const cls = [...el.classList].find((c) => c.startsWith('mantine-')) ?? '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${testId ? ` data-testid=${testId}` : ''}${cls ? ` .${cls}` : ''}>${text ? ` "${text}"` : ''}`;
  };
  const visible = (el: Element): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  // Placed wholly beside the window on purpose (a form's hidden trap field, a closed drawer).
  const offscreen = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.right <= 0 || r.left >= vw;
  };

  // 1. The page itself scrolls sideways.
  const scroller = document.scrollingElement ?? document.documentElement;
  if (scroller.scrollWidth > vw) {
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => visible(el) && el.getBoundingClientRect().right > vw + 1)
      // Inside a box that scrolls or clips, an element does not widen the page.
      .filter((el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false;
        return true;
      })
      .filter((el) => ![...el.children].some((c) => visible(c) && c.getBoundingClientRect().right > vw + 1))
      .slice(0, 3)
      .map(describe);
    problems.push({ what: 'horizontal overflow', detail: `page is ${scroller.scrollWidth}px wide in a ${vw}px window; widest: ${culprits.join(', ')}` });
  }

  // 2. A control out of reach: beyond the window or cut off by an ancestor that hides overflow,
  // unless an ancestor the user can scroll holds it.
  const controls = document.body.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="tab"]',
  );
  for (const el of controls) {
    if (!visible(el) || el.closest('[inert], .skip-link')) continue;
    const r = el.getBoundingClientRect();
    // Wholly off to the left: a drawer slid away (the phone's closed navigation), not a cut.
    if (r.right <= 0) continue;
    let scrollable = false;
    let clippedBy: Element | null = null;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === 'visible') continue;
      const pr = p.getBoundingClientRect();
      if (r.right <= pr.right + 1 && r.left >= pr.left - 1) continue;
      if ((ox === 'auto' || ox === 'scroll') && p.scrollWidth > p.clientWidth) {
        scrollable = true;
        break;
      }
      clippedBy = p;
      break;
    }
    if (clippedBy) problems.push({ what: 'control cut off', detail: `${describe(el)} is clipped by ${describe(clippedBy).slice(0, 60)}` });
    else if (!scrollable && (r.right > vw + 1 || r.left < -1))
      problems.push({ what: 'control out of the window', detail: `${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px of ${vw}px` });
  }

  // 3. Visible label text: every text node not inside typed text, plus the labels a control
  // carries in attributes.
  const texts: { text: string; el: Element }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('bdi, script, style, noscript, option, select, textarea, [data-user-text]')) continue;
    // isolate(): typed text inside a translated sentence sits between U+2068 and U+2069.
    const text = (n.textContent ?? '').replace(/\u2068[^\u2069]*\u2069/g, ' ').trim();
    if (!text || !visible(el) || offscreen(el)) continue;
    texts.push({ text, el });
  }
  for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
    if (el.closest('bdi, [data-user-text]') || !visible(el) || offscreen(el)) continue;
    for (const attr of ['placeholder', 'aria-label', 'title']) {
      const v = el
        .getAttribute(attr)
        ?.replace(/\u2068[^\u2069]*\u2069/g, ' ')
        .trim();
      if (v) texts.push({ text: v, el });
    }
  }

  // Identifiers written the same in every language: the product's name, usernames, a case's
  // reference (QRG-2026-000202), a person's pseudonym (P-61WT6DSYXX).
  const identifiers = new Set(args.identifiers);
  // QRG-P-2026-000001 (a protection case) and QRG-R-… (a referral) are references too.
  const reference = /^(QRG-(?:[A-Z]-)?\d{4}-\d+|P-[0-9A-Z]{10})$/;
  const isIdentifier = (word: string) => identifiers.has(word) || reference.test(word);
  // Latin abbreviations Kazakh and Russian write as they are (IP, JSON, 2FA): capitals and digits only.
  const abbreviation = /^[0-9]*[A-Z]{2,5}[0-9]*$/;
  const cyrillic = args.lang !== 'en';
  const rawCode: [RegExp, string][] = [
    [/\b(undefined|null|NaN|\[object Object\])\b/, 'an empty value shown as text'],
    [/\{\{|\}\}/, 'an unfilled {{placeholder}}'],
    [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i, 'a record id'],
    [/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/, 'a snake_case code'],
    [/\b[a-z]+[A-Z][A-Za-z]*\b/, 'a camelCase code'],
    [/\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/, 'a PascalCase enum value'],
    [/(?:^|[\s(])[a-z][a-zA-Z]+\.[a-z][a-zA-Z_]+(?:\.[a-zA-Z_]+)*(?=$|[\s),:;])/, 'a dotted key or code'],
    [/\b[A-Z]{2}-[0-9A-Z]{1,3}\b/, 'a region code'],
  ];
  const seen = new Set<string>();
  const report = (what: string, word: string, text: string, el: Element) => {
    const key = `${what}|${word}`;
    if (seen.has(key)) return;
    seen.add(key);
    const where = el.closest('h1,h2,h3,h4,th,label,button,a,nav,[class*="Badge"],legend') ?? el;
    problems.push({ what, detail: `"${word}" in "${text.slice(0, 70)}" (${describe(where).slice(0, 70)})` });
  };
  for (const { text, el } of texts) {
    for (const [re, what] of rawCode) {
      const m = text.match(re);
      if (m && !text.includes('@') && !isIdentifier(m[0].trim())) report(`raw code: ${what}`, m[0].trim(), text, el);
    }
    if (/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text)) report('date not in the language’s format', text.match(/\d{1,2}\/\d{1,2}\/\d{2,4}/)?.[0] ?? '', text, el);
    if (cyrillic && /\b\d{4}-\d{2}-\d{2}\b/.test(text)) report('date not in the language’s format', text.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '', text, el);
    for (const raw of text.split(/[\s\u00a0]+/)) {
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (!word || isIdentifier(word)) continue;
      // "IP-адрес": each part of a hyphenated word on its own.
      const wrong = cyrillic ? word.split('-').some((part) => /[A-Za-z]/.test(part) && !abbreviation.test(part)) : /[\u0400-\u04ff]/.test(word);
      if (wrong) report(`label not in ${cyrillic ? 'Cyrillic' : 'Latin'} script`, word, text, el);
    }
  }
  if (document.documentElement.lang !== args.lang)
    problems.push({ what: 'page language', detail: `<html lang="${document.documentElement.lang}">, expected ${args.lang}` });
  return problems;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A and AA rules on the page; serious and critical violations only.
 * Injected through the DevTools protocol (page.evaluate), which the app's strict CSP does not
 * block, so the page under test keeps its real CSP.
 */
export async function axeViolations(page: Page): Promise<PageProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`),
      }));
  });
  return violations.map((v) => ({ what: `axe ${v.impact}: ${v.id}`, detail: `${v.nodes.length} element(s): ${v.nodes.slice(0, 4).join('; ')}` }));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * A page in Kazakh at 1366 and 390 px: the in-page checks at both widths, axe at 1366, and a
 * full-page screenshot of each width in `shotsDir` when one is given (QORGAU_SHOTS_DIR).
 */
export async function checkKazakhPage(page: Page, name: string, identifiers: string[], shotsDir: string | undefined): Promise<PageProblem[]> {
  const problems: PageProblem[] = [];
  await settle(page);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.mouse.move(width - 1, 899);
    await layoutDone(page);
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shotsDir, `kk-${name}-${width}.png`), fullPage: true });
    }
    const found = await page.evaluate(inPageChecks, { lang: 'kk' as const, identifiers });
    problems.push(...found.map((p) => ({ ...p, detail: `${p.detail} @${width}` })));
    if (width === 1366) problems.push(...(await axeViolations(page)));
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  return problems;
}

/**
 * A few lines instead of a UI framework: the public report page is one form, and a victim's
 * cheap phone on a weak connection should not download React for it.
 */
export type Child = Node | string | null | undefined | false;
type AttrValue = string | boolean | undefined;

/** `h('label', { for: 'what', class: 'label' }, 'text', child)`; `true` sets an empty attribute, `false`/`undefined` none. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

const refreshers: (() => void)[] = [];

/** Runs `update` now and again after every language switch (see `refreshTexts`). */
export function onLanguage(update: () => void): void {
  refreshers.push(update);
  update();
}

/** A text node that follows the language: `tx(() => t('selfReport.title'))`. */
export function tx(text: () => string): Text {
  const node = document.createTextNode('');
  onLanguage(() => {
    node.data = text();
  });
  return node;
}

export function refreshTexts(): void {
  for (const update of refreshers) update();
}

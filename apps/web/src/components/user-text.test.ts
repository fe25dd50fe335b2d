import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isolate, UserText } from './UserText.tsx';

const SRC = join(import.meta.dirname, '..');
/** Fields of the API's views that hold text someone typed. */
const TYPED =
  'displayName|personName|agencyName|ownerAgencyName|actorName|actorUsername|screenerName|toAgencyName|whatHappened|contact|text|name|firstName|secondName|middleName|identityNumber|address';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

describe('typed text is shown isolated', () => {
  it('UserText puts a name with a right-to-left override inside <bdi>', () => {
    const html = renderToStaticMarkup(createElement('p', null, 'Case of ', createElement(UserText, null, 'Akmaral\u202Eabc'), ' on 2026-01-01'));
    expect(html).toBe('<p>Case of <bdi>Akmaral\u202Eabc</bdi> on 2026-01-01</p>');
    expect(isolate('Akmaral\u202Eabc')).toBe('\u2068Akmaral\u202Eabc\u2069');
    expect(isolate(null)).toBe('');
  });

  it('no component renders a typed field as a bare JSX child or a bare interpolation', () => {
    const bare: string[] = [];
    // A JSX child `{x.name}` / `{x.personName ?? x.pseudonym}` not directly inside <UserText>/<bdi>.
    const child = new RegExp(`(^|>|\\n)\\s*\\{([A-Za-z_][\\w.?]*\\.(?:${TYPED})(?:\\s*\\?\\?\\s*[\\w.?]+)?)\\}`, 'g');
    // A value handed to t() or a template: `{ agency: s.handover.toAgencyName }`, `${a.name}`.
    const interpolated = new RegExp(`(?:\\w+: |\\$\\{)([A-Za-z_][\\w.?]*\\.(?:${TYPED}))\\b(?![(\\[])`, 'g');
    for (const file of sources(SRC)) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(child)) {
        const before = code.slice(0, m.index + m[0].indexOf('{')).trimEnd();
        if (!/<(UserText|bdi)[^>]*>$/.test(before)) bare.push(`${file.slice(SRC.length)}: {${m[2]}}`);
      }
      for (const m of code.matchAll(interpolated)) {
        const field = m[1] ?? '';
        const line = code.slice(code.lastIndexOf('\n', m.index) + 1, code.indexOf('\n', m.index));
        // Only inside t(...) calls and template strings shown to people, and not already isolate(...)d.
        if (!/\bt\(|`/.test(line) || code.slice(Math.max(0, m.index + m[0].indexOf(field) - 8), m.index + m[0].indexOf(field)) === 'isolate(') continue;
        // Handing a value on (a callback, a URL) is not showing it.
        if (/onSame\(|navigate\(/.test(line)) continue;
        bare.push(`${file.slice(SRC.length)}: ${line.trim()}`);
      }
    }
    expect(bare, bare.join('\n')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import articles2014 from '../../../../../reference/justice/criminal-code-articles-2014.1.json' with { type: 'json' };
import { articlesInForce, type CriminalArticleSet, parseCriminalArticleSet, unknownArticles } from './criminal-articles.ts';

// Each shipped version is listed here (the server's store reads the folder; a new file adds a line).
const shipped = [{ f: 'criminal-code-articles-2014.1.json', json: articles2014 as unknown }];

const set = (version: string, effectiveFrom: string, codes: string[]): CriminalArticleSet => ({
  id: 'kz-criminal-code-trafficking',
  version,
  effectiveFrom,
  title: { kk: 'Баптар', ru: 'Статьи', en: 'Articles' },
  source: [],
  articles: codes.map((code) => ({ code, title: { kk: code, ru: code, en: code }, trafficking: code === '128', verification: 'verified' as const })),
});

describe('criminal articles reference data', () => {
  it('every shipped file parses, and carries Art. 128 and 135 as trafficking offences, verified', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const { f, json } of shipped) {
      const parsed = parseCriminalArticleSet(json);
      expect(parsed.ok, f).toBe(true);
      if (!parsed.ok) continue;
      for (const code of ['128', '135']) {
        expect(parsed.value.articles.find((a) => a.code === code)).toMatchObject({ trafficking: true, verification: 'verified' });
      }
    }
  });

  it('refuses a list with an article twice or a malformed code', () => {
    const s = set('x', '2015-01-01', ['128']);
    expect(parseCriminalArticleSet({ ...s, articles: [...s.articles, ...s.articles] }).ok).toBe(false);
    expect(parseCriminalArticleSet({ ...s, articles: [{ ...s.articles[0], code: '128a' }] }).ok).toBe(false);
  });

  it('articlesInForce picks the latest version effective on the date, none before the first', () => {
    const sets = [set('2020', '2020-07-01', ['128']), set('2015', '2015-01-01', ['128', '135']), set('2030', '2030-01-01', ['128'])];
    expect(articlesInForce(sets, '2014-12-31')).toBeNull();
    expect(articlesInForce(sets, '2015-01-01')?.version).toBe('2015');
    expect(articlesInForce(sets, '2020-06-30')?.version).toBe('2015');
    expect(articlesInForce(sets, '2020-07-01')?.version).toBe('2020');
    expect(articlesInForce(sets, '2029-12-31')?.version).toBe('2020');
  });

  it('unknownArticles names the codes the version lacks, in the order given', () => {
    const s = set('2015', '2015-01-01', ['128', '135']);
    expect(unknownArticles(s, ['128', '135'])).toEqual([]);
    expect(unknownArticles(s, ['999', '128', '1'])).toEqual(['999', '1']);
  });
});

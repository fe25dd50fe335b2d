import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, RequestLogController } from '../src/http/logging.ts';

/** A bare app with the server's logger set-up; the lines it writes for one request. */
async function linesFor(config: { logLevel: 'info' | 'warn'; logFormat: 'text' | 'json' }, url: string): Promise<string[]> {
  let out = '';
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  const app = Fastify({ logger: loggerOptions(config, stream), logController: new RequestLogController() });
  app.get('/api/v1/persons', async () => ({ items: [] }));
  app.get('/boom', async () => {
    throw Object.assign(new Error('secret detail Айгерим'), { statusCode: 500 });
  });
  await app.ready();
  out = '';
  await app.inject({ method: 'GET', url, headers: { cookie: 'qorgau_session=s3cr3t' } });
  await app.close();
  return out.split('\n').filter((l) => l !== '');
}

describe('the request log', () => {
  it('is one short readable line per request by default: time, method, path without the query, status, duration', async () => {
    const lines = await linesFor({ logLevel: 'info', logFormat: 'text' }, '/api/v1/persons?q=Айгерим%20Сейткали');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d GET \/api\/v1\/persons 200 \d+ ms$/);
  });

  it('writes nothing below warn when LOG_LEVEL=warn', async () => {
    expect(await linesFor({ logLevel: 'warn', logFormat: 'text' }, '/api/v1/persons?q=x')).toEqual([]);
  });

  it('is one JSON object per request with LOG_FORMAT=json, with no query string or cookie', async () => {
    const lines = await linesFor({ logLevel: 'info', logFormat: 'json' }, '/api/v1/persons?q=Айгерим');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ level: 30, method: 'GET', path: '/api/v1/persons', statusCode: 200 });
    expect(typeof entry.ms).toBe('number');
    expect(lines[0]).not.toMatch(/Айгерим|q=|s3cr3t/);
  });

  it('keeps error entries (level and fields) in text, without personal data from the URL', async () => {
    const lines = await linesFor({ logLevel: 'info', logFormat: 'text' }, '/boom?name=Айгерим');
    expect(lines.some((l) => /^\d\d:\d\d:\d\d ERROR /.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/GET \/boom 500 \d+ ms$/);
    expect(lines.join('\n')).not.toMatch(/name=|s3cr3t|\{"level"/);
  });
});

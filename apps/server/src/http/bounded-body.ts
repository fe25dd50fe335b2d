import { tooLarge } from '../modules/documents/attachments.service.ts';

/**
 * A content-type parser that reads a raw body as bytes, counting them: over `max` the request
 * is refused with a field message (`attachment_too_large` on `file`), not Fastify's bare 413,
 * before the rest is buffered. For uploads (attachments, official-figure CSVs).
 */
export function boundedBodyParser(max: number) {
  return async (request: { headers: Record<string, unknown> }, payload: NodeJS.ReadableStream): Promise<Buffer> => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      if (size > max) throw tooLarge(max);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  };
}

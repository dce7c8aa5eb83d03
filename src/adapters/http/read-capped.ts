/**
 * Reads a request body as it streams and stops pulling the moment it passes `max` bytes, so an
 * oversize body (declared or chunked) is never buffered. Content-Length is a claim; only the bytes
 * counted here decide.
 */
export async function readCapped(source: AsyncIterable<Uint8Array> | null, max: number): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  if (!source) return { ok: true, bytes: Buffer.alloc(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > max) return { ok: false };
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

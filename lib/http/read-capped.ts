/**
 * A request body, at most `cap` bytes: a declared Content-Length above the cap is refused unread, and a chunked
 * body is counted as it arrives, reading stopping at the first byte over. null when the body is larger than the
 * cap; an empty array when there is no body.
 */
export async function readCappedBytes(req: Request, cap: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > cap) return null;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** A request body as UTF-8 text, at most `cap` bytes; null when it is larger (see readCappedBytes). */
export async function readCappedText(req: Request, cap: number): Promise<string | null> {
  const bytes = await readCappedBytes(req, cap);
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/**
 * A form body (urlencoded or multipart), at most `cap` bytes: null when it is larger; a TypeError when it is not
 * a form its Content-Type describes. Request.formData() alone would hold a body of any size in memory.
 */
export async function readCappedForm(req: Request, cap: number): Promise<FormData | null> {
  const bytes = await readCappedBytes(req, cap);
  if (bytes === null) return null;
  return new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
}

/**
 * Reads and throws away what is left of a request body, up to `cap` bytes; false when more than that remains
 * (reading stops there). An answer given before the body was read (401 on an upload, 429, ...) then reaches the
 * client: a server that closes a connection with unread bytes in it resets it, and the client, still sending,
 * sees EPIPE or ECONNRESET instead of the answer.
 */
export async function discardBody(req: Request, cap: number): Promise<boolean> {
  if (!req.body || req.bodyUsed) return true;
  const reader = req.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
    }
  } catch {
    // The client went away: nothing left to answer.
    return false;
  }
}

/** Runs `answer`, then discards what it left unread of the body (up to `cap`), so the answer can be read. */
export async function answerThenDiscard(
  req: Request,
  cap: number,
  answer: () => Promise<Response> | Response,
): Promise<Response> {
  const response = await answer();
  await discardBody(req, cap);
  return response;
}

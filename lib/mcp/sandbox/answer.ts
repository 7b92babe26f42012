import { STATUS_CODES } from "node:http";
import { createParser } from "eventsource-parser";
import { z } from "zod";
import { MAX_ANSWER_CHARS } from "../config";
import type { ToolAnswer } from "../tool";

/** Headers an answer shows when present: what a client acts on. */
const SHOWN_HEADERS = [
  "content-type",
  "content-length",
  "content-disposition",
  "location",
  "retry-after",
  "allow",
  "www-authenticate",
  "cache-control",
];
/** Bytes of a download shown. */
const FIRST_BYTES = 1024;
/** Most events of a stream kept, and how long a stream may take. */
const MAX_EVENTS = 1000;
const STREAM_TIMEOUT_MS = 30_000;

export const SandboxAnswer = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown().optional().describe("The JSON body (left out when the text had to be cut)"),
  download: z
    .object({
      size: z.number().int(),
      content_type: z.string(),
      first_bytes_base64: z.string(),
      first_bytes_text: z.string().nullable(),
      complete: z.boolean(),
    })
    .optional(),
  events: z.array(z.string()).optional().describe("A stream's events: each event's data"),
  truncated: z.boolean(),
});
export type SandboxAnswer = z.infer<typeof SandboxAnswer>;

/** The data of each server-sent event, until the stream ends, MAX_EVENTS or the timeout. */
async function readEvents(response: Response): Promise<{ events: string[]; cut: boolean }> {
  const events: string[] = [];
  let cut = false;
  const parser = createParser({
    onEvent: (e) => void (events.length < MAX_EVENTS ? events.push(e.data) : (cut = true)),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = setTimeout(() => void reader.cancel().catch(() => {}), STREAM_TIMEOUT_MS);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
      if (cut) {
        await reader.cancel();
        break;
      }
    }
  } finally {
    clearTimeout(deadline);
  }
  return { events, cut };
}

/** The text of a chat-completion stream (choices[0].delta.content of each chunk), when the events are one. */
function streamedText(events: string[]): string | null {
  let text = "";
  let chunks = 0;
  for (const data of events) {
    if (data === "[DONE]") continue;
    try {
      const content = (JSON.parse(data) as { choices?: Array<{ delta?: { content?: unknown } }> }).choices?.[0]?.delta
        ?.content;
      if (typeof content === "string") text += content;
      chunks += 1;
    } catch {
      return null;
    }
  }
  return chunks > 0 ? text : null;
}

/** UTF-8 text of the bytes, or null when they are not text. */
function asText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** Keeps `text` within the answer budget, saying so when it cuts. */
function withinBudget(head: string, text: string): { text: string; cut: boolean } {
  const room = MAX_ANSWER_CHARS - head.length - 200;
  if (text.length <= room) return { text: head + text, cut: false };
  return {
    text: `${head}${text.slice(0, Math.max(0, room))}\n…\n\n_Answer cut at ${MAX_ANSWER_CHARS.toLocaleString("en")} characters: the body has ${text.length.toLocaleString("en")}. Ask for less (skip/limit) to see the rest._`,
    cut: true,
  };
}

/**
 * A sandbox response as a tool answer: status, the headers a client acts on, and the body (JSON pretty-printed, a
 * download as its size, type and first bytes, a stream as its events), within the answer budget.
 */
export async function answerOf(label: string, response: Response): Promise<ToolAnswer<SandboxAnswer>> {
  const headers: Record<string, string> = {};
  for (const name of SHOWN_HEADERS) {
    const v = response.headers.get(name);
    if (v !== null) headers[name] = v;
  }
  const type = response.headers.get("content-type") ?? "";
  const head = `${label} → ${response.status} ${STATUS_CODES[response.status] ?? ""}\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n\n`;

  if (type.includes("text/event-stream") && response.body) {
    const { events, cut } = await readEvents(response);
    const joined = streamedText(events);
    const shown = `${events.length} event(s)${cut ? ` (stopped after ${MAX_EVENTS})` : ""}:\n${events.map((d) => `data: ${d}`).join("\n")}${joined !== null ? `\n\nStreamed text: ${joined}` : ""}`;
    const out = withinBudget(head, shown);
    return {
      text: out.text,
      structured: {
        status: response.status,
        headers,
        events: out.cut ? events.slice(0, 20) : events,
        truncated: cut || out.cut,
      },
    };
  }

  const bytes = new Uint8Array(await response.arrayBuffer());
  if (type.includes("json") || bytes.byteLength === 0) {
    const raw = new TextDecoder().decode(bytes);
    let body: unknown = undefined;
    let pretty = raw;
    try {
      body = raw ? (JSON.parse(raw) as unknown) : undefined;
      pretty = body === undefined ? "(no body)" : JSON.stringify(body, null, 2);
    } catch {
      body = undefined;
    }
    const out = withinBudget(head, pretty === "(no body)" ? pretty : `\`\`\`json\n${pretty}\n\`\`\``);
    return {
      text: out.text,
      structured: {
        status: response.status,
        headers,
        ...(out.cut || body === undefined ? {} : { body }),
        truncated: out.cut,
      },
    };
  }

  const first = bytes.subarray(0, FIRST_BYTES);
  const text = asText(first);
  const complete = bytes.byteLength <= FIRST_BYTES;
  const download = {
    size: bytes.byteLength,
    content_type: type || "application/octet-stream",
    first_bytes_base64: Buffer.from(first).toString("base64"),
    first_bytes_text: text,
    complete,
  };
  const shown =
    `A download of ${bytes.byteLength} bytes (${download.content_type}). ${complete ? "All of it" : `The first ${FIRST_BYTES} bytes`}` +
    (text !== null ? ` as text:\n\n\`\`\`\n${text}\n\`\`\`` : ` in base64 (binary):\n\n${download.first_bytes_base64}`);
  return { text: head + shown, structured: { status: response.status, headers, download, truncated: !complete } };
}

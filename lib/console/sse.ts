import { createParser, type EventSourceMessage } from "eventsource-parser";

/** One server-sent event as it arrived. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Server-sent events from chunks as they arrive, on eventsource-parser (the WHATWG rules, including a CRLF split
 * across two chunks): feed it chunks, it returns the events completed so far.
 */
export class SseParser {
  private pending: SseEvent[] = [];
  private readonly parser = createParser({
    onEvent: (m: EventSourceMessage) =>
      this.pending.push({ event: m.event ?? "message", data: m.data, id: m.id ?? null }),
  });

  feed(chunk: string): SseEvent[] {
    this.parser.feed(chunk);
    return this.take();
  }

  /** What is left when the stream ends without a final blank line (the spec drops it; a console shows it). */
  flush(): SseEvent[] {
    this.parser.feed("\n\n");
    this.parser.reset();
    return this.take();
  }

  private take(): SseEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/**
 * The text a chat-completion stream carries so far: each chunk's choices[0].delta.content (OpenAI's shape, which
 * POST /v1/ai/completions documents), in order. Null when no event is such a chunk (another kind of stream).
 */
export function assembledText(events: readonly SseEvent[]): string | null {
  let text: string | null = null;
  for (const ev of events) {
    if (ev.data === "[DONE]") continue;
    let chunk: unknown;
    try {
      chunk = JSON.parse(ev.data);
    } catch {
      continue;
    }
    const choices =
      chunk && typeof chunk === "object" && "choices" in chunk && Array.isArray(chunk.choices)
        ? (chunk.choices as unknown[])
        : null;
    const first = choices?.[0];
    if (!first || typeof first !== "object" || !("delta" in first)) continue;
    const delta = first.delta;
    const content =
      delta && typeof delta === "object" && "content" in delta && typeof delta.content === "string"
        ? delta.content
        : "";
    text = (text ?? "") + content;
  }
  return text;
}

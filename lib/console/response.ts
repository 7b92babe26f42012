import { type SseEvent, SseParser } from "./sse";

/** What the response viewer shows, updated while the body streams in. */
export interface ResponseView {
  status: number;
  /** Milliseconds until the headers arrived, and until the body was complete. */
  headersMs: number;
  totalMs: number | null;
  /** Wall-clock time (epoch ms) the body was complete: "now" for the explanation (expired token, Retry-After). */
  completedAt: number | null;
  /** Body bytes received so far. */
  size: number;
  headers: Array<[string, string]>;
  kind: "json" | "text" | "binary" | "sse" | "empty";
  text: string;
  json: unknown;
  download: { filename: string; type: string; blob: Blob } | null;
  events: SseEvent[];
  done: boolean;
  /** The console proxy answered this itself, or passed it through (X-Console-Proxy). */
  fromProxy: boolean;
}

/** The file name from Content-Disposition: RFC 5987 `filename*` first, then `filename`. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2]?.trim();
  return name || null;
}

/** How to show a body, from its headers. */
export function bodyKind(headers: Headers, status: number): ResponseView["kind"] {
  if (status === 204 || status === 304) return "empty";
  const type = (headers.get("content-type") ?? "").toLowerCase();
  const disposition = (headers.get("content-disposition") ?? "").toLowerCase();
  if (type.startsWith("text/event-stream")) return "sse";
  if (disposition.startsWith("attachment")) return "binary";
  if (/[/+]json\b/.test(type)) return "json";
  if (type === "" || type.startsWith("text/") || /xml|javascript|x-www-form-urlencoded/.test(type)) return "text";
  return "binary";
}

/**
 * Reads a fetch Response for the viewer. Streams (SSE) are read chunk by chunk and `onUpdate` is
 * called as each event arrives, so completions with stream: true show live.
 */
export async function readResponse(
  res: Response,
  startedAt: number,
  clock: () => number,
  onUpdate: (view: ResponseView) => void,
): Promise<ResponseView> {
  let view: ResponseView = {
    status: res.status,
    headersMs: Math.round(clock() - startedAt),
    totalMs: null,
    completedAt: null,
    size: 0,
    headers: [...res.headers.entries()],
    kind: bodyKind(res.headers, res.status),
    text: "",
    json: undefined,
    download: null,
    events: [],
    done: false,
    fromProxy: res.headers.get("x-console-proxy") === "1",
  };
  onUpdate(view);
  const finish = (patch: Partial<ResponseView>) => {
    view = { ...view, ...patch, done: true, totalMs: Math.round(clock() - startedAt), completedAt: Date.now() };
    onUpdate(view);
    return view;
  };

  if (view.kind === "binary") {
    const blob = await res.blob();
    const filename = dispositionFilename(res.headers.get("content-disposition")) ?? "download";
    return finish({
      size: blob.size,
      download: { filename, type: blob.type || res.headers.get("content-type") || "application/octet-stream", blob },
    });
  }
  if (!res.body) return finish({ kind: view.kind === "sse" ? "sse" : "empty" });

  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parser = view.kind === "sse" ? new SseParser() : null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value, { stream: true });
    view = { ...view, size: view.size + value.byteLength, text: view.text + chunk };
    if (parser) {
      const events = parser.feed(chunk);
      if (events.length > 0) {
        view = { ...view, events: [...view.events, ...events] };
        onUpdate(view);
      }
    }
  }
  const tail = decoder.decode();
  const text = view.text + tail;
  if (parser) return finish({ text, events: [...view.events, ...parser.feed(tail), ...parser.flush()] });
  if (text === "") return finish({ text, kind: "empty" });
  if (view.kind === "json") {
    try {
      return finish({ text, json: JSON.parse(text) as unknown });
    } catch {
      return finish({ text, kind: "text" });
    }
  }
  return finish({ text });
}

/** Bytes as "512 B", "1.5 KiB", "2.0 MiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

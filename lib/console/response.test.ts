import { describe, expect, it } from "vitest";
import { bodyKind, dispositionFilename, formatBytes, readResponse, type ResponseView } from "./response";

const clock = () => {
  let t = 0;
  return () => (t += 5);
};

describe("readResponse", () => {
  it("parses JSON bodies and measures size and time", async () => {
    const views: ResponseView[] = [];
    const v = await readResponse(Response.json({ a: "é" }, { status: 201 }), 0, clock(), (x) => views.push(x));
    expect(v).toMatchObject({ status: 201, kind: "json", json: { a: "é" }, size: 10, done: true, fromProxy: false });
    expect(v.totalMs).toBeGreaterThan(v.headersMs);
    expect(views[0]?.done).toBe(false);
  });

  it("shows server-sent events as each one arrives", async () => {
    let push: (s: string) => void = () => {};
    let close: () => void = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        const enc = new TextEncoder();
        push = (s) => c.enqueue(enc.encode(s));
        close = () => c.close();
      },
    });
    // The first event must be shown while the stream is still open (a reader that waited for the end never shows it).
    let shown: (view: ResponseView) => void = () => {};
    const firstShown = new Promise<ResponseView>((resolve) => (shown = resolve));
    const reading = readResponse(
      new Response(stream, { headers: { "content-type": "text/event-stream" } }),
      0,
      clock(),
      (v) => {
        if (v.events.length > 0) shown(v);
      },
    );
    push('data: {"n":1}\n\n');
    const first = await firstShown;
    expect([first.done, first.events.map((e) => e.data)]).toEqual([false, ['{"n":1}']]);
    push("data: [DONE]\n\n");
    close();
    const v = await reading;
    expect(v.kind).toBe("sse");
    expect(v.events.map((e) => e.data)).toEqual(['{"n":1}', "[DONE]"]);
  });

  it("offers downloads under the name from Content-Disposition", async () => {
    const res = new Response(new Uint8Array([1, 2, 3]), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="Q1 report.pdf"; filename*=UTF-8''Q1%20r%C3%A9port.pdf`,
      },
    });
    const v = await readResponse(res, 0, clock(), () => {});
    expect(v.kind).toBe("binary");
    expect(v.download?.filename).toBe("Q1 réport.pdf");
    expect(v.size).toBe(3);
  });

  it("treats 204 as empty and marks answers from the console proxy", async () => {
    const v = await readResponse(
      new Response(null, { status: 204, headers: { "x-console-proxy": "1" } }),
      0,
      clock(),
      () => {},
    );
    expect(v).toMatchObject({ kind: "empty", fromProxy: true, size: 0 });
  });
});

describe("helpers", () => {
  it("reads file names", () => {
    expect(dispositionFilename('attachment; filename="a \\"b\\".txt"')).toBe('a "b".txt');
    expect(dispositionFilename("attachment; filename=plain.txt")).toBe("plain.txt");
    expect(dispositionFilename(null)).toBeNull();
  });

  it("classifies bodies", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(bodyKind(h({ "content-type": "application/problem+json" }), 400)).toBe("json");
    expect(bodyKind(h({ "content-type": "text/plain" }), 200)).toBe("text");
    expect(bodyKind(h({ "content-type": "image/png" }), 200)).toBe("binary");
    expect(bodyKind(h({ "content-type": "text/plain", "content-disposition": "attachment" }), 200)).toBe("binary");
  });

  it("formats sizes", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(2 * 1024 * 1024)]).toEqual([
      "512 B",
      "1.5 KiB",
      "2.0 MiB",
    ]);
  });
});

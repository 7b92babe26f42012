import { describe, expect, it } from "vitest";
import { assembledText, SseParser } from "./sse";

describe("SseParser", () => {
  it("returns events as soon as their blank line arrives, across chunk boundaries", () => {
    const p = new SseParser();
    expect(p.feed('data: {"a"')).toEqual([]);
    expect(p.feed(":1}\n\nda")).toEqual([{ event: "message", data: '{"a":1}', id: null }]);
    expect(p.feed("ta: [DONE]\r\n\r\n")).toEqual([{ event: "message", data: "[DONE]", id: null }]);
  });

  it("keeps one event when a CRLF is split across two chunks (the \\r ends one read, the \\n starts the next)", () => {
    const p = new SseParser();
    expect(p.feed("data: one\r")).toEqual([]);
    expect(p.feed("\ndata: two\r\n")).toEqual([]);
    expect(p.feed("\r\n")).toEqual([{ event: "message", data: "one\ntwo", id: null }]);
  });

  it("reads event names, ids, multi-line data and skips comments", () => {
    const p = new SseParser();
    expect(p.feed(": ping\n\nevent: delta\nid: 7\ndata: one\ndata: two\n\n")).toEqual([
      { event: "delta", data: "one\ntwo", id: "7" },
    ]);
  });

  it("flushes a last event without a trailing blank line", () => {
    const p = new SseParser();
    p.feed("data: tail");
    expect(p.flush()).toEqual([{ event: "message", data: "tail", id: null }]);
    expect(p.flush()).toEqual([]);
  });
});

describe("assembledText", () => {
  const chunk = (delta: object) => ({
    event: "message",
    id: null,
    data: JSON.stringify({ object: "chat.completion.chunk", choices: [{ index: 0, delta }] }),
  });

  it("joins the deltas' content in order and ignores [DONE] and the role-only first chunk", () => {
    const events = [
      chunk({ role: "assistant" }),
      chunk({ content: "Hel" }),
      chunk({ content: "lo" }),
      chunk({}),
      { event: "message", id: null, data: "[DONE]" },
    ];
    expect(assembledText(events)).toBe("Hello");
  });

  it("is null for a stream that carries no completion chunks", () => {
    expect(
      assembledText([
        { event: "message", id: null, data: "plain text" },
        { event: "ping", id: null, data: '{"x":1}' },
      ]),
    ).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

describe("SseParser", () => {
  it("returns events as soon as their blank line arrives, across chunk boundaries", () => {
    const p = new SseParser();
    expect(p.feed('data: {"a"')).toEqual([]);
    expect(p.feed(':1}\n\nda')).toEqual([{ event: "message", data: '{"a":1}', id: null }]);
    expect(p.feed("ta: [DONE]\r\n\r\n")).toEqual([{ event: "message", data: "[DONE]", id: null }]);
  });

  it("reads event names, ids, multi-line data and skips comments", () => {
    const p = new SseParser();
    expect(p.feed(": ping\n\nevent: delta\nid: 7\ndata: one\ndata: two\n\n")).toEqual([{ event: "delta", data: "one\ntwo", id: "7" }]);
  });

  it("flushes a last event without a trailing blank line", () => {
    const p = new SseParser();
    p.feed("data: tail");
    expect(p.flush()).toEqual([{ event: "message", data: "tail", id: null }]);
    expect(p.flush()).toEqual([]);
  });
});

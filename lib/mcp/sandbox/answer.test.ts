import { describe, expect, it } from "vitest";
import { answerOf } from "./answer";

describe("answerOf: a sandbox response as a tool answer", () => {
  it("shows a binary download as its size, type and first bytes in base64", async () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => i % 256);
    const a = await answerOf(
      "GET /v1/user/files/x/download",
      new Response(bytes, {
        headers: { "content-type": "application/pdf", "content-disposition": 'attachment; filename="a.pdf"' },
      }),
    );
    const download = (
      a.structured as {
        download: { size: number; first_bytes_base64: string; first_bytes_text: string | null; complete: boolean };
      }
    ).download;
    expect([download.size, download.first_bytes_text, download.complete]).toEqual([3000, null, false]);
    expect(Buffer.from(download.first_bytes_base64, "base64")).toEqual(Buffer.from(bytes.subarray(0, 1024)));
    expect(a.text).toContain("A download of 3000 bytes (application/pdf). The first 1024 bytes in base64");
    expect(a.text).toContain('content-disposition: attachment; filename="a.pdf"');
  });

  it("shows a stream as its events, and no streamed text when the events are not completion chunks", async () => {
    const body = 'event: tick\ndata: {"n":1}\n\ndata: plain text\n\n';
    const a = await answerOf("GET /x", new Response(body, { headers: { "content-type": "text/event-stream" } }));
    expect((a.structured as { events: string[] }).events).toEqual(['{"n":1}', "plain text"]);
    expect(a.text).toContain("2 event(s)");
    expect(a.text).not.toContain("Streamed text");
  });

  it("shows an empty answer as no body, with its status text", async () => {
    const a = await answerOf("DELETE /v1/user/files/x", new Response(null, { status: 204 }));
    expect(a.text).toMatch(/^DELETE \/v1\/user\/files\/x → 204 No Content\n[\s\S]*\(no body\)$/);
    expect(a.structured).toEqual({ status: 204, headers: {}, truncated: false });
  });
});

import { describe, expect, it } from "vitest";
import { mayStream } from "./node-server";

/** What the portal server would read off the wire: mayStream decides on the parsed message. */
const parsed = (body: string): unknown => JSON.parse(body);

describe("mayStream", () => {
  it("is true for a subscriptions/listen request, alone or in a batch", () => {
    expect(mayStream(parsed('{"jsonrpc":"2.0","id":1,"method":"subscriptions/listen","params":{}}'))).toBe(true);
    expect(mayStream(parsed('[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"subscriptions/listen"}]'))).toBe(true);
  });

  it("is false for other methods, even when an argument or id names subscriptions/listen", () => {
    const search = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_endpoints","arguments":{"query":"subscriptions/listen"}}}';
    expect(search).toContain("subscriptions/listen");
    expect(mayStream(parsed(search))).toBe(false);
    expect(mayStream(parsed('{"jsonrpc":"2.0","id":"subscriptions/listen","method":"ping"}'))).toBe(false);
    expect(mayStream(parsed('{"jsonrpc":"2.0","id":1,"result":{"method":"subscriptions/listen"}}'))).toBe(false);
  });

  it("is false for JSON that is no request at all", () => {
    for (const body of ['"subscriptions/listen"', "null", "[]", '{"method":["subscriptions/listen"]}']) expect(mayStream(parsed(body)), body).toBe(false);
  });
});

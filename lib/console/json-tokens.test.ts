import { describe, expect, it } from "vitest";
import { tokenizeJson } from "./json-tokens";

describe("tokenizeJson", () => {
  it("colours keys, strings, numbers and literals and gives back the text exactly", () => {
    const text = JSON.stringify({ id: 'a"b', n: -1.5e3, ok: true, none: null, list: [1, "x"] }, null, 2);
    const tokens = tokenizeJson(text);
    expect(tokens.map((t) => t.text).join("")).toBe(text);
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds("key")).toEqual(['"id"', '"n"', '"ok"', '"none"', '"list"']);
    expect(kinds("string")).toEqual(['"a\\"b"', '"x"']);
    expect(kinds("number")).toEqual(["-1500", "1"]);
    expect(kinds("literal")).toEqual(["true", "null"]);
  });
});

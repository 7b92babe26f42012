import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AnswerCache } from "./answer-cache";
import { requestOrigin } from "@/lib/site/origin";
import { defineTool } from "./tool";
import { getEndpointDetails, searchEndpointsTool } from "./tools/catalog-tools";

/** A tool that counts its runs, so the tests see when the cache answers instead. */
function counting(name = "echo") {
  const tool = {
    runs: 0,
    ...defineTool({
      name,
      title: "Echo",
      description: "Echoes its argument",
      input: z.object({ word: z.string() }),
      run: ({ word }) => {
        tool.runs++;
        return { text: word.repeat(10) };
      },
    }),
  };
  return tool;
}

describe("AnswerCache", () => {
  it("runs a tool once per distinct arguments and returns the same answer after that", () => {
    const cache = new AnswerCache();
    const tool = counting();
    const a = cache.answer(tool, { word: "a" });
    expect(cache.answer(tool, { word: "a" })).toBe(a);
    expect(tool.runs).toBe(1);
    expect(cache.answer(tool, { word: "b" }).text).toBe("b".repeat(10));
    expect(tool.runs).toBe(2);
  });

  it("keeps answers apart per tool and per portal origin, because answers link to the origin they were asked at", () => {
    const cache = new AnswerCache();
    const a = counting("a");
    const b = counting("b");
    cache.answer(a, { word: "x" });
    cache.answer(b, { word: "x" });
    expect([a.runs, b.runs]).toEqual([1, 1]);

    const at = (origin: string) =>
      requestOrigin.run(origin, () => cache.answer(getEndpointDetails, { path: "/v1/auth/login", method: "POST" }));
    const one = at("http://127.0.0.1:3000");
    const other = at("https://portal.example.com");
    expect(one.text).toContain("http://127.0.0.1:3000/reference/");
    expect(other.text).toContain("https://portal.example.com/reference/");
    expect(other.text).not.toContain("127.0.0.1");
    expect(at("http://127.0.0.1:3000")).toBe(one);
  });

  it("answers exactly what the tool answers", () => {
    const cache = new AnswerCache();
    for (const query of ["login", "upload a file", "  "]) {
      const args = searchEndpointsTool.input.parse({ query });
      expect(cache.answer(searchEndpointsTool, args)).toEqual(searchEndpointsTool.run(args));
    }
  });

  it("drops the least recently used answer when full, by count and by characters", () => {
    const byCount = new AnswerCache(2, 1_000);
    const tool = counting();
    byCount.answer(tool, { word: "a" });
    byCount.answer(tool, { word: "b" });
    byCount.answer(tool, { word: "a" }); // a is now the most recent
    byCount.answer(tool, { word: "c" }); // evicts b
    expect(byCount.size).toBe(2);
    const runs = tool.runs;
    byCount.answer(tool, { word: "a" });
    expect(tool.runs).toBe(runs);
    byCount.answer(tool, { word: "b" });
    expect(tool.runs).toBe(runs + 1);

    const byChars = new AnswerCache(100, 25); // answers are 10 characters each
    const t2 = counting();
    for (const word of ["a", "b", "c"]) byChars.answer(t2, { word });
    expect(byChars.size).toBe(2);
  });

  it("does not keep an answer larger than its whole budget", () => {
    const cache = new AnswerCache(10, 5);
    const tool = counting();
    expect(cache.answer(tool, { word: "a" }).text).toBe("aaaaaaaaaa");
    expect(cache.size).toBe(0);
    cache.answer(tool, { word: "a" });
    expect(tool.runs).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { dynamic, dynamicParams, GET, generateStaticParams } from "./route";

const get = (path: string[]) => GET(new Request("http://localhost/md"), { params: Promise.resolve({ path }) });

describe("GET /md/[...path] (the .md twins)", () => {
  it("is prerendered for every twin and only those", () => {
    expect(dynamic).toBe("force-static");
    expect(dynamicParams).toBe(false);
    expect(generateStaticParams()).toContainEqual({ path: ["reference", "authentication", "login"] });
  });

  it("answers a twin as text/markdown", async () => {
    const res = await get(["reference", "authentication", "login"]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await res.text()).toMatch(/^# POST \/v1\/auth\/login\n/);
  });

  it("answers 404 for a path with no twin", async () => {
    expect((await get(["reference", "no-such-category"])).status).toBe(404);
  });
});

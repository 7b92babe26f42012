import { afterEach, describe, expect, it } from "vitest";
import { GET } from "./route";

const get = (path: string[], headers: Record<string, string> = {}) =>
  GET(new Request("http://localhost/md", { headers }), { params: Promise.resolve({ path }) });

describe("GET /md/[...path] (the .md twins)", () => {
  afterEach(() => {
    delete process.env.PORTAL_URL;
  });

  it("is rendered per request, with links to the portal's public origin, never to a Host it was not told to trust", async () => {
    const twin = ["mcp"];
    const asked = await (await get(twin, { host: "evil.example" })).text();
    expect(asked).not.toContain("evil.example");
    expect(asked).toContain("http://localhost:3000/");
    process.env.PORTAL_URL = "https://docs.example.com/";
    expect(await (await get(twin, { host: "evil.example" })).text()).toContain("https://docs.example.com/");
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

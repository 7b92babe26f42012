import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tokenResponseExample } from "@/lib/catalog/schemas/auth";
import { completionChunksExample, completionExample } from "@/lib/catalog/schemas/completion";
import { entityRecordExample } from "@/lib/catalog/schemas/entity-record";
import { userFileExample } from "@/lib/catalog/schemas/user-file";
import { authUserExample } from "@/lib/catalog/schemas/user";

/**
 * A test double of the remote API, for the generated SDK's tests: a real HTTP server on
 * 127.0.0.1 implementing a handful of endpoints with the catalog's examples as answers.
 * The access token from login is already expired: /me only accepts the one refresh hands out.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  refreshCount: () => number;
  close: () => Promise<void>;
}

export const TOKENS = { expired: "access-expired", fresh: "access-fresh", refresh: "refresh-1" } as const;
export const DOWNLOAD_BYTES = "%PDF-1.7 fake report";

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function receivedForm(r: RecordedRequest): Promise<Record<string, unknown>> {
  const form = await new Request("http://fake/", {
    method: "POST",
    headers: { "content-type": r.headers["content-type"] ?? "" },
    body: new Uint8Array(r.body),
  }).formData();
  const file = form.get("file");
  return file instanceof Blob
    ? { name: "name" in file ? file.name : undefined, type: file.type, size: file.size, text: await file.text() }
    : { file };
}

async function streamCompletion(res: ServerResponse): Promise<void> {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  const text = [...completionChunksExample.map((c) => JSON.stringify(c)), "[DONE]"]
    .map((d) => `data: ${d}\n\n`)
    .join("");
  // Cut the stream at awkward places: events must survive arriving in pieces.
  for (let i = 0; i < text.length; i += 37) {
    res.write(text.slice(i, i + 37));
    await sleep(1);
  }
  res.end();
}

export async function startFakeApi(): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  let refreshes = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const r: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(r);
      route(r, res).catch((error: unknown) => json(res, 500, { detail: String(error) }));
    });
  });

  async function route(r: RecordedRequest, res: ServerResponse): Promise<void> {
    const key = `${r.method} ${r.path}`;
    const body = (): Record<string, unknown> => JSON.parse(r.body.toString("utf8") || "{}") as Record<string, unknown>;
    switch (true) {
      case key === "POST /v1/auth/register":
        return json(res, 201, {
          message: "Registration successful. Please check your email.",
          verification_required: true,
        });
      case key === "POST /v1/auth/login":
        return json(res, 200, { ...tokenResponseExample, access_token: TOKENS.expired, refresh_token: TOKENS.refresh });
      case key === "POST /v1/auth/refresh": {
        refreshes++;
        await sleep(40); // long enough for concurrent 401s to pile up behind one refresh
        if (body().refresh_token !== TOKENS.refresh) return json(res, 401, { detail: "Invalid refresh token" });
        return json(res, 200, { ...tokenResponseExample, access_token: TOKENS.fresh, refresh_token: TOKENS.refresh });
      }
      case key === "GET /v1/auth/me":
        if (r.headers.authorization !== `Bearer ${TOKENS.fresh}`)
          return json(res, 401, { detail: "Could not validate credentials" });
        return json(res, 200, authUserExample);
      case key === "POST /v1/auth/logout":
        return json(res, 503, { detail: "Service unavailable" }, { "Retry-After": "5" });
      case key === "POST /v1/auth/forgot-password":
        return json(res, 429, { detail: "Too many requests" }, { "Retry-After": "120" });
      case key === "POST /v1/auth/reset-password":
        return json(res, 422, { detail: [{ loc: ["body", "new_password"], msg: "too weak", type: "value_error" }] });
      case key === "POST /v1/auth/verify-email-with-token":
        return json(res, 200, { message: "Email verified successfully" });
      case key === "GET /v1/auth/providers":
        await sleep(2000); // slow on purpose: the abort test cancels it
        return json(res, 200, { providers: [] });
      case key === "POST /v1/user/files":
        return json(res, 201, {
          message: "File uploaded successfully",
          file: userFileExample,
          received: await receivedForm(r),
        });
      case /^GET \/v1\/user\/files\/[^/]+\/download$/.test(key):
        res.writeHead(200, {
          "Content-Type": "application/octet-stream",
          "Content-Disposition": 'attachment; filename="Q1 report.pdf"',
        });
        return void res.end(DOWNLOAD_BYTES);
      case /^DELETE \/v1\/user\/files\/[^/]+$/.test(key):
        res.writeHead(204);
        return void res.end();
      case /^GET \/v1\/entity\/records\/[^/]+$/.test(key):
        return json(res, 200, { ...entityRecordExample, organization_id: r.headers["x-organization-id"] });
      case key === "POST /v1/ai/completions":
        return body().stream === true ? streamCompletion(res) : json(res, 200, completionExample);
      default:
        return json(res, 404, { detail: "Not Found" });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refreshCount: () => refreshes,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

import { type Category, categories, endpoints, endpointsOf } from "@/lib/catalog";
import { planEndpoint } from "./endpoint-plan";
import { camelCase } from "./names";

/** Where the generated client is served (app/sdk/api-client.ts/route.ts). */
export const SDK_DOWNLOAD_PATH = "/sdk/api-client.ts";

/** One client namespace: `client.<property>.<method>()`, one per category. */
export interface SdkNamespace {
  property: string;
  category: Category;
  methods: string[];
}

/** The client's namespaces and methods, derived exactly as lib/sdk/generate.ts names them. */
export function sdkNamespaces(): SdkNamespace[] {
  return categories.map((category) => ({
    property: camelCase(category.id),
    category,
    methods: endpointsOf(category.id).flatMap((e) => {
      const plan = planEndpoint(e);
      return plan.stream ? [plan.method, plan.stream.method] : [plan.method];
    }),
  }));
}

export const sdkMethodCount = () => sdkNamespaces().reduce((n, ns) => n + ns.methods.length, 0);

/** What the SDK is, in one paragraph (backticks mark inline code). */
export const sdkIntro =
  "`api-client.ts` is one self-contained TypeScript file generated from the same catalog as this reference: " +
  `a typed method for each of the ${endpoints.length} endpoints, grouped by category, types for every request and answer, ` +
  "and a small runtime with no dependencies (fetch, FormData and ReadableStream: browsers and Node.js 18+).";

/**
 * What the generated client does that the seed's SDK template (the MCP tool get_sdk_template of
 * version 2.2.0) got wrong or left out. Backticks mark inline code.
 */
export const SDK_FIXES: ReadonlyArray<{ title: string; seed: string; now: string }> = [
  {
    title: "Tokens only when there are tokens",
    seed: "`register()` stored `access_token` from every answer, so with email verification on (`verification_required: true`, no tokens) the client kept `undefined` as its token.",
    now: "Login, register and refresh store tokens only when the answer carries them, and `onTokens` tells your app whenever they change or are cleared.",
  },
  {
    title: "Content-Type only with a body",
    seed: "Every request, GET and DELETE included, sent `Content-Type: application/json`.",
    now: "The header goes only with a JSON body; multipart uploads let fetch set it with the boundary.",
  },
  {
    title: "204 No Content handled",
    seed: "Every success was parsed with `response.json()`, which throws on an empty 204 answer.",
    now: "204 resolves to `undefined` (typed `void`); file downloads resolve to a `Blob`.",
  },
  {
    title: "Typed errors with Retry-After",
    seed: "Errors became a plain `Error` whose message was `detail`: `[object Object]` for a 422 field list, and a JSON parse error for an HTML error page.",
    now: "Non-2xx answers throw `ApiError` with `status`, `detail` (a message or the 422 field list), the parsed `body` and `retryAfter` seconds from the Retry-After header (429, 503).",
  },
  {
    title: "One refresh in flight, then a retry",
    seed: "A 401 was just an error: refreshing was left to a manual call, and the failed request was not retried.",
    now: "On a 401 the client refreshes the access token once, shared by every call that hit the 401 meanwhile, and retries each request once; a refused refresh token ends the session.",
  },
  {
    title: "Multipart uploads",
    seed: "Every body was `JSON.stringify`-ed, so files could not be uploaded.",
    now: "Upload methods take a `Blob` or `File` and send `multipart/form-data`.",
  },
  {
    title: "Cancellation with AbortSignal",
    seed: "Requests could not be cancelled.",
    now: "Every method takes `{ signal }` as its last argument.",
  },
  {
    title: "X-Organization-Id only where it belongs",
    seed: "Once set, `X-Organization-Id` went with every request.",
    now: "`setOrganizationId()` sets it for the endpoints that require it (custom entities), and a call without one fails with a clear message before any request.",
  },
  {
    title: "Server-sent event streaming",
    seed: "No streaming.",
    now: "`client.ai.streamCompletion()` is an async generator yielding each event's chunk until `data: [DONE]`.",
  },
];

/** The usage snippet shown on /sdk; lib/sdk/summary.test.ts type-checks it against the generated file. */
export const SDK_USAGE = `import { ApiClient, ApiError } from "./api-client";

const client = new ApiClient({
  apiKey: "pk_live_your_public_key", // a secret key (sk_live_*) only on your server
  baseUrl: "https://api.example.com",
  // Persist the session however your app does (null after logout or a refused refresh).
  onTokens: (tokens) => {
    if (tokens) localStorage.setItem("session", JSON.stringify(tokens));
    else localStorage.removeItem("session");
  },
});

// Login stores the tokens; later calls send them and refresh once on a 401.
await client.authentication.login({ email: "user@example.com", password: "SecurePass123" });
const me = await client.authentication.me();

// Organization-scoped endpoints (custom entities) send X-Organization-Id.
const { organizations } = await client.organizations.myOrganizations();
client.setOrganizationId(organizations[0]?.id ?? null);

// Typed errors, with the Retry-After delay of a 429.
try {
  await client.usage.consume({ tokens: 500, user_id: me.id, organization_id: organizations[0]?.id ?? "" });
} catch (error) {
  if (error instanceof ApiError && error.status === 429) console.log("retry in", error.retryAfter, "s");
  else throw error;
}

// Uploads are multipart; every method takes an AbortSignal.
const controller = new AbortController();
const file = new File(["hello"], "hello.txt", { type: "text/plain" });
await client.files.uploadFile({}, { file }, { signal: controller.signal });

// Server-sent events, chunk by chunk.
for await (const chunk of client.ai.streamCompletion({ model: "gpt-4", messages: [{ role: "user", content: "Hello" }] })) {
  console.log(chunk.choices[0]?.delta.content ?? "");
}
`;

import { planEndpoint } from "@/lib/sdk/endpoint-plan";
import { camelCase } from "@/lib/sdk/names";
import { SAMPLE_API_KEYS } from "../config";
import { Code, tsCall, tsLiteral } from "../ts-literal";
import type { SampleGenerator, SampleRequest } from "../types";

const header = (r: SampleRequest, name: string) => r.headers.find((h) => h.name === name)?.value;

/** `new ApiClient({...})` with what this endpoint needs: the key kind, a token, an organization. */
function clientOptions(r: SampleRequest): Record<string, unknown> {
  // The client always wants a key, even for the few endpoints that send none; the console's copies carry the key actually sent.
  const options: Record<string, unknown> = {
    apiKey: header(r, "X-API-Key") ?? SAMPLE_API_KEYS[r.key ?? "public"],
    baseUrl: r.baseUrl,
  };
  const authorization = header(r, "Authorization");
  if (authorization) options.accessToken = authorization.replace(/^Bearer /, "");
  const organization = header(r, "X-Organization-Id");
  if (organization) options.organizationId = organization;
  return options;
}

/** The body argument: JSON as a literal, multipart files as variables declared before the call. */
function bodyArgument(r: SampleRequest): { value: unknown; setup: string } {
  if (r.body?.kind !== "multipart") return { value: r.body?.value, setup: "" };
  const files = r.body.fields.filter((f) => "file" in f);
  if (files.length > 1) throw new Error(`samples: ${r.endpoint.id} uploads several files; the SDK sample handles one`);
  const value = Object.fromEntries(r.body.fields.map((f) => [f.name, "file" in f ? new Code("file") : f.value]));
  const setup = files.length
    ? 'const file = document.querySelector<HTMLInputElement>(\'input[type="file"]\')?.files?.[0];\nif (!file) throw new Error("Choose a file first");\n\n'
    : "";
  return { value, setup };
}

/** The same call through the generated SDK (`/sdk/api-client.ts`), with the names the generator gives it. */
export const typescript: SampleGenerator = {
  id: "typescript",
  label: "TypeScript",
  client: "generated SDK (api-client.ts)",
  lang: "typescript",
  generate(r) {
    const plan = planEndpoint(r.endpoint);
    const body = bodyArgument(r);
    const streamed =
      plan.stream !== undefined &&
      typeof body.value === "object" &&
      body.value !== null &&
      "stream" in body.value &&
      body.value.stream === true;
    const args: unknown[] = [];
    if (plan.params) args.push(r.pathParams);
    if (plan.query) args.push(r.query);
    if (plan.body)
      args.push(
        streamed
          ? Object.fromEntries(Object.entries(body.value as object).filter(([k]) => k !== "stream"))
          : body.value,
      );
    const method = streamed && plan.stream ? plan.stream.method : plan.method;
    const call = (before: string) => tsCall(`${before}client.${camelCase(r.endpoint.category)}.${method}`, args);

    let use: string;
    if (streamed) use = `${call("for await (const chunk of ")} {\n  console.log(chunk);\n}`;
    else if (plan.results.length === 0 && plan.plainResults.every((p) => p === "void")) use = `${call("await ")};`;
    else if (plan.results.length === 0 && plan.plainResults.every((p) => p === "Blob"))
      use = `${call("const blob = await ")};\nconsole.log(blob.type, blob.size);`;
    else use = `${call("const answer = await ")};\nconsole.log(answer);`;

    return `import { ApiClient } from "./api-client";\n\nconst client = new ApiClient(${tsLiteral(clientOptions(r))});\n\n${body.setup}${use}`;
  },
};

import { describeRateLimit } from "@/lib/catalog/errors";
import { authSummary } from "@/lib/catalog/headers";
import type { JsonSchema } from "@/lib/catalog/json-schema";
import type { EndpointPlan } from "./endpoint-plan";
import { hasRequired } from "./endpoint-plan";
import { jsDoc, type PrintOptions, printDeclaration } from "./json-schema-to-ts";
import { propertyKey } from "./names";

const M = "  "; // method indent inside a class

/** `export type X = Shared;` when the root has a shared name, else a full declaration. */
function declare(name: string, root: JsonSchema, opts: PrintOptions, doc: string[]): string {
  const shared = opts.nameOf?.(root);
  return shared ? `${jsDoc(doc)}export type ${name} = ${shared};\n` : printDeclaration(name, root, opts, doc);
}

/** Type names an endpoint declares, so shared schema titles can avoid them. */
export function endpointTypeNames(p: EndpointPlan): string[] {
  return [
    p.params && `${p.base}Params`,
    p.query && `${p.base}Query`,
    p.body && `${p.base}Request`,
    p.results.length > 0 && `${p.base}Response`,
    p.stream && `${p.base}Chunk`,
  ].filter((n): n is string => typeof n === "string");
}

/** The request and answer types of one endpoint. */
export function renderEndpointTypes(p: EndpointPlan, opts: PrintOptions): string {
  const where = `\`${p.endpoint.method} ${p.endpoint.path}\``;
  const out: string[] = [];
  if (p.params) out.push(declare(`${p.base}Params`, p.params, opts, [`Path parameters of ${where}.`]));
  if (p.query) out.push(declare(`${p.base}Query`, p.query, opts, [`Query parameters of ${where}.`]));
  if (p.body) {
    const kind = p.multipart ? "Multipart form fields" : "Request body";
    out.push(declare(`${p.base}Request`, p.body, opts, [`${kind} of ${where}.`]));
  }
  if (p.results.length > 0) {
    const root = p.results.length === 1 ? p.results[0]! : { anyOf: p.results };
    out.push(declare(`${p.base}Response`, root, opts, [`Answer of ${where}.`]));
  }
  if (p.stream)
    out.push(declare(`${p.base}Chunk`, p.stream.chunk, opts, [`One server-sent event of ${where} with stream: true.`]));
  return out.join("\n");
}

const STATUS_TEXT: Record<string, string> = {
  void: "undefined (no content)",
  Blob: "the content as a Blob",
  unknown: "the answer as is",
};

function methodDoc(p: EndpointPlan): string[] {
  const e = p.endpoint;
  const lines = [e.summary];
  if (e.description && e.description !== e.summary) lines.push("", e.description);
  const facts = [
    `\`${e.method} ${e.path}\``,
    authSummary(e),
    ...(e.rateLimit ? [`rate limit ${describeRateLimit(e.rateLimit)}`] : []),
  ];
  lines.push("", facts.join(" · "));
  const who = [
    e.auth.permission && `Permission: ${e.auth.permission}.`,
    e.auth.roles && `Organization roles: ${e.auth.roles.join(", ")}.`,
    e.auth.condition,
  ].filter((x): x is string => typeof x === "string" && x !== "");
  if (who.length > 0) lines.push("", who.join(" "));
  if (p.keyMode === "secret")
    lines.push("", "**Secret key: call from your server only.** Never put an sk_* key in a browser or app bundle.");
  if (p.storesTokens === "always") lines.push("", "Stores the returned tokens in the client.");
  if (p.storesTokens === "when-present")
    lines.push(
      "",
      "Stores tokens only when the answer carries them (for example not when verification_required is true).",
    );
  if (p.endsSession) lines.push("", "Clears the stored tokens, even when the request fails.");
  if (p.results.length === 0 && p.plainResults.length === 1)
    lines.push("", `Resolves to ${STATUS_TEXT[p.plainResults[0]!]}.`);
  const statuses = [...new Set(e.errors.map((x) => x.status))].sort((a, b) => a - b);
  if (statuses.length > 0) lines.push(`@throws {ApiError} ${statuses.join(", ")}`);
  return lines;
}

/** `"/v1/orgs/" + encode(params.organization_id) + "/members"`. */
function pathExpression(p: EndpointPlan): string {
  const names = Object.keys(p.params?.properties ?? {});
  const parts = p.endpoint.path.split(/(\{\w+\})/).filter((s) => s !== "");
  const used = new Set<string>();
  const expr = parts.map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return JSON.stringify(part);
    const name = m[1]!;
    if (!names.includes(name))
      throw new Error(`SDK: ${p.endpoint.id} path names {${name}} but its path parameters do not`);
    used.add(name);
    const key = propertyKey(name);
    return `encode(params${key === name ? `.${name}` : `[${key}]`})`;
  });
  const unused = names.filter((n) => !used.has(n));
  if (unused.length > 0)
    throw new Error(`SDK: ${p.endpoint.id} path parameters ${unused.join(", ")} are not in its path`);
  return expr.join(" + ");
}

/** `(params: X, query?: Y, options?: RequestOptions)`: a parameter is optional only if all after it are. */
function parameterList(p: EndpointPlan, bodyType?: string): string {
  const list: Array<{ name: string; type: string; optional: boolean }> = [];
  if (p.params) list.push({ name: "params", type: `${p.base}Params`, optional: !hasRequired(p.params) });
  if (p.query) list.push({ name: "query", type: `${p.base}Query`, optional: !hasRequired(p.query) });
  if (p.body) list.push({ name: "body", type: bodyType ?? `${p.base}Request`, optional: !hasRequired(p.body) });
  for (let i = list.length - 2; i >= 0; i--) list[i]!.optional &&= list[i + 1]!.optional;
  return [...list.map((x) => `${x.name}${x.optional ? "?" : ""}: ${x.type}`), "options?: RequestOptions"].join(", ");
}

function callObject(p: EndpointPlan, body?: string, stream = false): string {
  const e = p.endpoint;
  const props = [`method: ${JSON.stringify(e.method)}`, `path: ${pathExpression(p)}`];
  if (p.query) props.push("query");
  if (p.body) props.push(body ?? "body");
  if (p.multipart) props.push("multipart: true");
  props.push(`key: ${JSON.stringify(p.keyMode)}`, `jwt: ${JSON.stringify(e.auth.jwt)}`);
  if (e.auth.organizationHeader) props.push("organization: true");
  if (stream) props.push("stream: true");
  return `{ ${props.join(", ")} }`;
}

/** The Call properties of an endpoint without its body, for the client's own refresh. */
export function callProperties(p: EndpointPlan): string {
  return callObject({ ...p, body: undefined, query: undefined }).slice(2, -2);
}

function resultType(p: EndpointPlan): string {
  return [...(p.results.length > 0 ? [`${p.base}Response`] : []), ...p.plainResults].join(" | ");
}

/** The method (and for streaming endpoints the streaming method) of one endpoint. */
export function renderEndpointMethods(p: EndpointPlan): string {
  const result = resultType(p);
  // The JSON method of a streaming endpoint must not ask for a stream: its answer would not be JSON.
  const bodyType = p.stream ? `Omit<${p.base}Request, "stream"> & { stream?: false }` : undefined;
  const call = callObject(p);
  const send = `this.session.send<${result}>(${call}, options)`;
  let body: string;
  if (p.endsSession) {
    body = `${M}  try {\n${M}    return await ${send};\n${M}  } finally {\n${M}    this.session.clearTokens();\n${M}  }\n`;
  } else if (p.storesTokens !== "never") {
    body = `${M}  const answer = await ${send};\n${M}  this.session.storeTokens(answer);\n${M}  return answer;\n`;
  } else {
    body = `${M}  return ${send};\n`;
  }
  const isAsync = p.endsSession || p.storesTokens !== "never";
  let text = `${jsDoc(methodDoc(p), M)}${M}${isAsync ? "async " : ""}${p.method}(${parameterList(p, bodyType)}): Promise<${result}> {\n${body}${M}}\n`;

  if (p.stream) {
    const s = p.stream;
    const doc = [
      `${p.endpoint.summary}: streamed.`,
      "",
      `Sends stream: true and yields each server-sent event's chunk as it arrives, until \`data: ${s.done}\`.`,
      "Errors before the stream starts (auth, validation, limits) reject like any other call.",
      "",
      `\`${p.endpoint.method} ${p.endpoint.path}\` · ${authSummary(p.endpoint)}`,
    ];
    const streamCall = callObject(p, "body: { ...body, stream: true }", true);
    text +=
      `\n${jsDoc(doc, M)}${M}async *${s.method}(${parameterList(p, `Omit<${p.base}Request, "stream">`)}): AsyncGenerator<${p.base}Chunk, void, undefined> {\n` +
      `${M}  const response = await this.session.send<Response>(${streamCall}, options);\n` +
      `${M}  for await (const data of readEvents(response)) {\n` +
      `${M}    if (data === ${JSON.stringify(s.done)}) return;\n` +
      `${M}    yield JSON.parse(data) as ${p.base}Chunk;\n` +
      `${M}  }\n${M}}\n`;
  }
  return text;
}

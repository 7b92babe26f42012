"use client";

import { getEndpoint } from "@/lib/catalog";
import { buildRequest, type Credentials, defaultKey, fetchInit } from "@/lib/console/request";
import { requestUrl } from "@/lib/console/target";
import type { ConsoleEnvironment } from "@/lib/console/types";

/** A helper call the console makes for the visitor (refresh the token, list organizations): same rules as the editor. */
export async function callApi(
  env: ConsoleEnvironment,
  credentials: Credentials,
  endpointId: string,
  body?: unknown,
): Promise<{ status: number; json: unknown } | { error: string }> {
  const e = getEndpoint(endpointId);
  if (!e) return { error: `unknown endpoint ${endpointId}` };
  const built = buildRequest(
    e,
    {
      pathParams: {},
      query: {},
      bodyText: body === undefined ? "" : JSON.stringify(body),
      formFields: {},
      files: {},
      key: defaultKey(e, credentials),
      sendToken: true,
    },
    credentials,
  );
  if (!built.ok) return { error: built.errors.map((x) => x.message).join("; ") };
  try {
    const res = await fetch(requestUrl(env, built.request.pathAndQuery), fetchInit(built.request));
    const json = (await res.json().catch(() => null)) as unknown;
    return { status: res.status, json };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** `detail` of an error answer, for short messages. */
export const detailText = (json: unknown, status: number) =>
  json && typeof json === "object" && "detail" in json && typeof json.detail === "string"
    ? json.detail
    : `HTTP ${status}`;

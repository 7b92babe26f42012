import type { Endpoint, HttpMethod } from "./types";

interface Segment {
  literal?: string;
  param?: string;
}

export interface PathMatch<E extends Endpoint = Endpoint> {
  endpoint: E;
  params: Record<string, string>;
  query: Record<string, string>;
}

const splitPath = (path: string) => path.split("/").filter(Boolean);

function parseTemplate(path: string): Segment[] {
  return splitPath(path).map((s) => {
    const m = /^\{(\w+)\}$/.exec(s);
    return m?.[1] ? { param: m[1] } : { literal: s };
  });
}

/** Normalises what people paste: full URLs, missing leading slash, trailing slash, query strings, fragments. */
export function normalizePath(input: string): { path: string; query: Record<string, string> } {
  let raw = input.trim();
  const hash = raw.indexOf("#");
  if (hash >= 0) raw = raw.slice(0, hash);
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/]+(.*)$/i.exec(raw);
  if (abs) raw = abs[1] || "/";
  const q = raw.indexOf("?");
  const query: Record<string, string> = {};
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(raw.slice(q + 1))) query[k] = v;
    raw = raw.slice(0, q);
  }
  const path = "/" + splitPath(raw).join("/");
  return { path, query };
}

/**
 * Resolves concrete paths to their templates. Among templates that match, the one with
 * literal segments earliest wins: `/v1/user/files/folders` is the folders endpoint, not
 * `/v1/user/files/{file_id}`.
 */
export function createMatcher<E extends Endpoint>(endpoints: readonly E[]) {
  const compiled = endpoints.map((endpoint) => ({ endpoint, segments: parseTemplate(endpoint.path) }));

  return function matchPath(method: HttpMethod | undefined, input: string): PathMatch<E>[] {
    const { path, query } = normalizePath(input);
    const parts = splitPath(path).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
    const hits: Array<PathMatch<E> & { score: number[] }> = [];
    for (const { endpoint, segments } of compiled) {
      if (method && endpoint.method !== method) continue;
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const score: number[] = [];
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i]!;
        const part = parts[i]!;
        if (seg.literal !== undefined) {
          if (seg.literal !== part) {
            ok = false;
            break;
          }
          score.push(1);
        } else {
          // `{organization_id}` typed literally also matches its own template.
          params[seg.param!] = part;
          score.push(part === `{${seg.param}}` ? 1 : 0);
        }
      }
      if (ok) hits.push({ endpoint, params, query, score });
    }
    if (hits.length === 0) return [];
    // Only the most literal templates survive: lexicographic on segment scores, so
    // `/v1/user/files/folders` is the folders endpoints (GET and POST), not `DELETE /v1/user/files/{file_id}`.
    const best = hits.reduce((a, h) => (compareScore(h.score, a.score) > 0 ? h : a));
    return hits
      .filter((h) => compareScore(h.score, best.score) === 0)
      .map(({ endpoint, params, query: q }) => ({ endpoint, params, query: q }));
  };
}

function compareScore(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

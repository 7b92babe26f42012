import type { KeyKind } from "@/lib/catalog";
import type { ConsoleEnvironmentId } from "./types";
import type { SentRequest } from "./request";

/** What replay needs to rebuild a request, without the secrets it was sent with. */
export interface HistoryEntry {
  id: string;
  /** Epoch ms when sent. */
  at: number;
  environment: ConsoleEnvironmentId;
  endpointId: string;
  method: string;
  pathAndQuery: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** JSON body text with password-like values blanked; null for no body or multipart. */
  bodyText: string | null;
  /** Multipart: text fields and the names of the files sent (files themselves are not kept). */
  formFields: Record<string, string>;
  fileNames: string[];
  /** Which credentials were used: never their values. */
  keyKind: KeyKind | null;
  usedToken: boolean;
  organizationId: string | null;
  /** Blanked fields, so replay can ask for them again. */
  redacted: string[];
  status: number | null;
  ms: number | null;
}

export const HISTORY_KEY = "saas-portal:console-history";
export const HISTORY_LIMIT = 50;

/** Body fields whose values never go into history: passwords and tokens typed into a body. */
const SECRET_FIELD = /password|secret|refresh_token|access_token|api_key/i;

/** Blanks secret-looking values in a JSON body (any depth); returns the text and the blanked paths. */
export function redactBody(text: string): { text: string; redacted: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { text, redacted: [] };
  }
  const redacted: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((v, i) => walk(v, `${path}[${i}]`));
    if (node && typeof node === "object") {
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => {
          const p = path ? `${path}.${k}` : k;
          if (SECRET_FIELD.test(k) && typeof v === "string" && v !== "") {
            redacted.push(p);
            return [k, ""];
          }
          return [k, walk(v, p)];
        }),
      );
    }
    return node;
  };
  const clean = walk(value, "");
  return redacted.length > 0 ? { text: JSON.stringify(clean, null, 2), redacted } : { text, redacted };
}

/** A history entry for a sent request: which key kind, whether a token went along, never their values. */
export function historyEntry(
  r: SentRequest,
  environment: ConsoleEnvironmentId,
  result: { status: number | null; ms: number | null },
  at: number,
): HistoryEntry {
  const body = r.body?.kind === "json" ? redactBody(r.body.text) : null;
  return {
    id: `${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    at,
    environment,
    endpointId: r.endpointId,
    method: r.method,
    pathAndQuery: r.pathAndQuery,
    pathParams: { ...r.pathParams },
    query: Object.fromEntries(r.query),
    bodyText: body ? body.text : null,
    formFields:
      r.body?.kind === "multipart"
        ? Object.fromEntries(r.body.fields.flatMap((f) => ("value" in f ? [[f.name, f.value]] : [])))
        : {},
    fileNames: r.body?.kind === "multipart" ? r.body.fields.flatMap((f) => ("file" in f ? [f.file.name] : [])) : [],
    keyKind: r.keyKind,
    usedToken: r.usedToken,
    organizationId: r.organizationId,
    redacted: body?.redacted ?? [],
    status: result.status,
    ms: result.ms,
  };
}

const isEntry = (x: unknown): x is HistoryEntry =>
  !!x &&
  typeof x === "object" &&
  typeof (x as HistoryEntry).id === "string" &&
  typeof (x as HistoryEntry).endpointId === "string" &&
  typeof (x as HistoryEntry).at === "number";

/** Reads the history (newest first); anything unreadable counts as empty. */
export function loadHistory(storage: Pick<Storage, "getItem"> | null): HistoryEntry[] {
  try {
    const raw = storage?.getItem(HISTORY_KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Adds an entry in front, keeps the newest HISTORY_LIMIT, saves, returns the new list. */
export function pushHistory(storage: Pick<Storage, "getItem" | "setItem"> | null, entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...loadHistory(storage).filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT);
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the history lives on in memory for this page.
  }
  return next;
}

export function clearHistory(storage: Pick<Storage, "removeItem"> | null): void {
  storage?.removeItem(HISTORY_KEY);
}

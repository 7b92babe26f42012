import { describe, expect, it } from "vitest";
import { getEndpoint } from "@/lib/catalog";
import {
  clearHistory,
  HISTORY_KEY,
  HISTORY_LIMIT,
  historyEntry,
  loadHistory,
  pushHistory,
  redactBody,
} from "./history";
import { buildRequest, EMPTY_CREDENTIALS } from "./request";

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const creds = {
  ...EMPTY_CREDENTIALS,
  publicKey: "pk_live_PUBLICVALUE",
  secretKey: "sk_live_SECRETVALUE",
  accessToken: "eyJ.ACCESSVALUE.sig",
  refreshToken: "eyJ.REFRESHVALUE.sig",
};

function sent(id: string, bodyText = "") {
  const r = buildRequest(
    getEndpoint(id)!,
    { pathParams: {}, query: {}, bodyText, formFields: {}, files: {}, key: "public", sendToken: true },
    creds,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.request;
}

describe("history", () => {
  it("never stores key, token or password values: only which credentials were used", () => {
    const storage = new MemoryStorage();
    const login = sent(
      "authentication.login",
      JSON.stringify({ email: "ada@example.com", password: "Secr3tPassw0rd" }),
    );
    pushHistory(storage, historyEntry(login, "sandbox", { status: 200, ms: 12 }, 1000));
    const refresh = sent("authentication.refresh", JSON.stringify({ refresh_token: creds.refreshToken }));
    pushHistory(storage, historyEntry(refresh, "sandbox", { status: 200, ms: 5 }, 2000));
    pushHistory(storage, historyEntry(sent("authentication.me"), "sandbox", { status: 200, ms: 3 }, 3000));
    const raw = storage.getItem(HISTORY_KEY)!;
    for (const secret of ["PUBLICVALUE", "SECRETVALUE", "ACCESSVALUE", "REFRESHVALUE", "Secr3tPassw0rd"])
      expect(raw).not.toContain(secret);
    const [me, ref, log] = loadHistory(storage);
    expect(me).toMatchObject({ endpointId: "authentication.me", keyKind: "public", usedToken: true, status: 200 });
    expect(ref?.redacted).toEqual(["refresh_token"]);
    expect(JSON.parse(log!.bodyText!)).toEqual({ email: "ada@example.com", password: "" });
    expect(log?.redacted).toEqual(["password"]);
  });

  it("keeps the newest entries first, at most the limit, and clears", () => {
    const storage = new MemoryStorage();
    const r = sent("authentication.providers");
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      pushHistory(storage, historyEntry(r, "sandbox", { status: 200, ms: i }, i));
    const list = loadHistory(storage);
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.at).toBe(HISTORY_LIMIT + 4);
    clearHistory(storage);
    expect(loadHistory(storage)).toEqual([]);
  });

  it("treats unreadable storage as empty", () => {
    const storage = new MemoryStorage();
    storage.setItem(HISTORY_KEY, "{not json");
    expect(loadHistory(storage)).toEqual([]);
    storage.setItem(HISTORY_KEY, JSON.stringify([{ nope: 1 }]));
    expect(loadHistory(storage)).toEqual([]);
    expect(loadHistory(null)).toEqual([]);
  });

  it("redacts nested secret-looking fields and leaves other bodies untouched", () => {
    expect(redactBody('{"a":{"new_password":"x","current_password":"y"},"b":1}').redacted).toEqual([
      "a.new_password",
      "a.current_password",
    ]);
    const text = '{\n  "email": "a@b.c"\n}';
    expect(redactBody(text)).toEqual({ text, redacted: [] });
    expect(redactBody("not json")).toEqual({ text: "not json", redacted: [] });
  });
});

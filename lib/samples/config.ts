import type { KeyKind } from "@/lib/catalog";

/** Where the samples send requests. One constant, so the samples can later point at the sandbox. */
export const SAMPLE_BASE_URL = "https://api.example.com";

/** Placeholder API keys, one per kind: the reader swaps in their own. */
export const SAMPLE_API_KEYS: Readonly<Record<KeyKind, string>> = {
  public: "pk_live_your_public_key",
  secret: "sk_live_your_secret_key",
};

/** Placeholder access token, as in the catalog's `Authorization: Bearer <access_token>`. */
export const SAMPLE_ACCESS_TOKEN = "<access_token>";

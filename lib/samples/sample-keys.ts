import { SAMPLE_ACCESS_TOKEN, SAMPLE_API_KEYS, SAMPLE_BASE_URL } from "./config";

/** The visitor's sandbox values a sample can show instead of its placeholders (never live-API keys). */
export interface SampleKeys {
  /** `<origin>/sandbox`: the sandbox answers the API's paths under it. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  accessToken: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const name = SAMPLE_ACCESS_TOKEN.slice(1, -1);
const HTML_TOKEN = new RegExp(
  `(?:&#x3C;|&#60;|&lt;)((?:</span><span[^>]*>)*)${name}((?:</span><span[^>]*>)*)(?:>|&gt;)`,
  "g",
);

/** Whether a sample mentions a placeholder that sandbox keys can fill (only those samples load the swap). */
export function hasSamplePlaceholders(code: string): boolean {
  return (
    code.includes(SAMPLE_BASE_URL) || code.includes(SAMPLE_API_KEYS.public) || code.includes(SAMPLE_API_KEYS.secret)
  );
}

/**
 * The sample with the placeholders replaced: plain code (what the copy button copies) or the server-highlighted
 * HTML of the same code (the placeholders are single tokens inside string spans, so the colours stay). The token
 * placeholder appears HTML-escaped in highlighted code, either way shiki writes it.
 */
export function withSampleKeys(text: string, keys: SampleKeys, { html = false }: { html?: boolean } = {}): string {
  const put = (s: string) => (html ? escapeHtml(s) : s);
  const pairs: Array<[string, string]> = [[SAMPLE_BASE_URL, keys.baseUrl]];
  if (keys.publicKey) pairs.push([SAMPLE_API_KEYS.public, keys.publicKey]);
  if (keys.secretKey) pairs.push([SAMPLE_API_KEYS.secret, keys.secretKey]);
  if (!html && keys.accessToken) pairs.push([SAMPLE_ACCESS_TOKEN, keys.accessToken]);
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(put(to));
  // Highlighted, "<access_token>" is escaped (&#x3C; or &lt;) and a grammar may put its pieces in separate spans.
  if (html && keys.accessToken)
    out = out.replace(HTML_TOKEN, (_m, before: string, after: string) => `${before}${put(keys.accessToken)}${after}`);
  return out;
}

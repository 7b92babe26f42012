/** Token kinds of the response viewer's JSON highlighting. */
export type JsonTokenKind = "key" | "string" | "number" | "literal" | "punctuation" | "space";

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const PATTERN =
  /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|(.)/gs;

/**
 * Splits JSON text into tokens for colouring. A few hundred bytes instead of a highlighter: the
 * console shows only JSON, and the text is our own pretty-printed output. Concatenating the
 * tokens' text gives back the input exactly.
 */
export function tokenizeJson(text: string): JsonToken[] {
  const out: JsonToken[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [, str, colon, num, lit, punct, space, other] = m;
    if (str !== undefined) {
      out.push({ kind: colon ? "key" : "string", text: str });
      if (colon) out.push({ kind: "punctuation", text: colon });
    } else if (num !== undefined) out.push({ kind: "number", text: num });
    else if (lit !== undefined) out.push({ kind: "literal", text: lit });
    else if (punct !== undefined) out.push({ kind: "punctuation", text: punct });
    else if (space !== undefined) out.push({ kind: "space", text: space });
    else if (other !== undefined) out.push({ kind: "punctuation", text: other });
  }
  return out;
}

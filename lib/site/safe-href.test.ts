import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";

describe("safeHref", () => {
  it("keeps http(s) links", () => {
    expect(safeHref("https://portal.example/sandbox/verify-email?token=a")).toBe(
      "https://portal.example/sandbox/verify-email?token=a",
    );
    expect(safeHref("HTTP://localhost:3000/x")).toBe("http://localhost:3000/x");
  });
  it.each([
    "javascript:alert(document.domain)//",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "/relative",
    "",
    null,
  ])("gives no href for %s", (value) => {
    expect(safeHref(value)).toBeUndefined();
  });
});

import { shellCurl } from "@scalar/snippetz/plugins/shell/curl";
import { snippet } from "../har";
import type { SampleGenerator } from "../types";

export const curl: SampleGenerator = {
  id: "curl",
  label: "cURL",
  client: "curl",
  lang: "bash",
  generate(r) {
    const code = snippet(shellCurl, r, { query: "encoded" });
    // A download is saved under the name from Content-Disposition instead of printed to the terminal.
    return r.answer === "binary" ? `${code} \\\n  --remote-name --remote-header-name` : code;
  },
};

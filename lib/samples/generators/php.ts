import { phpGuzzle } from "@scalar/snippetz/plugins/php/guzzle";
import { snippet } from "../har";
import type { SampleGenerator } from "../types";

export const php: SampleGenerator = {
  id: "php",
  label: "PHP",
  client: "Guzzle",
  lang: "php",
  generate(r) {
    const code = snippet(phpGuzzle, r, { query: "raw" });
    const read =
      r.answer === "binary" ? "file_put_contents('download', $response->getBody());" : "echo $response->getBody();";
    return `<?php\n\nrequire 'vendor/autoload.php';\n\n${code}\n\n${read}`;
  },
};

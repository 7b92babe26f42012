import { jsFetch } from "@scalar/snippetz/plugins/js/fetch";
import { snippet } from "../har";
import type { AnswerKind, SampleGenerator } from "../types";

const READ_ANSWER: Record<AnswerKind, string> = {
  json: "const data = await response.json()\nconsole.log(data)",
  binary: "const blob = await response.blob()",
  empty: "console.log(response.status)",
  other: "console.log(response.status)",
};

export const javascript: SampleGenerator = {
  id: "javascript",
  label: "JavaScript",
  client: "fetch",
  lang: "javascript",
  generate(r) {
    let code = snippet(jsFetch, r, { query: "encoded" });
    const files = r.body?.kind === "multipart" ? r.body.fields.filter((f) => "file" in f) : [];
    if (files.length > 1)
      throw new Error(`samples: ${r.endpoint.id} uploads several files; the fetch sample handles one`);
    if (files.length === 1) {
      // snippetz appends an empty Blob; a real upload takes the File the user picked.
      code = `const file = document.querySelector('input[type="file"]').files[0]\n${code.replace(/new Blob\(\[\]\), '(?:[^'\\]|\\.)*'/, "file")}`;
    }
    return `${code.replace(/^fetch\(/m, "const response = await fetch(")}\n\n${READ_ANSWER[r.answer]}`;
  },
};

import { pythonRequests } from "@scalar/snippetz/plugins/python/requests";
import { snippet } from "../har";
import type { AnswerKind, SampleGenerator } from "../types";

const READ_ANSWER: Record<AnswerKind, string> = {
  json: "print(response.json())",
  binary: 'with open("download", "wb") as f:\n    f.write(response.content)',
  empty: "print(response.status_code)",
  other: "print(response.status_code)",
};

export const python: SampleGenerator = {
  id: "python",
  label: "Python",
  client: "requests",
  lang: "python",
  generate(r) {
    const code = snippet(pythonRequests, r, { query: "raw" });
    if (!code.startsWith("requests."))
      throw new Error(`samples: unexpected python/requests output for ${r.endpoint.id}`);
    return `import requests\n\nresponse = ${code}\n\n${READ_ANSWER[r.answer]}`;
  },
};

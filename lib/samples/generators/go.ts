import { goNative } from "@scalar/snippetz/plugins/go/native";
import { snippet } from "../har";
import type { SampleGenerator } from "../types";

export const go: SampleGenerator = {
  id: "go",
  label: "Go",
  client: "net/http",
  lang: "go",
  generate: (r) => snippet(goNative, r, { query: "encoded" }),
};

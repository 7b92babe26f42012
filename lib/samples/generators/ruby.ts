import { rubyNative } from "@scalar/snippetz/plugins/ruby/native";
import { snippet } from "../har";
import type { SampleGenerator } from "../types";

export const ruby: SampleGenerator = {
  id: "ruby",
  label: "Ruby",
  client: "Net::HTTP",
  lang: "ruby",
  generate: (r) => snippet(rubyNative, r, { query: "encoded" }),
};

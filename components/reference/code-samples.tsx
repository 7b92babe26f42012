import type { Endpoint } from "@/lib/catalog";
import { highlight } from "@/lib/highlight";
import { codeSamples } from "@/lib/samples";
import { CodeSamplesTabs } from "./code-samples-tabs";

/** The endpoint's request in every sample language, highlighted on the server, shown as tabs. */
export async function CodeSamples({ endpoint }: { endpoint: Endpoint }) {
  const samples = await Promise.all(
    codeSamples(endpoint).map(async (s) => ({
      id: s.id,
      label: s.label,
      client: s.client,
      code: s.code,
      html: await highlight(s.code, s.lang),
    })),
  );
  return <CodeSamplesTabs samples={samples} />;
}

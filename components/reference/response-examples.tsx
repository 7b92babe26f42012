import type { Endpoint } from "@/lib/catalog";
import { exampleText } from "@/lib/catalog/examples";
import { highlight } from "@/lib/highlight";
import { CopyButton } from "@/components/copy-button";
import { responseAnchor } from "./response-section";
import { type ResponsePanel, ResponseExamplesTabs } from "./response-examples-tabs";

/** Every documented response's examples, highlighted on the server; the reader picks the status. */
export async function ResponseExamples({ endpoint: e }: { endpoint: Endpoint }) {
  const panels: ResponsePanel[] = await Promise.all(
    e.responses.map(async (r, i) => {
      const isJson = (r.contentType ?? (r.schema ? "application/json" : undefined)) === "application/json";
      const examples = await Promise.all(r.examples.map(async (x) => ({ x, code: exampleText(x.value), html: await highlight(exampleText(x.value), isJson ? "json" : "http") })));
      const body =
        examples.length === 0 ? (
          <p className="px-3 py-3 text-sm text-zinc-700 dark:text-zinc-300">{r.status === 204 ? "No body." : "No example documented."}</p>
        ) : (
          examples.map(({ x, code, html }) => (
            <div key={x.name}>
              {(examples.length > 1 || x.summary) && (
                <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                  <span>{x.summary ?? x.name}</span>
                  <CopyButton value={code} />
                </div>
              )}
              <div className="relative">
                {!(examples.length > 1 || x.summary) && (
                  <span className="absolute top-2 right-2">
                    <CopyButton value={code} />
                  </span>
                )}
                <div dangerouslySetInnerHTML={{ __html: html }} />
              </div>
            </div>
          ))
        );
      return { key: responseAnchor(r.status, e.responses.slice(0, i).filter((o) => o.status === r.status).length), status: r.status, description: r.description, body };
    }),
  );
  return <ResponseExamplesTabs panels={panels} />;
}

import type { ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import type { Endpoint } from "@/lib/catalog";
import { errorExamples } from "@/lib/catalog/error-examples";
import { exampleText } from "@/lib/catalog/examples";
import { highlight, type HighlightLang } from "@/lib/highlight";
import { responseAnchor } from "./response-section";
import { type ResponsePanel, ResponseExamplesTabs } from "./response-examples-tabs";

interface Shown {
  name: string;
  /** Shown above the code when a response has several examples. */
  label?: string;
  code: string;
  lang: HighlightLang;
}

async function renderExamples(examples: Shown[]): Promise<ReactNode> {
  const highlighted = await Promise.all(examples.map(async (x) => ({ ...x, html: await highlight(x.code, x.lang) })));
  return highlighted.map((x) => (
    <div key={x.name} className="relative">
      {x.label && (
        <p className="border-b border-zinc-200 px-3 py-1 pr-16 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          {x.label}
        </p>
      )}
      <span className="absolute top-1 right-2">
        <CopyButton value={x.code} />
      </span>
      <div dangerouslySetInnerHTML={{ __html: x.html }} />
    </div>
  ));
}

/**
 * The example answers of every documented response and of every error status, highlighted on the server;
 * the reader picks the status (the client only shows and hides panels).
 */
export async function ResponseExamples({ endpoint: e }: { endpoint: Endpoint }) {
  const responses = e.responses.map(async (r, i): Promise<ResponsePanel> => {
    const isJson = (r.contentType ?? (r.schema ? "application/json" : undefined)) === "application/json";
    const examples = r.examples.map((x) => ({
      name: x.name,
      label: r.examples.length > 1 ? (x.summary ?? x.name) : undefined,
      code: exampleText(x.value),
      lang: (isJson ? "json" : "http") as HighlightLang,
    }));
    const body =
      examples.length === 0 ? (
        <p className="px-3 py-3 text-sm text-zinc-700 dark:text-zinc-300">
          {r.status === 204 ? "No body." : "No example documented."}
        </p>
      ) : (
        await renderExamples(examples)
      );
    const key = responseAnchor(r.status, e.responses.slice(0, i).filter((o) => o.status === r.status).length);
    return { key, status: r.status, description: r.description, body };
  });
  const errors = errorExamples(e).map(async (x): Promise<ResponsePanel> => ({
    key: `error-${x.status}`,
    status: x.status,
    description: x.title,
    body: await renderExamples([{ name: String(x.status), code: JSON.stringify(x.body, null, 2), lang: "json" }]),
  }));
  return <ResponseExamplesTabs panels={await Promise.all([...responses, ...errors])} />;
}

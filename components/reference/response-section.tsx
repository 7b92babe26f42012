import type { ResponseSpec } from "@/lib/catalog";
import { fieldRows } from "@/lib/catalog/fields";
import { AnchorHeading } from "./anchor-heading";
import { FieldTable } from "./field-table";

const statusTone = (s: number) =>
  s < 300
    ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300"
    : s < 400
      ? "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300"
      : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300";

export function StatusBadge({ status }: { status: number }) {
  return <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${statusTone(status)}`}>{status}</span>;
}

/** The anchor of a response: `response-200`, and `response-400-1` for a second 400. */
export const responseAnchor = (status: number, index: number) => `response-${status}${index > 0 ? `-${index}` : ""}`;

/** One response's description, headers and fields; its examples are in the sample column (ResponseExamples). */
export function ResponseSection({ response, index }: { response: ResponseSpec; index: number }) {
  const contentType = response.contentType ?? (response.schema ? "application/json" : undefined);
  const isJson = contentType === "application/json";
  const id = responseAnchor(response.status, index);
  return (
    <section aria-labelledby={id} className="mt-6">
      <AnchorHeading id={id} level={3}>
        <span className="inline-flex items-center gap-2">
          <StatusBadge status={response.status} />
          <span className="min-w-0 wrap-anywhere">{response.description}</span>
        </span>
      </AnchorHeading>
      {contentType && (
        <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
          Content-Type: <code className="font-mono">{contentType}</code>
        </p>
      )}
      {response.headers && (
        <ul className="mb-3 space-y-1 text-sm">
          {Object.entries(response.headers).map(([name, value]) => (
            <li key={name}>
              <code className="font-mono font-semibold">{name}</code>:{" "}
              <span className="break-all text-zinc-600 dark:text-zinc-400">{value}</span>
            </li>
          ))}
        </ul>
      )}
      {response.schema && isJson && (
        <FieldTable fields={fieldRows(response.schema, "output")} label={`Fields of the ${response.status} response`} />
      )}
      {response.status === 204 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No body.</p>}
    </section>
  );
}

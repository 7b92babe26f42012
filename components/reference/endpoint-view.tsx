import Link from "@/components/intent-link";
import { CodeBlock } from "@/components/code-block";
import { CopyButton } from "@/components/copy-button";
import { TryIt } from "@/components/console/try-it";
import { PageActions } from "@/components/page-actions";
import { type Endpoint, endpoints, getCategory, neighbours } from "@/lib/catalog";
import { describeRateLimit, formatDuration } from "@/lib/catalog/errors";
import { exampleText } from "@/lib/catalog/examples";
import { fieldRows, parameterRows } from "@/lib/catalog/fields";
import { requestHeaders } from "@/lib/catalog/headers";
import { relatedEndpoints } from "@/lib/catalog/related";
import { docsPath } from "@/lib/catalog/serialize";
import { SOURCE_NOTES_TITLE } from "@/lib/catalog/endpoint-markdown";
import { twinPath } from "@/lib/markdown/paths";
import { categoryHref } from "@/lib/site/nav";
import { AnchorHeading } from "./anchor-heading";
import { AuthBadges } from "./auth-badges";
import { Breadcrumbs } from "./breadcrumbs";
import { CodeSamples } from "./code-samples";
import { EndpointRow, endpointUrl } from "./endpoint-card";
import { FieldTable } from "./field-table";
import { MethodBadge } from "./method-badge";
import { ResponseExamples } from "./response-examples";
import { ResponseSection, StatusBadge } from "./response-section";
import { SourceNotes } from "./source-notes";

function Toc({ items }: { items: Array<[string, string]> }) {
  return (
    <nav aria-label="On this page" className="mt-6 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-zinc-600 dark:text-zinc-400">
        {items.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} className="hover:text-zinc-900 hover:underline dark:hover:text-white">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const columnHeading = "text-sm font-semibold text-zinc-900 scroll-mt-20 dark:text-white";

/** The reference page of one endpoint, entirely from its catalog entry. */
export async function EndpointView({ endpoint: e }: { endpoint: Endpoint }) {
  const category = getCategory(e.category);
  const headers = requestHeaders(e);
  const { prev, next } = neighbours(e.id);
  const related = relatedEndpoints(e, endpoints);
  const toc: Array<[string, string]> = [
    ["authentication", "Authentication"],
    ...(e.pathParams ? [["path-parameters", "Path parameters"] as [string, string]] : []),
    ...(e.query ? [["query-parameters", "Query parameters"] as [string, string]] : []),
    ...(e.body ? [["request-body", "Request body"] as [string, string]] : []),
    ["try-it", "Try it"],
    ["code-samples", "Code samples"],
    ["responses", "Responses"],
    ["errors", "Errors"],
    ...(e.rateLimit ? [["rate-limit", "Rate limit"] as [string, string]] : []),
    ...(e.notes.length ? [["notes", "Notes"] as [string, string]] : []),
    ...(e.conflicts.length ? [["source-notes", SOURCE_NOTES_TITLE] as [string, string]] : []),
    ["related", "Related"],
  ];

  return (
    // Two columns from 1280 px: the prose (intro and request, then responses and the rest) on the left; samples,
    // example responses and Try it in a sticky column on the right. Below, one column with the samples after the request.
    <article
      className="mx-auto max-w-4xl wrap-break-word xl:grid xl:max-w-[90rem] xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] xl:grid-rows-[auto_1fr] xl:gap-x-10 2xl:grid-cols-[minmax(0,9fr)_minmax(0,8fr)]"
      data-endpoint-id={e.id}
    >
      <div className="min-w-0 xl:col-start-1 xl:row-start-1">
        <div className="flex flex-wrap items-start justify-between gap-x-4">
          <Breadcrumbs
            items={[
              { href: "/reference", label: "Reference" },
              { href: categoryHref(category.slug), label: category.title },
              { label: e.summary },
            ]}
          />
          <PageActions twinPath={twinPath(docsPath(e))} />
        </div>
        <h1 className="text-2xl font-bold text-zinc-900 sm:text-3xl dark:text-white">{e.summary}</h1>
        <div className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
          <MethodBadge method={e.method} />
          <code
            data-testid="endpoint-path"
            className="min-w-0 flex-1 font-mono text-sm break-all text-zinc-900 dark:text-zinc-100"
          >
            {e.path}
          </code>
          <CopyButton value={e.path} label="Copy path" />
        </div>
        <p className="mt-4 text-zinc-700 dark:text-zinc-300">{e.description}</p>
        <div className="mt-4">
          <AuthBadges endpoint={e} />
        </div>

        <Toc items={toc} />

        <AnchorHeading id="authentication">Authentication</AnchorHeading>
        {headers.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No headers needed.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-zinc-600 uppercase dark:text-zinc-400">
                <tr>
                  <th className="py-2 pr-4">Header</th>
                  <th className="min-w-[8rem] py-2 pr-4">Value</th>
                  <th className="min-w-[10rem] py-2">Notes</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {headers.map((h) => (
                  <tr key={h.name}>
                    <td className="py-2 pr-4 align-top whitespace-nowrap">
                      <code className="font-mono font-semibold">{h.name}</code>
                      <span
                        className={`block text-xs ${h.required ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
                      >
                        {h.required ? "required" : "optional"}
                      </span>
                    </td>
                    <td className="py-2 pr-4 align-top font-mono text-xs break-words">{h.value}</td>
                    <td className="py-2 align-top text-zinc-600 dark:text-zinc-400">{h.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(e.auth.permission || e.auth.roles || e.auth.condition) && (
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            {e.auth.roles && <li>Organization role: {e.auth.roles.join(" or ")}.</li>}
            {e.auth.permission && (
              <li>
                Permission: <code className="font-mono">{e.auth.permission}</code>.
              </li>
            )}
            {e.auth.condition && <li>{e.auth.condition}</li>}
          </ul>
        )}

        {e.pathParams && (
          <>
            <AnchorHeading id="path-parameters">Path parameters</AnchorHeading>
            <FieldTable fields={parameterRows(e.pathParams)} label="Path parameters" />
          </>
        )}
        {e.query && (
          <>
            <AnchorHeading id="query-parameters">Query parameters</AnchorHeading>
            <FieldTable fields={parameterRows(e.query)} label="Query parameters" />
          </>
        )}
        {e.body && (
          <>
            <AnchorHeading id="request-body">Request body</AnchorHeading>
            <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
              Content-Type: <code className="font-mono">{e.body.contentType}</code>
            </p>
            <FieldTable fields={fieldRows(e.body.schema, "input")} label="Request body fields" />
            <div className="mt-3 space-y-3">
              {e.body.examples.map((x) => (
                <CodeBlock
                  key={x.name}
                  code={exampleText(x.value)}
                  lang="json"
                  title={x.summary ? `Example request: ${x.summary}` : "Example request"}
                />
              ))}
            </div>
          </>
        )}
      </div>

      <aside
        aria-label="Try it, code samples and example responses"
        data-testid="sample-column"
        className="mt-10 min-w-0 space-y-3 xl:sticky xl:top-20 xl:col-start-2 xl:row-span-2 xl:row-start-1 xl:mt-0 xl:max-h-[calc(100vh-6rem)] xl:self-start xl:overflow-y-auto xl:overscroll-contain xl:pb-4"
      >
        {/* The button says "Try it"; the heading is for the outline and the table of contents. */}
        <h2 id="try-it" className="sr-only scroll-mt-20">
          Try it
        </h2>
        <TryIt endpointId={e.id} />
        <h2 id="code-samples" className={`${columnHeading} pt-2`}>
          Code samples
        </h2>
        <CodeSamples endpoint={e} />
        <ResponseExamples endpoint={e} />
      </aside>

      <div className="min-w-0 xl:col-start-1 xl:row-start-2">
        <AnchorHeading id="responses">Responses</AnchorHeading>
        {e.responses.map((r, i) => (
          <ResponseSection
            key={`${r.status}-${i}`}
            response={r}
            index={e.responses.slice(0, i).filter((o) => o.status === r.status).length}
          />
        ))}

        <AnchorHeading id="errors">Errors</AnchorHeading>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          Errors answer with a JSON body <code className="font-mono">{'{"detail": "..."}'}</code>; 422 lists each
          invalid field in <code className="font-mono">detail</code>.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-600 uppercase dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-4">Status</th>
                <th className="min-w-[10rem] py-2 pr-4">detail</th>
                <th className="min-w-[10rem] py-2">When</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {e.errors.map((err) => (
                <tr key={`${err.status}-${err.detail}`}>
                  <td className="py-2 pr-4 align-top">
                    <StatusBadge status={err.status} />
                  </td>
                  <td className="py-2 pr-4 align-top font-mono text-xs">{err.detail}</td>
                  <td className="py-2 align-top text-zinc-600 dark:text-zinc-400">
                    {err.when}
                    {err.source === "documented" && (
                      <span className="ml-2 rounded bg-zinc-100 px-1 text-[10px] text-zinc-600 uppercase dark:bg-zinc-800 dark:text-zinc-400">
                        documented
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {e.rateLimit && (
          <>
            <AnchorHeading id="rate-limit">Rate limit</AnchorHeading>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="text-zinc-600 dark:text-zinc-400">Limit</dt>
              <dd>{describeRateLimit(e.rateLimit)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Counted per</dt>
              <dd>{e.rateLimit.scope === "ip" ? "client IP address" : "authenticated user"}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">When exceeded</dt>
              <dd>
                429 Too Many Requests with a <code className="font-mono">Retry-After</code> header
                {e.rateLimit.blockSeconds
                  ? `; further requests are blocked for ${formatDuration(e.rateLimit.blockSeconds)}`
                  : ""}
                .
              </dd>
            </dl>
          </>
        )}

        {e.notes.length > 0 && (
          <>
            <AnchorHeading id="notes">Notes</AnchorHeading>
            <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              {e.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}

        <SourceNotes conflicts={e.conflicts} />

        <AnchorHeading id="related">Related endpoints</AnchorHeading>
        <ul className="space-y-2">
          {related.map((r) => (
            <EndpointRow key={r.id} endpoint={r} />
          ))}
        </ul>

        <nav
          aria-label="Previous and next endpoint"
          className="mt-12 flex flex-col gap-3 border-t border-zinc-200 pt-6 sm:flex-row sm:justify-between dark:border-zinc-800"
        >
          {prev ? (
            <Link
              rel="prev"
              href={endpointUrl(prev)}
              className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
            >
              ← {prev.summary}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              rel="next"
              href={endpointUrl(next)}
              className="text-sm text-zinc-600 hover:text-zinc-900 sm:text-right dark:text-zinc-400 dark:hover:text-white"
            >
              {next.summary} →
            </Link>
          )}
        </nav>
      </div>
    </article>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "@/components/intent-link";
import { CodeBlock } from "@/components/code-block";
import { InlineCode } from "@/components/inline-code";
import { PageActions } from "@/components/page-actions";
import { twinPath } from "@/lib/markdown/paths";
import { categoryHref } from "@/lib/site/nav";
import { publicOrigin } from "@/lib/site/origin";
import { SDK_DOWNLOAD_PATH, SDK_FIXES, SDK_USAGE, sdkIntro, sdkMethodCount, sdkNamespaces } from "@/lib/sdk/summary";

export const metadata: Metadata = {
  title: "TypeScript SDK",
  description:
    "A typed TypeScript client for every endpoint, generated from the reference: tokens, refresh, typed errors, uploads and streaming.",
};

const h2 = "mt-10 text-xl font-semibold text-zinc-900 dark:text-white";

// Rendered per request: the download command names the address the portal is served at.
export default async function SdkPage() {
  const origin = publicOrigin({ headers: await headers() });
  const namespaces = sdkNamespaces();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10 sm:px-8">
      <div className="flex justify-end">
        <PageActions twinPath={twinPath("/sdk")} subject="this API's TypeScript SDK" />
      </div>
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">TypeScript SDK</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        <InlineCode text={sdkIntro} />
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <a
          href={SDK_DOWNLOAD_PATH}
          download="api-client.ts"
          className="rounded-lg bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700"
        >
          Download api-client.ts
        </a>
        <a
          href={SDK_DOWNLOAD_PATH}
          className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          View the source
        </a>
      </div>

      <h2 id="install" className={h2}>
        Install and use
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Save the file into your project (it has no dependencies and is regenerated whenever the reference changes), then
        import it:
      </p>
      <div className="mt-3 space-y-4">
        <CodeBlock code={`curl -o src/api-client.ts ${origin}${SDK_DOWNLOAD_PATH}`} lang="bash" title="Terminal" />
        <CodeBlock code={SDK_USAGE} lang="typescript" title="app.ts" />
      </div>

      <h2 id="fixes" className={h2}>
        What it fixes in the original SDK template
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The MCP server&apos;s <code className="font-mono">get_sdk_template</code> of version 2.2.0 handed out a
        hand-written client. This one is generated, covers every endpoint, and fixes these defects:
      </p>
      <ul className="mt-4 space-y-3 text-sm">
        {SDK_FIXES.map((f) => (
          <li key={f.title} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <p className="font-semibold text-zinc-900 dark:text-white">{f.title}</p>
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">
              <InlineCode text={f.now} />
            </p>
            <p className="mt-1 text-zinc-500 dark:text-zinc-400">
              The template: <InlineCode text={f.seed} />
            </p>
          </li>
        ))}
      </ul>

      <h2 id="namespaces" className={h2}>
        Namespaces
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        One namespace per category of the reference: {namespaces.length} namespaces, {sdkMethodCount()} methods.
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">SDK namespaces and their method counts</caption>
          <thead className="text-xs text-zinc-500 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Namespace
              </th>
              <th scope="col" className="py-2 pr-4">
                Category
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Methods
              </th>
              <th scope="col" className="py-2">
                Examples
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {namespaces.map((n) => (
              <tr key={n.property}>
                <td className="py-2 pr-4 font-mono whitespace-nowrap">client.{n.property}</td>
                <td className="py-2 pr-4">
                  <Link
                    href={categoryHref(n.category.slug)}
                    className="text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {n.category.title}
                  </Link>
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{n.methods.length}</td>
                <td className="py-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                  {n.methods.slice(0, 3).join(", ")}
                  {n.methods.length > 3 ? ", …" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

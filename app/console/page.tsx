import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { ConsoleApp } from "@/components/console/console-app";
import { PageActions } from "@/components/page-actions";
import { endpoints, getCategory, getEndpoint } from "@/lib/catalog";
import { consoleEnvironments } from "@/lib/console/environments";
import { twinPath } from "@/lib/markdown/paths";

// The environments come from runtime configuration (SAAS_API_URL).
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "API console",
  description:
    "Send requests to the sandbox or the live API from the browser: requests validated against the catalog, responses explained, history and copy as curl.",
};

const DEFAULT_ENDPOINT = "authentication.login";

export default async function ConsolePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const asked = (await searchParams).endpoint;
  const initial = typeof asked === "string" && getEndpoint(asked) ? asked : DEFAULT_ENDPOINT;
  const list = endpoints.map((e) => ({
    id: e.id,
    method: e.method,
    path: e.path,
    summary: e.summary,
    category: getCategory(e.category).title,
  }));
  return (
    <main id="main" className="mx-auto max-w-screen-2xl px-4 py-8 sm:px-8">
      <div className="flex justify-end">
        <PageActions twinPath={twinPath("/console")} subject="this API's console" />
      </div>
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">API console</h1>
      <p className="mt-2 max-w-3xl text-zinc-600 dark:text-zinc-400">
        Pick an endpoint, fill in the request (checked against the same schemas the API uses before it goes out) and
        send it to the{" "}
        <Link href="/sandbox" className="text-blue-700 underline dark:text-blue-400">
          sandbox
        </Link>
        . Start with “Get sandbox keys”, register or log in, then “Use this token”. Every endpoint page has the same
        panel under “Try it”.
      </p>
      <ConsoleApp endpoints={list} initialEndpoint={initial} environments={consoleEnvironments()} />
    </main>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { CodeBlock } from "@/components/code-block";
import { SANDBOX_WALKTHROUGH, stepCall } from "@/lib/mcp/sandbox/walkthrough";
import { portalTools, sandboxTools } from "@/lib/mcp/tools";
import { GUIDES } from "@/lib/content/guides";
import { mcpSetups } from "@/lib/site/mcp-setup";
import { publicOrigin } from "@/lib/site/origin";

export const metadata: Metadata = {
  title: "Connect an assistant (MCP)",
  description: "Connect Claude Code, Cursor, VS Code or any MCP client to the portal's MCP server.",
};

// Rendered per request: the commands name the address the portal is served at, which a build cannot know.
export default async function McpPage() {
  const setup = mcpSetups(publicOrigin({ headers: await headers() }));
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10 sm:px-8">
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">Connect an assistant (MCP)</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        The portal is also a Model Context Protocol server: assistants ask it about endpoints, auth flows and patterns,
        and get answers generated from the same catalog as these pages. It speaks Streamable HTTP at{" "}
        <code className="font-mono text-sm">{setup.url}</code> (stateless; protocol versions 2025-06-18, 2025-11-25 and
        newer) and stdio.
      </p>

      <h2 id="setup" className="mt-10 text-xl font-semibold text-zinc-900 dark:text-white">
        Set up your client
      </h2>
      <div className="mt-4 space-y-6">
        {setup.clients.map((c) => (
          <section key={c.id} aria-labelledby={`client-${c.id}`}>
            <h3 id={`client-${c.id}`} className="font-semibold text-zinc-900 dark:text-white">
              {c.title}
            </h3>
            <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{c.note}</p>
            <CodeBlock code={c.code} lang={c.lang} title={c.title} />
          </section>
        ))}
      </div>

      <h2 id="tools" className="mt-10 text-xl font-semibold text-zinc-900 dark:text-white">
        Tools
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The nine tools of the original server, with the same names and arguments, all read-only.
      </p>
      <dl className="mt-4 space-y-4">
        {portalTools.map((t) => (
          <div key={t.name}>
            <dt>
              <code className="font-mono text-sm font-semibold">{t.name}</code>
              <span className="ml-2 text-sm text-zinc-500">{t.title}</span>
            </dt>
            <dd className="mt-1 text-sm whitespace-pre-line text-zinc-700 dark:text-zinc-300">
              {t.description.split("\n\n")[0]}
            </dd>
          </div>
        ))}
      </dl>

      <h2 id="sandbox" className="mt-10 text-xl font-semibold text-zinc-900 dark:text-white">
        Try the API in a sandbox
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Three more tools give an assistant a sandbox tenant of its own, so it can check a request, a header or a whole
        flow against a stateful copy of the API before writing code on it. They reach this portal&apos;s sandbox only
        (in process: never the real API or any other URL), and only the tenant whose keys are passed; keys and tokens
        are neither logged nor cached. New tenants are limited per client address, as on{" "}
        <code className="font-mono">POST /sandbox/tenants</code>.
      </p>
      <dl className="mt-4 space-y-4">
        {sandboxTools.map((t) => (
          <div key={t.name}>
            <dt>
              <code className="font-mono text-sm font-semibold">{t.name}</code>
              <span className="ml-2 text-sm text-zinc-500">
                {t.title} · {t.hints.readOnlyHint ? "read-only" : "writes to the sandbox"}
              </span>
            </dt>
            <dd className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t.description.split("\n")[0]}</dd>
          </div>
        ))}
      </dl>
      <h3 id="sandbox-example" className="mt-6 font-semibold text-zinc-900 dark:text-white">
        Worked example: a verified sign-up
      </h3>
      <ol className="mt-3 list-decimal space-y-3 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {SANDBOX_WALKTHROUGH.map((s) => (
          <li key={stepCall(s)}>
            <code className="font-mono text-xs break-all">{stepCall(s)}</code>
            <br />→ {s.answer}
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        The prompt <code className="font-mono">try-endpoint</code> (argument <code className="font-mono">endpoint</code>
        ) walks an assistant through these steps for any endpoint.
      </p>

      <h2 id="resources" className="mt-10 text-xl font-semibold text-zinc-900 dark:text-white">
        Resources and prompts
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        <li>
          <code className="font-mono">saas-api://endpoints/{"{id}"}</code>: every endpoint&apos;s reference in Markdown
          (e.g. <code className="font-mono">authentication.login</code>).
        </li>
        <li>
          <code className="font-mono">saas-api://guides/{"{id}"}</code>: the {GUIDES.length} guides.
        </li>
        <li>
          <code className="font-mono">saas-api://openapi.json</code>: the OpenAPI 3.1 document.
        </li>
        <li>
          Prompts <code className="font-mono">build-auth-ui</code> (build the auth UI for this API),{" "}
          <code className="font-mono">integrate-endpoint</code> (integrate one endpoint, by id or “METHOD /path”) and{" "}
          <code className="font-mono">try-endpoint</code> (try one endpoint in the sandbox).
        </li>
      </ul>

      <h2 id="security" className="mt-10 text-xl font-semibold text-zinc-900 dark:text-white">
        Security
      </h2>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        Requests from browsers must come from the portal&apos;s own origin or one listed in{" "}
        <code className="font-mono">MCP_ALLOWED_ORIGINS</code>; other origins, and Host headers other than loopback and
        the portal&apos;s own host (DNS rebinding), get 403. Clients without an Origin header (CLIs, IDEs) pass. Bodies
        above 256 KiB get 413. The server holds no secrets and calls no API: the sandbox tools run the portal&apos;s own
        sandbox in process.
      </p>
    </main>
  );
}

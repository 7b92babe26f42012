import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "@/components/intent-link";
import { CodeBlock } from "@/components/code-block";
import { CopyButton } from "@/components/copy-button";
import { PageActions } from "@/components/page-actions";
import { GetKeysButton } from "@/components/sandbox/get-keys-button";
import { twinPath } from "@/lib/markdown/paths";
import { catalogPath } from "@/lib/sandbox-pages/endpoint-paths";
import { sandboxCommands, sandboxDifferences } from "@/lib/sandbox-pages/examples";
import { sandboxOverview } from "@/lib/sandbox-pages/overview";
import { publicOrigin } from "@/lib/site/origin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Sandbox",
  description:
    "A stateful sandbox of the API: same paths, auth rules, validation and rate limits, on a local database.",
};

const h2 = "mt-10 text-xl font-semibold text-zinc-900 dark:text-white";
const p = "mt-2 text-sm text-zinc-700 dark:text-zinc-300";

function Secret({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="w-32 text-zinc-500">{label}</dt>
      <dd className="flex items-center gap-2">
        <code className="font-mono text-xs break-all">{value}</code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}

export default async function SandboxPage() {
  const origin = publicOrigin({ headers: await headers() });
  const base = `${origin}/sandbox/v1`;
  const { demo, tenantTtlHours, maxUploadBytes, tenantStorageBytes } = await sandboxOverview();
  const { login, me, reset } = sandboxCommands(origin, demo);
  const loginPath = catalogPath("authentication.login");

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10 sm:px-8">
      <div className="flex justify-end">
        <PageActions twinPath={twinPath("/sandbox")} subject="this API's sandbox" />
      </div>
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">Sandbox</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        A working copy of the API, kept in a local database: every documented endpoint answers under the same path, with
        the same API-key and JWT rules, the same validation errors (FastAPI&apos;s 422 list), the same rate limits and
        the documented error details. Mail goes to an outbox you can read, Google sign-in and Stripe checkout go through
        local stand-in pages, and nothing leaves this server.
      </p>

      <h2 id="base-url" className={h2}>
        Base URL
      </h2>
      <p className={p}>
        Replace the API&apos;s origin with this one; paths stay the same (<code className="font-mono">{loginPath}</code>{" "}
        → <code className="font-mono">/sandbox{loginPath}</code>).
      </p>
      <dl className="mt-3 text-sm">
        <Secret label="Base URL" value={base} />
      </dl>

      <h2 id="demo" className={h2}>
        Demo tenant
      </h2>
      {demo ? (
        <>
          <p className={p}>
            Shared by everyone who opens this page (anyone can reset it), with email verification off, seeded plans, two
            agents, an external agent and a shared file, and a ready-made user who owns the organization “
            {demo.organizationName}”.
          </p>
          <dl className="mt-3 space-y-2 text-sm">
            <Secret label="Public key" value={demo.publicKey} />
            <Secret label="Secret key" value={demo.secretKey} />
            <Secret label="Demo user" value={demo.email} />
            <Secret label="Password" value={demo.password} />
            {demo.organizationId && <Secret label="Organization id" value={demo.organizationId} />}
          </dl>
        </>
      ) : (
        <p className={p}>The demo tenant is not available.</p>
      )}

      <h2 id="keys" className={h2}>
        Your own tenant
      </h2>
      <p className={p}>
        A private tenant with its own keys and data, seeded like the demo tenant but without users. It lasts{" "}
        {tenantTtlHours} hours, then its data is deleted and its keys answer{" "}
        <code className="font-mono">401 API key expired</code>.
      </p>
      <div className="mt-3">
        <GetKeysButton
          next={{ href: "/console?endpoint=authentication.register", label: "Register a user in the console" }}
        />
      </div>

      <h2 id="try" className={h2}>
        Try it
      </h2>
      <p className={p}>
        In the browser: the{" "}
        <Link href="/console" className="text-blue-700 underline dark:text-blue-400">
          API console
        </Link>{" "}
        gets keys, reads the outbox and sends any endpoint&apos;s request to this sandbox, checked against the reference
        first. From a terminal:
      </p>
      <div className="mt-3 space-y-4">
        <CodeBlock code={login} lang="bash" title="Log in as the demo user" />
        <CodeBlock code={me} lang="bash" title="Who am I" />
      </div>

      <h2 id="outbox" className={h2}>
        Outbox
      </h2>
      <p className={p}>
        Verification, password-reset and invitation mails land in the{" "}
        <a href="/sandbox/outbox" className="text-blue-700 underline dark:text-blue-400">
          outbox
        </a>{" "}
        with their links and tokens; as JSON with <code className="font-mono">Accept: application/json</code> and your
        secret key.
      </p>

      <h2 id="reset" className={h2}>
        Start over
      </h2>
      <p className={p}>
        Deletes every user, organization, file and record of the tenant and restores its seed; the keys stay the same.
      </p>
      <div className="mt-3">
        <CodeBlock code={reset} lang="bash" title="Reset a tenant" />
      </div>

      <h2 id="limits" className={h2}>
        Differences from the real API
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {sandboxDifferences({ maxUploadBytes, tenantStorageBytes }).map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </main>
  );
}

import Link from "next/link";
import { CodeBlock } from "@/components/code-block";
import { categories, endpoints, endpointsOf } from "@/lib/catalog";
import { site } from "@/lib/site/config";
import { categoryHref } from "@/lib/site/nav";

const quickStart = `# 1. Register an end-user (public key, from your frontend)
curl -X POST https://api.example.com/v1/auth/register \\
  -H "X-API-Key: pk_live_your_public_key" \\
  -H "Content-Type: application/json" \\
  -d '{"email":"user@example.com","password":"SecurePass123"}'

# 2. Log in and keep the access token
curl -X POST https://api.example.com/v1/auth/login \\
  -H "X-API-Key: pk_live_your_public_key" \\
  -H "Content-Type: application/json" \\
  -d '{"email":"user@example.com","password":"SecurePass123"}'

# 3. Call an authenticated endpoint
curl https://api.example.com/v1/auth/me \\
  -H "X-API-Key: pk_live_your_public_key" \\
  -H "Authorization: Bearer <access_token>"`;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-2xl font-semibold text-zinc-900 dark:text-white">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default function Home() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-12 sm:px-8">
      <p className="text-sm font-medium text-blue-700 dark:text-blue-400">
        {site.apiName} · v{site.apiVersion}
      </p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight text-zinc-900 sm:text-5xl dark:text-white">Build your SaaS frontend on one API</h1>
      <p className="mt-4 max-w-3xl text-lg text-zinc-600 dark:text-zinc-400">
        A Backend-as-a-Service for multi-tenant apps: your end-users register and log in, join organizations, subscribe to plans
        through Stripe, chat with AI agents, store custom entities and keep files in a Drive. This portal documents all{" "}
        {endpoints.length} end-user endpoints.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/reference" className="rounded-lg bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700">
          Browse the reference
        </Link>
        <Link href="/mcp" className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900">
          Connect your assistant (MCP)
        </Link>
        <a href="#quick-start" className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900">
          Quick start
        </a>
      </div>

      <Section id="auth-contexts" title="Two authentication contexts">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
            <h3 className="font-semibold text-zinc-900 dark:text-white">End-user context: this portal</h3>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              For the people who use the app you build. Every request sends the tenant&apos;s API key in <code className="font-mono">X-API-Key</code>;
              after login, the user&apos;s access token goes in <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. Organization-scoped
              endpoints also take <code className="font-mono">X-Organization-Id</code>.
            </p>
          </div>
          <div className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
            <h3 className="font-semibold text-zinc-900 dark:text-white">Tenant context: the dashboard</h3>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              For you, the tenant: API keys, team, analytics and settings, signed in through <code className="font-mono">/v1/tenant-auth/login</code>.
              Those <code className="font-mono">/v1/tenant-auth/*</code> and <code className="font-mono">/v1/dashboard/*</code> endpoints are not for end-user apps and are not listed here.
            </p>
          </div>
        </div>
      </Section>

      <Section id="api-keys" title="API keys">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500 uppercase">
              <tr>
                <th className="py-2 pr-4">Key</th>
                <th className="py-2 pr-4">Where</th>
                <th className="py-2">What it may do</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              <tr>
                <td className="py-2 pr-4 font-mono">pk_live_…</td>
                <td className="py-2 pr-4">Browser and mobile code</td>
                <td className="py-2 text-zinc-600 dark:text-zinc-400">
                  Public: safe to ship. Requests must come from an origin the tenant allowed for the key, so a copied key is useless elsewhere.
                  Accepted by the auth endpoints and, per each endpoint&apos;s rule, most end-user endpoints together with the user&apos;s JWT.
                </td>
              </tr>
              <tr>
                <td className="py-2 pr-4 font-mono">sk_live_…</td>
                <td className="py-2 pr-4">Your servers only</td>
                <td className="py-2 text-zinc-600 dark:text-zinc-400">
                  Secret: full access for the tenant, required by billing, user administration and entity schemas. Never put it in a browser.
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          Each endpoint page shows exactly which keys it accepts, whether it needs a JWT, and its rate limit. Where the original documentation
          contradicts itself, the page says so.
        </p>
      </Section>

      <Section id="quick-start" title="Quick start">
        <CodeBlock code={quickStart} lang="bash" title="Terminal" />
      </Section>

      <Section id="categories" title="Categories">
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={categoryHref(c.slug)} className="block rounded-lg border border-zinc-200 p-4 hover:border-blue-400 dark:border-zinc-800 dark:hover:border-blue-700">
                <span className="font-medium text-zinc-900 dark:text-white">{c.title}</span>
                <span className="ml-2 text-xs text-zinc-500">{endpointsOf(c.id).length}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </main>
  );
}

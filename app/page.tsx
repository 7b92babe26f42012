import Link from "@/components/intent-link";
import { CodeBlock } from "@/components/code-block";
import { InlineCode } from "@/components/inline-code";
import { GetKeysButton } from "@/components/sandbox/get-keys-button";
import { categories, endpointsOf } from "@/lib/catalog";
import { guideGroups, guideHref } from "@/lib/content/guide-pages";
import { overview } from "@/lib/site/overview";
import { categoryHref } from "@/lib/site/nav";

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
      <p className="text-sm font-medium text-blue-700 dark:text-blue-400">{overview.eyebrow}</p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight text-zinc-900 sm:text-5xl dark:text-white">
        {overview.title}
      </h1>
      <p className="mt-4 max-w-3xl text-lg text-zinc-600 dark:text-zinc-400">{overview.lead}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/reference" className="rounded-lg bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700">
          Browse the reference
        </Link>
        <Link
          href="/console"
          className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Try it in the console
        </Link>
        <Link
          href="/mcp"
          className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Connect your assistant (MCP)
        </Link>
        <a
          href="#quick-start"
          className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Quick start
        </a>
      </div>

      <Section id="auth-contexts" title={overview.authContexts.title}>
        <div className="grid gap-4 sm:grid-cols-2">
          {overview.authContexts.items.map((c) => (
            <div key={c.title} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
              <h3 className="font-semibold text-zinc-900 dark:text-white">{c.title}</h3>
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                <InlineCode text={c.text} />
              </p>
            </div>
          ))}
        </div>
      </Section>

      <Section id="api-keys" title={overview.apiKeys.title}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[30rem] text-left text-sm">
            <thead className="text-xs text-zinc-500 uppercase">
              <tr>
                <th className="py-2 pr-4">{overview.apiKeys.columns[0]}</th>
                <th className="py-2 pr-4">{overview.apiKeys.columns[1]}</th>
                <th className="py-2">{overview.apiKeys.columns[2]}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {overview.apiKeys.rows.map((r) => (
                <tr key={r.key}>
                  <td className="py-2 pr-4 font-mono">{r.key}</td>
                  <td className="py-2 pr-4">{r.where}</td>
                  <td className="py-2 text-zinc-600 dark:text-zinc-400">{r.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{overview.apiKeys.footnote}</p>
      </Section>

      <Section id="quick-start" title={overview.quickStart.title}>
        <p className="max-w-3xl text-zinc-600 dark:text-zinc-400">{overview.quickStart.intro}</p>
        <ol className="mt-6 space-y-8">
          {overview.quickStart.steps.map((step, i) => (
            <li key={step.title}>
              <h3 className="font-semibold text-zinc-900 dark:text-white">{step.title}</h3>
              <p className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
                <InlineCode text={step.text} />
              </p>
              {i === 0 && (
                <div className="mt-3">
                  <GetKeysButton next={overview.quickStart.consoleLink} />
                </div>
              )}
              {i === 1 && (
                <div className="mt-3">
                  <CodeBlock code={overview.quickStart.code} lang="bash" title="Terminal" />
                </div>
              )}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="guides" title="Guides">
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {guideGroups().map((group) => (
            <div key={group.title}>
              <h3 className="text-sm font-semibold text-zinc-900 dark:text-white">{group.title}</h3>
              <ul className="mt-2 space-y-1.5 text-sm" aria-label={`Guides: ${group.title}`}>
                {group.guides.map((g) => (
                  <li key={g.id}>
                    <Link href={guideHref(g.id)} className="text-blue-700 hover:underline dark:text-blue-400">
                      {g.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <p className="mt-4 text-sm">
          <Link href="/guides" className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            All guides, with summaries →
          </Link>
        </p>
      </Section>

      <Section id="categories" title={overview.categoriesTitle}>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((c) => (
            <li key={c.id}>
              <Link
                href={categoryHref(c.slug)}
                className="block rounded-lg border border-zinc-200 p-4 hover:border-blue-400 dark:border-zinc-800 dark:hover:border-blue-700"
              >
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

import type { Heading, Root, RootContent } from "mdast";
import type { MDXComponents } from "mdx/types";
import { compileMDX } from "next-mdx-remote/rsc";
import Link from "@/components/intent-link";
import type { ComponentProps } from "react";
import remarkGfm from "remark-gfm";
import { AnchorHeading } from "@/components/reference/anchor-heading";
import { parseGuide } from "@/lib/content/guide-source";
import { GuideInlineCode, GuidePre } from "./guide-code";

/** Internal pages that are App Router pages, so next/link can prefetch and navigate client-side (not their .md twins). */
const PAGE_LINK = /^\/(reference|guides)(?:[/#][^.#]*)?(?:#.*)?$/;

function GuideLink({ href = "", children, ...rest }: ComponentProps<"a">) {
  const className =
    "font-medium text-blue-700 underline decoration-blue-300 underline-offset-2 hover:decoration-blue-700 dark:text-blue-400 dark:decoration-blue-800 dark:hover:decoration-blue-400";
  if (PAGE_LINK.test(href)) {
    return (
      <Link href={href} className={className}>
        {children}
      </Link>
    );
  }
  const external = /^https?:\/\//.test(href);
  return (
    <a {...rest} href={href} className={className} {...(external ? { rel: "noopener noreferrer" } : {})}>
      {children}
    </a>
  );
}

const components: MDXComponents = {
  h1: (p) => <h1 {...p} className="text-3xl font-bold text-zinc-900 dark:text-white" />,
  h2: ({ id, children }) =>
    id ? (
      <AnchorHeading id={id}>{children}</AnchorHeading>
    ) : (
      <h2 className="mt-10 mb-3 text-xl font-semibold">{children}</h2>
    ),
  h3: ({ id, children }) =>
    id ? (
      <AnchorHeading id={id} level={3}>
        {children}
      </AnchorHeading>
    ) : (
      <h3 className="mt-6 mb-2 font-semibold">{children}</h3>
    ),
  h4: (p) => <h4 {...p} className="mt-5 mb-2 scroll-mt-20 font-semibold text-zinc-900 dark:text-white" />,
  p: (p) => <p {...p} className="my-4 leading-7" />,
  a: GuideLink,
  ul: (p) => <ul {...p} className="my-4 list-disc space-y-1.5 pl-6 leading-7 marker:text-zinc-400" />,
  ol: (p) => <ol {...p} className="my-4 list-decimal space-y-1.5 pl-6 leading-7 marker:text-zinc-500" />,
  li: (p) => <li {...p} className="pl-1" />,
  blockquote: (p) => (
    <blockquote
      {...p}
      className="my-4 border-l-4 border-blue-300 bg-blue-50/50 py-1 pl-4 text-zinc-700 dark:border-blue-800 dark:bg-blue-950/30 dark:text-zinc-300"
    />
  ),
  hr: () => <hr className="my-8 border-zinc-200 dark:border-zinc-800" />,
  strong: (p) => <strong {...p} className="font-semibold text-zinc-900 dark:text-white" />,
  table: (p) => (
    <div className="my-5 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table {...p} className="w-full text-left text-sm" />
    </div>
  ),
  thead: (p) => <thead {...p} className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400" />,
  tbody: (p) => <tbody {...p} className="divide-y divide-zinc-200 dark:divide-zinc-800" />,
  tr: (p) => <tr {...p} className="align-top" />,
  // A minimum width per column: on a phone the table scrolls in its box rather than squeezing a column.
  th: ({ style, ...p }) => <th {...p} style={style} className="min-w-[7.5rem] px-3 py-2 font-semibold" />,
  td: ({ style, ...p }) => <td {...p} style={style} className="px-3 py-2 text-zinc-700 dark:text-zinc-300" />,
  pre: GuidePre,
  code: GuideInlineCode,
};

/** Gives each heading the anchor id the guide parser computed for its line, so pages and tests agree. */
function remarkHeadingIds(slugByLine: Map<number, string>) {
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "heading") setId(node);
      if ("children" in node) visit(node.children);
    }
  };
  const setId = (node: Heading) => {
    const slug = node.position ? slugByLine.get(node.position.start.line) : undefined;
    if (slug) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: slug } };
  };
  return () => (tree: Root) => visit(tree.children);
}

/**
 * A guide's Markdown rendered on the server. Guides are plain Markdown in .mdx files, so they compile
 * as `format: "md"`: `<token>` or `{id}` in prose stays text instead of becoming JSX or an expression.
 */
export async function GuideContent({ source }: { source: string }) {
  const slugByLine = new Map(parseGuide(source).headings.map((h) => [h.line, h.slug]));
  const { content } = await compileMDX({
    source,
    components,
    options: { mdxOptions: { format: "md", remarkPlugins: [remarkGfm, remarkHeadingIds(slugByLine)] } },
  });
  return content;
}

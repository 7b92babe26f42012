import { isValidElement, type ComponentProps, type ReactNode } from "react";
import { CodeBlock } from "@/components/code-block";
import type { HighlightLang } from "@/lib/highlight";

/** Fence languages as guides write them, to a highlighter language and a label; anything else is plain text. */
const FENCE_LANGS: Record<string, { lang: HighlightLang; label: string }> = {
  ts: { lang: "typescript", label: "TypeScript" },
  typescript: { lang: "typescript", label: "TypeScript" },
  tsx: { lang: "tsx", label: "TSX" },
  js: { lang: "javascript", label: "JavaScript" },
  javascript: { lang: "javascript", label: "JavaScript" },
  bash: { lang: "bash", label: "Shell" },
  sh: { lang: "bash", label: "Shell" },
  shell: { lang: "bash", label: "Shell" },
  json: { lang: "json", label: "JSON" },
  env: { lang: "dotenv", label: ".env" },
  dotenv: { lang: "dotenv", label: ".env" },
  http: { lang: "http", label: "HTTP" },
  python: { lang: "python", label: "Python" },
  go: { lang: "go", label: "Go" },
  md: { lang: "markdown", label: "Markdown" },
  markdown: { lang: "markdown", label: "Markdown" },
};

export function fenceLanguage(fence: string | undefined): { lang: HighlightLang; label: string } {
  return (fence && FENCE_LANGS[fence]) || { lang: "text", label: fence || "Text" };
}

/**
 * MDX's `pre`: its child is the `code` element, whose class names the fence language and whose only
 * child is the code text. Rendered as the shared server-highlighted CodeBlock, with its copy button.
 */
export function GuidePre({ children }: ComponentProps<"pre">) {
  if (
    !isValidElement<{ className?: string; children?: ReactNode }>(children) ||
    typeof children.props.children !== "string"
  ) {
    return (
      <pre className="my-5 overflow-x-auto rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
        {children}
      </pre>
    );
  }
  const fence = /(?:^|\s)language-(\S+)/.exec(children.props.className ?? "")?.[1];
  const { lang, label } = fenceLanguage(fence);
  return (
    <div className="my-5" data-guide-code={fence ?? ""}>
      <CodeBlock code={children.props.children.replace(/\n$/, "")} lang={lang} title={label} />
    </div>
  );
}

/** Inline code; inside a `pre`, GuidePre reads its props instead of rendering it. */
export function GuideInlineCode(props: ComponentProps<"code">) {
  return (
    <code
      {...props}
      className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.875em] break-words text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
    />
  );
}

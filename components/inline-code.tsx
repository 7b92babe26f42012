import { Fragment } from "react";
import { splitInlineCode } from "@/lib/site/overview";

/** Text whose backtick-marked parts (as in Markdown) render as <code>. */
export function InlineCode({ text }: { text: string }) {
  return splitInlineCode(text).map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="font-mono">
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

import { Fragment } from "react";
import { inlineText } from "@/lib/content/guide-source";

/** A summary paragraph as text with its code spans kept; links and emphasis flatten (it sits inside a link card). */
export function GuideSummary({ markdown }: { markdown: string }) {
  const parts = markdown.split(/(`+[^`]+?`+)/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="font-mono text-[0.875em] text-zinc-800 dark:text-zinc-200">
            {part.replace(/^`+|`+$/g, "").trim()}
          </code>
        ) : (
          <Fragment key={i}>{inlineText(part)}</Fragment>
        ),
      )}
    </>
  );
}

import type { ReactNode } from "react";

/** A section heading with a visible # link to itself. */
export function AnchorHeading({ id, level = 2, children }: { id: string; level?: 2 | 3; children: ReactNode }) {
  const Tag = level === 2 ? "h2" : "h3";
  const size = level === 2 ? "text-xl mt-10 mb-3" : "text-base mt-6 mb-2";
  return (
    <Tag id={id} className={`group scroll-mt-20 font-semibold text-zinc-900 dark:text-white ${size}`}>
      {children}
      <a
        href={`#${id}`}
        className="ml-2 text-zinc-400 opacity-0 group-hover:opacity-100 focus:opacity-100"
        aria-label={`Link to this section`}
      >
        #
      </a>
    </Tag>
  );
}

"use client";

import Link from "@/components/intent-link";
import { useState } from "react";
import { LazyConsolePanel } from "./lazy-console-panel";
import { primaryButtonClass } from "./ui";
import { TRY_IT_ATTRIBUTE } from "@/lib/static-pages/protocol";

/** "Try it" on an endpoint page: a button until opened, then the console for this endpoint. */
export function TryIt({ endpointId }: { endpointId: string }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={primaryButtonClass}
          onClick={() => setOpen(true)}
          {...{ [TRY_IT_ATTRIBUTE]: "" }}
        >
          Try it
        </button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          Send this request to the sandbox from here, or open it in the{" "}
          <Link
            href={`/console?endpoint=${encodeURIComponent(endpointId)}`}
            className="text-blue-700 underline dark:text-blue-400"
          >
            console
          </Link>
          .
        </span>
      </div>
    );
  }
  return <LazyConsolePanel endpointId={endpointId} />;
}

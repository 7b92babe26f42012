"use client";

import { useId, useMemo, useState } from "react";
import { MethodBadge } from "@/components/reference/method-badge";
import { filterEndpoints, type PickerEndpoint } from "@/lib/console/picker";
import { inputClass, focusRing } from "./ui";

/** A searchable list of endpoints; each is a link (/console?endpoint=id), so it works with the keyboard and in new tabs. */
export function EndpointPicker({
  endpoints,
  current,
  onPick,
}: {
  endpoints: PickerEndpoint[];
  current: string;
  onPick: (id: string) => void;
}) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => filterEndpoints(endpoints, filter), [endpoints, filter]);
  // "POST /v1/entity…": a method and the start of a path also find endpoints (paths come from the catalog, never by hand).
  const example = endpoints.find((e) => e.id === "entities.search-records");
  const placeholder = example
    ? `login, files, ${example.method} ${example.path.split("/").slice(0, 3).join("/")}…`
    : "login, files";
  const groups = useMemo(() => {
    const m = new Map<string, PickerEndpoint[]>();
    for (const e of shown) m.set(e.category, [...(m.get(e.category) ?? []), e]);
    return [...m];
  }, [shown]);
  return (
    <nav aria-label="Endpoints" className="min-w-0">
      <label htmlFor={`${id}-filter`} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Find an endpoint
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        className={`${inputClass} font-sans`}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder={placeholder}
        aria-controls={`${id}-list`}
        autoComplete="off"
      />
      <p role="status" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {shown.length} of {endpoints.length} endpoints
      </p>
      <div id={`${id}-list`} className="mt-2 max-h-[70vh] overflow-y-auto pr-1">
        {groups.map(([category, list]) => (
          <section key={category} aria-label={category} className="mb-3">
            <h2 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
              {category}
            </h2>
            <ul className="mt-1 space-y-0.5">
              {list.map((e) => (
                <li key={e.id}>
                  <a
                    href={`/console?endpoint=${encodeURIComponent(e.id)}`}
                    aria-current={e.id === current ? "page" : undefined}
                    onClick={(ev) => {
                      if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
                      ev.preventDefault();
                      onPick(e.id);
                    }}
                    className={`flex items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:font-medium dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950/50 ${focusRing}`}
                  >
                    <MethodBadge method={e.method} size="sm" />
                    <span className="min-w-0 break-words">{e.summary}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}

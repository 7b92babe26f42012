"use client";

import { useCallback, useEffect, useState } from "react";
import type { ConsoleEnvironment } from "@/lib/console/types";
import type { PickerEndpoint } from "@/lib/console/picker";
import { EndpointPicker } from "./endpoint-picker";
import { LazyConsolePanel } from "./lazy-console-panel";

/** /console: the endpoint picker and the panel; the chosen endpoint lives in the URL (?endpoint=id). */
export function ConsoleApp({
  endpoints,
  initialEndpoint,
  environments,
}: {
  endpoints: PickerEndpoint[];
  initialEndpoint: string;
  environments: ConsoleEnvironment[];
}) {
  const [current, setCurrent] = useState(initialEndpoint);
  const pick = useCallback((id: string) => {
    setCurrent(id);
    const url = new URL(window.location.href);
    url.searchParams.set("endpoint", id);
    window.history.pushState(null, "", url);
  }, []);
  useEffect(() => {
    const onPop = () => {
      const id = new URL(window.location.href).searchParams.get("endpoint");
      if (id) setCurrent(id);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const endpoint = endpoints.find((e) => e.id === current);

  return (
    <div className="mt-6 grid min-w-0 gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <EndpointPicker endpoints={endpoints} current={current} onPick={pick} />
      <div className="min-w-0">
        {endpoint && (
          <h2 className="mb-3 text-xl font-semibold text-zinc-900 dark:text-white" data-testid="console-endpoint">
            {endpoint.summary}
          </h2>
        )}
        <LazyConsolePanel endpointId={current} environments={environments} onEndpointChange={pick} />
      </div>
    </div>
  );
}

import type { HttpMethod } from "@/lib/catalog";

const colors: Record<HttpMethod, string> = {
  GET: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300",
  POST: "bg-blue-100 text-blue-800 dark:bg-blue-900/50 dark:text-blue-300",
  PUT: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-300",
  PATCH: "bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-300",
  DELETE: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300",
};

export function MethodBadge({ method, size = "md" }: { method: HttpMethod; size?: "sm" | "md" }) {
  const pad = size === "sm" ? "w-12 px-1 text-[10px]" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-block shrink-0 rounded text-center font-mono font-semibold ${pad} ${colors[method]}`}>
      {method === "DELETE" && size === "sm" ? "DEL" : method}
    </span>
  );
}

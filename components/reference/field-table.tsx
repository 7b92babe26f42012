import type { FieldRow } from "@/lib/catalog/fields";

function FieldItem({ field, depth }: { field: FieldRow; depth: number }) {
  const head = (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <code className="font-mono text-sm font-semibold text-zinc-900 dark:text-zinc-100">{field.name}</code>
      <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
        {field.type}
        {field.nullable ? " | null" : ""}
      </span>
      {field.required ? (
        <span className="text-xs font-medium text-red-700 dark:text-red-400">required</span>
      ) : (
        <span className="text-xs text-zinc-500 dark:text-zinc-400">optional</span>
      )}
    </div>
  );
  const body = (
    <>
      {field.description && <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{field.description}</p>}
      {field.constraints.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1">
          {field.constraints.map((c) => (
            <li
              key={c}
              className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
            >
              {c}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  if (field.children.length === 0) {
    return (
      <li className="py-3">
        {head}
        {body}
      </li>
    );
  }
  return (
    <li className="py-3">
      {head}
      {body}
      <details
        className="mt-2 rounded-md border border-zinc-200 dark:border-zinc-800"
        open={depth === 0 && field.children.length <= 4}
      >
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-zinc-600 select-none dark:text-zinc-300">
          {field.children.length} nested field{field.children.length === 1 ? "" : "s"} of {field.name}
        </summary>
        <div className="px-3">
          <FieldList fields={field.children} depth={depth + 1} />
        </div>
      </details>
    </li>
  );
}

function FieldList({ fields, depth }: { fields: FieldRow[]; depth: number }) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {fields.map((f) => (
        <FieldItem key={f.name} field={f} depth={depth} />
      ))}
    </ul>
  );
}

/** Fields with type, required, constraints and description; nested objects expand. */
export function FieldTable({ fields, label }: { fields: FieldRow[]; label: string }) {
  if (fields.length === 0) return <p className="text-sm text-zinc-500">No fields.</p>;
  return (
    <div aria-label={label} role="group" className="rounded-lg border border-zinc-200 px-4 dark:border-zinc-800">
      <FieldList fields={fields} depth={0} />
    </div>
  );
}

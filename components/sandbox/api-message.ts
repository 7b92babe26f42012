/** What an API answer says, in one sentence: its message, its string detail, or its first field error. */
export async function apiMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as { message?: unknown; detail?: unknown };
  if (typeof body.message === "string") return body.message;
  if (typeof body.detail === "string") return body.detail;
  if (Array.isArray(body.detail)) {
    const first = body.detail[0] as { loc?: unknown[]; msg?: unknown } | undefined;
    if (first && typeof first.msg === "string") return `${(first.loc ?? []).slice(1).join(".")}: ${first.msg}`;
  }
  return `HTTP ${res.status}`;
}

/** The look of a success / failure box on the sandbox's mail pages. */
export const okBox =
  "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100";
export const failBox = "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100";

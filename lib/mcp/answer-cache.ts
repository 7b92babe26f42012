import { portalUrl } from "@/lib/site/origin";
import type { PortalTool, ToolAnswer } from "./tool";

/** Most answers kept, and most characters of answer text kept, across all tools and origins. */
const MAX_ENTRIES = 1_000;
const MAX_CHARS = 8_000_000;

/**
 * Tool answers are pure functions of the catalog, the validated arguments and the portal origin the
 * request arrived at, so each distinct answer is computed once and then reused. Least recently used
 * answers go first once either bound is reached; an answer larger than the whole budget is not kept.
 * Callers share the answer objects (which share catalog data) and must not change them; they are not
 * frozen because freezing would freeze the catalog's own arrays too.
 */
export class AnswerCache {
  private readonly entries = new Map<string, ToolAnswer>();
  private chars = 0;

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly maxChars = MAX_CHARS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The answer of `tool` for `args` (already parsed by its input schema) at the current portal origin. */
  answer<T extends PortalTool>(tool: T, args: unknown): ToolAnswer {
    const key = `${tool.name}\u0000${portalUrl()}\u0000${JSON.stringify(args)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const fresh = tool.run(args as never);
    const weight = fresh.text.length;
    if (weight > this.maxChars) return fresh;
    this.entries.set(key, fresh);
    this.chars += weight;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= v.text.length;
    }
    return fresh;
  }
}

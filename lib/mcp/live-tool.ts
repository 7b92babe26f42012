import type { z } from "zod";
import type { ToolAnswer } from "./tool";

/** What the MCP spec's tool annotations say about a live tool (title apart). */
export interface LiveToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: false;
}

/**
 * A tool that acts on the sandbox rather than answering from the catalog: asynchronous, its answer depends on the
 * sandbox's state and the keys passed, so it is never kept in the answer cache (keys and tokens stay out of it).
 */
export interface LiveTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: I;
  output?: O;
  hints: LiveToolHints;
  run(args: z.output<I>): Promise<ToolAnswer<z.output<O>>>;
}

export const defineLiveTool = <I extends z.ZodObject, O extends z.ZodType>(t: LiveTool<I, O>): LiveTool<I, O> => t;

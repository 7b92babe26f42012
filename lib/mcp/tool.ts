import type { z } from "zod";

/** What a tool answers: Markdown for reading, structured data when the answer is data. */
export interface ToolAnswer<S = unknown> {
  text: string;
  structured?: S;
  isError?: boolean;
}

/** A tool as a pure function of the catalog and content; transports only wire it. */
export interface PortalTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: I;
  output?: O;
  run(args: z.output<I>): ToolAnswer<z.output<O>>;
}

export const defineTool = <I extends z.ZodObject, O extends z.ZodType>(t: PortalTool<I, O>): PortalTool<I, O> => t;

export const toolError = (text: string): ToolAnswer<never> => ({ text, isError: true });

import { randomUUID } from "node:crypto";
import type { ChatMessage, Completion, CompletionChunk } from "@/lib/catalog/schemas/completion";

/**
 * The sandbox's stand-in for a language model: answers are built from templates and the input,
 * never from an external model, and token counts are a function of text length (about four
 * characters a token), so the same request always costs the same.
 */

export const SANDBOX_MODEL = "sandbox-deterministic";

/** Model names the sandbox accepts (it answers the same for all): the families the API documents, and sandbox-*. */
const SUPPORTED_MODEL = /^(gpt-|chatgpt-|o[1-9](-|$)|claude-|gemini-|mistral|mixtral|llama|sandbox-)/i;
export const isSupportedModel = (model: string): boolean => SUPPORTED_MODEL.test(model);

export const countTokens = (text: string): number => Math.ceil(text.length / 4);

/** Prompt tokens: every message counts, plus the system prompt when there is one. */
export const promptTokens = (messages: readonly Pick<ChatMessage, "content">[], systemPrompt = ""): number =>
  messages.reduce((sum, m) => sum + countTokens(m.content), countTokens(systemPrompt));

export interface Generated {
  text: string;
  finishReason: "stop" | "length";
  completionTokens: number;
}

/** The answer, cut to max_tokens when it is longer (finish_reason "length"). */
export function generate(text: string, maxTokens?: number): Generated {
  if (maxTokens !== undefined && countTokens(text) > maxTokens) {
    const cut = text.slice(0, maxTokens * 4);
    return { text: cut, finishReason: "length", completionTokens: countTokens(cut) };
  }
  return { text, finishReason: "stop", completionTokens: countTokens(text) };
}

/** The message the answer replies to: the last user message, else the last message. */
export function lastUserContent(messages: readonly ChatMessage[]): string {
  const user = [...messages].reverse().find((m) => m.role === "user");
  return (user ?? messages[messages.length - 1])?.content ?? "";
}

const DEFAULT_TEMPLATE = 'You said: "{input}"';

/** An agent's answer: its reply_template with `{input}` replaced by the user's message. */
export const agentReply = (template: string | null, input: string): string =>
  (template ?? DEFAULT_TEMPLATE).replaceAll("{input}", input);

/** A plain completion's answer: an echo of the last user message. */
export const completionReply = (model: string, messages: readonly ChatMessage[]): string =>
  `Sandbox reply from ${model} to ${messages.length} message${messages.length === 1 ? "" : "s"}. You said: "${lastUserContent(messages)}"`;

export interface CompletionRun {
  id: string;
  created: number;
  model: string;
  promptTokens: number;
  output: Generated;
}

export function runCompletion(
  model: string,
  messages: readonly ChatMessage[],
  maxTokens: number | undefined,
  now: Date,
): CompletionRun {
  return {
    id: `chatcmpl-${randomUUID().replaceAll("-", "").slice(0, 24)}`,
    created: Math.floor(now.getTime() / 1000),
    model,
    promptTokens: promptTokens(messages),
    output: generate(completionReply(model, messages), maxTokens),
  };
}

export const totalTokens = (run: CompletionRun): number => run.promptTokens + run.output.completionTokens;

export function toCompletion(run: CompletionRun): Completion {
  return {
    id: run.id,
    object: "chat.completion",
    created: run.created,
    model: run.model,
    choices: [
      { index: 0, message: { role: "assistant", content: run.output.text }, finish_reason: run.output.finishReason },
    ],
    usage: {
      prompt_tokens: run.promptTokens,
      completion_tokens: run.output.completionTokens,
      total_tokens: totalTokens(run),
    },
  };
}

/** Words with their leading whitespace, a few per chunk, so the pieces join back to the text exactly. */
function textPieces(text: string, wordsPerPiece = 3): string[] {
  const words: string[] = [...(text.match(/\s*\S+/g) ?? [])];
  const rest = text.slice(words.join("").length);
  if (rest) words.push(rest);
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerPiece) pieces.push(words.slice(i, i + wordsPerPiece).join(""));
  return pieces;
}

/** The stream's chunks: the role first, then the text piece by piece, then an empty delta with finish_reason. */
export function toCompletionChunks(run: CompletionRun): CompletionChunk[] {
  const chunk = (
    delta: CompletionChunk["choices"][number]["delta"],
    finish: string | null = null,
  ): CompletionChunk => ({
    id: run.id,
    object: "chat.completion.chunk",
    created: run.created,
    model: run.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return [
    chunk({ role: "assistant", content: "" }),
    ...textPieces(run.output.text).map((content) => chunk({ content })),
    chunk({}, run.output.finishReason),
  ];
}

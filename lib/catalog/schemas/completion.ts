import { z } from "zod";

export const CHAT_ROLES = ["system", "user", "assistant"] as const;
export const chatRole = () => z.enum(CHAT_ROLES);

/** One message of a chat as a client sends it. */
export const ChatMessage = z
  .object({
    role: chatRole().describe("Who wrote the message"),
    content: z.string().describe("Message text"),
  })
  .meta({ title: "ChatMessage" });
export type ChatMessage = z.infer<typeof ChatMessage>;

/** POST /v1/ai/completions. */
export const CompletionRequest = z
  .object({
    model: z.string().min(1).describe("Model to use, e.g. gpt-4 or claude-3-opus"),
    messages: z.array(ChatMessage).min(1).describe("The conversation so far, oldest first"),
    max_tokens: z.number().int().positive().optional().describe("Upper bound on generated tokens"),
    temperature: z.number().min(0).max(2).optional().describe("Sampling temperature, 0-2; higher is more random"),
    stream: z
      .boolean()
      .optional()
      .default(false)
      .describe("true: answer as server-sent events (text/event-stream) instead of one JSON object"),
  })
  .meta({ title: "CompletionRequest" });
export type CompletionRequest = z.input<typeof CompletionRequest>;

export const completionRequestExample: CompletionRequest = {
  model: "gpt-4",
  messages: [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: "Write a one-line welcome message for new users." },
  ],
  max_tokens: 100,
  temperature: 0.7,
};

export const CompletionUsage = z.object({
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  total_tokens: z.number().int().min(0),
});

/** Non-streaming answer, in the OpenAI chat-completion shape. */
export const Completion = z
  .object({
    id: z.string().describe("Completion id"),
    object: z.literal("chat.completion"),
    created: z.number().int().describe("Unix time (seconds) the completion was created"),
    model: z.string().describe("Model that produced the answer"),
    choices: z
      .array(
        z.object({
          index: z.number().int().min(0),
          message: z.object({ role: z.literal("assistant"), content: z.string() }),
          finish_reason: z
            .string()
            .nullable()
            .describe("Why generation stopped, e.g. stop (natural end) or length (max_tokens reached)"),
        }),
      )
      .min(1),
    usage: CompletionUsage.describe("Tokens used; counted against the plan"),
  })
  .meta({ title: "Completion" });
export type Completion = z.infer<typeof Completion>;

export const completionExample: Completion = {
  id: "chatcmpl-9a8b7c6d5e",
  object: "chat.completion",
  created: 1705314600,
  model: "gpt-4",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "Welcome aboard! We're glad you're here." },
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 28, completion_tokens: 10, total_tokens: 38 },
};

/** One server-sent event of a streamed completion (`data: <chunk JSON>`). */
export const CompletionChunk = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int().min(0),
        delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
        finish_reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ title: "CompletionChunk" });
export type CompletionChunk = z.infer<typeof CompletionChunk>;

const chunk = (delta: CompletionChunk["choices"][number]["delta"], finish: string | null = null): CompletionChunk => ({
  id: completionExample.id,
  object: "chat.completion.chunk",
  created: completionExample.created,
  model: completionExample.model,
  choices: [{ index: 0, delta, finish_reason: finish }],
});

export const completionChunksExample: CompletionChunk[] = [
  chunk({ role: "assistant", content: "" }),
  chunk({ content: "Welcome aboard!" }),
  chunk({ content: " We're glad you're here." }),
  chunk({}, "stop"),
];

/** The stream body: one `data:` line per chunk, a blank line after each event, then `data: [DONE]`. */
export const COMPLETION_STREAM_DONE = "[DONE]";
export const completionStreamExample: string = [
  ...completionChunksExample.map((c) => JSON.stringify(c)),
  COMPLETION_STREAM_DONE,
]
  .map((d) => `data: ${d}\n\n`)
  .join("");

/** The SSE body as a whole: text. */
export const CompletionStream = z
  .string()
  .describe(
    'Server-sent events: each event is a line "data: <CompletionChunk JSON>" followed by a blank line; append choices[0].delta.content of each chunk to build the answer; the stream ends with "data: [DONE]".',
  );

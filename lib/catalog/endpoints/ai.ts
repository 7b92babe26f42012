import { SHARED_DETAIL } from "../errors";
import { defineEndpoint } from "../define";
import {
  Completion,
  completionExample,
  CompletionRequest,
  completionRequestExample,
  CompletionStream,
  completionStreamExample,
} from "../schemas/completion";

const category = "ai";

export const aiEndpoints = [
  defineEndpoint({
    category,
    slug: "create-completion",
    method: "POST",
    path: "/v1/ai/completions",
    summary: "Generate AI completion (streaming supported)",
    description:
      "Generates the next assistant message for a list of chat messages with the chosen model. The answer is one JSON object in the OpenAI chat-completion shape, or, with stream: true, a stream of server-sent events carrying the text as it is generated.",
    auth: { keys: ["public", "secret"], jwt: "required" },
    body: {
      contentType: "application/json",
      schema: CompletionRequest,
      examples: [
        { name: "completion", value: completionRequestExample },
        {
          name: "streaming",
          summary: "Stream the answer as server-sent events",
          value: { ...completionRequestExample, stream: true },
        },
      ],
    },
    responses: [
      {
        status: 200,
        description: "stream false or omitted: the whole completion as JSON",
        schema: Completion,
        examples: [{ name: "ok", value: completionExample }],
      },
      {
        status: 200,
        description:
          'stream: true: server-sent events. Each event is a line "data: <chunk JSON>" and a blank line; each chunk has object "chat.completion.chunk" and the new text in choices[0].delta.content (the first may carry only the role, the last an empty delta with finish_reason). The stream ends with "data: [DONE]".',
        contentType: "text/event-stream",
        schema: CompletionStream,
        examples: [{ name: "stream", summary: "The raw event stream", value: completionStreamExample }],
      },
    ],
    errors: [
      { status: 400, detail: "Unsupported model", when: "model is not one the API offers.", source: "implied" },
      {
        status: 402,
        detail: SHARED_DETAIL.usageLimitExceeded,
        when: "The plan has no AI requests or AI budget left for the current period.",
        source: "implied",
      },
    ],
    notes: [
      "With stream: true, read the body incrementally: EventSource cannot send a POST or the X-API-Key and Authorization headers, so use fetch and read response.body with a reader, splitting on blank lines (an event may be cut across reads). Stop at data: [DONE].",
      "Errors found before generation starts (auth, validation, limits) come back as ordinary JSON errors with their status, even when stream is true: check response.ok before reading the stream.",
      "Model names are passed through as given (e.g. gpt-4, claude-3-opus); which models are available depends on the API's configuration.",
    ],
    keywords: [
      "chat completion",
      "llm",
      "gpt",
      "claude",
      "sse",
      "server-sent events",
      "openai compatible",
      "generate text",
    ],
  }),
];

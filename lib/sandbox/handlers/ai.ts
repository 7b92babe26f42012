import { COMPLETION_STREAM_DONE } from "@/lib/catalog/schemas/completion";
import {
  isSupportedModel,
  runCompletion,
  toCompletion,
  toCompletionChunks,
  type CompletionRun,
} from "../resources/completion";
import { recordAiRequest, requireAiUsageAllowance } from "../resources/usage";
import { defineHandler } from "./define";
import { ok, requireUser } from "./helpers";

/** Server-sent events, one enqueued per chunk so readers see them arrive separately; `data: [DONE]` last. */
function eventStream(run: CompletionRun): Response {
  const events = [...toCompletionChunks(run).map((c) => JSON.stringify(c)), COMPLETION_STREAM_DONE].map(
    (data) => `data: ${data}\n\n`,
  );
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const event = events[next++];
      if (event === undefined) controller.close();
      else controller.enqueue(encoder.encode(event));
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * A deterministic completion (an echo of the last user message). Limits are checked and usage
 * recorded before anything is sent, so errors are plain JSON even with stream: true.
 */
const createCompletion = defineHandler("ai.create-completion", async (ctx) => {
  const user = requireUser(ctx);
  const { model, messages, max_tokens: maxTokens, stream } = ctx.body;
  if (!isSupportedModel(model)) return ctx.fail(400);
  const now = ctx.now();
  const run = await ctx.sql.tx(async () => {
    const account = await requireAiUsageAllowance(ctx.sql, ctx.tenant.id, user.id, now);
    const result = runCompletion(model, messages, maxTokens, now);
    await recordAiRequest(ctx.sql, account, result.promptTokens, result.output.completionTokens, now);
    return result;
  });
  return stream ? eventStream(run) : ok(toCompletion(run));
});

export const aiHandlers = [createCompletion];

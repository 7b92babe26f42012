import { chatPrompt, copyTwin } from "@/components/copy-twin";
import { COPY_ATTRIBUTE, COPY_TWIN_ATTRIBUTE } from "@/lib/static-pages/protocol";
import { hydrationStarted } from "./deferred-hydration";
import { $$ } from "./dom";

/** Copy buttons, "Copy page as Markdown" and the chat links without React, on a static page. */

function flash(button: HTMLElement, text: string, resetTo: string, ms: number): void {
  const live = button.querySelector("span") ?? button;
  live.textContent = text;
  if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", text);
  setTimeout(() => {
    if (hydrationStarted()) return;
    live.textContent = resetTo;
    if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", resetTo);
  }, ms);
}

export async function copyValue(button: HTMLElement): Promise<void> {
  const label = button.querySelector("span")?.textContent ?? "Copy";
  try {
    await navigator.clipboard.writeText(button.getAttribute(COPY_ATTRIBUTE) ?? "");
    flash(button, "Copied", label, 1500);
  } catch {
    // As the React button: no message when the clipboard refuses.
  }
}

export async function copyPage(button: HTMLElement): Promise<void> {
  let text = "Copied";
  try {
    await copyTwin(button.getAttribute(COPY_TWIN_ATTRIBUTE) ?? "");
  } catch {
    text = "Copy failed";
  }
  flash(button, text, "Copy page as Markdown", 2000);
}

/** The chat links ask about the twin's full address, which the prerendered HTML cannot know. */
export function completeChatLinks(): void {
  for (const button of $$(`[${COPY_TWIN_ATTRIBUTE}]`)) {
    const twin = button.getAttribute(COPY_TWIN_ATTRIBUTE) ?? "";
    const group = button.closest("[role=group]");
    if (!group) continue;
    for (const a of $$<HTMLAnchorElement>("a[target=_blank]", group)) {
      const url = new URL(a.href);
      const q = url.searchParams.get("q");
      const prefix = chatPrompt(twin, "");
      if (!q?.startsWith(prefix)) continue;
      url.searchParams.set("q", chatPrompt(`${location.origin}${twin}`, q.slice(prefix.length)));
      a.href = url.href.replace(/\+/g, "%20");
    }
  }
}

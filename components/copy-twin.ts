/** What "Copy page as Markdown" and the chat links do, shared by the React button and the static pages' enhancer. */

/** `Read <twin URL> and help me use <subject>`: what the chat links ask. */
export function chatPrompt(twinUrl: string, subject: string): string {
  return `Read ${twinUrl} and help me use ${subject}`;
}

/** Copies the Markdown twin at `twinPath` (the page actions' button, with or without React). */
export async function copyTwin(twinPath: string): Promise<void> {
  const text = () =>
    fetch(twinPath).then((r) => {
      if (!r.ok) throw new Error(`${twinPath}: ${r.status}`);
      return r.text();
    });
  // Safari only lets the clipboard be written in the click itself: hand it a promise of the content.
  if (typeof ClipboardItem !== "undefined" && ClipboardItem.supports?.("text/plain")) {
    const blob = text().then((t) => new Blob([t], { type: "text/plain" }));
    await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
  } else {
    await navigator.clipboard.writeText(await text());
  }
}

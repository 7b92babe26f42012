import { SAMPLE_LANG_KEY, sampleTabClass, statusTabClass, tabKeyTarget } from "@/components/reference/tab-classes";
import { $$, writeStorage } from "./dom";

/** The code samples' language tabs and the example responses' status tabs without React, on a static page. */

/** Selects `id` in every code sample group (the language is shared and remembered, as in the React tabs). */
export function chooseLanguage(id: string): void {
  for (const group of $$("[data-testid=code-samples]")) {
    const panels = $$("[role=tabpanel]", group);
    if (!panels.some((p) => p.dataset.sampleLang === id)) continue;
    for (const panel of panels) panel.hidden = panel.dataset.sampleLang !== id;
    for (const tab of $$("[role=tab]", group)) {
      const selected = tab.getAttribute("aria-controls") === panels.find((p) => !p.hidden)?.id;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.className = sampleTabClass(selected);
    }
    const select = group.querySelector("select");
    if (select) select.value = id;
  }
}

function chooseStatus(group: HTMLElement, tab: HTMLElement): void {
  for (const t of $$("[role=tab]", group)) {
    const selected = t === tab;
    t.setAttribute("aria-selected", String(selected));
    t.tabIndex = selected ? 0 : -1;
    t.className = statusTabClass(selected, Number(t.textContent));
    const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
    if (panel) panel.hidden = !selected;
  }
}

export function selectTab(tab: HTMLElement): void {
  const group = tab.closest<HTMLElement>("[data-testid=code-samples], [data-testid=response-examples]");
  if (!group) return;
  if (group.dataset.testid === "code-samples") {
    const id = document.getElementById(tab.getAttribute("aria-controls") ?? "")?.dataset.sampleLang;
    if (!id) return;
    writeStorage(SAMPLE_LANG_KEY, id);
    chooseLanguage(id);
  } else chooseStatus(group, tab);
}

/** Arrow keys, Home and End move between tabs, as in the React tabs. */
export function onTabKey(e: KeyboardEvent, tab: HTMLElement): void {
  const tabs = $$("[role=tab]", tab.closest("[role=tablist]") ?? document);
  const index = tabs.indexOf(tab);
  const target = tabKeyTarget(e.key, index, tabs.length);
  const next = target === undefined ? undefined : tabs[target];
  if (!next) return;
  e.preventDefault();
  selectTab(next);
  next.focus();
}

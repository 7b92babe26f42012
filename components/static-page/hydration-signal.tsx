"use client";

import { useEffect } from "react";
import { HYDRATED_ATTRIBUTE, HYDRATED_EVENT } from "@/lib/static-pages/protocol";

/**
 * Tells the static pages' enhancer that React has hydrated the page: an endpoint page is served without Next's
 * scripts and hydrates only when search or "Try it" is used; the enhancer then replays what the visitor did.
 */
export function HydrationSignal() {
  useEffect(() => {
    document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, "");
    window.dispatchEvent(new Event(HYDRATED_EVENT));
  }, []);
  return null;
}

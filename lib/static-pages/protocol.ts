/** Names shared by the static pages' enhancer (browser), the build step that writes those pages and the app. */

/** Set on <html> once React has hydrated the page. */
export const HYDRATED_ATTRIBUTE = "data-hydrated";
/** Dispatched on window once React has hydrated the page. */
export const HYDRATED_EVENT = "portal:hydrated";
/** The `type` that keeps Next's scripts in a static page without running them, until the page hydrates. */
export const DEFERRED_SCRIPT_TYPE = "text/x-deferred-next";
/** Where a deferred external script keeps its `src` (a `src` might be fetched ahead by the browser). */
export const DEFERRED_SRC_ATTRIBUTE = "data-deferred-src";
/** Marks the "Try it" button, which hydrates the page on first use. */
export const TRY_IT_ATTRIBUTE = "data-try-it";
/** The value a copy button copies. */
export const COPY_ATTRIBUTE = "data-copy";
/** The Markdown twin "Copy page as Markdown" copies. */
export const COPY_TWIN_ATTRIBUTE = "data-copy-twin";

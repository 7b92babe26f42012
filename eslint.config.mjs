import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "lib/catalog/testdata/*.js",
      "bench/.cache/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    // Endpoint paths come from the catalog (getEndpoint(id).path), so a page cannot name a path the API does not have.
    // (\u002F is "/": selectors' regular expressions cannot hold an escaped slash.)
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "Literal[value=/\\u002Fv1\\u002F/]",
          "TemplateElement[value.raw=/\\u002Fv1\\u002F/]",
          "JSXText[value=/\\u002Fv1\\u002F/]",
        ].map((selector) => ({
          selector,
          message:
            "An API path written by hand: take it from the catalog (getEndpoint(id).path, or sandboxPath(id) for the sandbox).",
        })),
      ],
    },
  },
  {
    // Links prefetch on intent (components/intent-link.tsx), not every link in the viewport on load.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/intent-link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Import Link from @/components/intent-link (prefetch on intent)." }] },
      ],
    },
  },
  {
    // The console runs in the browser: it shares the catalog with the sandbox, never the sandbox's server code.
    // (After the rule above, which this one replaces for these files, so it repeats its next/link entry.)
    files: ["lib/console/**/*.ts", "components/console/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next/link", message: "Import Link from @/components/intent-link (prefetch on intent)." }],
          patterns: [
            {
              group: ["@/lib/sandbox", "@/lib/sandbox/*", "@/lib/sandbox-pages", "@/lib/sandbox-pages/*"],
              message: "The console may not import the sandbox: shared logic belongs in lib/catalog.",
            },
          ],
        },
      ],
    },
  },
  {
    // One way between the sandbox's two halves: its pages' helpers (lib/sandbox-pages) use the API (lib/sandbox), never the reverse.
    files: ["lib/sandbox/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/sandbox-pages", "@/lib/sandbox-pages/*", "**/sandbox-pages", "**/sandbox-pages/*"],
              message:
                "The sandbox API may not import its pages' helpers (lib/sandbox-pages): move what both need into lib/sandbox.",
            },
          ],
        },
      ],
    },
  },
];

export default config;

import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "next-env.d.ts", "lib/catalog/testdata/*.js", "bench/.cache/**", "test-results/**", "playwright-report/**"],
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
    // Links prefetch on intent (components/intent-link.tsx), not every link in the viewport on load.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/intent-link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import Link from @/components/intent-link (prefetch on intent)." }] }],
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
          patterns: [{ group: ["@/lib/sandbox", "@/lib/sandbox/*"], message: "The console may not import the sandbox: shared logic belongs in lib/catalog." }],
        },
      ],
    },
  },
];

export default config;

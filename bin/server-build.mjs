// Where `npm run build` puts the server code the bin entries run (scripts/build-server.mjs), and loading it.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A module of the server build (.next/portal-server/<name>.mjs); without a build, says to run one and exits 1. */
export async function loadBuilt(name) {
  const file = join(root, ".next", "portal-server", `${name}.mjs`);
  if (!existsSync(file)) {
    // stderr: the stdio entry's stdout carries JSON-RPC only.
    console.error(
      `The portal's server code is not built (${file} is missing): run \`npm run build\` in ${root} first.`,
    );
    process.exit(1);
  }
  return import(pathToFileURL(file).href);
}

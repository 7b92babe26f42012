// Installs the Node 22 tools the MCP tests use (conformance suite, Inspector CLI) from their own lockfile, once.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const dir = join(import.meta.dirname, "..", "..", "tools", "mcp-conformance");
if (!existsSync(join(dir, "node_modules", ".bin", "node"))) {
  console.log("Installing MCP test tools (node@22, conformance, inspector) in tools/mcp-conformance ...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" });
}

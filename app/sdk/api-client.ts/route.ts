import { generateSdk } from "@/lib/sdk/generate";

// The generated TypeScript client as one downloadable file, built once at build time.
export const dynamic = "force-static";

export function GET() {
  return new Response(generateSdk(), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": 'inline; filename="api-client.ts"' },
  });
}

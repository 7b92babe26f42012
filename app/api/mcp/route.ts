import { handleMcpMethodNotAllowed, handleMcpPost } from "@/lib/mcp/http";

// MCP over Streamable HTTP; tools, checks and limits live in lib/mcp.
export const dynamic = "force-dynamic";

export const POST = handleMcpPost;
export const GET = handleMcpMethodNotAllowed;
export const DELETE = handleMcpMethodNotAllowed;

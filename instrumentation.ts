// Runs once when the server starts: an invalid SAAS_API_URL is reported now, not at the first console visit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { liveApi } = await import("./lib/console/config");
    liveApi();
  }
}

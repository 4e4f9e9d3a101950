/** Next.js calls `register` once as a server starts (instrumentation.ts convention). */
export async function register(): Promise<void> {
  // Only the Node.js server reaches Neo4j; the edge runtime never loads this branch.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmUpOnceListening } = await import("@/app/_lib/warm-up");
  warmUpOnceListening();
}

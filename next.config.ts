import type { NextConfig } from "next";

// Next.js has no config key for telemetry; its documented switch is this
// variable. Set here so every `next build` / `next start` of this project
// stays quiet (the machine may have no internet, and we send nothing anyway).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const nextConfig: NextConfig = {
  // The driver opens sockets and keeps a pool per process: load it with
  // Node's own require at run time instead of bundling it into server chunks.
  serverExternalPackages: ["neo4j-driver"],
  // The e2e suite builds with test hooks on into its own folder, so it never
  // overwrites the build `npm run demo` serves.
  distDir: process.env.RINGSCOPE_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

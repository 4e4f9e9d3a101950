import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two layers, one config: `unit` runs pure code with no services; `integration`
// runs against a throwaway Neo4j started once by the global setup.
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts,cli}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,components,app,scripts,cli}/**/*.int.test.ts"],
          globalSetup: ["./lib/testing/neo4j-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One server, many files: run files one after another so each test
          // owns the database while it runs.
          fileParallelism: false,
        },
      },
    ],
  },
});

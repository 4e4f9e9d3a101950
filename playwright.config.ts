import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./lib/testing/chromium";

// End-to-end tests drive the production build with the system's Chromium.
// Playwright never downloads a browser here: it launches the one at
// PLAYWRIGHT_CHROMIUM_PATH (Debian's package by default) or stops.
if (!fs.existsSync(chromiumPath)) {
  throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH`);
}

const withDatabasePort = Number(process.env.RINGSCOPE_E2E_PORT ?? 3200);
const withoutDatabasePort = withDatabasePort + 1;

// The `with-database` server inherits NEO4J_* / RINGSCOPE_STATE_DIR from the
// process: `npm run test:e2e` (scripts/run-e2e.ts) starts a throwaway Neo4j
// first and points the environment at it, because Playwright starts web
// servers before any global setup could.

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "with-database",
      testMatch: ["shell.spec.ts", "explorer.spec.ts", "campaigns.spec.ts"],
      use: { baseURL: `http://127.0.0.1:${withDatabasePort}` },
    },
    {
      name: "without-database",
      testMatch: "database-down.spec.ts",
      use: { baseURL: `http://127.0.0.1:${withoutDatabasePort}` },
    },
  ],
  // Web servers start one after another, in this order: the first builds
  // (with the test hook on) and serves, the second serves the same build
  // once the first is up, so two builds never write .next at once.
  // Readiness is checked on the port, not a page, so it never waits on the database.
  webServer: [
    {
      name: "with-database",
      command: `npm run build && npm run start -- -p ${withDatabasePort}`,
      port: withDatabasePort,
      env: { NEXT_PUBLIC_RINGSCOPE_TEST_HOOKS: "1", NEXT_TELEMETRY_DISABLED: "1" },
      timeout: 300_000,
      reuseExistingServer: false,
    },
    {
      name: "without-database",
      command: `npm run start -- -p ${withoutDatabasePort}`,
      port: withoutDatabasePort,
      // Port 1 is closed on every machine: the app sees a database that does not answer.
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        NEO4J_URI: "bolt://127.0.0.1:1",
        NEO4J_USERNAME: "neo4j",
        NEO4J_PASSWORD: "x",
        NEO4J_DATABASE: "neo4j",
      },
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
});

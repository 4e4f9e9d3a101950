import { expect, test } from "@playwright/test";

// The app started against a database that does not answer (project
// `without-database`: NEO4J_URI points at a closed port).

test("shows a plain alert that says what is wrong and how to fix it", async ({ page }) => {
  await page.goto("/");

  const alert = page.getByRole("alert", { name: "The graph database is not reachable" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Reason");
  await expect(alert).toContainText("npm run db:start");
  await expect(page.getByLabel("Database status")).toContainText("Graph database not reachable");
  await expect(page.getByLabel("Search accounts and attributes")).toHaveCount(0);
  await expect(page.getByRole("banner")).toContainText("Ringscope");
});

test("GET /api/health answers 503 with the reason", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(503);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    status: "down",
    database: { uri: "bolt://127.0.0.1:1", isExternal: true, reason: expect.any(String) },
    server: null,
    plugins: { apoc: null, gds: null },
  });
});

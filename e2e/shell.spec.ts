import { expect, test } from "@playwright/test";

// The workspace shell with the database up (project `with-database`).

test.beforeEach(async ({ request }) => {
  // Every test here needs a database; say so plainly instead of failing on a missing search box.
  const body = (await (await request.get("/api/health")).json()) as { status: string; database: { reason: string | null } };
  expect(body.status, `the with-database project needs a reachable database: ${body.database.reason}`).toBe("up");
});

test("shows the header, the search box and an empty graph", async ({ page }) => {
  await page.goto("/");

  await expect(page.getByRole("banner")).toContainText("Ringscope");
  await expect(page.getByLabel("Search accounts and attributes")).toBeVisible();
  await expect(page.getByText("Search for an account to start")).toBeVisible();
  await expect(page.getByLabel("Database status")).toContainText(/APOC/);

  // The canvas mounted its Cytoscape instance, attached to the page with room
  // to draw (a collapsed container draws nothing), and it holds nothing yet.
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  const graph = await page.evaluate(() => {
    const cy = window.__ringscopeCy;
    return {
      elements: cy?.elements().length,
      hasContainer: cy?.container() instanceof HTMLElement,
      hasRoomToDraw: (cy?.width() ?? 0) > 100 && (cy?.height() ?? 0) > 100,
    };
  });
  expect(graph).toEqual({ elements: 0, hasContainer: true, hasRoomToDraw: true });

  // An investigator with no account in mind is pointed at the morning queue.
  await page.getByRole("link", { name: "Start from the campaign worklist" }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole("heading", { name: "Campaigns", exact: true })).toBeVisible();
});

test("GET /api/health answers JSON with the server and its plugins", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { plugins: Record<string, unknown> };
  expect(body).toMatchObject({
    status: "up",
    server: { name: expect.any(String), version: expect.any(String), edition: expect.any(String) },
    checkedAt: expect.any(String),
  });
  // A plugin is its version, or null when the server lacks it.
  expect(Object.keys(body.plugins).sort()).toEqual(["apoc", "gds"]);
  for (const version of Object.values(body.plugins)) expect(version === null || typeof version === "string").toBe(true);
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import type { TruthDocument } from "@/lib/generate";

// The investigator's explorer on generated demo-like data (project
// `with-database`; scripts/run-e2e.ts loads the scenario and names its folder
// in RINGSCOPE_E2E_DATA). Ids come from the scenario's truth.json, never
// hard-coded. Assertions read the page's text and the canvas's graph model
// through window.__ringscopeCy; nothing waits on a timer.

// The first run of each query on a freshly loaded server plans it and reads
// cold pages; on a busy shared machine that alone can pass Playwright's 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });

const truth = JSON.parse(readFileSync(path.join(process.env.RINGSCOPE_E2E_DATA ?? "", "truth.json"), "utf8")) as TruthDocument;

/** The biggest carrier NAT: one IP shared by more accounts than the hub threshold the tests set. */
const carrier = [...truth.benignClusters].filter((cluster) => cluster.kind === "carrier_nat").sort((a, b) => b.members.length - a.members.length)[0];
const natIp = carrier?.sharedAttributes.find((attribute) => attribute.kind === "ip")?.value ?? "";
const hubThreshold = 100;
const ring = truth.campaigns.find((campaign) => campaign.kind === "card_ring");

test.beforeAll(() => {
  expect(carrier?.members.length, "the scenario needs a carrier NAT bigger than the test's hub threshold").toBeGreaterThan(hubThreshold);
  expect(ring?.members.length).toBeGreaterThan(2);
});

interface CanvasSummary {
  accounts: number;
  ids: string[];
  hubs: { id: string; label: string }[];
  groups: { id: string; memberCount: number; children: number }[];
  pathEdges: number;
}

async function canvas(page: Page): Promise<CanvasSummary> {
  // The hook appears once the canvas has mounted after hydration; a poll that
  // starts earlier (right after a navigation) waits for it instead of failing.
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  return page.evaluate(() => {
    const cy = window.__ringscopeCy;
    if (!cy) throw new Error("no canvas");
    return {
      accounts: cy.nodes('[kind = "account"]').length,
      ids: cy.nodes().map((node) => node.id()),
      hubs: cy.nodes("[?isHub]").map((node) => ({ id: node.id(), label: String(node.data("label")) })),
      groups: cy.nodes('[kind = "group"]').map((node) => ({ id: node.id(), memberCount: Number(node.data("memberCount")), children: node.children().length })),
      pathEdges: cy.edges("[?isOnPath]").length,
    };
  });
}

async function selectOnly(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((wanted) => {
    const cy = window.__ringscopeCy;
    cy?.nodes().unselect();
    for (const id of wanted) cy?.getElementById(id).select();
  }, ids);
  await expect(page.getByRole("toolbar", { name: "Graph actions" })).toContainText(`${ids.length} selected`);
}

async function setNumber(page: Page, label: string, value: number): Promise<void> {
  await page.getByLabel(label).fill(String(value));
}

/** Types an account id into the search box and chooses it from the typeahead. */
async function openAccount(page: Page, accountId: string): Promise<void> {
  const box = page.getByRole("combobox", { name: "Search accounts and attributes" });
  await box.fill(accountId);
  const option = page.getByRole("option").filter({ hasText: accountId }).first();
  await expect(option).toContainText("Account");
  await option.click();
  await expect.poll(async () => (await canvas(page)).ids).toContain(`account:${accountId}`);
}

test("the typeahead opens right under the search box, and one account alone is drawn at a readable size", async ({ page }) => {
  const seed = ring?.members[0] ?? "";
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search accounts and attributes" });
  await box.fill(seed);
  const option = page.getByRole("option").filter({ hasText: seed }).first();
  await expect(option).toBeVisible();
  const boxBottom = await box.evaluate((element) => element.getBoundingClientRect().bottom);
  const listTop = await page.getByRole("listbox").evaluate((element) => element.getBoundingClientRect().top);
  expect(listTop - boxBottom).toBeLessThan(30);

  await option.click();
  await expect.poll(async () => (await canvas(page)).ids).toEqual([`account:${seed}`]);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-layout", /.+/);
  const { nodeHeight, canvasHeight } = await page.evaluate(() => {
    const cy = window.__ringscopeCy!;
    return { nodeHeight: cy.nodes().renderedBoundingBox({ includeLabels: false }).h, canvasHeight: cy.height() };
  });
  expect(nodeHeight).toBeLessThan(canvasHeight / 5);
});

test("search a seed, expand it, meet a hub as a badge, open it capped, show more, undo, and reload the same view", async ({ page }) => {
  const seed = carrier?.members[0] ?? "";
  const hubId = `ip:${natIp}`;
  await page.goto("/");
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  await setNumber(page, "Hub threshold", hubThreshold);
  await openAccount(page, seed);

  // Counts come first, then the expansion: attributes only, the NAT address as a badge.
  const toolbar = page.getByRole("toolbar", { name: "Graph actions" });
  await expect(toolbar).toContainText(/neighbours: .*ip \d/);
  await toolbar.getByRole("button", { name: "Expand" }).click();
  await expect.poll(async () => (await canvas(page)).hubs.map((hub) => hub.id)).toContain(hubId);
  const badge = (await canvas(page)).hubs.find((hub) => hub.id === hubId);
  expect(badge?.label).toMatch(new RegExp(`^IP ${natIp.replaceAll(".", "\\.")} — [\\d,]+ accounts$`));
  expect((await canvas(page)).accounts).toBe(1);

  // Opening the hub on purpose brings at most the cap, and says the view is cut.
  await selectOnly(page, [hubId]);
  await setNumber(page, "Per-node cap", 30);
  await toolbar.getByRole("button", { name: "Open hub" }).click();
  await expect.poll(async () => (await canvas(page)).accounts).toBe(31);
  await expect(page.getByText("Showing part of the network")).toBeVisible();

  // "Show more" pages past what is on screen.
  await selectOnly(page, [hubId]);
  await toolbar.getByRole("button", { name: /Show more \(\d+\)/ }).click();
  await expect.poll(async () => (await canvas(page)).accounts).toBe(61);

  await toolbar.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await canvas(page)).accounts).toBe(31);
  await toolbar.getByRole("button", { name: "Redo" }).click();
  await expect.poll(async () => (await canvas(page)).accounts).toBe(61);

  // The address bar holds the view: a reload replays it.
  await expect(page).toHaveURL(/view=/);
  const before = (await canvas(page)).ids.sort();
  await page.reload();
  await expect.poll(async () => (await canvas(page)).ids.sort()).toEqual(before);
  await expect(page.getByLabel("Hub threshold")).toHaveValue(String(hubThreshold));
});

test("group a large set of accounts, drill into a group and collapse it; brush the time bar; filter by kind", async ({ page }) => {
  const hubId = `ip:${natIp}`;
  const link = {
    steps: [
      { type: "open", ids: [hubId] },
      { type: "expand", ids: [hubId], cap: 150, includeHubs: true },
    ],
    hidden: [],
    hubThreshold,
  };
  await page.goto(`/?view=${encodeURIComponent(JSON.stringify(link))}`);
  await expect.poll(async () => (await canvas(page)).accounts, { timeout: 30_000 }).toBeGreaterThan(hubThreshold);
  const toolbar = page.getByRole("toolbar", { name: "Graph actions" });

  // Grouping folds the accounts that share the NAT address into one node with a count.
  const accountsBefore = (await canvas(page)).accounts;
  await toolbar.getByRole("button", { name: "Group accounts" }).click();
  await expect.poll(async () => (await canvas(page)).groups.length).toBeGreaterThan(0);
  const [group] = (await canvas(page)).groups;
  expect(group?.memberCount).toBeGreaterThan(4);
  expect((await canvas(page)).accounts).toBeLessThan(accountsBefore);

  await selectOnly(page, [group?.id ?? ""]);
  await toolbar.getByRole("button", { name: "Open / collapse group" }).click();
  await expect.poll(async () => (await canvas(page)).groups.find((g) => g.id === group?.id)?.children).toBe(group?.memberCount);
  await selectOnly(page, [group?.id ?? ""]);
  await toolbar.getByRole("button", { name: "Open / collapse group" }).click();
  await expect.poll(async () => (await canvas(page)).groups.find((g) => g.id === group?.id)?.children).toBe(0);
  await toolbar.getByRole("button", { name: "Undo" }).click();
  await toolbar.getByRole("button", { name: "Undo" }).click();
  await toolbar.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await canvas(page)).accounts).toBe(accountsBefore);

  // A time window keeps only the accounts that signed up inside it.
  const timeBar = page.getByRole("region", { name: "Time bar" });
  await timeBar.getByLabel("From", { exact: true }).fill("2000-01-01");
  await timeBar.getByLabel("To", { exact: true }).fill("2000-01-02");
  await expect(timeBar.getByRole("status")).toHaveText("Showing 2000-01-01 – 2000-01-02");
  await expect.poll(async () => (await canvas(page)).accounts).toBe(0);
  await timeBar.getByRole("button", { name: "All time" }).click();
  await expect.poll(async () => (await canvas(page)).accounts).toBe(accountsBefore);

  // Brushing: a drag across the first part of the bar sets the window the same way.
  const bar = timeBar.getByRole("slider");
  const box = await bar.boundingBox();
  if (!box) throw new Error("the time bar is not laid out");
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(timeBar.getByRole("status")).toHaveText(/^Showing \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
  await expect.poll(async () => (await canvas(page)).accounts).toBeLessThanOrEqual(accountsBefore);
  await timeBar.getByRole("button", { name: "All time" }).click();

  // Filters hide a kind without removing it.
  await page.getByRole("checkbox", { name: "IP address" }).uncheck();
  await expect.poll(async () => (await canvas(page)).ids).not.toContain(hubId);
  await page.getByRole("checkbox", { name: "IP address" }).check();
  await expect.poll(async () => (await canvas(page)).ids).toContain(hubId);
});

test("how are these two linked: the path between two ring members is drawn and highlighted", async ({ page }) => {
  const [first, second] = ring?.members ?? [];
  await page.goto("/");
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  await openAccount(page, first ?? "");
  await openAccount(page, second ?? "");
  await selectOnly(page, [`account:${first}`, `account:${second}`]);
  await page.getByRole("button", { name: "How are these two linked?" }).click();
  await expect(page.getByRole("status", { name: "Explorer status" })).toHaveText(/Linked in \d steps?/);
  await expect.poll(async () => (await canvas(page)).pathEdges).toBeGreaterThanOrEqual(2);
});

test("the WebGL renderer setting redraws the same graph with WebGL and back", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto("/");
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  await openAccount(page, ring?.members[0] ?? "");
  const before = (await canvas(page)).ids.sort();
  const drawing = page.getByTestId("graph-canvas");
  await expect(drawing).toHaveAttribute("data-renderer", "canvas");

  // Headless Chromium here has WebGL 2 in software (SwiftShader), so the switch takes effect.
  const setting = page.getByRole("checkbox", { name: "WebGL renderer" });
  await setting.check();
  await expect(drawing).toHaveAttribute("data-renderer", "webgl");
  await expect.poll(async () => (await canvas(page)).ids.sort()).toEqual(before);
  await setting.uncheck();
  await expect(drawing).toHaveAttribute("data-renderer", "canvas");
  await expect.poll(async () => (await canvas(page)).ids.sort()).toEqual(before);
  expect(pageErrors).toEqual([]);
});

test("the WebGL setting is still as the investigator left it after a reload", async ({ page }) => {
  await page.goto("/");
  const setting = page.getByRole("checkbox", { name: "WebGL renderer" });
  const drawing = page.getByTestId("graph-canvas");
  await setting.check();
  await expect(drawing).toHaveAttribute("data-renderer", "webgl");
  await page.reload();
  await expect(setting).toBeChecked();
  await expect(drawing).toHaveAttribute("data-renderer", "webgl");

  await setting.uncheck();
  await expect(drawing).toHaveAttribute("data-renderer", "canvas");
  await page.reload();
  // Opening an account needs the page hydrated, by when a remembered "on" would have been restored.
  await openAccount(page, ring?.members[0] ?? "");
  await expect(setting).not.toBeChecked();
  await expect(drawing).toHaveAttribute("data-renderer", "canvas");
});

test("a view too long for a link is saved: the address names it, the worker lays it out, a reload restores it; an unknown id says so", async ({ page }) => {
  const hubId = `ip:${natIp}`;
  const link = {
    steps: [
      { type: "open", ids: [hubId] },
      { type: "expand", ids: [hubId], cap: 500, includeHubs: true },
      // One step expands at most 200 nodes (the API's batch limit).
      { type: "expand", ids: (carrier?.members ?? []).slice(0, 150).map((id) => `account:${id}`), cap: 2, includeHubs: false },
    ],
    hidden: [],
    hubThreshold,
  };
  const inline = `/?view=${encodeURIComponent(JSON.stringify(link))}`;
  expect(inline.length, "the view must be too long for a link").toBeGreaterThan(2_000);
  await page.goto(inline);
  await expect(page).toHaveURL(/\/\?saved=[A-Za-z0-9_-]{12}$/);
  const saved = page.url();

  // Over 300 nodes: positions come from the layout worker, and the canvas says when they are in place.
  const drawing = page.getByTestId("graph-canvas");
  await expect(drawing).toHaveAttribute("data-layout", "force");
  await expect(drawing).toHaveAttribute("aria-busy", "false");
  const before = (await canvas(page)).ids.sort();
  expect(before.length).toBeGreaterThan(300);

  await page.reload();
  await expect.poll(async () => (await canvas(page)).ids.sort()).toEqual(before);
  await expect(page).toHaveURL(saved);

  await page.goto("/?saved=AAAAAAAAAAAA");
  await expect(page.getByRole("alert").filter({ hasText: "No saved view AAAAAAAAAAAA" })).toBeVisible();
});

test("the explorer's routes answer bad input with a 400 that says what is wrong", async ({ request }) => {
  const cidr = await request.get("/api/search?q=10.0.0.0/4");
  expect(cidr.status()).toBe(400);
  expect(((await cidr.json()) as { error: { message: string } }).error.message).toMatch(/between \/8 and \/32/);

  const expand = await request.post("/api/graph/expand", { data: { ids: [], cap: 0 } });
  expect(expand.status()).toBe(400);
  expect(((await expand.json()) as { error: { message: string } }).error.message).toMatch(/select at least one node/);

  const details = await request.get(`/api/nodes/${encodeURIComponent("account:no-such-account")}`);
  expect(details.status()).toBe(404);

  const view = await request.post("/api/views", { data: { state: { steps: [{ type: "grow" }] } } });
  expect(view.status()).toBe(400);
  expect(((await view.json()) as { error: { message: string } }).error.message).toMatch(/state\.steps/);
  expect((await request.get("/api/views/not-an-id")).status()).toBe(400);
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { hoverLabelFontSize } from "@/components/graph/stylesheet";
import { defaultMapLimits } from "@/lib/campaign/campaign-map";
import type { TruthDocument } from "@/lib/generate";

// Campaign discovery through the HTTP API and the worklist page, on the
// scenario scripts/run-e2e.ts loaded (its worklist refreshed after loading).
// Ids come from the scenario's truth.json.

const truth = JSON.parse(readFileSync(path.join(process.env.RINGSCOPE_E2E_DATA ?? "", "truth.json"), "utf8")) as TruthDocument;
const ring = truth.campaigns.find((campaign) => campaign.kind === "card_ring")!;
const proxy = truth.campaigns.find((campaign) => campaign.kind === "proxy_rotation")!;
const office = truth.benignClusters.find((cluster) => cluster.kind === "corporate")!;

/** The member table's aria-rowcount for this many members: they and its header row. */
const withHeader = (members: number) => String(members + 1);

interface CampaignJson {
  seeds: string[];
  risk: { score: number; reasons: { code: string; text: string; weight: number }[] };
  accounts: { account_id: string; score: number; evidence: { kind: string; value: string }[] }[];
}

test("the campaign behind a ring member comes back whole, explained and risky", async ({ request }) => {
  const response = await request.get(`/api/accounts/${ring.members[0]}/campaign`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as CampaignJson;
  expect(body.accounts.map((a) => a.account_id).sort()).toEqual([...ring.members].sort());
  expect(body.accounts.every((a) => a.evidence.length > 0 && a.score > 0)).toBe(true);
  expect(body.risk.score).toBeGreaterThan(0.5);
  expect(body.risk.reasons.length).toBeGreaterThan(0);
});

test("an office seed gives the office, scored below the ring", async ({ request }) => {
  const ringRisk = ((await (await request.get(`/api/accounts/${ring.members[1]}/campaign`)).json()) as CampaignJson).risk.score;
  const body = (await (await request.get(`/api/accounts/${office.members[0]}/campaign`)).json()) as CampaignJson;
  const found = new Set(body.accounts.map((a) => a.account_id));
  expect(office.members.filter((id) => found.has(id)).length).toBeGreaterThan(office.members.length * 0.9);
  expect(body.risk.score).toBeLessThan(ringRisk);
});

test("unknown seeds and bad tuning get clear errors", async ({ request }) => {
  const unknown = await request.get("/api/accounts/no-such-account/campaign");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("no-such-account");
  const badAlpha = await request.get(`/api/accounts/${ring.members[0]}/campaign?alpha=7`);
  expect(badAlpha.status()).toBe(400);
  expect(await badAlpha.text()).toContain("alpha");
  const badLabel = await request.post("/api/labels", { data: { target: "accounts", ids: [ring.members[0]], label: "maybe" } });
  expect(badLabel.status()).toBe(400);
});

test("the member list downloads as CSV for enforcement", async ({ request }) => {
  const response = await request.get(`/api/accounts/${ring.members[0]}/campaign?format=csv`);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const lines = (await response.text()).trim().split("\n");
  expect(lines[0]).toBe("account_id,score,manual,evidence");
  expect(lines).toHaveLength(ring.members.length + 1);
});

test("the worklist page ranks the planted campaigns first", async ({ page }) => {
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const risks = (await rows.locator("td:nth-child(2)").allTextContents()).map(Number);
  expect(risks).toEqual([...risks].sort((a, b) => b - a));
  const sizes = (await rows.locator("td:nth-child(3)").allTextContents()).map((text) => Number(text.replaceAll(",", "")));
  const riskyCount = risks.filter((risk) => risk >= 0.5).length;
  expect(riskyCount).toBeGreaterThanOrEqual(truth.campaigns.length);
  expect(sizes.slice(0, riskyCount)).toEqual(expect.arrayContaining([ring.members.length]));
  await expect(page.getByText(`${risks.length} campaigns, ${riskyCount} with risk 0.50 or more`)).toBeVisible();
  // Reasons read as words: the ring's row names its shared card.
  const ringRow = rows.nth(sizes.findIndex((size, index) => size === ring.members.length && risks[index]! >= 0.5));
  await expect(ringRow.getByRole("listitem").filter({ hasText: "Shared card" })).toBeVisible();
});

test("the worklist shows what is new or grown since a time, and says so when a time is not one", async ({ page }) => {
  const rows = page.locator("tbody tr");
  await page.goto("/campaigns");
  const all = await rows.count();

  await page.goto("/campaigns?since=not-a-date");
  // (Next.js's route announcer is an alert too.)
  await expect(page.getByRole("alert").filter({ hasText: '"not-a-date" is not a date or time' })).toBeVisible();
  await expect(rows).toHaveCount(all);

  // The worklist was refreshed when the scenario was loaded, minutes ago.
  await page.getByRole("link", { name: "New or grown in the last 24 hours" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Campaigns new or grown since");
  await expect(rows).toHaveCount(all);

  await page.getByLabel("since").fill("2099-01-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/since=2099-01-01/);
  await expect(page.getByText("No campaign is new or has grown since 1 Jan 2099, 00:00 UTC.")).toBeVisible();
  await expect(rows).toHaveCount(0);

  await page.getByRole("link", { name: "All campaigns" }).click();
  await expect(rows).toHaveCount(all);
});

test("the campaign view lists every member, sorts and filters them, opens one in the explorer and labels a selection", async ({ page }) => {
  await page.goto(`/campaigns/${ring.members[0]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${ring.members.length} accounts`);
  const table = page.getByRole("table", { name: "Campaign members" });
  await expect(table).toHaveAttribute("aria-rowcount", withHeader(ring.members.length));
  // The ring is one sub-group, so the map opens on its members.
  await expect(page.getByRole("navigation", { name: "Sub-groups" })).toContainText(`Group g1: ${ring.members.length} accounts`);
  await expect.poll(async () => (await drawnKinds(page)).account ?? 0).toBeGreaterThan(1);
  // Laid out, not stacked: each member is drawn where it can be seen and clicked.
  await expect.poll(() => overlappingNodes(page)).toEqual([]);

  // Headers sort: by account, A to Z.
  const accountHeader = table.getByRole("columnheader", { name: /Account/ });
  await accountHeader.getByRole("button").click();
  await expect(accountHeader).toHaveAttribute("aria-sort", "ascending");
  const firstMember = [...ring.members].sort()[0]!;
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(firstMember);

  await page.getByLabel("Filter members").fill(ring.members[3]!);
  await expect(table).toHaveAttribute("aria-rowcount", withHeader(1));
  await page.getByLabel("Filter members").fill("");
  await page.getByRole("button", { name: /Select all/ }).click();
  await expect(page.getByText(`${ring.members.length} selected`)).toBeVisible();
  await page.getByRole("button", { name: "Label fraud" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Labelled" })).toHaveText(`Labelled ${ring.members.length} accounts as fraud.`);

  // A member's id opens the explorer on it and what it uses.
  await table.getByRole("link", { name: firstMember, exact: true }).click();
  await expect(page).toHaveURL(/view=/);
  await expect.poll(async () => (await drawnKinds(page)).account ?? 0).toBeGreaterThanOrEqual(1);
  expect(await page.evaluate((id) => window.__ringscopeCy!.getElementById(`account:${id}`).length, firstMember)).toBe(1);
});

test("a tie clicked on the campaign map narrows the table to its members; a double-click opens it in the explorer", async ({ page }) => {
  await page.goto(`/campaigns/${ring.members[0]}`);
  // The ring is one sub-group, so the map opens on its members and their ties.
  await expect.poll(async () => (await drawnKinds(page)).account ?? 0).toBeGreaterThan(1);
  const map = await campaignMapInView(page);
  const table = page.getByRole("table", { name: "Campaign members" });
  const tie = await uncoveredNode(page, "card");
  const users = await page.evaluate((id) => window.__ringscopeCy!.getElementById(id).neighborhood('node[kind = "account"]').length, tie.id);
  expect(users).toBeGreaterThan(1);
  const point = await restPointerOn(page, map, tie.at);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole("status").filter({ hasText: "picked on the map" })).toHaveText(`The table shows the ${users} members picked on the map; click the map's background to show all.`);
  await expect(table).toHaveAttribute("aria-rowcount", withHeader(users));
  // The corner is inside the layout's padding, so it is background.
  const corner = (await map.boundingBox())!;
  await page.mouse.click(corner.x + 5, corner.y + 5);
  await expect(table).toHaveAttribute("aria-rowcount", withHeader(ring.members.length));

  await restPointerOn(page, map, tie.at);
  await page.mouse.dblclick(point.x, point.y);
  await expect(page).toHaveURL(/view=/);
  await expect(page.getByRole("img", { name: "Network graph" })).toBeVisible();
  await expect.poll(async () => (await drawnKinds(page)).account ?? 0).toBeGreaterThan(1);
  expect(await page.evaluate((id) => window.__ringscopeCy!.getElementById(id).length, tie.id)).toBe(1);
});

test("an investigator marks a binding attribute benign from the campaign view and clears the mark from the explorer", async ({ page }) => {
  const markedBenign = async (key: string) => {
    const response = await page.request.get(`/api/nodes/${encodeURIComponent(key)}`);
    expect(response.ok()).toBe(true);
    return ((await response.json()) as { properties: Record<string, unknown> }).properties.benign_marked_at != null;
  };
  await page.goto(`/campaigns/${office.members[0]}`);
  const mark = page.getByRole("button", { name: /^Mark benign: / }).first();
  const key = (await mark.getAttribute("aria-label"))!.replace("Mark benign: ", "");
  await mark.click();
  await expect(page.getByText("Marked benign: it no longer links accounts.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Clear the benign mark on ${key}` })).toBeVisible();
  expect(await markedBenign(key)).toBe(true);

  await page.goto("/");
  const value = key.slice(key.indexOf(":") + 1);
  await page.getByRole("combobox", { name: "Search accounts and attributes" }).fill(value);
  await page.getByRole("option").filter({ hasText: value }).first().click();
  const details = page.getByRole("complementary", { name: "Details" });
  const markedAt = details.getByRole("region", { name: "Properties" }).getByText("benign_marked_at", { exact: true });
  await expect(markedAt).toBeVisible();
  await details.getByRole("button", { name: `Clear the benign mark on ${key}` }).click();
  await expect(details.getByText("Mark cleared: it links accounts again.")).toBeVisible();
  await expect(markedAt).toBeHidden();
  expect(await markedBenign(key)).toBe(false);
});

test("an unknown account's campaign view says so", async ({ page }) => {
  await page.goto("/campaigns/no-such-account");
  await expect(page.getByText('No account "no-such-account" in the graph.')).toBeVisible();
});

/** How many nodes of each kind the campaign map draws (through the test build's hook). */
async function drawnKinds(page: Page): Promise<Record<string, number>> {
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const node of window.__ringscopeCy!.nodes()) counts[String(node.data("kind"))] = (counts[String(node.data("kind"))] ?? 0) + 1;
    return counts;
  });
}

/** Pairs of drawn nodes whose shapes (labels aside) overlap, by id. */
async function overlappingNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = window.__ringscopeCy!.nodes().map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: false }) }));
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2) overlaps.push(`${a.id} ${b.id}`);
      }
    }
    return overlaps;
  });
}

/** The campaign map once laid out, scrolled into view. Cytoscape learns where its canvas moved from the scroll event, a frame later. */
async function campaignMapInView(page: Page): Promise<Locator> {
  const map = page.getByRole("img", { name: "Campaign map" });
  await expect(map).toHaveAttribute("data-layout", /.+/);
  await expect(map).toHaveAttribute("aria-busy", "false");
  await map.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return map;
}

/** A drawn node of this kind whose centre no other node covers, so the pointer lands on it alone; its position on the map. */
async function uncoveredNode(page: Page, kind: string): Promise<{ id: string; at: { x: number; y: number } }> {
  return page.evaluate((wanted) => {
    const cy = window.__ringscopeCy!;
    const isUnder = (point: { x: number; y: number }, box: { x1: number; x2: number; y1: number; y2: number }) =>
      point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2;
    const node = cy.nodes(`[kind = "${wanted}"]`).filter((candidate) => {
      const at = candidate.renderedPosition();
      return cy.nodes().every((other) => other.same(candidate) || !isUnder(at, other.renderedBoundingBox({ includeLabels: false })));
    })[0]!;
    return { id: node.id(), at: node.renderedPosition() };
  }, kind);
}

/**
 * As a hand would, the pointer comes to rest on a point of the map (a single
 * jump there was now and then not seen as a hover); returns that point on the page.
 */
async function restPointerOn(page: Page, map: Locator, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = (await map.boundingBox())!;
  const point = { x: box.x + at.x, y: box.y + at.y };
  await page.mouse.move(point.x + 2, point.y);
  await page.mouse.move(point.x, point.y);
  return point;
}

/** The size in screen pixels a node's label is drawn at; 0 when the zoom hides it. */
async function onScreenLabelSize(page: Page, id: string): Promise<number> {
  return page.evaluate((nodeId) => {
    const node = window.__ringscopeCy!.getElementById(nodeId);
    const size = Number.parseFloat(String(node.renderedStyle("font-size")));
    return size >= Number.parseFloat(String(node.style("min-zoomed-font-size"))) ? size : 0;
  }, id);
}

test("the campaign view maps a proxy campaign into sub-groups bound by shared attributes, and opens one", async ({ page }) => {
  await page.goto(`/campaigns/${proxy.members[0]}`);
  const groups = page.getByRole("navigation", { name: "Sub-groups" });
  await expect(groups).toContainText(/\d+ sub-groups, bound by [1-9]\d* shared attributes?/);
  await expect.poll(async () => (await drawnKinds(page)).group ?? 0).toBeGreaterThan(1);
  expect((await drawnKinds(page)).account ?? 0).toBe(0);
  const table = page.getByRole("table", { name: "Campaign members" });
  const total = Number(await table.getAttribute("aria-rowcount"));
  // Zoomed out, the map hides its labels; the group under the pointer shows its own, readable.
  const map = await campaignMapInView(page);
  await page.evaluate(() => {
    const cy = window.__ringscopeCy!;
    cy.zoom({ level: 0.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  const group = await uncoveredNode(page, "group");
  expect(await onScreenLabelSize(page, group.id)).toBe(0);
  await expect
    .poll(async () => {
      await restPointerOn(page, map, group.at);
      return onScreenLabelSize(page, group.id);
    })
    .toBeGreaterThanOrEqual(hoverLabelFontSize);

  const first = groups.getByRole("button", { name: /^Open g1 · / });
  const size = Number(/· ([\d,]+) accounts?/.exec((await first.textContent()) ?? "")?.[1]?.replaceAll(",", ""));
  expect(size).toBeGreaterThan(1);
  // A benign mark written after the page was drawn (here: cleared, on the office's attribute, never marked) makes its view stale; the group still opens from the view the page drew.
  const officeAttribute = office.sharedAttributes[0]!;
  const marked = await page.request.post("/api/labels", { data: { target: "attribute", key: `${officeAttribute.kind}:${officeAttribute.value}`, benign: false } });
  expect(marked.ok()).toBe(true);
  await first.click();
  await expect(groups).toContainText(`Group g1: ${size} accounts`);
  await expect(table).toHaveAttribute("aria-rowcount", withHeader(size));
  const drawn = Math.min(size, defaultMapLimits.sampledMembers);
  await expect.poll(async () => (await drawnKinds(page)).account ?? 0).toBe(drawn);
  await expect(groups.getByRole("status")).toHaveText(`Drawn: its ${drawn} strongest members and their ties; the table lists all ${size.toLocaleString("en")}.`);

  await groups.getByRole("button", { name: "Back to all groups" }).click();
  await expect(table).toHaveAttribute("aria-rowcount", String(total));
  await expect.poll(async () => (await drawnKinds(page)).account ?? 0).toBe(0);

  // A group is fetched when opened; one the map does not have gets a message, not an empty group.
  const api = `/api/accounts/${proxy.members[0]}/campaign`;
  const missing = await page.request.get(`${api}?format=group&group=100000`);
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/groups: there is no group 100000$/);
  // Parts of a view that is no longer stored are refused with what to do, not taken from another computation.
  const gone = await page.request.get(`${api}?format=group&group=0&computed=2000-01-01T00:00:00.000Z`);
  expect(gone.status()).toBe(409);
  expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/reload the page/);
});

test("the campaign view shows near-misses with why, adds one by hand, and re-runs with other thresholds", async ({ page, request }) => {
  await page.goto(`/campaigns/${proxy.members[0]}`);
  const campaignId = /in the worklist as (cmp-\w+)/.exec(await page.getByText(/in the worklist as/).innerText())?.[1];
  expect(campaignId).toBeDefined();
  const nearMisses = page.getByRole("region", { name: "Near-misses" });
  await expect(nearMisses.getByRole("listitem").first()).toContainText("its ties point outward");
  const add = nearMisses.getByRole("button", { name: /^Add / }).first();
  const outsider = (await add.textContent())!.replace("Add ", "");
  await add.click();
  await expect(nearMisses.getByRole("status")).toHaveText(`Added ${outsider} to ${campaignId}; re-run to see the campaign with it.`);
  try {
    await page.reload();
    await page.getByLabel("Filter members").fill(outsider);
    await expect(page.getByRole("table", { name: "Campaign members" }).getByRole("row")).toContainText([`${outsider} (added)`]);
  } finally {
    await request.post("/api/labels", { data: { target: "members", campaignId, remove: [outsider] } });
  }

  const form = page.getByRole("form", { name: "Re-run with other thresholds" });
  await form.getByLabel(/Stages/).fill("0");
  await form.getByRole("button", { name: "Re-run" }).click();
  await expect(page).toHaveURL(/maxStages=0/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Tight cluster behind ${proxy.members[0]}`);
  await expect(form.getByLabel(/Stages/)).toHaveValue("0");
  await expect(page.getByRole("link", { name: "Download members (CSV)" })).toHaveAttribute("href", /format=csv&computed=[^&]+&maxStages=0/);

  await page.goto(`/campaigns/${proxy.members[0]}?alpha=7`);
  await expect(page.getByText(/alpha/).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Re-run with other thresholds" })).toBeVisible();
});

test("a campaign's stored view opens for its seed and for any other member, says when and from where it was computed, and searches again on request", async ({ page }) => {
  const heading = page.getByRole("heading", { level: 1 });
  const open = async (id: string) => {
    await page.goto(`/campaigns/${id}`);
    await expect(heading).toContainText(`${ring.members.length} accounts`);
  };
  // The tight cluster (other thresholds, so another stored view) names the ring's worklist campaign, whose row names its seed.
  await page.goto(`/campaigns/${ring.members[0]}?maxStages=0`);
  const campaignId = /in the worklist as (cmp-\w+)/.exec(await page.getByText(/in the worklist as/).innerText())?.[1];
  await page.goto("/campaigns");
  const seedHref = await page.getByRole("link", { name: campaignId, exact: true }).getAttribute("href");
  const seed = decodeURIComponent(seedHref!.replace("/campaigns/", ""));
  // A member no other test opens, so it has no view of its own yet.
  const member = ring.members.filter((id) => id !== seed).at(-1)!;

  // The first visit to the seed's view searches and stores it; a label written meanwhile by another test makes the next one search again.
  const fromSeed = page.getByText(new RegExp(`^computed .* UTC by the worklist's search from ${seed}, graph unchanged since`));
  const openSeedThenMember = async () => {
    await open(seed);
    await open(member);
    return fromSeed.isVisible();
  };
  await expect.poll(openSeedThenMember, { timeout: 60_000 }).toBe(true);
  // The CSV for enforcement lists the members the page shows.
  const csvHref = await page.getByRole("link", { name: "Download members (CSV)" }).getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv.trim().split("\n").slice(1).map((line) => line.split(",")[0]).sort()).toEqual([...ring.members].sort());
  await page.getByRole("link", { name: "search from this account" }).click();
  await expect(page).toHaveURL(/rerun=1/);
  await expect(page.getByText("searched just now")).toBeVisible();
  await expect(heading).toContainText(`behind ${member}`);

  // The member's own view is stored now and comes first.
  const ownView = page.getByText(/^computed .* UTC, graph unchanged since/);
  const openMember = async () => {
    await open(member);
    return ownView.isVisible();
  };
  await expect.poll(openMember, { timeout: 60_000 }).toBe(true);
  await page.getByRole("link", { name: "search again" }).click();
  await expect(page.getByText("searched just now")).toBeVisible();
});

test("the worklist refreshes on request, also when two requests come at once, and says what it did", async ({ page, request }) => {
  const answers = await Promise.all([request.post("/api/worklist/refresh"), request.post("/api/worklist/refresh")]);
  expect(answers.map((answer) => answer.status())).toEqual([200, 200]);

  await page.goto("/campaigns");
  await page.getByRole("button", { name: "Refresh worklist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Worklist refreshed" })).toHaveText(
    /^Worklist refreshed: [\d,]+ campaigns? stored from [\d,]+ search(es)?, \d+ dissolved, \d+ campaign views? computed again\.$/,
    { timeout: 120_000 },
  );
  const risks = (await page.locator("tbody tr td:nth-child(2)").allTextContents()).map(Number);
  expect(risks.filter((risk) => risk >= 0.5).length).toBeGreaterThanOrEqual(truth.campaigns.length);
});

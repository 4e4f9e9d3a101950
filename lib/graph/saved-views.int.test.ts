import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applySchema, closeDriver, readQuery } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { readSavedView } from "./read-saved-view";
import { maxSavedViewChars, saveView } from "./save-view";
import type { ViewLink } from "./view-link";

const view: ViewLink = {
  steps: [
    { type: "open", ids: ["ip:100.64.0.1"] },
    { type: "expand", ids: ["ip:100.64.0.1"], cap: 500, includeHubs: true },
    { type: "remove", ids: ["account:a1"] },
  ],
  hidden: ["device:d1"],
  hubThreshold: 100,
};

beforeAll(async () => {
  await applySchema();
});
beforeEach(resetDatabase);
afterAll(closeDriver);

describe("saveView and readSavedView", () => {
  it("stores a view and reads the same view back, with who saved it and when", async () => {
    const { id } = await saveView({ state: view, createdBy: "investigator" });
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const saved = await readSavedView({ id });
    expect(saved).toMatchObject({ id, state: view, createdBy: "investigator" });
    expect(Number.isNaN(Date.parse(saved.createdAt))).toBe(false);
  });

  it("gives the same view the same id and one node, however often it is saved", async () => {
    const first = await saveView({ state: view, createdBy: "investigator" });
    const second = await saveView({ state: { ...view }, createdBy: "someone else" });
    expect(second.id).toBe(first.id);
    const [row] = await readQuery<{ count: number }>("MATCH (v:SavedView) RETURN count(v) AS count");
    expect(row?.count).toBe(1);
    expect((await readSavedView(first)).createdBy).toBe("investigator");
    const other = await saveView({ state: { ...view, hidden: [] }, createdBy: "investigator" });
    expect(other.id).not.toBe(first.id);
  });

  it("answers an unknown id with NOT_FOUND and a malformed one with BAD_REQUEST", async () => {
    await expect(readSavedView({ id: "AAAAAAAAAAAA" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readSavedView({ id: "AAAAAAAAAAAA" })).rejects.toThrow(/^No saved view AAAAAAAAAAAA/);
    await expect(readSavedView({ id: "../etc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a view that is not one or is too large", async () => {
    await expect(saveView({ state: { steps: "x" } as unknown as ViewLink, createdBy: "investigator" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const huge: ViewLink = { steps: [{ type: "open", ids: Array.from({ length: maxSavedViewChars / 10 }, (_, index) => `account:${index}`) }], hidden: [] };
    await expect(saveView({ state: huge, createdBy: "investigator" })).rejects.toThrow(/too large to save/);
  });
});

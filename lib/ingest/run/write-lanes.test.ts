import { describe, expect, it } from "vitest";
import { splitIntoLanes, writeLanes } from "./write-lanes";

interface Row {
  account: string;
  session: string;
}

const keys = { accountOf: (row: Row) => row.account, sessionOf: (row: Row) => row.session };
const row = (account: string, session: string): Row => ({ account, session });

describe("splitIntoLanes", () => {
  it("keeps each account in one lane, in input order, balancing lanes by rows", () => {
    const rows = [row("a1", "s1"), row("a2", "s2"), row("a1", "s3"), row("a3", "s4"), row("a2", "s5")];
    expect(splitIntoLanes(rows, 2, keys)).toEqual([
      [row("a1", "s1"), row("a1", "s3")],
      [row("a2", "s2"), row("a3", "s4"), row("a2", "s5")],
    ]);
  });

  it("keeps the whole batch in one lane when a session is named by accounts of two lanes", () => {
    const rows = [row("a1", "s1"), row("a2", "s1"), row("a3", "s2")];
    expect(splitIntoLanes(rows, 2, keys)).toEqual([rows]);
  });

  it("splits accounts (no session key) and drops empty lanes", () => {
    expect(splitIntoLanes([row("a1", ""), row("a1", "")], 2, { accountOf: (r: Row) => r.account })).toEqual([[row("a1", ""), row("a1", "")]]);
  });
});

describe("writeLanes", () => {
  it("waits for every lane before reporting the first failure", async () => {
    const finished: string[] = [];
    const write = async (lane: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, lane[0] === "slow" ? 20 : 0));
      finished.push(lane[0] ?? "");
      if (lane[0] === "bad") throw new Error("deadlock");
      return lane.length;
    };
    await expect(writeLanes([["bad"], ["slow"]], write)).rejects.toThrow("deadlock");
    expect(finished).toEqual(["bad", "slow"]);
    await expect(writeLanes([["x", "y"], ["z"]], write)).resolves.toEqual([2, 1]);
  });
});

import { describe, expect, it } from "vitest";
import { WalkAccounts } from "./walk-accounts";

function listed(accounts: WalkAccounts): string[] {
  return [...accounts.withResidual()].map((index) => `${accounts.idOf(index)}=${accounts.residualOf(index)}`);
}

let nextNode = 0;

/** Interns an account under a node id of its own and names it. */
function named(accounts: WalkAccounts, id: string): number {
  const index = accounts.intern(nextNode++);
  accounts.name(index, id);
  return index;
}

describe("WalkAccounts", () => {
  it("keeps the accounts holding residual in a map's order: one taken and given mass again goes last", () => {
    const accounts = new WalkAccounts();
    const reference = new Map<string, number>();
    const [a, b, c] = ["a", "b", "c"].map((id) => named(accounts, id)) as [number, number, number];
    for (const [index, id, mass] of [[a, "a", 1], [b, "b", 2], [c, "c", 3], [a, "a", 4]] as const) {
      accounts.addResidual(index, mass);
      reference.set(id, (reference.get(id) ?? 0) + mass);
    }
    expect(accounts.takeResidual(b)).toBe(2);
    reference.delete("b");
    accounts.addResidual(b, 0.5);
    reference.set("b", 0.5);
    expect(listed(accounts)).toEqual([...reference].map(([id, mass]) => `${id}=${mass}`));
    expect(listed(accounts)).toEqual(["a=5", "c=3", "b=0.5"]);
  });

  it("lets the account being visited be taken without losing the rest of the list", () => {
    const accounts = new WalkAccounts();
    for (const id of ["a", "b", "c", "d"]) accounts.setResidual(named(accounts, id), 1);
    const visited: string[] = [];
    for (const index of accounts.withResidual()) {
      visited.push(accounts.idOf(index) ?? "");
      if (accounts.idOf(index) !== "c") accounts.takeResidual(index);
    }
    expect(visited).toEqual(["a", "b", "c", "d"]);
    expect(listed(accounts)).toEqual(["c=1"]);
  });

  it("measures residual against the read degree, else the floor, and never below 1", () => {
    const accounts = new WalkAccounts();
    const seed = accounts.intern(10);
    const touched = accounts.intern(20);
    expect(accounts.pushDegree(seed)).toBe(1);
    accounts.addToFloor(touched, 2.5);
    accounts.addToFloor(touched, 1.5);
    expect(accounts.hasFloor(touched)).toBe(true);
    expect(accounts.pushDegree(touched)).toBe(4);
    accounts.setDegree(touched, 7);
    accounts.addToFloor(touched, 9);
    expect(accounts.hasFloor(touched)).toBe(false);
    expect(accounts.pushDegree(touched)).toBe(7);
    accounts.setDegree(seed, 0.2);
    expect(accounts.pushDegree(seed)).toBe(1);
  });

  it("keeps every account's numbers when it outgrows its arrays", () => {
    const accounts = new WalkAccounts();
    const count = 5_000;
    for (let i = 0; i < count; i++) {
      const index = accounts.intern(1_000_000 + i);
      accounts.setResidual(index, i);
      if (i % 2 === 0) accounts.setDegree(index, i + 10);
      else accounts.addToFloor(index, 3);
      if (i % 3 === 0) accounts.markLinked(index);
    }
    expect(accounts.intern(1_004_321)).toBe(4321);
    expect(accounts.residualOf(4321)).toBe(4321);
    expect(accounts.pushDegree(4320)).toBe(4330);
    expect(accounts.pushDegree(4321)).toBe(3);
    expect(accounts.isLinked(4321)).toBe(false);
    expect(accounts.isLinked(4323)).toBe(true);
    expect([...accounts.withResidual()]).toHaveLength(count);
  });

  it("knows an account by node id first and by account_id once it is named", () => {
    const accounts = new WalkAccounts();
    const touched = accounts.intern(42);
    expect(accounts.idOf(touched)).toBeUndefined();
    expect(accounts.indexOfId("acct-42")).toBeUndefined();
    accounts.name(touched, "acct-42");
    expect(accounts.intern(42)).toBe(touched);
    expect(accounts.idOf(touched)).toBe("acct-42");
    expect(accounts.indexOfId("acct-42")).toBe(touched);
    expect(accounts.nodeOf(touched)).toBe(42);
  });
});

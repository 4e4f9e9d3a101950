import { describe, expect, it } from "vitest";
import type { Expansion } from "@/lib/graph/expand";
import { explorerReducer, initialState, type ExplorerState } from "./explorer-state";

const account = (id: string) => ({ id: `account:${id}`, kind: "account", label: id });
const uses = (accountId: string, key: string) => ({ source: `account:${accountId}`, target: key, kind: "USES" });

function opened(state: ExplorerState, id: string): ExplorerState {
  return explorerReducer(state, { type: "opened", ids: [`account:${id}`], result: { nodes: [account(id)], edges: [], missing: [] } });
}

const expansion: Expansion = {
  nodes: [{ id: "ip:1.2.3.4", kind: "ip", label: "1.2.3.4", accountCount: 900, isHub: true }],
  edges: [uses("a", "ip:1.2.3.4")],
  seeds: [{ id: "account:a", added: 1, remaining: 3, isHubGuarded: false }],
};

describe("explorerReducer", () => {
  it("records each fetching step, so the view's link can replay it", () => {
    let state = opened(initialState, "a");
    state = explorerReducer(state, { type: "expanded", step: { type: "expand", ids: ["account:a"], cap: 50, includeHubs: false }, result: expansion });
    expect(state.view.steps).toEqual([
      { type: "open", ids: ["account:a"] },
      { type: "expand", ids: ["account:a"], cap: 50, includeHubs: false },
    ]);
    expect(state.view.nodes.map((node) => node.id)).toEqual(["account:a", "ip:1.2.3.4"]);
    expect(state.view.seeds["account:a"]).toEqual({ remaining: 3, isHubGuarded: false });
  });

  it("undoes and redoes whole views, and a new change drops the redo", () => {
    const one = opened(initialState, "a");
    const two = opened(one, "b");
    const undone = explorerReducer(two, { type: "undo" });
    expect(undone.view).toBe(one.view);
    expect(explorerReducer(undone, { type: "redo" }).view).toBe(two.view);
    expect(opened(undone, "c").future).toEqual([]);
  });

  it("removes nodes with their links, and keeps the removal as a step", () => {
    let state = opened(initialState, "a");
    state = explorerReducer(state, { type: "expanded", step: { type: "expand", ids: ["account:a"], cap: 50, includeHubs: false }, result: expansion });
    state = explorerReducer(state, { type: "remove", ids: ["ip:1.2.3.4"] });
    expect(state.view.nodes.map((node) => node.id)).toEqual(["account:a"]);
    expect(state.view.edges).toEqual([]);
    expect(state.view.steps.at(-1)).toEqual({ type: "remove", ids: ["ip:1.2.3.4"] });
  });

  it("says plainly when no path exists within the bound, leaving the view alone", () => {
    const state = opened(initialState, "a");
    const next = explorerReducer(state, { type: "path-found", result: { status: "none", maxSteps: 4, allowHubs: false } });
    expect(next.notice).toBe("No link within 4 steps avoiding hubs.");
    expect(next.view).toBe(state.view);
  });

  it("tells the investigator that a hub was left closed", () => {
    const state = explorerReducer(opened(initialState, "a"), {
      type: "expanded",
      step: { type: "expand", ids: ["ip:9.9.9.9"], cap: 50, includeHubs: false },
      result: { nodes: [], edges: [], seeds: [{ id: "ip:9.9.9.9", added: 0, remaining: 0, isHubGuarded: true }] },
    });
    expect(state.notice).toMatch(/hub was left closed/);
  });
});

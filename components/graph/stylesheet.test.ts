import cytoscape from "cytoscape";
import { afterEach, describe, expect, it, vi } from "vitest";
import { accountStatuses, nodeKinds } from "./graph-model";
import { accountStatusStyles, graphStylesheet, hoverLabelFontSize, hoveredNodeStyle, minZoomedFontSize, nodeKindStyles } from "./stylesheet";

function styleOf(selector: string): Record<string, unknown> | undefined {
  const block = graphStylesheet.find((entry) => entry.selector === selector);
  if (!block) return undefined;
  return ("style" in block ? block.style : block.css) as Record<string, unknown>;
}

describe("graphStylesheet", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(nodeKinds)("gives kind %s its own shape and colour", (kind) => {
    expect(styleOf(`node[kind = "${kind}"]`)).toMatchObject({
      shape: nodeKindStyles[kind].shape,
      "background-color": nodeKindStyles[kind].color,
    });
  });

  it("tells node kinds apart by shape and by colour", () => {
    const styles = nodeKinds.map((kind) => nodeKindStyles[kind]);
    expect(new Set(styles.map((style) => style.shape)).size).toBe(styles.length);
    expect(new Set(styles.map((style) => style.color)).size).toBe(styles.length);
  });

  it.each(accountStatuses)("colours %s accounts apart from every other node", (status) => {
    const color = accountStatusStyles[status].color;
    expect(styleOf(`node[kind = "account"][status = "${status}"]`)).toEqual({ "background-color": color });
    expect(nodeKinds.map((kind) => nodeKindStyles[kind].color)).not.toContain(color);
  });

  it("hides labels when zoomed out", () => {
    expect(styleOf("node")).toMatchObject({ label: "data(label)", "min-zoomed-font-size": minZoomedFontSize });
  });

  it("shows the hovered node's label at a readable size when zoomed out, and never shrinks it", () => {
    expect(hoveredNodeStyle(0.25)).toMatchObject({ "font-size": hoverLabelFontSize / 0.25, "min-zoomed-font-size": 0 });
    expect(hoveredNodeStyle(2)["font-size"]).toBe(10);
  });

  it("is a stylesheet Cytoscape accepts without warnings, and it applies per kind and status", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: graphStylesheet,
      elements: [
        ...nodeKinds.map((kind) => ({ group: "nodes" as const, data: { id: kind, kind, label: kind } })),
        { group: "nodes", data: { id: "banned", kind: "account", status: "banned", label: "banned" } },
      ],
    });
    try {
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
      for (const kind of nodeKinds) expect(cy.getElementById(kind).style("shape")).toBe(nodeKindStyles[kind].shape);
      expect(cy.getElementById("banned").style("background-color")).toBe(hexToRgb(accountStatusStyles.banned.color));
    } finally {
      cy.destroy();
    }
  });
});

function hexToRgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}

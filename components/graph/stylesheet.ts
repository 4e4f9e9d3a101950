import type { Css, StylesheetJson } from "cytoscape";
import { accountStatuses, nodeKinds, type AccountStatus, type NodeKind } from "./graph-model";

/**
 * The canvas stylesheet, as data. One shape and colour per node kind, so an
 * investigator can tell an IP from a device at a glance without reading
 * labels; accounts are coloured by the enforcement already taken on them.
 * Colours avoid the status reds and ambers for attributes on purpose.
 */

export interface NodeKindStyle {
  /** What a legend calls this kind. */
  name: string;
  /** What a hub badge calls it: "IP 100.64.3.7 — 4,812 accounts". */
  shortName: string;
  shape: Css.NodeShape;
  color: string;
  size: number;
}

export const nodeKindStyles = {
  account: { shortName: "Account", name: "Account", shape: "ellipse", color: "#64748b", size: 30 },
  ip: { shortName: "IP", name: "IP address", shape: "hexagon", color: "#0d9488", size: 22 },
  device: { shortName: "Device", name: "Device", shape: "round-rectangle", color: "#4f46e5", size: 22 },
  card: { shortName: "Card", name: "Card fingerprint", shape: "cut-rectangle", color: "#db2777", size: 22 },
  phone: { shortName: "Phone", name: "Phone", shape: "round-triangle", color: "#65a30d", size: 22 },
  email: { shortName: "Email", name: "Email", shape: "round-tag", color: "#0284c7", size: 22 },
  email_domain: { shortName: "Email domain", name: "Email domain", shape: "barrel", color: "#0e7490", size: 22 },
  prompt: { shortName: "Prompt", name: "Prompt template", shape: "star", color: "#9333ea", size: 24 },
  other: { shortName: "Attribute", name: "Other attribute", shape: "diamond", color: "#78716c", size: 20 },
  group: { shortName: "Group", name: "Group of accounts", shape: "round-octagon", color: "#94a3b8", size: 44 },
} as const satisfies Record<NodeKind, NodeKindStyle>;

export const accountStatusStyles = {
  active: { name: "Active", color: "#2563eb" },
  suspended: { name: "Suspended", color: "#d97706" },
  banned: { name: "Banned", color: "#dc2626" },
} as const satisfies Record<AccountStatus, { name: string; color: string }>;

/** Below this on-screen font size labels are not drawn, so a zoomed-out graph stays readable and fast. */
export const minZoomedFontSize = 9;

/** Label size at zoom 1. */
const labelFontSize = 10;

/** On-screen size of the label of the node under the pointer, whatever the zoom. */
export const hoverLabelFontSize = 12;

/**
 * Style bypass for the node under the pointer: its label shown in full at a
 * readable size on top of its neighbours, so a zoomed-out map (where labels
 * are hidden) can still be read one node at a time. Sizes are in model units,
 * which the zoom scales; above the size the zoom already gives, nothing grows.
 */
export function hoveredNodeStyle(zoom: number): Record<string, number | string> {
  const scale = Math.max(1, hoverLabelFontSize / labelFontSize / zoom);
  return {
    "font-size": labelFontSize * scale,
    "min-zoomed-font-size": 0,
    "text-max-width": `${240 * scale}px`,
    "text-background-opacity": 1,
    "z-index": 100,
  };
}

const labelFont = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif';
const selectionColor = "#0f172a";
const pathColor = "#f97316";
const hubRingColor = "#f59e0b";

export const graphStylesheet: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": labelFont,
      "font-size": labelFontSize,
      "min-zoomed-font-size": minZoomedFontSize,
      color: "#334155",
      "text-valign": "bottom",
      "text-halign": "center",
      "text-margin-y": 3,
      "text-wrap": "ellipsis",
      "text-max-width": "120px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.75,
      "text-background-padding": "1px",
      "border-width": 1,
      "border-color": "#ffffff",
      "overlay-opacity": 0,
    },
  },
  ...nodeKinds.map((kind) => {
    const style = nodeKindStyles[kind];
    return {
      selector: `node[kind = "${kind}"]`,
      style: { shape: style.shape, "background-color": style.color, width: style.size, height: style.size },
    };
  }),
  ...accountStatuses.map((status) => ({
    selector: `node[kind = "account"][status = "${status}"]`,
    style: { "background-color": accountStatusStyles[status].color },
  })),
  {
    // A hub badge: larger, ringed, its label always on (it says how many accounts it stands for).
    selector: "node[?isHub]",
    style: { width: 40, height: 40, "border-width": 4, "border-color": hubRingColor, "font-weight": "bold", "min-zoomed-font-size": 0 },
  },
  {
    selector: "node[kind = \"group\"]",
    style: { "font-weight": "bold", "text-valign": "center", color: "#0f172a", "text-background-opacity": 0 },
  },
  {
    // An open group: the compound box around its accounts.
    selector: ":parent",
    style: {
      shape: "round-rectangle",
      "background-color": "#f1f5f9",
      "background-opacity": 0.6,
      "border-width": 1,
      "border-style": "dashed",
      "border-color": "#64748b",
      "text-valign": "top",
      padding: "12px",
    },
  },
  {
    selector: "node:locked",
    style: { "border-width": 3, "border-style": "double", "border-color": "#0f172a" },
  },
  {
    selector: "node[?isOnPath]",
    style: { "border-width": 4, "border-color": pathColor, "z-index": 10 },
  },
  {
    selector: "node:selected",
    style: { "border-width": 3, "border-color": selectionColor, "font-weight": "bold", color: selectionColor },
  },
  {
    selector: "edge",
    style: {
      // Haystack edges are straight and the cheapest to draw; relationships carry no label or direction here.
      "curve-style": "haystack",
      "haystack-radius": 0,
      width: 1,
      "line-color": "#cbd5e1",
      "overlay-opacity": 0,
    },
  },
  {
    selector: "edge[?isOnPath]",
    style: { width: 4, "line-color": pathColor, "z-index": 10 },
  },
  {
    selector: "edge:selected",
    style: { width: 2, "line-color": selectionColor },
  },
];

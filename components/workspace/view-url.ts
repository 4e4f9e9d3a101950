import { defaultExpansionCap } from "@/lib/graph/option-schemas";
import type { StepAnswer } from "@/lib/graph/replay-view";
import { viewLinkSchema, type ViewLink } from "@/lib/graph/view-link";

/**
 * The view in the address bar: the steps that built it (opened nodes,
 * expansions, removals) and what is hidden, as JSON in one `view`
 * parameter, so a reload or a shared link replays the same requests and
 * gets the same view. A view whose link would be too long is saved on the
 * server instead and the address holds its id (`saved`). Positions and
 * undo history are not part of either.
 */

export type { ViewLink };

export const viewParameter = "view";
export const savedParameter = "saved";

/**
 * Longest `?view=` query string written into the address bar. Longer links
 * get cut by chat tools, mail clients and some proxies, so past this the
 * view is saved and the link carries its id.
 */
export const maxLinkLength = 2_000;

/** What a query string asks the explorer to reopen. */
export type LinkRequest = { type: "view"; link: ViewLink } | { type: "saved"; id: string };

/**
 * The view the address names, replayed by the server while the page
 * streams (app/page.tsx), so the browser does not wait until it has started
 * to ask: every step's answer with the hub threshold they were asked with,
 * or the message to show instead.
 */
export type LinkReplay =
  | { status: "none" }
  | { status: "answered"; link: ViewLink; hubThreshold: number; answers: StepAnswer[] }
  | { status: "failed"; message: string };

export function encodeSavedLink(id: string): string {
  return `?${new URLSearchParams({ [savedParameter]: id }).toString()}`;
}

export function readLinkRequest(search: string): LinkRequest | null {
  const id = new URLSearchParams(search).get(savedParameter);
  if (id) return { type: "saved", id };
  const link = decodeViewLink(search);
  return link ? { type: "view", link } : null;
}

export function encodeViewLink(link: ViewLink): string {
  if (link.steps.length === 0) return "";
  return `?${new URLSearchParams({ [viewParameter]: JSON.stringify(link) }).toString()}`;
}

/** The explorer opened on one node (`account:<id>` or `<kind>:<value>`) and what it links to (hubs as badges), as a link. */
export function explorerHrefFor(nodeId: string): string {
  const steps = [
    { type: "open" as const, ids: [nodeId] },
    { type: "expand" as const, ids: [nodeId], cap: defaultExpansionCap, includeHubs: false },
  ];
  return `/${encodeViewLink({ steps, hidden: [] })}`;
}

/** The view a query string describes, or null when it has none or it is not one we wrote. */
export function decodeViewLink(search: string): ViewLink | null {
  const text = new URLSearchParams(search).get(viewParameter);
  if (!text) return null;
  try {
    const parsed = viewLinkSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}


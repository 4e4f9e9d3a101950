import { viewLinkSchema, type ViewLink } from "@/lib/graph/view-link";

/**
 * The view in the address bar: the steps that built it (opened nodes,
 * expansions, removals) and what is hidden, as JSON in one `view`
 * parameter, so a reload or a shared link replays the same requests and
 * gets the same view. Positions and undo history are not part of it.
 */

export type { ViewLink };

export const viewParameter = "view";

export function encodeViewLink(link: ViewLink): string {
  if (link.steps.length === 0) return "";
  return `?${new URLSearchParams({ [viewParameter]: JSON.stringify(link) }).toString()}`;
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


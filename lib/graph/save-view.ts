import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { writeQuery } from "@/lib/neo4j";
import { parseOptions } from "./option-schemas";
import { viewLinkSchema } from "./view-link";

/**
 * Stores a view too long for a link as a (:SavedView) node and answers its
 * id. The id is a hash of the state, so saving the same view again (every
 * reload of a saved link does) finds the same node instead of adding one.
 */

/** The body POST /api/views takes. */
export const saveViewRequestSchema = z.object({ state: viewLinkSchema });

export const saveViewOptionsSchema = saveViewRequestSchema.extend({ createdBy: z.string().min(1) });
export type SaveViewOptions = z.input<typeof saveViewOptionsSchema>;

/** A generous bound (a view of thousands of steps' ids) that still keeps one node's property small. */
export const maxSavedViewChars = 200_000;

// MERGE relies on constraint saved_view_id. A different state under an
// existing id would be a 72-bit hash collision: refused, never overwritten.
const saveCypher = `
MERGE (v:SavedView {id: $id})
ON CREATE SET v.state = $state, v.created_at = datetime(), v.created_by = $createdBy
RETURN v.state = $state AS isSame`;

export async function saveView(options: SaveViewOptions): Promise<{ id: string }> {
  const { state, createdBy } = parseOptions(saveViewOptionsSchema, options);
  // Zod writes keys in schema order, so one view always serialises (and hashes) the same way.
  const text = JSON.stringify(state);
  if (text.length > maxSavedViewChars) {
    throw new AppError("BAD_REQUEST", `The view is too large to save: ${text.length.toLocaleString("en")} characters, at most ${maxSavedViewChars.toLocaleString("en")}`);
  }
  const id = savedViewId(text);
  const { rows } = await writeQuery<{ isSame: boolean }>(saveCypher, { id, state: text, createdBy });
  if (rows[0]?.isSame !== true) throw new AppError("CONFLICT", `Another view is already saved as ${id}`);
  return { id };
}

function savedViewId(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 12);
}

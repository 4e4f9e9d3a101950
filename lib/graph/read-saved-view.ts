import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readQuery } from "@/lib/neo4j";
import { parseOptions } from "./option-schemas";
import { savedViewIdSchema, viewLinkSchema, type ViewLink } from "./view-link";

/** A view stored by save-view.ts, for a `?saved=<id>` link to replay. */

export const readSavedViewOptionsSchema = z.object({ id: savedViewIdSchema });
export type ReadSavedViewOptions = z.input<typeof readSavedViewOptionsSchema>;

export interface SavedView {
  id: string;
  state: ViewLink;
  /** ISO instant. */
  createdAt: string;
  createdBy: string;
}

type SavedViewRow = { state: string; createdAt: string; createdBy: string };

const readCypher = `
MATCH (v:SavedView {id: $id})
RETURN v.state AS state, toString(v.created_at) AS createdAt, v.created_by AS createdBy`;

export async function readSavedView(options: ReadSavedViewOptions): Promise<SavedView> {
  const { id } = parseOptions(readSavedViewOptionsSchema, options);
  const [row] = await readQuery<SavedViewRow>(readCypher, { id });
  if (!row) throw new AppError("NOT_FOUND", `No saved view ${id}: the link may be cut short or mistyped, or it was saved on another server.`);
  const state = viewLinkSchema.safeParse(JSON.parse(row.state));
  if (!state.success) throw new AppError("INTERNAL", `The saved view ${id} is in a form this version cannot read`, { cause: state.error });
  return { id, state: state.data, createdAt: row.createdAt, createdBy: row.createdBy };
}

import { z } from "zod";

/**
 * The shape of a view as the explorer shares it: the steps that built it
 * (opened nodes, expansions, removals), what is hidden, and the hub
 * threshold. The browser writes it into the address bar (view-url.ts); the
 * server replays its steps (replay-view.ts) and stores it when it is too
 * long for a link (save-view.ts). All validate it here. No database code:
 * the browser bundle imports it.
 */

/** One step that built a view; the replay (replay-view.ts) runs them again in order. */
export const viewStepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("open"), ids: z.array(z.string()) }),
  z.object({ type: z.literal("expand"), ids: z.array(z.string()), cap: z.number().int().positive(), includeHubs: z.boolean() }),
  z.object({ type: z.literal("remove"), ids: z.array(z.string()) }),
]);

export const viewLinkSchema = z.object({
  steps: z.array(viewStepSchema),
  hidden: z.array(z.string()).default([]),
  hubThreshold: z.number().int().positive().optional(),
});

export type ViewLink = z.infer<typeof viewLinkSchema>;

/** A saved view's id: the first 12 characters (72 bits) of the base64url SHA-256 of its state. */
export const savedViewIdSchema = z.string().regex(/^[A-Za-z0-9_-]{12}$/, "expected a saved view id: 12 letters, digits, - or _");

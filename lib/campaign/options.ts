import { z } from "zod";

/** What a caller may set for one discovery run; the CLI and the HTTP route both parse with this. */
export const campaignOptionsSchema = z.object({
  seeds: z.array(z.string().trim().min(1, "a seed account id is empty")).min(1, "give at least one seed account").max(10_000),
  /** Teleport probability of the walk: higher stays closer to the seeds. */
  alpha: z.number().min(0.01).max(0.9).default(0.15),
  /** Work budget in accounts read before the walk stops widening. */
  maxReached: z.number().int().min(100).max(5_000_000).default(100_000),
  /**
   * Work budget in stages; each lowers the walk's threshold threefold. Eight
   * reach a campaign of tens of thousands among a million accounts. Zero
   * skips the walk: the result is the seeds' tight cluster, in a fraction of
   * a second (the worklist's first look at a seed).
   */
  maxStages: z.number().int().min(0).max(12).default(8),
  /** How many accounts just outside the boundary to report, with why they were left out. */
  nearMisses: z.number().int().min(0).max(1_000).default(20),
  /** Session ids cited per member for its strongest evidence items (0: none, faster). */
  citedEvidence: z.number().int().min(0).max(10).default(3),
});

export type CampaignOptions = z.input<typeof campaignOptionsSchema>;
export type ResolvedCampaignOptions = z.output<typeof campaignOptionsSchema>;

/** A number typed as text (a query parameter, a form field); left empty, the default applies. */
const numberText = z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().optional());

/** The tuning as the HTTP route and the campaign view's form receive it: text, then checked by campaignOptionsSchema. */
export const tuningTextSchema = z.object({
  alpha: numberText,
  maxReached: numberText,
  maxStages: numberText,
  nearMisses: numberText,
});

import { mapCampaign, type CampaignMap } from "./campaign-map";
import type { CampaignAttribute, CampaignMember, CampaignResult, CampaignStats, NearMiss, RiskReason } from "./types";

/**
 * What the campaign view shows, shaped on the server: the header, the map
 * of sub-groups and one compact row per member. A member's full evidence
 * stays out (about 2.5 kB each), so a campaign of 24k members crosses to the
 * browser, and into the store of computed views, in a few megabytes.
 */
export interface CampaignView {
  seed: string;
  stats: Pick<CampaignStats, "members" | "bounded">;
  risk: { score: number; reasons: RiskReason[] };
  /** The most binding attributes. */
  attributes: CampaignAttribute[];
  map: CampaignMap;
  rows: MemberRow[];
  nearMisses: NearMiss[];
}

/** One member as the table shows it. */
export interface MemberRow {
  id: string;
  score: number;
  ties: number;
  /** The three strongest ties, as "kind value (members/accounts)". */
  summary: string;
  manual: boolean;
}

const SHOWN_ATTRIBUTES = 12;

export function campaignView(result: CampaignResult): CampaignView {
  return {
    seed: result.seed,
    stats: { members: result.stats.members, bounded: result.stats.bounded },
    risk: result.risk,
    attributes: result.attributes.slice(0, SHOWN_ATTRIBUTES),
    map: mapCampaign(result),
    rows: result.accounts.map(toMemberRow),
    nearMisses: result.nearMisses,
  };
}

export function toMemberRow(member: CampaignMember): MemberRow {
  return {
    id: member.account_id,
    score: member.score,
    ties: member.evidence.length,
    summary: strongestTies(member),
    manual: member.manual === "added",
  };
}

/** A member's strongest ties as "kind value (members/accounts)", for the table and the CSV alike. */
function strongestTies(member: CampaignMember, count = 3): string {
  return member.evidence
    .slice(0, count)
    .map((e) => `${e.kind} ${e.value} (${e.inCampaign}/${e.accounts})`)
    .join("; ");
}

/** What campaign discovery returns: plain data, the same through the CLI and the HTTP API. */

/** One shared attribute that ties a member to the rest of the campaign, with when the sharing happened. */
export interface Evidence {
  kind: string;
  value: string;
  /** Accounts using the attribute in the whole graph. */
  accounts: number;
  /** How many of them are campaign members (this one included). */
  inCampaign: number;
  /** Share × informativeness × timing, in [0, 1]. */
  weight: number;
  /** This member's first and last use (ISO 8601, UTC). */
  firstSeen: string;
  lastSeen: string;
  /** Other members whose use of it overlaps this member's, within an hour. */
  overlappingMembers: number;
  /** Hours to the nearest other member's use when none overlaps; 0 when one does. */
  nearestGapHours: number;
  /** A few of this member's sessions that carry it (none for account-level attributes such as a card). */
  sessions: string[];
}

export interface CampaignMember {
  account_id: string;
  /** The member's own confidence: the noisy-OR of its evidence weights. */
  score: number;
  evidence: Evidence[];
  /** Added or kept by an investigator rather than by the method. */
  manual?: "added";
}

export interface NearMiss {
  account_id: string;
  /** Per unit of the account's ties, how much more they point outside the campaign than in (lower is closer to joining). */
  outwardPull: number;
  reason: string;
  evidence: Evidence[];
}

export interface RiskReason {
  code: string;
  text: string;
  /** Contribution to the risk, in log-odds; negative reasons lower it. */
  weight: number;
}

export interface CampaignAttribute {
  key: string;
  kind: string;
  value: string;
  accounts: number;
  inCampaign: number;
  /** inCampaign / accounts. */
  share: number;
  /** The members' evidence weights from it, summed: how much it ties the campaign together (the list's order). */
  evidence: number;
}

export interface CampaignStats {
  members: number;
  /**
   * True when the members form a bounded community; false when none exists
   * around the seeds and the members are their tight cluster (see discover.ts).
   */
  bounded: boolean;
  conductance: number;
  /** Accounts the walk read. */
  reached: number;
  stages: number;
  population: number;
  millis: { discovery: number; evidenceAndRisk: number; total: number };
}

export interface CampaignResult {
  /** The first seed; `seeds` has them all. */
  seed: string;
  seeds: string[];
  risk: { score: number; reasons: RiskReason[] };
  accounts: CampaignMember[];
  attributes: CampaignAttribute[];
  nearMisses: NearMiss[];
  stats: CampaignStats;
}

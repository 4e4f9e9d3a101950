/**
 * What every planted campaign offers: its members (an index range of the
 * population), how it is described in truth.json, and how its sessions look.
 */
import type { BenignWorld } from "./benign";
import type { BuildContext } from "./build-context";
import { Ns, token } from "./identifiers";
import { Role, Status, type Population } from "./population";
import type { SessionContext } from "./session-context";

export type CampaignKind = "proxy_rotation" | "device_farm" | "card_ring";

/** Something a campaign shares with benign accounts (a trap for naive tools). */
export interface BenignOverlap {
  kind: string;
  value: string;
  /** Benign account indices carrying it. */
  accounts: number[];
}

export interface CampaignModel {
  id: string;
  kind: CampaignKind;
  description: string;
  first: number;
  count: number;
  /** Member index ranges that share no strong identifier with each other. */
  subgroups: { first: number; count: number }[] | null;
  sharedWithBenign: BenignOverlap[];
  writeSessions(ctx: SessionContext, i: number): void;
}

/** Where a campaign lands: its first account index, its index among campaigns, its ordinal among campaigns of its kind. */
export interface CampaignPlacement {
  first: number;
  campaignIdx: number;
  ordinal: number;
}

export interface CampaignBuildContext extends BuildContext {
  benign: BenignWorld;
  counters: TokenCounters;
}

/** Hands out fresh tokens for campaign-owned cards, phones, devices and orgs. */
export class TokenCounters {
  private readonly used = new Map<number, number>();
  private phones = 0;

  next(ns: number): number {
    // Campaign device tokens below 2^25 are per-account (the account index).
    const base = ns === Ns.deviceCampaign ? 2 ** 25 : 0;
    const n = this.used.get(ns) ?? 0;
    this.used.set(ns, n + 1);
    return token(ns, base + n);
  }

  /** Phone uniqueness values above every account index (see IdFormatter.phone). */
  nextPhone(): number {
    return 5_000_000 + this.phones++;
  }
}

export function markMember(pop: Population, i: number, role: Role, campaign: number): void {
  pop.role[i] = role;
  pop.campaign[i] = campaign;
  pop.status[i] = Status.active;
}

/** Enforcement already taken, from a uniform draw `r` in [0, 1). */
export function enforcementStatus(r: number, bannedShare: number, suspendedShare: number): number {
  if (r < bannedShare) return Status.banned;
  if (r < bannedShare + suspendedShare) return Status.suspended;
  return Status.active;
}

import type { CampaignSignals } from "./signals";
import type { RiskReason } from "./types";

/**
 * Campaign risk as a logistic score over named reasons. Each reason adds
 * log-odds in proportion to how strongly its signal shows, so the reasons
 * listed are exactly what the score is made of, and an investigator can see
 * why an office with a corporate card scores low: the organisation's own
 * email domain and the lack of bursts, synchrony and risky networks.
 */
const BASELINE = -3;

/** The score from which the app shows a campaign as risky (in red, and counted as such in the worklist). */
export const HIGH_RISK = 0.5;

interface ReasonRule {
  code: string;
  /** A few words for lists that have no room for the text (the worklist). */
  label: string;
  /** Log-odds at full strength. */
  weight: number;
  /** Signal strength in [0, 1]. */
  strength: (s: CampaignSignals) => number;
  text: (s: CampaignSignals) => string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
/** 0 up to `from`, 1 from `to`, linear between. */
const ramp = (value: number, from: number, to: number) => Math.min(1, Math.max(0, (value - from) / (to - from)));

const rules: ReasonRule[] = [
  {
    code: "signup_burst",
    label: "Sign-up burst",
    weight: 2.5,
    strength: (s) => ramp(s.signupBurstShare, 0.2, 0.7),
    text: (s) => `${pct(s.signupBurstShare)} of members signed up within an hour of at least four others`,
  },
  {
    code: "shared_card",
    label: "Shared card",
    weight: 2,
    strength: (s) => ramp(s.sharedCardShare, 0.1, 0.5) * ramp(s.largestCardGroup, 2, 6),
    text: (s) => `${pct(s.sharedCardShare)} of members pay with a card shared by three or more of them (largest: ${s.largestCardGroup} accounts on one card)`,
  },
  {
    code: "risky_network",
    label: "Proxy or datacenter traffic",
    weight: 2,
    strength: (s) => ramp(s.riskyNetworkShare, 0.1, 0.5),
    text: (s) => `${pct(s.riskyNetworkShare)} of sessions come from proxy, VPN, Tor or datacenter addresses`,
  },
  {
    code: "template_reuse",
    label: "Template reuse",
    weight: 2,
    strength: (s) => ramp(s.templateReuseShare, 0.2, 0.6),
    text: (s) => `${pct(s.templateReuseShare)} of members use prompt templates that are used almost only inside this group`,
  },
  {
    code: "enforced_members",
    label: "Banned members",
    weight: 2,
    strength: (s) => ramp(s.enforcedShare, 0.05, 0.25),
    text: (s) => `${pct(s.enforcedShare)} of members are already banned or suspended`,
  },
  {
    code: "synchronised_sessions",
    label: "Synchronised sessions",
    weight: 2.5,
    strength: (s) => ramp(s.synchrony, 0.6, 0.9),
    text: (s) => `sessions crowd into shared time windows (synchrony ${s.synchrony.toFixed(2)}; 0 is chance, 1 is all in lockstep)`,
  },
  {
    code: "organisation_domain",
    label: "Organisation's own domain",
    weight: -4,
    strength: (s) => ramp(s.organisationDomainShare, 0.4, 0.8),
    text: (s) => `${pct(s.organisationDomainShare)} of members share an email domain nobody outside the group uses, as an organisation's staff do`,
  },
];

/** How a stored reason code reads in a list, and whether it lowers the risk; a code no rule has (any more) reads as itself. */
export function riskReasonLabel(code: string): { label: string; lowersRisk: boolean } {
  const rule = rules.find((candidate) => candidate.code === code);
  return rule ? { label: rule.label, lowersRisk: rule.weight < 0 } : { label: code.replaceAll("_", " "), lowersRisk: false };
}

export function scoreRisk(signals: CampaignSignals): { score: number; reasons: RiskReason[] } {
  const reasons = rules
    .map((rule) => ({ rule, strength: rule.strength(signals) }))
    .filter(({ strength }) => strength > 0)
    .map(({ rule, strength }) => ({ code: rule.code, text: rule.text(signals), weight: Math.round(rule.weight * strength * 100) / 100 }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const logOdds = BASELINE + reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return { score: Math.round((1 / (1 + Math.exp(-logOdds))) * 1000) / 1000, reasons };
}

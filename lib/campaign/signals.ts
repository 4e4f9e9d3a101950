import { isOfKind } from "./kinds";
import { attributeSizes, type AccountLink } from "./links";
import type { AccountActivity } from "./member-sessions";

/**
 * The measurements a campaign's risk is read from. Each is a share or a
 * ratio, so campaigns of any size compare; `risk.ts` turns them into reasons.
 */
export interface CampaignSignals {
  members: number;
  /** Members who signed up within an hour of at least four other members. */
  signupBurstShare: number;
  /** Members paying with a card at least three members share. */
  sharedCardShare: number;
  /** The most members on one card. */
  largestCardGroup: number;
  /** Sessions from proxy, VPN, Tor or datacenter addresses. */
  riskyNetworkShare: number;
  /** Members using a template that is mostly used inside the campaign. */
  templateReuseShare: number;
  /** Members already banned or suspended. */
  enforcedShare: number;
  /**
   * How much more the members' sessions crowd into the same hours than the
   * same number of sessions spread evenly over their active span would
   * (0: no more than chance; near 1: all in a few shared windows).
   */
  synchrony: number;
  /** Members on one email domain that (almost) nobody outside uses: an organisation's own. */
  organisationDomainShare: number;
}

const HOUR = 3_600_000;
const BURST_WINDOW_MS = HOUR;
const BURST_NEIGHBOURS = 4;
const SHARED_CARD_MIN = 3;
const OWN_USE_SHARE = 0.8;

/** The signals of a campaign whose members' activities (read in one pass, see member-sessions.ts) are given in any order. */
export function campaignSignals(activities: readonly AccountActivity[], members: string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): CampaignSignals {
  const cards = cardGroups(members, links, inside);
  const sessionsPerHour = new Map<number, number>();
  let sessions = 0;
  let riskySessions = 0;
  for (const activity of activities) {
    for (const hour of activity.sessionHours) sessionsPerHour.set(hour, (sessionsPerHour.get(hour) ?? 0) + 1);
    sessions += activity.sessionHours.length;
    riskySessions += activity.riskySessions;
  }
  const enforced = activities.filter((activity) => activity.isEnforced).length;
  return {
    members: members.length,
    signupBurstShare: burstShare(activities.flatMap((activity) => (activity.createdAt === null ? [] : [activity.createdAt]))),
    sharedCardShare: cards.sharedShare,
    largestCardGroup: cards.largest,
    riskyNetworkShare: sessions > 0 ? riskySessions / sessions : 0,
    templateReuseShare: shareUsing(members, links, (link) => isOfKind(link.key, "prompt") && isMostlyInside(link, inside)),
    enforcedShare: members.length > 0 ? enforced / members.length : 0,
    synchrony: synchrony(sessionsPerHour),
    organisationDomainShare: largestOwnDomainShare(members.length, inside, attributeSizes(links)),
  };
}

function burstShare(created: number[]): number {
  const sorted = [...created].sort((a, b) => a - b);
  let inBurst = 0;
  let low = 0;
  let high = 0;
  for (const time of sorted) {
    while ((sorted[low] ?? time) < time - BURST_WINDOW_MS) low++;
    while (high < sorted.length && (sorted[high] ?? 0) <= time + BURST_WINDOW_MS) high++;
    if (high - low - 1 >= BURST_NEIGHBOURS) inBurst++;
  }
  return sorted.length > 0 ? inBurst / sorted.length : 0;
}

function cardGroups(members: string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): { sharedShare: number; largest: number } {
  let largest = 0;
  for (const [key, count] of inside) if (isOfKind(key, "card")) largest = Math.max(largest, count);
  const sharedShare = shareUsing(members, links, (link) => isOfKind(link.key, "card") && (inside.get(link.key) ?? 0) >= SHARED_CARD_MIN);
  return { sharedShare, largest };
}

/** The share of members with a link that passes `test`. */
function shareUsing(members: string[], links: Map<string, AccountLink[]>, test: (link: AccountLink) => boolean): number {
  if (members.length === 0) return 0;
  const using = members.filter((id) => (links.get(id) ?? []).some(test));
  return using.length / members.length;
}

/** Whether five or more members use the attribute, and members make up most of its use. */
function isMostlyInside(link: AccountLink, inside: Map<string, number>): boolean {
  const k = inside.get(link.key) ?? 0;
  return k >= 5 && k / link.accounts >= OWN_USE_SHARE;
}

/**
 * Compares the hours holding 80% of the sessions with the hours that many
 * sessions would occupy if spread at random over the same span (Poisson
 * occupancy), so a small ring's sparse sessions and a farm working round the
 * clock both read as unsynchronised, and a proxy campaign's shared waves do not.
 */
export function synchrony(perHour: Map<number, number>): number {
  const counts = [...perHour.values()].sort((a, b) => b - a);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total < 20) return 0;
  const hours = [...perHour.keys()];
  const span = Math.max(...hours) - Math.min(...hours) + 1;
  const expectedOccupied = span * (1 - Math.exp(-total / span));
  let covered = 0;
  let hoursFor80 = 0;
  while (covered < 0.8 * total) covered += counts[hoursFor80++] ?? 0;
  return Math.max(0, 1 - hoursFor80 / (0.8 * expectedOccupied));
}

function largestOwnDomainShare(members: number, inside: Map<string, number>, sizes: Map<string, number>): number {
  let best = 0;
  for (const [key, count] of inside) {
    if (!isOfKind(key, "email_domain")) continue;
    if (count / (sizes.get(key) ?? Number.POSITIVE_INFINITY) >= 0.9) best = Math.max(best, count / members);
  }
  return best;
}

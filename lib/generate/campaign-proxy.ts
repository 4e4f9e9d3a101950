/**
 * A large campaign run through a rotating residential-proxy pool. Members are
 * split into sub-groups that share no card, phone or device with each other;
 * what ties them together is only the proxy pool, a handful of prompt
 * templates and timing: sign-ups in bursts, activity in the same waves.
 * Every member looks light on its own.
 */
import { homeEndpoint } from "./benign";
import { countryIndex } from "./catalog";
import { enforcementStatus, markMember, type CampaignBuildContext, type CampaignModel, type CampaignPlacement } from "./campaign";
import { NONE, Ns, token } from "./identifiers";
import { ipv4Endpoint, type Endpoint } from "./network";
import { EmailStyle, Flag, hasFlag, NO_ISP, Role, setFlag } from "./population";
import type { ProxyCampaignSpec } from "./presets";
import { itemAt, Rng, seedFor } from "./prng";
import { AgentJson, agentFor, reseedFor, type SessionContext } from "./session-context";
import { resetDraft } from "./session-draft";
import { DAY, HOUR, MINUTE, TIMELINE_END } from "./timeline";

interface Subgroup {
  first: number;
  count: number;
  countryIdx: number;
  /** Devices the whole sub-group reuses, or empty when every member has its own. */
  sharedDevices: number[];
}

interface Wave {
  start: number;
  length: number;
}

/** Chrome on Windows: the most common agent there is, hence the operators' choice. */
const campaignAgents = AgentJson.desktop.slice(0, 3);
const SIGN_UP_BURST_MS = 40 * MINUTE;

export function buildProxyCampaign(ctx: CampaignBuildContext, spec: ProxyCampaignSpec, { first, campaignIdx, ordinal }: CampaignPlacement): CampaignModel {
  const rng = new Rng(seedFor(ctx.seed, "proxy-campaign", ordinal));
  const countryIds = spec.countries.map(countryIndex);
  const start = TIMELINE_END - (110 + rng.int(20)) * DAY;
  const overlap = pickBenignExits(ctx, rng, spec.benignOverlap, countryIds);
  const pool = [...overlap.map((o) => o.endpoint), ...allocatePool(ctx, rng, spec.poolSize - overlap.length, countryIds)];
  const waves = planWaves(rng, spec.waves, start + 2 * DAY);
  const subgroups = splitIntoSubgroups(rng, first, spec.members, spec.subgroupSize, countryIds);
  const bursts = planBursts(rng, Math.max(3, Math.round(subgroups.length / 4)), start);
  subgroups.forEach((group, g) => buildSubgroup(ctx, rng, { group, g, campaignIdx, burst: itemAt(bursts, g % bursts.length), countryIds }));
  const prompts = [
    ...Array.from({ length: 4 }, () => ctx.ids.promptFp(ctx.counters.next(Ns.promptCampaign))),
    ...[0, 2].map((k) => ctx.ids.promptFp(token(Ns.promptPopular, k))),
  ];
  for (let i = first; i < first + spec.members; i++) ctx.pop.sessions[i] = sessionCount(rng, wavesAfter(waves, ctx.pop.createdAt[i] ?? 0));
  const behaviour = { first, pool, overlap: overlap.map((o) => o.endpoint), waves, subgroups, prompts };
  return {
    id: `proxy-${ordinal + 1}`,
    kind: "proxy_rotation",
    description:
      `${spec.members} light accounts in ${subgroups.length} sub-groups behind a rotating pool of ${pool.length} residential proxy exits ` +
      `(${overlap.length} of them also home addresses of benign users); sign-ups in ${bursts.length} bursts, activity in ${waves.length} shared waves, ` +
      `${prompts.length} prompt templates; no card, phone or device crosses sub-groups.`,
    first,
    count: spec.members,
    subgroups: subgroups.map(({ first: f, count }) => ({ first: f, count })),
    sharedWithBenign: overlap.map((o) => ({ kind: "ip", value: o.endpoint.ip, accounts: [o.account] })),
    writeSessions: (sctx, i) => writeProxySessions(sctx, behaviour, i),
  };
}

/**
 * Residential proxy networks resell real home connections, so a few exits are
 * the home lines of ordinary single-user accounts.
 */
function pickBenignExits(ctx: CampaignBuildContext, rng: Rng, wanted: number, countryIds: number[]): { account: number; endpoint: Endpoint }[] {
  const { pop, benign } = ctx;
  const picked: { account: number; endpoint: Endpoint }[] = [];
  const offset = rng.int(benign.count);
  for (let step = 0; step < benign.count && picked.length < wanted; step++) {
    const i = (offset + step) % benign.count;
    const isSingle = (pop.household[i] ?? 0) < 0 && (pop.office[i] ?? 0) < 0;
    const isEligible = isSingle && pop.homeIsp[i] !== NO_ISP && !hasFlag(pop, i, Flag.homeV6 | Flag.dormant | Flag.proxyExitHome);
    if (!isEligible || !countryIds.includes(pop.country[i] ?? -1)) continue;
    const endpoint = homeEndpoint(ctx, i);
    if (!endpoint || endpoint.ipClass !== "residential") continue;
    setFlag(pop, i, Flag.proxyExitHome);
    picked.push({ account: i, endpoint });
  }
  return picked;
}

function allocatePool(ctx: CampaignBuildContext, rng: Rng, size: number, countryIds: number[]): Endpoint[] {
  const { net } = ctx;
  return Array.from({ length: size }, () => {
    const isp = itemAt(net.isps, rng.pick(itemAt(net.ispsByCountry, rng.pick(countryIds))));
    // Enrichment flags about a quarter of the exits as known proxies.
    return ipv4Endpoint(net, isp.block.allocate(), isp.block, rng.chance(0.25) ? "proxy" : "residential");
  });
}

/** Activity windows of 1–2 h, spread evenly to the end of the timeline. */
function planWaves(rng: Rng, count: number, from: number): Wave[] {
  const span = TIMELINE_END - 3 * HOUR - from;
  return Array.from({ length: count }, (_, w) => ({
    start: from + ((w + 0.5 + (rng.float() - 0.5) * 0.6) / count) * span,
    length: (60 + rng.int(61)) * MINUTE,
  }));
}

/** Sign-up bursts within the campaign's first ten weeks. */
function planBursts(rng: Rng, count: number, from: number): number[] {
  return Array.from({ length: count }, () => from + rng.float() * 70 * DAY).sort((a, b) => a - b);
}

function splitIntoSubgroups(rng: Rng, first: number, members: number, [min, max]: readonly [number, number], countryIds: number[]): Subgroup[] {
  const groups: Subgroup[] = [];
  let next = first;
  while (next < first + members) {
    const left = first + members - next;
    const size = left < min + max ? (left <= max ? left : Math.ceil(left / 2)) : rng.range(min, max);
    groups.push({ first: next, count: size, countryIdx: rng.pick(countryIds), sharedDevices: [] });
    next += size;
  }
  return groups;
}

interface SubgroupPlan {
  group: Subgroup;
  g: number;
  campaignIdx: number;
  burst: number;
  countryIds: number[];
}

/** Strong identifiers are minted per sub-group and never reused by another one. */
function buildSubgroup(ctx: CampaignBuildContext, rng: Rng, plan: SubgroupPlan): void {
  const { pop, counters, domains } = ctx;
  const { group } = plan;
  const cards = Array.from({ length: rng.range(1, 2) }, () => counters.next(Ns.cardCampaign));
  const phones = Array.from({ length: rng.range(1, 3) }, () => counters.nextPhone());
  const wallet = rng.chance(0.3) ? counters.next(Ns.walletCampaign) : NONE;
  const catchAll = rng.chance(0.25) ? domains.addCatchAll() : -1;
  if (rng.chance(0.25)) group.sharedDevices = Array.from({ length: rng.range(2, 3) }, () => counters.next(Ns.deviceCampaign));
  const isCaught = rng.chance(0.08);
  for (let i = group.first; i < group.first + group.count; i++) {
    markMember(pop, i, Role.proxy, plan.campaignIdx);
    pop.group[i] = plan.g;
    pop.country[i] = rng.chance(0.9) ? group.countryIdx : rng.pick(plan.countryIds);
    pop.createdAt[i] = plan.burst + rng.float() * SIGN_UP_BURST_MS;
    pop.activeUntil[i] = TIMELINE_END;
    pop.emailStyle[i] = EmailStyle.personal;
    pop.emailDomain[i] = catchAll >= 0 ? catchAll : domains.pickWebmail(rng);
    if (rng.chance(0.7)) {
      pop.phone[i] = rng.pick(phones);
      pop.phoneCountry[i] = group.countryIdx;
    }
    if (rng.chance(0.6)) pop.card[i] = rng.pick(cards);
    if (wallet !== NONE && rng.chance(0.8)) pop.wallet[i] = wallet;
    pop.status[i] = isCaught ? enforcementStatus(rng.float(), 0.7, 0.1) : enforcementStatus(rng.float(), 0.03, 0.03);
  }
}

function wavesAfter(waves: Wave[], created: number): number {
  return waves.filter((w) => w.start > created + 10 * MINUTE).length;
}

const sessionCountWeights = [0, 0, 20, 25, 22, 15, 10, 5, 3];

function sessionCount(rng: Rng, available: number): number {
  let target = rng.float() * 100;
  let k = 0;
  while (k < sessionCountWeights.length - 1 && (target -= sessionCountWeights[k] ?? 0) >= 0) k++;
  return Math.max(1, Math.min(k, available));
}

interface ProxyBehaviour {
  first: number;
  pool: Endpoint[];
  overlap: Endpoint[];
  waves: Wave[];
  subgroups: Subgroup[];
  prompts: string[];
}

const waveScratch: number[] = [];

function writeProxySessions(ctx: SessionContext, b: ProxyBehaviour, i: number): void {
  const { pop, ids, draft, sink } = ctx;
  const rng = reseedFor(ctx, "proxy-sessions", i);
  const created = pop.createdAt[i] ?? 0;
  waveScratch.length = 0;
  b.waves.forEach((w, k) => {
    if (w.start > created + 10 * MINUTE) waveScratch.push(k);
  });
  rng.shuffle(waveScratch);
  const group = itemAt(b.subgroups, pop.group[i] ?? 0);
  const ordinal = i - b.first;
  const count = pop.sessions[i] ?? 0;
  for (let s = 0; s < count; s++) {
    const wave = itemAt(b.waves, itemAt(waveScratch, s));
    resetDraft(draft);
    draft.startedAt = wave.start + rng.float() * wave.length;
    const minutes = Math.max(0.3, rng.logNormal(2.5, 0.5));
    draft.endedAt = draft.startedAt + minutes * MINUTE;
    // The first members guarantee each benign-shared exit is really used.
    const forced = s === 0 && ordinal < b.overlap.length * 2 ? b.overlap[ordinal % b.overlap.length] : undefined;
    draft.endpoint = forced ?? rng.pick(b.pool);
    const device = group.sharedDevices.length > 0 ? rng.pick(group.sharedDevices) : token(Ns.deviceCampaign, i);
    draft.deviceId = ids.deviceId(device);
    draft.userAgentJson = agentFor(campaignAgents, device);
    draft.requestCount = rng.range(3, 25);
    draft.promptFp = rng.chance(0.92) ? rng.pick(b.prompts) : null;
    sink.emit(draft);
  }
}

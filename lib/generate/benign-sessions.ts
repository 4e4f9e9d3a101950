/**
 * Sessions of benign accounts. Each account mixes "channels" (home line,
 * phone on carrier NAT, VPN, office, cloud server) with its own weights; the
 * first sessions cover every shared channel once, so each benign cluster the
 * truth file advertises is really visible in the data.
 */
import { genericDeviceToken, homeEndpoint } from "./benign";
import { Ns, token } from "./identifiers";
import { ipv4Endpoint, type Endpoint } from "./network";
import { Flag, hasFlag, NO_ISP, type Population } from "./population";
import { itemAt } from "./prng";
import { agentFor, AgentJson, pickPopularPrompt, reseedFor, type SessionContext } from "./session-context";
import { resetDraft } from "./session-draft";
import { Diurnal, HOUR, MINUTE, placeInDay, TIMELINE_END } from "./timeline";

export const Channel = { home: 0, mobileA: 1, mobileB: 2, vpn: 3, office: 4, server: 5 } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

const channelWeight: Record<Channel, number> = { 0: 0.55, 1: 0.22, 2: 0.12, 3: 0.22, 4: 0.9, 5: 1.4 };

const Slot = { desktop: 0, phone: 1, tablet: 2, work: 3 } as const;

/**
 * Channels that must appear at least once because a benign cluster or the
 * proxy-overlap truth depends on them. Writes into `out`, returns the count.
 */
export function coverageOf(pop: Population, i: number, out: Channel[]): number {
  out.length = 0;
  const sharedHome = (pop.household[i] ?? -1) >= 0 || hasFlag(pop, i, Flag.proxyExitHome);
  if (sharedHome) out.push(Channel.home);
  if ((pop.office[i] ?? -1) >= 0) out.push(Channel.office);
  if ((pop.mobileExitA[i] ?? -1) >= 0) out.push(Channel.mobileA);
  if ((pop.mobileExitB[i] ?? -1) >= 0) out.push(Channel.mobileB);
  if ((pop.vpnExit[i] ?? -1) >= 0) out.push(Channel.vpn);
  return out.length;
}

function availableChannels(pop: Population, i: number, out: Channel[]): void {
  out.length = 0;
  if ((pop.homeIsp[i] ?? NO_ISP) !== NO_ISP) out.push(Channel.home);
  if ((pop.mobileExitA[i] ?? -1) >= 0) out.push(Channel.mobileA);
  if ((pop.mobileExitB[i] ?? -1) >= 0) out.push(Channel.mobileB);
  if ((pop.vpnExit[i] ?? -1) >= 0) out.push(Channel.vpn);
  if ((pop.office[i] ?? -1) >= 0) out.push(Channel.office);
  if (hasFlag(pop, i, Flag.developer)) out.push(Channel.server);
}

const coverage: Channel[] = [];
const channels: Channel[] = [];

export function writeBenignSessions(ctx: SessionContext, i: number): void {
  const { pop } = ctx;
  const count = pop.sessions[i] ?? 0;
  if (count === 0) return;
  reseedFor(ctx, "benign-sessions", i);
  const covered = coverageOf(pop, i, coverage);
  availableChannels(pop, i, channels);
  const totalWeight = channels.reduce<number>((sum, c) => sum + channelWeight[c], 0);
  const home = homeEndpoint(ctx, i);
  for (let s = 0; s < count; s++) {
    const isCoverage = s < covered;
    const channel = isCoverage ? itemAt(coverage, s) : pickChannel(ctx, totalWeight);
    const draft = resetDraft(ctx.draft);
    draft.endpoint = endpointFor(ctx, i, channel, home);
    setDevice(ctx, i, channel, isCoverage);
    setTiming(ctx, i, channel);
    setPrompt(ctx, i);
    ctx.sink.emit(draft);
  }
}

function pickChannel(ctx: SessionContext, totalWeight: number): Channel {
  let target = ctx.rng.float() * totalWeight;
  for (const c of channels) {
    target -= channelWeight[c];
    if (target < 0) return c;
  }
  return itemAt(channels, channels.length - 1);
}

function endpointFor(ctx: SessionContext, i: number, channel: Channel, home: Endpoint | null): Endpoint | null {
  const { pop, benign, net } = ctx;
  switch (channel) {
    case Channel.home:
      return home;
    case Channel.mobileA:
      return itemAt(benign.mobileExits, pop.mobileExitA[i] ?? 0);
    case Channel.mobileB:
      return itemAt(benign.mobileExits, pop.mobileExitB[i] ?? 0);
    case Channel.vpn:
      return itemAt(benign.vpnExits, pop.vpnExit[i] ?? 0);
    case Channel.office:
      return itemAt(benign.offices, pop.office[i] ?? 0).endpoint;
    case Channel.server: {
      const hoster = itemAt(net.hosters, pop.serverHoster[i] ?? 0);
      return ipv4Endpoint(net, pop.serverIp[i] ?? 0, hoster.block);
    }
  }
}

/** Which device a session of this channel comes from. */
function deviceToken(ctx: SessionContext, i: number, channel: Channel, isCoverage: boolean): number {
  const { pop, rng } = ctx;
  const isHome = channel === Channel.home;
  // A shared tablet is checked first: its coverage session must use it.
  if (isHome && hasFlag(pop, i, Flag.sharedTablet) && (isCoverage || rng.chance(0.3))) {
    return token(Ns.deviceHousehold, pop.household[i] ?? 0);
  }
  const isMobile = channel === Channel.mobileA || channel === Channel.mobileB;
  if (isMobile || ((isHome || channel === Channel.vpn) && rng.chance(0.15))) {
    return hasFlag(pop, i, Flag.genericPhoneFingerprint) ? genericDeviceToken(ctx.seed, i) : token(Ns.device, i * 4 + Slot.phone);
  }
  if (isHome && hasFlag(pop, i, Flag.tablet) && rng.chance(0.25)) return token(Ns.device, i * 4 + Slot.tablet);
  if (channel === Channel.office || channel === Channel.server) return token(Ns.device, i * 4 + Slot.work);
  return token(Ns.device, i * 4 + Slot.desktop);
}

/** Colliding fingerprints come from identical iPhones. */
const genericPhoneAgents = AgentJson.mobile.slice(0, 2);

/** The agent list matching a device token's kind. */
function agentsOf(tok: number, isDeveloper: boolean): readonly string[] {
  const ns = Math.floor(tok / 2 ** 26);
  if (ns === Ns.deviceHousehold) return AgentJson.tablet;
  if (ns === Ns.deviceGeneric) return genericPhoneAgents;
  const slot = (tok % 2 ** 26) % 4;
  if (slot === Slot.phone) return AgentJson.mobile;
  if (slot === Slot.tablet) return AgentJson.tablet;
  if (slot === Slot.work && isDeveloper) return AgentJson.api;
  return AgentJson.desktop;
}

function setDevice(ctx: SessionContext, i: number, channel: Channel, isCoverage: boolean): void {
  const { rng, draft, ids } = ctx;
  const tok = deviceToken(ctx, i, channel, isCoverage);
  // Coverage sessions always carry the device: the truth file counts on it.
  draft.deviceId = isCoverage || !rng.chance(0.04) ? ids.deviceId(tok) : null;
  const agents = agentsOf(tok, hasFlag(ctx.pop, i, Flag.developer));
  draft.userAgentJson = isCoverage || !rng.chance(0.03) ? agentFor(agents, tok) : null;
}

const profileFor = (channel: Channel) =>
  channel === Channel.office ? Diurnal.work : channel === Channel.server ? Diurnal.flat : Diurnal.personal;

function setTiming(ctx: SessionContext, i: number, channel: Channel): void {
  const { pop, rng, draft } = ctx;
  const created = pop.createdAt[i] ?? 0;
  const until = pop.activeUntil[i] ?? TIMELINE_END;
  const offsetMs = (pop.utcOffsetMin[i] ?? 0) * MINUTE;
  const around = created + rng.float() * (until - created);
  let start = placeInDay(rng, around, offsetMs, profileFor(channel), channel === Channel.office);
  if (start < created) start = created + 30_000 + rng.exponential(20 * MINUTE);
  if (start >= TIMELINE_END) start = TIMELINE_END - 1 - rng.float() * HOUR;
  start = Math.max(start, created);
  const median = channel === Channel.office ? 14 : channel === Channel.server ? 3 : 7;
  const minutes = rng.chance(0.01) ? 0 : Math.min(480, rng.logNormal(median, channel === Channel.server ? 1.3 : 1));
  draft.startedAt = start;
  draft.endedAt = rng.chance(0.015) ? Number.NaN : Math.min(TIMELINE_END, start + minutes * MINUTE);
  const rate = channel === Channel.server ? rng.logNormal(18, 0.8) : rng.logNormal(channel === Channel.office ? 2 : 1.3, 0.5);
  draft.requestCount = rng.chance(0.01) ? -1 : Math.round(minutes * rate) + (channel === Channel.server ? 1 : 0);
}

function setPrompt(ctx: SessionContext, i: number): void {
  const { rng, draft, pop, ids } = ctx;
  const isDeveloper = hasFlag(pop, i, Flag.developer);
  const r = rng.float();
  const none = isDeveloper ? 0.15 : 0.45;
  const popular = isDeveloper ? 0.45 : 0.83;
  if (r < none) return;
  draft.promptFp = r < popular ? pickPopularPrompt(ctx) : ids.promptFp(token(Ns.promptPersonal, i * 4 + rng.int(3)));
}

/**
 * A small ring sharing stolen payment cards and payout wallets, working from
 * the same commercial VPN exits crowds of benign users sit behind.
 */
import { countries, countryIndex } from "./catalog";
import { enforcementStatus, markMember, type CampaignBuildContext, type CampaignModel, type CampaignPlacement } from "./campaign";
import { Ns } from "./identifiers";
import { ipv4Endpoint, type Endpoint } from "./network";
import { EmailStyle, Role } from "./population";
import type { RingSpec } from "./presets";
import { itemAt, Rng, seedFor } from "./prng";
import { AgentJson, agentFor, reseedFor, type SessionContext } from "./session-context";
import { resetDraft } from "./session-draft";
import { DAY, Diurnal, MINUTE, placeInDay, TIMELINE_END } from "./timeline";

const ringCountries = ["US", "GB", "DE", "FR", "CA", "NL"].map(countryIndex);

interface RingBehaviour {
  first: number;
  vpnExits: Endpoint[];
  homes: Endpoint[];
  devices: number[];
}

export function buildRing(ctx: CampaignBuildContext, spec: RingSpec, { first, campaignIdx, ordinal }: CampaignPlacement): CampaignModel {
  const { pop, counters, domains, benign, net } = ctx;
  const rng = new Rng(seedFor(ctx.seed, "ring", ordinal));
  const cards = Array.from({ length: spec.cards }, () => counters.next(Ns.cardCampaign));
  const wallets = Array.from({ length: spec.wallets }, () => counters.next(Ns.walletCampaign));
  const devices = Array.from({ length: spec.devices }, () => counters.next(Ns.deviceCampaign));
  const vpnExits = Array.from({ length: Math.min(3, benign.vpnExits.length) }, () => rng.pick(benign.vpnExits));
  const countryIdx = rng.pick(ringCountries);
  const ispIds = itemAt(net.ispsByCountry, countryIdx);
  const offsetMin = Math.round((countries[countryIdx]?.utcOffsets[0] ?? 0) * 60);
  const start = TIMELINE_END - (60 + rng.int(150)) * DAY;
  const homes: Endpoint[] = [];
  for (let m = 0; m < spec.members; m++) {
    const i = first + m;
    markMember(pop, i, Role.ring, campaignIdx);
    pop.country[i] = countryIdx;
    pop.utcOffsetMin[i] = offsetMin;
    pop.createdAt[i] = placeInDay(rng, start + rng.float() * 45 * DAY, offsetMin * MINUTE, Diurnal.personal);
    pop.activeUntil[i] = TIMELINE_END;
    pop.emailStyle[i] = EmailStyle.personal;
    pop.emailDomain[i] = domains.pickWebmail(rng);
    pop.phone[i] = counters.nextPhone();
    pop.phoneCountry[i] = countryIdx;
    // Round-robin so every card is shared by at least two members.
    pop.card[i] = itemAt(cards, m % cards.length);
    if (rng.chance(0.9)) pop.wallet[i] = itemAt(wallets, m % wallets.length);
    pop.status[i] = enforcementStatus(rng.float(), 0.2, 0.05);
    pop.sessions[i] = rng.range(4, 12);
    const isp = itemAt(net.isps, rng.pick(ispIds));
    homes.push(ipv4Endpoint(net, isp.block.allocate(), isp.block));
  }
  const behaviour: RingBehaviour = { first, vpnExits, homes, devices };
  return {
    id: `ring-${ordinal + 1}`,
    kind: "card_ring",
    description:
      `${spec.members} accounts sharing ${cards.length} payment cards and ${wallets.length} payout wallet(s), ` +
      `${devices.length} devices, mostly behind ${vpnExits.length} commercial VPN exits also used by benign customers.`,
    first,
    count: spec.members,
    subgroups: null,
    sharedWithBenign: [],
    writeSessions: (sctx, i) => writeRingSessions(sctx, behaviour, i),
  };
}

function writeRingSessions(ctx: SessionContext, b: RingBehaviour, i: number): void {
  const { pop, ids, draft, sink } = ctx;
  const rng = reseedFor(ctx, "ring-sessions", i);
  const m = i - b.first;
  const created = pop.createdAt[i] ?? 0;
  const count = pop.sessions[i] ?? 0;
  const offsetMs = (pop.utcOffsetMin[i] ?? 0) * MINUTE;
  for (let s = 0; s < count; s++) {
    resetDraft(draft);
    const around = created + rng.float() * Math.min(40 * DAY, TIMELINE_END - created);
    const start = placeInDay(rng, around, offsetMs, Diurnal.personal);
    draft.startedAt = Math.min(TIMELINE_END - MINUTE, Math.max(created + MINUTE, start));
    const minutes = rng.logNormal(9, 0.7);
    draft.endedAt = Math.min(TIMELINE_END, draft.startedAt + minutes * MINUTE);
    draft.endpoint = rng.chance(0.75) ? rng.pick(b.vpnExits) : itemAt(b.homes, m);
    const device = rng.chance(0.85) ? itemAt(b.devices, m % b.devices.length) : rng.pick(b.devices);
    draft.deviceId = ids.deviceId(device);
    draft.userAgentJson = agentFor(AgentJson.desktop, device);
    draft.requestCount = Math.round(minutes * rng.logNormal(2, 0.5));
    sink.emit(draft);
  }
}

/**
 * A device farm: emulators on a few datacenter addresses (on the same hosting
 * ASNs benign developers use), a small set of device fingerprints, throwaway
 * mail, a few API orgs, machine-regular sign-ups and round-the-clock activity.
 */
import { countryIndex } from "./catalog";
import { enforcementStatus, markMember, type CampaignBuildContext, type CampaignModel, type CampaignPlacement } from "./campaign";
import { Ns } from "./identifiers";
import { ipv4Endpoint, type Endpoint } from "./network";
import { EmailStyle, Role } from "./population";
import type { FarmSpec } from "./presets";
import { itemAt, Rng, seedFor } from "./prng";
import { AgentJson, agentFor, reseedFor, type SessionContext } from "./session-context";
import { resetDraft } from "./session-draft";
import { DAY, MINUTE, TIMELINE_END } from "./timeline";

const farmCountries = ["IN", "VN", "ID", "PH", "NG", "BR", "US"].map(countryIndex);

interface FarmBehaviour {
  first: number;
  addresses: Endpoint[];
  devices: number[];
  prompts: string[];
}

export function buildFarm(ctx: CampaignBuildContext, spec: FarmSpec, { first, campaignIdx, ordinal }: CampaignPlacement): CampaignModel {
  const { pop, counters, domains, net } = ctx;
  const rng = new Rng(seedFor(ctx.seed, "farm", ordinal));
  const hosterIds = Array.from({ length: spec.hosters }, () => rng.int(net.hosters.length));
  const addresses = Array.from({ length: spec.addresses }, (_, a) => {
    const hoster = itemAt(net.hosters, itemAt(hosterIds, a % hosterIds.length));
    return ipv4Endpoint(net, hoster.block.allocate(), hoster.block);
  });
  const devices = Array.from({ length: spec.devices }, () => counters.next(Ns.deviceCampaign));
  const orgs = Array.from({ length: spec.apiOrgs }, () => counters.next(Ns.apiOrgCampaign));
  const voip = Array.from({ length: 3 }, () => counters.nextPhone());
  const prompts = Array.from({ length: 2 }, () => ctx.ids.promptFp(counters.next(Ns.promptCampaign)));
  const start = TIMELINE_END - (50 + rng.int(100)) * DAY;
  const interval = ((25 + rng.int(15)) * DAY) / spec.members;
  for (let m = 0; m < spec.members; m++) {
    const i = first + m;
    markMember(pop, i, Role.farm, campaignIdx);
    pop.country[i] = rng.pick(farmCountries);
    // A script signs up on a fixed cadence, give or take a few seconds.
    pop.createdAt[i] = start + m * interval + rng.float() * 20_000;
    pop.activeUntil[i] = Math.min(TIMELINE_END, (pop.createdAt[i] ?? 0) + 21 * DAY);
    pop.emailStyle[i] = EmailStyle.random;
    pop.emailDomain[i] = rng.pick(domains.disposableIdx);
    if (rng.chance(0.15)) {
      pop.phone[i] = rng.pick(voip);
      pop.phoneCountry[i] = countryIndex("US");
    }
    pop.apiOrg[i] = itemAt(orgs, m % orgs.length);
    pop.status[i] = enforcementStatus(rng.float(), 0.25, 0.1);
    pop.sessions[i] = rng.range(8, 25);
  }
  const behaviour: FarmBehaviour = { first, addresses, devices, prompts };
  return {
    id: `farm-${ordinal + 1}`,
    kind: "device_farm",
    description:
      `${spec.members} emulator accounts on ${addresses.length} datacenter addresses (${spec.hosters} hosting ASNs) with ${devices.length} device ` +
      `fingerprints and ${orgs.length} API orgs; throwaway mail, sign-ups every ${Math.round(interval / MINUTE)} minutes, activity round the clock.`,
    first,
    count: spec.members,
    subgroups: null,
    sharedWithBenign: [],
    writeSessions: (sctx, i) => writeFarmSessions(sctx, behaviour, i),
  };
}

function writeFarmSessions(ctx: SessionContext, b: FarmBehaviour, i: number): void {
  const { pop, ids, draft, sink } = ctx;
  const rng = reseedFor(ctx, "farm-sessions", i);
  const m = i - b.first;
  const created = pop.createdAt[i] ?? 0;
  const until = pop.activeUntil[i] ?? TIMELINE_END;
  const count = pop.sessions[i] ?? 0;
  for (let s = 0; s < count; s++) {
    resetDraft(draft);
    draft.startedAt = created + MINUTE + rng.float() * (until - created - 2 * MINUTE);
    const minutes = rng.logNormal(20, 0.4);
    draft.endedAt = Math.min(TIMELINE_END, draft.startedAt + minutes * MINUTE);
    // Each emulator mostly keeps its own address and image.
    draft.endpoint = rng.chance(0.8) ? itemAt(b.addresses, m % b.addresses.length) : rng.pick(b.addresses);
    const device = rng.chance(0.8) ? itemAt(b.devices, m % b.devices.length) : rng.pick(b.devices);
    draft.deviceId = ids.deviceId(device);
    draft.userAgentJson = agentFor(AgentJson.emulator, device);
    draft.requestCount = Math.round(minutes * rng.logNormal(12, 0.3));
    draft.promptFp = rng.chance(0.85) ? rng.pick(b.prompts) : null;
    sink.emit(draft);
  }
}

/**
 * Shared exits of the benign population: carrier-grade NAT addresses of
 * mobile carriers and commercial VPN exits, each crowded with strangers.
 */
import type { BuildContext } from "./build-context";
import { ipv4Endpoint, type Endpoint } from "./network";
import { Flag, hasFlag, NO_ISP, setFlag } from "./population";
import { cumulativeWeights, itemAt, type Rng } from "./prng";

const VPN_PROVIDER_WEIGHTS = [0.5, 0.3, 0.2];

/**
 * Carrier NAT: every mobile user sits behind one or two exits of its carrier,
 * and each exit is shared by about `natSharing` strangers.
 */
export function assignMobileExits(ctx: BuildContext, rng: Rng, count: number): Endpoint[] {
  const { pop, net, spec } = ctx;
  const carrierOf = new Int32Array(count).fill(-1);
  const usersPerCarrier = new Array<number>(net.carriers.length).fill(0);
  for (let i = 0; i < count; i++) {
    if (hasFlag(pop, i, Flag.dormant)) continue;
    const hasHome = pop.homeIsp[i] !== NO_ISP;
    if (hasHome && !rng.chance(0.45)) continue;
    const options = itemAt(net.carriersByCountry, pop.country[i] ?? 0);
    const carrier = itemAt(options, rng.chance(0.6) ? 0 : options.length - 1);
    carrierOf[i] = carrier;
    usersPerCarrier[carrier] = (usersPerCarrier[carrier] ?? 0) + 1;
  }
  const exits: Endpoint[] = [];
  const firstExit = usersPerCarrier.map((users, c) => {
    const start = exits.length;
    const block = itemAt(net.carriers, c).block;
    const n = users === 0 ? 0 : Math.max(1, Math.round((users * 1.4) / spec.natSharing));
    for (let e = 0; e < n; e++) exits.push(ipv4Endpoint(net, block.allocate(), block));
    return [start, n] as const;
  });
  for (let i = 0; i < count; i++) {
    const carrier = carrierOf[i] ?? -1;
    if (carrier < 0) continue;
    const [start, n] = itemAt(firstExit, carrier);
    const a = rng.int(n);
    pop.mobileExitA[i] = start + a;
    if (n > 1 && rng.chance(0.4)) pop.mobileExitB[i] = start + ((a + 1 + rng.int(n - 1)) % n);
    if (rng.chance(0.03)) setFlag(pop, i, Flag.genericPhoneFingerprint);
  }
  return exits;
}

/** Commercial VPNs: a few providers, exits on hosting ASNs, each exit crowded. */
export function assignVpnExits(ctx: BuildContext, rng: Rng, count: number): Endpoint[] {
  const { pop, net, spec } = ctx;
  const users: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!hasFlag(pop, i, Flag.dormant) && rng.chance(0.07)) users.push(i);
  }
  const total = Math.max(VPN_PROVIDER_WEIGHTS.length, Math.round(users.length / spec.vpnSharing));
  const exits: Endpoint[] = [];
  const ranges = VPN_PROVIDER_WEIGHTS.map((weight, p) => {
    const start = exits.length;
    const n = Math.max(1, Math.round(total * weight));
    for (let e = 0; e < n; e++) {
      const hoster = itemAt(net.hosters, (p + 3 * (e % 2)) % net.hosters.length);
      exits.push(ipv4Endpoint(net, hoster.block.allocate(), hoster.block, "vpn"));
    }
    return [start, n] as const;
  });
  const providerCdf = cumulativeWeights(VPN_PROVIDER_WEIGHTS);
  for (const i of users) {
    const [start, n] = itemAt(ranges, rng.weighted(providerCdf));
    pop.vpnExit[i] = start + rng.int(n);
  }
  return exits;
}

/**
 * The synthetic internet: address blocks with their ASN and enrichment class,
 * unique address allocation, and text forms of IPv4/IPv6 addresses.
 *
 * Residential ISPs and hosters live in made-up allocations of public IPv4
 * space, carrier NAT pools in 100.64.0.0/10 (RFC 6598), home IPv6 in
 * 2001:db8::/32 (documentation prefix). ASNs come from the private-use range.
 */
import { countries } from "./catalog";
import { hash32, itemAt, permuteBits } from "./prng";

export type IpClass = "residential" | "mobile" | "business" | "datacenter" | "vpn" | "proxy" | "tor";

/** An address as sessions print it, with its enrichment pre-serialised. */
export interface Endpoint {
  ip: string;
  asn?: number;
  ipClass?: IpClass;
  /** `,"ip":"…"` — ready to splice into a JSON line. */
  ipJson: string;
  /** `,"asn":…,"ip_class":"…"` or "" when enrichment knows nothing. */
  enrichJson: string;
}

export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** RFC 5952 text: lower-case, no leading zeros, longest zero run (≥2) as "::". */
export function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/**
 * Whether IP enrichment has no record for an address. Depends on the address
 * only, so every session from one address agrees.
 */
function isEnrichmentGap(addressHash: number, salt: number): boolean {
  return hash32(addressHash, salt) % 100 < 2;
}

function makeEndpoint(ip: string, asn: number, ipClass: IpClass, isGap: boolean): Endpoint {
  const ipJson = `,"ip":"${ip}"`;
  if (isGap) return { ip, ipJson, enrichJson: "" };
  return { ip, asn, ipClass, ipJson, enrichJson: `,"asn":${asn},"ip_class":"${ipClass}"` };
}

/**
 * A block of IPv4 space owned by one ASN. `allocate` hands out distinct host
 * addresses (never .0 or .255) in a scrambled order.
 */
export class AddressBlock {
  private used = 0;
  private readonly capacity: number;

  constructor(
    readonly base: number,
    private readonly hostBits: number,
    readonly asn: number,
    readonly ipClass: IpClass,
    private readonly key: number,
  ) {
    // Index space is one bit smaller so skipping .0/.255 still fits the block.
    this.capacity = 2 ** (hostBits - 1);
  }

  allocate(): number {
    if (this.used >= this.capacity) throw new Error(`address block AS${this.asn} exhausted`);
    const p = permuteBits(this.used++, this.hostBits - 1, this.key);
    const offset = Math.floor(p / 254) * 256 + (p % 254) + 1;
    return (this.base + offset) >>> 0;
  }
}

export interface Isp {
  countryIdx: number;
  block: AddressBlock;
}

export interface Carrier {
  countryIdx: number;
  block: AddressBlock;
}

export interface Hoster {
  name: string;
  block: AddressBlock;
}

export interface NetworkPlan {
  isps: Isp[];
  /** ISP indices per country. */
  ispsByCountry: number[][];
  carriers: Carrier[];
  carriersByCountry: number[][];
  hosters: Hoster[];
  gapSalt: number;
}

/** First octets used for made-up residential allocations (one /12 per ISP). */
const residentialOctets = [
  24, 31, 37, 46, 50, 62, 65, 68, 71, 73, 76, 79, 81, 84, 86, 88, 90, 92, 94, 96, 98, 99, 101, 107, 108,
  109, 112, 118, 121, 125, 131, 141, 151, 161, 175, 176, 177, 178, 179, 180, 181, 186, 187, 188, 189,
];
const hosterNames = ["cloudline", "hostvault", "gridnode", "packetbay", "serverforge", "nimbuscompute"];
const hosterOctets = [34, 45, 51, 139, 159, 185];

export function planNetwork(seed: number): NetworkPlan {
  const isps: Isp[] = [];
  const carriers: Carrier[] = [];
  const ispsByCountry: number[][] = [];
  const carriersByCountry: number[][] = [];
  let asn = 64600;
  countries.forEach((_country, countryIdx) => {
    const ispIds: number[] = [];
    for (let j = 0; j < 2; j++) {
      const k = isps.length;
      const base = ((itemAt(residentialOctets, k) << 24) | (((k * 7) % 16) << 20)) >>> 0;
      isps.push({ countryIdx, block: new AddressBlock(base, 20, asn++, "residential", hash32(seed, 11, k)) });
      ispIds.push(k);
    }
    ispsByCountry.push(ispIds);
    const carrierIds: number[] = [];
    for (let j = 0; j < 2; j++) {
      const k = carriers.length;
      // 100.64.0.0/10 split into /16s, one per carrier.
      const base = ((100 << 24) | ((64 + k) << 16)) >>> 0;
      carriers.push({ countryIdx, block: new AddressBlock(base, 16, asn++, "mobile", hash32(seed, 12, k)) });
      carrierIds.push(k);
    }
    carriersByCountry.push(carrierIds);
  });
  const hosters = hosterNames.map((name, k) => {
    const base = ((itemAt(hosterOctets, k) << 24) | ((16 + k * 16) << 16)) >>> 0;
    return { name, block: new AddressBlock(base, 16, 65000 + k * 7, "datacenter", hash32(seed, 13, k)) };
  });
  return { isps, ispsByCountry, carriers, carriersByCountry, hosters, gapSalt: hash32(seed, 14) };
}

/** An endpoint for an IPv4 address of a block, with a class override if any. */
export function ipv4Endpoint(plan: NetworkPlan, address: number, block: AddressBlock, ipClass?: IpClass): Endpoint {
  return makeEndpoint(formatIpv4(address), block.asn, ipClass ?? block.ipClass, isEnrichmentGap(address, plan.gapSalt));
}

/**
 * A stable home IPv6 address in 2001:db8::/32: the /64 comes from a bijection
 * of `unique`, so distinct values never collide.
 */
export function ipv6Endpoint(plan: NetworkPlan, unique: number, isp: AddressBlock): Endpoint {
  const prefix = permuteBits(unique, 32, plan.gapSalt);
  const h1 = hash32(unique, plan.gapSalt, 1);
  const h2 = hash32(unique, plan.gapSalt, 2);
  const groups = [0x2001, 0xdb8, prefix >>> 16, prefix & 0xffff, (h1 >>> 16) | 0x200, h1 & 0xffff, h2 >>> 16, h2 & 0xffff];
  return makeEndpoint(formatIpv6(groups), isp.asn, "residential", isEnrichmentGap(prefix ^ 0x6, plan.gapSalt));
}

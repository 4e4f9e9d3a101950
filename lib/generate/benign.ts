/**
 * The benign population and the structure real data has: offices behind one
 * egress address, households behind one home router, carrier NAT and VPN
 * exits shared by hundreds of strangers, developers on cloud servers.
 * Benign accounts occupy indices [0, count) of the population.
 */
import { assignMobileExits, assignVpnExits } from "./benign-exits";
import type { BuildContext } from "./build-context";
import { countries } from "./catalog";
import { NONE, Ns, token } from "./identifiers";
import { ipv4Endpoint, ipv6Endpoint, type Endpoint } from "./network";
import { EmailStyle, Flag, hasFlag, NO_ISP, setFlag, Status } from "./population";
import { cumulativeWeights, hash32, itemAt, Rng, seedFor } from "./prng";
import { clampTime, DAY, Diurnal, HOUR, placeInDay, TIMELINE_END, TIMELINE_START } from "./timeline";


export interface OfficeInfo {
  first: number;
  count: number;
  countryIdx: number;
  domainIdx: number;
  endpoint: Endpoint;
  apiOrg: number;
  /** Corporate card token (NONE if the office has none) and how many members carry it. */
  card: number;
  cardHolders: number;
}

export interface HouseholdInfo {
  first: number;
  count: number;
  card: number;
  cardHolders: number;
  /** Shared tablet device token (NONE if none) and how many members use it. */
  tablet: number;
  tabletUsers: number;
}

export interface BenignWorld {
  count: number;
  offices: OfficeInfo[];
  households: HouseholdInfo[];
  mobileExits: Endpoint[];
  vpnExits: Endpoint[];
  /** Fingerprints that collide across many identical phones. */
  genericDevices: number;
}

export const GENERIC_DEVICE_COUNT = 24;

const countryCdf = cumulativeWeights(countries.map((c) => c.weight));

export function buildBenign(ctx: BuildContext, count: number): BenignWorld {
  const rng = new Rng(seedFor(ctx.seed, "benign"));
  for (let i = 0; i < count; i++) assignBaseProfile(ctx, rng, i);
  const offices = buildOffices(ctx, rng, count);
  const officeEnd = offices.reduce((end, o) => Math.max(end, o.first + o.count), 0);
  const households = buildHouseholds(ctx, rng, officeEnd, count);
  const householdEnd = households.reduce((end, h) => Math.max(end, h.first + h.count), officeEnd);
  for (let i = 0; i < officeEnd; i++) assignHome(ctx, rng, i);
  for (let i = householdEnd; i < count; i++) assignSingle(ctx, rng, i);
  const mobileExits = assignMobileExits(ctx, rng, count);
  const vpnExits = assignVpnExits(ctx, rng, count);
  return { count, offices, households, mobileExits, vpnExits, genericDevices: GENERIC_DEVICE_COUNT };
}

function pickCountry(rng: Rng): number {
  return rng.weighted(countryCdf);
}

function utcOffsetMinutes(rng: Rng, countryIdx: number): number {
  return Math.round(rng.pick(itemAt(countries, countryIdx).utcOffsets) * 60);
}

/** Sign-ups grow over the year (density rises 3x) and follow the local day. */
function signUpTime(rng: Rng, utcOffsetMin: number): number {
  const u = rng.float();
  const x = (-1 + Math.sqrt(1 + 8 * u)) / 2;
  const around = TIMELINE_START + x * (TIMELINE_END - TIMELINE_START);
  const at = placeInDay(rng, around, utcOffsetMin * 60_000, Diurnal.personal);
  return clampTime(at, TIMELINE_START, TIMELINE_END - HOUR);
}

function pickStatus(rng: Rng): number {
  const r = rng.float();
  if (r < 0.004) return Status.suspended;
  if (r < 0.006) return Status.banned;
  if (r < 0.02) return Status.unknown;
  return Status.active;
}

function assignBaseProfile(ctx: BuildContext, rng: Rng, i: number): void {
  const { pop } = ctx;
  const countryIdx = pickCountry(rng);
  pop.country[i] = countryIdx;
  pop.utcOffsetMin[i] = utcOffsetMinutes(rng, countryIdx);
  pop.createdAt[i] = signUpTime(rng, pop.utcOffsetMin[i] ?? 0);
  const churns = rng.chance(0.35);
  pop.activeUntil[i] = churns ? Math.min(TIMELINE_END, (pop.createdAt[i] ?? 0) + HOUR + rng.exponential(10 * DAY)) : TIMELINE_END;
  pop.status[i] = pickStatus(rng);
  pop.emailStyle[i] = rng.chance(0.005) ? EmailStyle.none : EmailStyle.personal;
  pop.emailDomain[i] = ctx.domains.pickWebmail(rng);
  if (rng.chance(0.65)) {
    pop.phone[i] = i;
    pop.phoneCountry[i] = countryIdx;
  }
  if (rng.chance(0.55)) pop.card[i] = token(Ns.cardPersonal, i);
  if (rng.chance(0.015)) pop.wallet[i] = token(Ns.walletPersonal, i);
  if (rng.chance(0.18)) setFlag(pop, i, Flag.tablet);
  if (rng.chance(0.01)) setFlag(pop, i, Flag.countryUnknown);
}

function officeSizes(ctx: BuildContext, rng: Rng, benignCount: number): number[] {
  const { count, minSize, maxSize } = ctx.spec.offices;
  const median = Math.sqrt(minSize * maxSize);
  const sizes: number[] = [];
  let total = 0;
  for (let k = 0; k < count; k++) {
    const size = Math.round(Math.min(maxSize, Math.max(minSize, rng.logNormal(median, 0.55))));
    if (total + size > benignCount * 0.4) break;
    sizes.push(size);
    total += size;
  }
  return sizes;
}

function buildOffices(ctx: BuildContext, rng: Rng, benignCount: number): OfficeInfo[] {
  let first = 0;
  return officeSizes(ctx, rng, benignCount).map((size, k) => {
    const office = createOffice(ctx, rng, k, first, size);
    first += size;
    return office;
  });
}

function createOffice(ctx: BuildContext, rng: Rng, k: number, first: number, count: number): OfficeInfo {
  const { pop, net } = ctx;
  const countryIdx = pickCountry(rng);
  const isp = itemAt(net.isps, rng.pick(itemAt(net.ispsByCountry, countryIdx)));
  const endpoint = ipv4Endpoint(net, isp.block.allocate(), isp.block, "business");
  const hasCard = rng.chance(0.4);
  const cardHolders = hasCard ? rng.range(2, Math.max(2, Math.round(count * 0.6))) : 0;
  const office: OfficeInfo = {
    first,
    count,
    countryIdx,
    domainIdx: ctx.domains.addCorporate(k),
    endpoint,
    apiOrg: token(Ns.apiOrgCorporate, k),
    card: hasCard ? token(Ns.cardCorporate, k) : NONE,
    cardHolders,
  };
  const utcOffset = utcOffsetMinutes(rng, countryIdx);
  // A company adopts the product on one day and its staff sign up over the next weeks.
  const rollout = TIMELINE_START + rng.float() * (TIMELINE_END - TIMELINE_START - 90 * DAY);
  for (let m = 0; m < count; m++) {
    const i = first + m;
    pop.country[i] = countryIdx;
    pop.utcOffsetMin[i] = utcOffset;
    const around = rollout + rng.exponential(12 * DAY);
    pop.createdAt[i] = clampTime(placeInDay(rng, around, utcOffset * 60_000, Diurnal.work, true), TIMELINE_START, TIMELINE_END - HOUR);
    pop.activeUntil[i] = rng.chance(0.1) ? Math.min(TIMELINE_END, (pop.createdAt[i] ?? 0) + rng.exponential(30 * DAY)) : TIMELINE_END;
    pop.emailStyle[i] = EmailStyle.corporate;
    pop.emailDomain[i] = office.domainIdx;
    pop.group[i] = m;
    pop.office[i] = k;
    pop.apiOrg[i] = office.apiOrg;
    if (m < cardHolders) pop.card[i] = office.card;
    if (pop.phone[i] !== NONE) pop.phoneCountry[i] = countryIdx;
  }
  return office;
}

const householdSizeCdf = cumulativeWeights([50, 25, 17, 8]);

function buildHouseholds(ctx: BuildContext, rng: Rng, first: number, benignCount: number): HouseholdInfo[] {
  const target = Math.min(benignCount - first, Math.round(ctx.spec.householdShare * benignCount));
  const households: HouseholdInfo[] = [];
  let next = first;
  for (;;) {
    const size = 2 + rng.weighted(householdSizeCdf);
    if (next + size - first > target) break;
    households.push(createHousehold(ctx, rng, households.length, next, size));
    next += size;
  }
  return households;
}

function createHousehold(ctx: BuildContext, rng: Rng, h: number, first: number, count: number): HouseholdInfo {
  const { pop, net } = ctx;
  const countryIdx = pop.country[first] ?? 0;
  const ispIdx = rng.pick(itemAt(net.ispsByCountry, countryIdx));
  const address = itemAt(net.isps, ispIdx).block.allocate();
  const cardHolders = rng.chance(0.35) ? rng.range(2, count) : 0;
  const tabletUsers = rng.chance(0.15) ? rng.range(2, count) : 0;
  for (let m = 0; m < count; m++) {
    const i = first + m;
    pop.country[i] = countryIdx;
    pop.utcOffsetMin[i] = pop.utcOffsetMin[first] ?? 0;
    if (pop.phone[i] !== NONE) pop.phoneCountry[i] = countryIdx;
    pop.household[i] = h;
    pop.homeIsp[i] = ispIdx;
    pop.homeIp[i] = address;
    if (m < cardHolders) pop.card[i] = token(Ns.cardHousehold, h);
    if (m < tabletUsers) setFlag(pop, i, Flag.sharedTablet);
  }
  return {
    first,
    count,
    card: cardHolders > 0 ? token(Ns.cardHousehold, h) : NONE,
    cardHolders,
    tablet: tabletUsers > 0 ? token(Ns.deviceHousehold, h) : NONE,
    tabletUsers,
  };
}

/** A home broadband address of the account's country (22% of them IPv6). */
function assignHome(ctx: BuildContext, rng: Rng, i: number): void {
  const { pop, net } = ctx;
  const ispIdx = rng.pick(itemAt(net.ispsByCountry, pop.country[i] ?? 0));
  pop.homeIsp[i] = ispIdx;
  if (rng.chance(0.22)) setFlag(pop, i, Flag.homeV6);
  else pop.homeIp[i] = itemAt(net.isps, ispIdx).block.allocate();
}

function assignSingle(ctx: BuildContext, rng: Rng, i: number): void {
  const { pop, net } = ctx;
  if (rng.chance(0.04)) {
    setFlag(pop, i, Flag.dormant);
    return;
  }
  if (rng.chance(0.92)) assignHome(ctx, rng, i);
  if (rng.chance(0.04)) {
    setFlag(pop, i, Flag.developer);
    const hoster = rng.int(net.hosters.length);
    pop.serverHoster[i] = hoster;
    pop.serverIp[i] = itemAt(net.hosters, hoster).block.allocate();
    if (rng.chance(0.3)) pop.apiOrg[i] = token(Ns.apiOrgPersonal, i);
  }
}

/** The account's home address as sessions print it, or null without one. */
export function homeEndpoint(ctx: Pick<BuildContext, "pop" | "net">, i: number): Endpoint | null {
  const { pop, net } = ctx;
  const ispIdx = pop.homeIsp[i] ?? NO_ISP;
  if (ispIdx === NO_ISP) return null;
  const block = itemAt(net.isps, ispIdx).block;
  if (hasFlag(pop, i, Flag.homeV6)) return ipv6Endpoint(net, i, block);
  return ipv4Endpoint(net, pop.homeIp[i] ?? 0, block);
}

/** Token of the fingerprint-colliding phone an account carries. */
export function genericDeviceToken(seed: number, i: number): number {
  return token(Ns.deviceGeneric, hash32(seed, i) % GENERIC_DEVICE_COUNT);
}

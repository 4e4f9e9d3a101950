/**
 * Every account of a scenario as columns of typed arrays (≈80 bytes per
 * account), so a million accounts fit in memory without a million objects.
 * Builders fill index ranges; writers read them back in sign-up order.
 */
import { NONE } from "./identifiers";

export const Role = { benign: 0, proxy: 1, farm: 2, ring: 3 } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const Status = { active: 0, suspended: 1, banned: 2, unknown: 3 } as const;
export const statusNames = ["active", "suspended", "banned", ""] as const;

/** How the mail address's local part is built. */
export const EmailStyle = { personal: 0, corporate: 1, random: 2, none: 3 } as const;

/** Bits of Population.flags. */
export const Flag = {
  developer: 1,
  homeV6: 2,
  tablet: 4,
  sharedTablet: 8,
  genericPhoneFingerprint: 16,
  proxyExitHome: 32,
  dormant: 64,
  /** The country is known internally (time zone, phone) but not exported. */
  countryUnknown: 128,
} as const;

export const NO_COUNTRY = 255;
export const NO_ISP = 255;

export interface Population {
  readonly size: number;
  role: Uint8Array;
  /** Index of the campaign (in Scenario.campaigns) or -1. */
  campaign: Int16Array;
  /** Campaign sub-group, or the member's ordinal inside its office. */
  group: Int32Array;
  country: Uint8Array;
  utcOffsetMin: Int16Array;
  createdAt: Float64Array;
  /** Last instant of the account's activity window. */
  activeUntil: Float64Array;
  status: Uint8Array;
  emailDomain: Uint16Array;
  emailStyle: Uint8Array;
  /** Phone uniqueness value (see IdFormatter.phone) or NONE. */
  phone: Uint32Array;
  phoneCountry: Uint8Array;
  card: Uint32Array;
  wallet: Uint32Array;
  apiOrg: Uint32Array;
  sessions: Uint32Array;
  homeIsp: Uint8Array;
  homeIp: Uint32Array;
  mobileExitA: Int32Array;
  mobileExitB: Int32Array;
  vpnExit: Int32Array;
  household: Int32Array;
  office: Int32Array;
  serverHoster: Uint8Array;
  serverIp: Uint32Array;
  flags: Uint8Array;
}

export function createPopulation(size: number): Population {
  const filled = <T extends { fill(v: number): T }>(array: T, value: number): T => array.fill(value);
  return {
    size,
    role: new Uint8Array(size),
    campaign: filled(new Int16Array(size), -1),
    group: filled(new Int32Array(size), -1),
    country: filled(new Uint8Array(size), NO_COUNTRY),
    utcOffsetMin: new Int16Array(size),
    createdAt: new Float64Array(size),
    activeUntil: new Float64Array(size),
    status: new Uint8Array(size),
    emailDomain: new Uint16Array(size),
    emailStyle: new Uint8Array(size),
    phone: filled(new Uint32Array(size), NONE),
    phoneCountry: new Uint8Array(size),
    card: filled(new Uint32Array(size), NONE),
    wallet: filled(new Uint32Array(size), NONE),
    apiOrg: filled(new Uint32Array(size), NONE),
    sessions: new Uint32Array(size),
    homeIsp: filled(new Uint8Array(size), NO_ISP),
    homeIp: new Uint32Array(size),
    mobileExitA: filled(new Int32Array(size), -1),
    mobileExitB: filled(new Int32Array(size), -1),
    vpnExit: filled(new Int32Array(size), -1),
    household: filled(new Int32Array(size), -1),
    office: filled(new Int32Array(size), -1),
    serverHoster: new Uint8Array(size),
    serverIp: new Uint32Array(size),
    flags: new Uint8Array(size),
  };
}

export function hasFlag(pop: Population, i: number, flag: number): boolean {
  return ((pop.flags[i] ?? 0) & flag) !== 0;
}

export function setFlag(pop: Population, i: number, flag: number): void {
  pop.flags[i] = (pop.flags[i] ?? 0) | flag;
}

/** Account indices ordered by sign-up time (ties by index): the file order. */
export function signUpOrder(pop: Population): Uint32Array {
  const order = new Uint32Array(pop.size);
  for (let i = 0; i < pop.size; i++) order[i] = i;
  const created = pop.createdAt;
  return order.sort((a, b) => (created[a] ?? 0) - (created[b] ?? 0) || a - b);
}

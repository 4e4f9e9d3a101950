/**
 * Turns small integers into the identifier strings the files carry. Every
 * identifier starts from a token: a namespace in the top 6 bits and an index
 * in the low 26. The visible text begins with a keyed bijection of the token,
 * so two different tokens can never print the same id, while a different rng
 * gives different-looking ids.
 */
import { countries, firstNames, lastNames } from "./catalog";
import { fmix32, hash32, itemAt, permuteBelow, permuteBits, seedFor } from "./prng";

/** Token namespaces. Each kind of shared thing draws from its own. */
export const Ns = {
  account: 1,
  session: 2,
  device: 3,
  deviceHousehold: 4,
  deviceGeneric: 5,
  deviceCampaign: 6,
  cardPersonal: 7,
  cardHousehold: 8,
  cardCorporate: 9,
  cardCampaign: 10,
  phoneCampaign: 11,
  walletPersonal: 12,
  walletCampaign: 13,
  apiOrgPersonal: 14,
  apiOrgCorporate: 15,
  apiOrgCampaign: 16,
  promptPopular: 17,
  promptPersonal: 18,
  promptCampaign: 19,
} as const;

const INDEX_BITS = 26;
export const NONE = 0xffffffff;

export function token(ns: number, index: number): number {
  if (index < 0 || index >= 2 ** INDEX_BITS) throw new RangeError(`token index ${index} out of range`);
  return (ns * 2 ** INDEX_BITS + index) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const hexBytes = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** Eight lower-case hex digits (table-driven: ids are formatted millions of times). */
function hex8(value: number): string {
  return `${hex4(value)}${hexBytes[(value >>> 8) & 255] ?? ""}${hexBytes[value & 255] ?? ""}`;
}

/** The high four hex digits of a 32-bit value. */
function hex4(value: number): string {
  return `${hexBytes[value >>> 24] ?? ""}${hexBytes[(value >>> 16) & 255] ?? ""}`;
}

function base62(value: number, length: number): string {
  let v = value >>> 0;
  let out = "";
  for (let i = 0; i < length; i++) {
    out += BASE62.charAt(v % 62);
    v = Math.floor(v / 62);
  }
  return out;
}

/** Formats tokens for one scenario; the key comes from the scenario's rng. */
export class IdFormatter {
  private readonly key: number;
  private readonly key2: number;

  private readonly suffixBits: number;

  /** `accounts` sizes the mail-address suffixes: shorter numbers for smaller worlds. */
  constructor(rootSeed: number, accounts: number) {
    this.key = seedFor(rootSeed, "ids");
    this.key2 = seedFor(rootSeed, "ids-tail");
    this.suffixBits = Math.max(12, Math.ceil(Math.log2(accounts + 1)));
  }

  private unique(tok: number): number {
    return fmix32(tok ^ this.key);
  }

  private tail(tok: number, salt: number): number {
    return hash32(tok, this.key2, salt);
  }

  accountId(index: number): string {
    return `acct_${hex8(this.unique(token(Ns.account, index)))}`;
  }

  sessionId(index: number): string {
    const tok = token(Ns.session, index);
    return `sess_${hex8(this.unique(tok))}${hex4(this.tail(tok, 1))}`;
  }

  deviceId(tok: number): string {
    return `dev_${hex8(this.unique(tok))}${hex8(this.tail(tok, 1))}`;
  }

  cardFp(tok: number): string {
    return `cfp_${hex8(this.unique(tok))}${hex8(this.tail(tok, 2))}`;
  }

  promptFp(tok: number): string {
    return `tpl_${hex8(this.unique(tok))}${hex4(this.tail(tok, 3))}`;
  }

  wallet(tok: number): string {
    let text = `0x${hex8(this.unique(tok))}`;
    for (let salt = 4; salt < 8; salt++) text += hex8(this.tail(tok, salt));
    return text;
  }

  apiOrg(tok: number): string {
    return `org-${base62(this.unique(tok), 6)}${base62(this.tail(tok, 8), 6)}${base62(this.tail(tok, 9), 6)}`;
  }

  /**
   * E.164 mobile number. The last 7 digits are a bijection of `unique` below
   * 10^7, so distinct `unique` values never share a number.
   */
  phone(countryIdx: number, unique: number): string {
    const country = itemAt(countries, countryIdx);
    const prefix = itemAt(country.mobilePrefixes, hash32(unique, this.key2) % country.mobilePrefixes.length);
    const subscriber = permuteBelow(unique, 10_000_000, this.key);
    return `+${country.dialCode}${prefix}${String(subscriber).padStart(7, "0")}`;
  }

  /** A number unique per account index (below 2^suffixBits), used as a mail-address suffix. */
  mailSuffix(index: number): number {
    return 1 + permuteBits(index, this.suffixBits, this.key2);
  }

  /** A person's name, stable per seed value. */
  name(seedValue: number): { first: string; last: string } {
    const h = hash32(seedValue, this.key);
    return { first: itemAt(firstNames, h % firstNames.length), last: itemAt(lastNames, (h >>> 12) % lastNames.length) };
  }
}

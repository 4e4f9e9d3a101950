/**
 * accounts.csv: one row per account in sign-up order, with the contract's
 * columns plus attr_payout_wallet and attr_api_org.
 */
import { countries, firstNames, lastNames } from "./catalog";
import { NONE } from "./identifiers";
import { EmailStyle, Flag, hasFlag, statusNames } from "./population";
import { hash32, itemAt, permuteBelow } from "./prng";
import type { Scenario } from "./scenario";
import { timeStyleFor } from "./sessions-file";
import { formatTimestamp, truncateForStyle } from "./timeline";
import { csvField } from "./writers";

export const ACCOUNTS_FILE = "accounts.csv";
export const accountColumns = [
  "account_id",
  "created_at",
  "email",
  "phone",
  "card_fp",
  "country",
  "status",
  "attr_payout_wallet",
  "attr_api_org",
] as const;

export function accountsHeader(): string {
  return `${accountColumns.join(",")}\n`;
}

export function accountRow(scn: Scenario, i: number): string {
  const { pop, ids } = scn;
  const style = timeStyleFor(i, scn.seed ^ 0xacc);
  const phone = pop.phone[i] ?? NONE;
  const card = pop.card[i] ?? NONE;
  const wallet = pop.wallet[i] ?? NONE;
  const apiOrg = pop.apiOrg[i] ?? NONE;
  const fields = [
    ids.accountId(i),
    formatTimestamp(truncateForStyle(pop.createdAt[i] ?? 0, style), style),
    emailOf(scn, i),
    phone === NONE ? "" : ids.phone(pop.phoneCountry[i] ?? 0, phone),
    card === NONE ? "" : ids.cardFp(card),
    hasFlag(pop, i, Flag.countryUnknown) ? "" : (countries[pop.country[i] ?? -1]?.code ?? ""),
    statusNames[pop.status[i] ?? 0] ?? "",
    wallet === NONE ? "" : ids.wallet(wallet),
    apiOrg === NONE ? "" : ids.apiOrg(apiOrg),
  ];
  return `${fields.map(csvField).join(",")}\n`;
}

/** The address's local part and domain, by the account's email style. */
function emailOf(scn: Scenario, i: number): string {
  const { pop, ids, domains } = scn;
  const style = pop.emailStyle[i] ?? EmailStyle.none;
  if (style === EmailStyle.none) return "";
  const domain = domains.name(pop.emailDomain[i] ?? 0);
  if (style === EmailStyle.corporate) return `${corporateLocalPart(scn.seed, pop.office[i] ?? 0, pop.group[i] ?? 0)}@${domain}`;
  const suffix = ids.mailSuffix(i);
  if (style === EmailStyle.random) return `${randomLetters(hash32(i, scn.seed), 7)}${suffix}@${domain}`;
  return `${personalLocalPart(ids.name(i), hash32(i, scn.seed, 3) % 5)}${suffix}@${domain}`;
}

/**
 * first.last, unique inside one office: member ordinals map through a
 * bijection onto (first, last) pairs.
 */
function corporateLocalPart(seed: number, office: number, ordinal: number): string {
  const pairs = firstNames.length * lastNames.length;
  const p = permuteBelow(ordinal, pairs, hash32(seed, office));
  return `${itemAt(firstNames, p % firstNames.length)}.${itemAt(lastNames, Math.floor(p / firstNames.length))}`;
}

/** Personal addresses always end in the account's unique number, so they never collide. */
function personalLocalPart({ first, last }: { first: string; last: string }, pattern: number): string {
  switch (pattern) {
    case 0:
      return `${first}.${last}`;
    case 1:
      return `${first}${last}`;
    case 2:
      return `${first.charAt(0)}${last}`;
    case 3:
      return `${first}_${last.charAt(0)}`;
    default:
      return `${last}.${first}`;
  }
}

function randomLetters(value: number, length: number): string {
  let v = value >>> 0;
  let out = "";
  for (let k = 0; k < length; k++) {
    out += String.fromCharCode(97 + (v % 26));
    v = Math.floor(v / 26) ^ hash32(v, k);
    v >>>= 0;
  }
  return out;
}

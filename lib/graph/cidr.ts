import { AppError } from "@/lib/errors/app-error";
import { ipv6Groups } from "@/lib/ingest/validate/ip";

/**
 * An address range from CIDR text, as the search query needs it: `prefix`,
 * the text every address in the range starts with in its canonical form
 * (index-backed STARTS WITH), and the exact bounds, compared on a form of
 * the address that orders like the address: a 32-bit number for IPv4, 32
 * hex digits for IPv6.
 */
export type IpRange = { version: 4; prefix: string; first: number; last: number } | { version: 6; prefix: string; first: string; last: string };

const ipv4Cidr = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const ipv6Cidr = /^([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\/(\d{1,3})$/;

/** Ranges wider than these would scan a large share of all addresses; search narrower. */
export const widestPrefixLength = { 4: 8, 6: 16 } as const;

/**
 * Parses CIDR text ("203.0.113.0/24", "2001:db8::/32"). Returns undefined
 * for text that is not CIDR-shaped (so the caller searches it as a prefix)
 * and throws a 400 for CIDR-shaped text that is wrong.
 */
export function parseCidr(text: string): IpRange | undefined {
  const ipv4 = ipv4Cidr.exec(text);
  if (ipv4) return ipv4Range(text, ipv4.slice(1, 5).map(Number), Number(ipv4[5]));
  const ipv6 = ipv6Cidr.exec(text);
  if (ipv6) return ipv6Range(text, ipv6[1]!, Number(ipv6[2]));
  return undefined;
}

function ipv4Range(text: string, octets: number[], length: number): IpRange {
  if (octets.some((octet) => octet > 255)) throw new AppError("BAD_REQUEST", `"${text}" is not an IPv4 range: octets go up to 255`);
  checkLength(text, length, 4, 32);
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - length);
  const first = Math.floor(address / size) * size;
  // At most three octets: a whole address is matched by its bounds, and "1.2.3.4." would match nothing.
  const fixedOctets = Math.min(Math.floor(length / 8), 3);
  const prefix = octetsOf(first).slice(0, fixedOctets).map((octet) => `${octet}.`).join("");
  return { version: 4, prefix, first, last: first + size - 1 };
}

function octetsOf(address: number): number[] {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
}

function ipv6Range(text: string, address: string, length: number): IpRange {
  const groups = ipv6Groups(address);
  if (!groups) throw new AppError("BAD_REQUEST", `"${text}" is not an IPv6 range: "${address}" is no IPv6 address (an IPv4-mapped one is searched as IPv4)`);
  checkLength(text, length, 6, 128);
  const size = 1n << BigInt(128 - length);
  const first = (groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n) / size) * size;
  const firstGroups = groupsOf(first);
  return { version: 6, prefix: ipv6Prefix(firstGroups, length), first: hexDigits(first), last: hexDigits(first + size - 1n) };
}

function checkLength(text: string, length: number, version: 4 | 6, longest: number): void {
  const widest = widestPrefixLength[version];
  if (length < widest || length > longest) throw new AppError("BAD_REQUEST", `"${text}": the prefix length must be between /${widest} and /${longest}`);
}

/**
 * The canonical text every address of the range starts with: its leading
 * whole groups, as long as none is zero (RFC 5952 text may fold a zero group
 * into "::", and always writes a non-zero one), and never all eight, so that
 * the trailing ":" still matches a whole address.
 */
function ipv6Prefix(groups: number[], length: number): string {
  const fixed: string[] = [];
  for (const group of groups.slice(0, Math.min(Math.floor(length / 16), 7))) {
    if (group === 0) break;
    fixed.push(group.toString(16));
  }
  return fixed.map((group) => `${group}:`).join("");
}

function groupsOf(address: bigint): number[] {
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((address >> shift) & 0xffffn));
}

/** 32 lower-case hex digits: text comparison orders these as the addresses. */
function hexDigits(address: bigint): string {
  return address.toString(16).padStart(32, "0");
}

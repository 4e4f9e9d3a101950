import { AppError } from "@/lib/errors/app-error";

export interface Ipv4Range {
  /** The octets every address in the range starts with, as text ending in "." ("203.0.113."); "" for none. */
  prefix: string;
  /** First and last address as 32-bit numbers. */
  first: number;
  last: number;
}

const cidrPattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Ranges wider than this would scan a large share of all addresses; search narrower. */
export const widestPrefixLength = 8;

/**
 * Parses IPv4 CIDR text ("203.0.113.0/24"). Returns undefined for text that
 * is not CIDR-shaped (so the caller searches it as a prefix) and throws a 400
 * for CIDR-shaped text that is wrong. IPv6 ranges are not supported yet.
 */
export function parseCidr(text: string): Ipv4Range | undefined {
  const match = cidrPattern.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]);
  if (octets.some((octet) => octet > 255)) throw new AppError("BAD_REQUEST", `"${text}" is not an IPv4 range: octets go up to 255`);
  if (length < widestPrefixLength || length > 32) {
    throw new AppError("BAD_REQUEST", `"${text}": the prefix length must be between /${widestPrefixLength} and /32`);
  }
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - length);
  const first = Math.floor(address / size) * size;
  // At most three octets: a whole address is matched by its bounds, and "1.2.3.4." would match nothing.
  const fixedOctets = Math.min(Math.floor(length / 8), 3);
  const prefix = octetsOf(first).slice(0, fixedOctets).map((octet) => `${octet}.`).join("");
  return { prefix, first, last: first + size - 1 };
}

function octetsOf(address: number): number[] {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
}

import { Invalid, quote } from "./invalid";

/**
 * Canonical text for an IP address, so one address is one graph node however a
 * log wrote it:
 * - IPv4: dotted decimal, no leading zeros. A leading zero is accepted only
 *   where octal and decimal readings agree (`1.02.3.4` → `1.2.3.4`); `010.1.2.3`
 *   is rejected, since tools that read it as octal mean 8.1.2.3.
 * - IPv6: lower-case, RFC 5952 compressed (longest run of two or more zero
 *   groups becomes `::`, the first on a tie).
 * - IPv4-mapped IPv6 (`::ffff:1.2.3.4`, also written `::ffff:102:304`) → IPv4.
 * Zone ids (`fe80::1%eth0`), brackets, ports and CIDR suffixes are malformed.
 */
export function normaliseIp(text: string): string | Invalid {
  if (!text.includes(":")) return normaliseIpv4(text);
  const parsed = parseIpv6(text);
  if (parsed === undefined) return new Invalid(`malformed IP ${quote(text)}`);
  if (typeof parsed === "string") return new Invalid(`malformed IP ${quote(text)}: ${parsed}`);
  return parsed.length === 4 ? parsed.join(".") : formatIpv6(parsed);
}

/** The eight 16-bit groups of an IPv6 address in any text form; undefined for anything else (IPv4-mapped included). */
export function ipv6Groups(text: string): number[] | undefined {
  const parsed = parseIpv6(text);
  return Array.isArray(parsed) && parsed.length === 8 ? parsed : undefined;
}

function normaliseIpv4(text: string): string | Invalid {
  const octets = parseIpv4(text);
  if (octets === undefined) return new Invalid(`malformed IP ${quote(text)}`);
  if (typeof octets === "string") return new Invalid(`malformed IP ${quote(text)}: ${octets}`);
  // Most addresses are already canonical: reuse the input rather than rebuild it.
  const canonical = octets.join(".");
  return canonical.length === text.length ? text : canonical;
}

/**
 * Four octets; `undefined` when not dotted decimal, a string saying why when
 * out of range or ambiguous. Scanned by hand: this runs on most session rows.
 */
function parseIpv4(text: string): number[] | string | undefined {
  const octets: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : DOT;
    if (code >= ZERO && code <= NINE) continue;
    if (code !== DOT || i === start || i - start > 3 || octets.length === 4) return undefined;
    const digits = text.slice(start, i);
    const octet = Number(digits);
    if (octet > 255) return `octet ${digits} is out of range`;
    const hasLeadingZero = digits.length > 1 && digits.charCodeAt(0) === ZERO;
    if (hasLeadingZero && octet > 7) return `leading zero makes ${digits} ambiguous (octal or decimal)`;
    octets.push(octet);
    start = i + 1;
  }
  return octets.length === 4 ? octets : undefined;
}

const ZERO = 48;
const NINE = 57;
const DOT = 46;

const hexGroup = /^[0-9a-fA-F]{1,4}$/;

/** Eight 16-bit groups, or four octets when the address is IPv4-mapped. */
function parseIpv6(text: string): number[] | string | undefined {
  const gap = text.indexOf("::");
  if (gap !== text.lastIndexOf("::")) return undefined;
  // An embedded IPv4 may only end the address: after `::`, or at the end when there is none.
  const head = parseGroups(gap === -1 ? text : text.slice(0, gap), gap === -1);
  const tail = gap === -1 ? [] : parseGroups(text.slice(gap + 2), true);
  if (head === undefined || tail === undefined) return undefined;
  if (typeof head === "string") return head;
  if (typeof tail === "string") return tail;
  const missing = 8 - head.length - tail.length;
  // `::` stands for at least one zero group; without it all eight must be there.
  if (gap === -1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(gap === -1 ? 0 : missing).fill(0), ...tail];
  return isIpv4Mapped(groups) ? ipv4FromGroups(groups) : groups;
}

/** Colon-separated hex groups; the last may be an embedded dotted IPv4 (two groups). */
function parseGroups(text: string, mayEndWithIpv4: boolean): number[] | string | undefined {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (mayEndWithIpv4 && i === parts.length - 1 && part.includes(".")) {
      const octets = parseIpv4(part);
      if (octets === undefined || typeof octets === "string") return octets;
      groups.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
    } else if (hexGroup.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

function isIpv4Mapped(groups: number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

function ipv4FromGroups(groups: number[]): number[] {
  const high = groups[6] ?? 0;
  const low = groups[7] ?? 0;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

/** RFC 5952 section 4. */
function formatIpv6(groups: number[]): string {
  const run = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (run.length < 2) return hex.join(":");
  const before = hex.slice(0, run.start).join(":");
  const after = hex.slice(run.start + run.length).join(":");
  return `${before}::${after}`;
}

function longestZeroRun(groups: number[]): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    const isZero = i < groups.length && groups[i] === 0;
    if (isZero && start === -1) start = i;
    if (!isZero && start !== -1) {
      // Strictly longer: on a tie the first run wins.
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best;
}

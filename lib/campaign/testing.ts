import { linkWeight, type AccountLink } from "./links";

/**
 * Builds the links map of a small account graph for pure tests: each
 * attribute key lists the accounts the test knows of, and `sizes` may say it
 * has more in the whole graph (a webmail domain's millions).
 */
export function linksOf(attributes: Record<string, string[]>, population: number, sizes: Record<string, number> = {}): Map<string, AccountLink[]> {
  const links = new Map<string, AccountLink[]>();
  for (const [key, accounts] of Object.entries(attributes)) {
    const size = sizes[key] ?? accounts.length;
    for (const id of accounts) {
      const own = links.get(id) ?? [];
      own.push({ key, accounts: size, weight: linkWeight(size, population), firstSeen: 0, lastSeen: 0 });
      links.set(id, own);
    }
  }
  return links;
}

export const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

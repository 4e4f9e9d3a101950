/**
 * Mail domains: a shared table so accounts store a small index, plus the
 * generators for corporate and catch-all domains (bijections over word
 * pairs, so two companies never get the same domain).
 */
import { corporateTlds, disposableDomains, domainSuffixes, domainWords, webmailDomains } from "./catalog";
import { cumulativeWeights, hash32, itemAt, permuteBelow, type Rng } from "./prng";

const catchAllTlds = ["shop", "site", "online", "store"];

export class DomainTable {
  readonly names: string[] = [];
  private readonly indexByName = new Map<string, number>();
  private readonly webmailCdf = cumulativeWeights(webmailDomains.map((d) => d.weight));
  private readonly webmailIdx: number[];
  readonly disposableIdx: number[];
  private catchAlls = 0;

  constructor(private readonly key: number) {
    this.webmailIdx = webmailDomains.map((d) => this.add(d.domain));
    this.disposableIdx = disposableDomains.map((d) => this.add(d));
  }

  add(name: string): number {
    if (this.indexByName.has(name)) throw new Error(`duplicate mail domain ${name}`);
    if (this.names.length >= 0xffff) throw new Error("too many mail domains");
    this.indexByName.set(name, this.names.length);
    this.names.push(name);
    return this.names.length - 1;
  }

  name(index: number): string {
    return itemAt(this.names, index);
  }

  pickWebmail(rng: Rng): number {
    return itemAt(this.webmailIdx, rng.weighted(this.webmailCdf));
  }

  /** The k-th company's domain, e.g. "cedaranalytics.com". */
  addCorporate(k: number): number {
    const pairs = domainWords.length * domainSuffixes.length;
    const p = permuteBelow(k, pairs, this.key);
    const word = itemAt(domainWords, p % domainWords.length);
    const suffix = itemAt(domainSuffixes, Math.floor(p / domainWords.length));
    const tld = itemAt(corporateTlds, hash32(p, this.key) % corporateTlds.length);
    return this.add(`${word}${suffix}.${tld}`);
  }

  /** A fresh catch-all domain a fraud sub-group registered, e.g. "tidalecho.shop". */
  addCatchAll(): number {
    const k = this.catchAlls++;
    const words = domainWords.length;
    const p = permuteBelow(k, words * words * catchAllTlds.length, this.key ^ 0x5bd1e995);
    const first = itemAt(domainWords, p % words);
    const second = itemAt(domainWords, Math.floor(p / words) % words);
    const tld = itemAt(catchAllTlds, Math.floor(p / (words * words)));
    return this.add(`${first}${second}.${tld}`);
  }
}

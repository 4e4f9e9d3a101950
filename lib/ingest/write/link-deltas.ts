import type { AttributeValue } from "@/lib/ingest/records";
import { attributeKey } from "./attribute-kinds";
import { earlierOf, laterOf, type Instant } from "./instants";

/**
 * What one batch adds to one `(:Account)-[:USES]->(:Attribute)` link: the
 * number of sessions that carry the value for the first time, and the time
 * span of the rows that carry it. Cypher applies it with one MERGE per link.
 */
export interface LinkDelta {
  accountId: string;
  key: string;
  newSessions: number;
  first: string;
  last: string;
}

/** What one batch adds to one Attribute node: its identity and the span of its links. */
export interface AttributeDelta {
  key: string;
  kind: string;
  value: string;
  first: string;
  last: string;
}

interface Span {
  first: Instant;
  last: Instant;
}

interface LinkEntry extends Span {
  accountId: string;
  key: string;
  newSessions: number;
}

interface AttributeEntry extends Span {
  key: string;
  kind: string;
  value: string;
}

/**
 * Pre-aggregates attribute sightings per (account, attribute) so a batch
 * touches each link once, however many of its rows carry the value.
 */
export class LinkDeltaTable {
  // Nested maps, not a joined string key: ids may contain any character.
  private readonly linksByAccount = new Map<string, Map<string, LinkEntry>>();
  private readonly attributeByKey = new Map<string, AttributeEntry>();

  /** One row of `accountId` carries `attribute` at `seenAt`; `isNewSession` when it is the session's first time. */
  record(accountId: string, attribute: AttributeValue, seenAt: Instant, isNewSession: boolean): void {
    const key = attributeKey(attribute.kind, attribute.value);
    const link = this.linkEntry(accountId, key, seenAt);
    if (isNewSession) link.newSessions += 1;
    widen(link, seenAt);
    widen(this.attributeEntry(key, attribute, seenAt), seenAt);
  }

  get links(): LinkDelta[] {
    return [...this.linksByAccount.values()].flatMap((links) =>
      [...links.values()].map((link) => ({ accountId: link.accountId, key: link.key, newSessions: link.newSessions, ...spanText(link) })),
    );
  }

  get attributes(): AttributeDelta[] {
    return [...this.attributeByKey.values()].map((entry) => ({ key: entry.key, kind: entry.kind, value: entry.value, ...spanText(entry) }));
  }

  private linkEntry(accountId: string, key: string, seenAt: Instant): LinkEntry {
    let links = this.linksByAccount.get(accountId);
    if (links === undefined) {
      links = new Map();
      this.linksByAccount.set(accountId, links);
    }
    let entry = links.get(key);
    if (entry === undefined) {
      entry = { accountId, key, newSessions: 0, first: seenAt, last: seenAt };
      links.set(key, entry);
    }
    return entry;
  }

  private attributeEntry(key: string, attribute: AttributeValue, seenAt: Instant): AttributeEntry {
    let entry = this.attributeByKey.get(key);
    if (entry === undefined) {
      entry = { key, kind: attribute.kind, value: attribute.value, first: seenAt, last: seenAt };
      this.attributeByKey.set(key, entry);
    }
    return entry;
  }
}

function widen(span: Span, seenAt: Instant): void {
  span.first = earlierOf(span.first, seenAt);
  span.last = laterOf(span.last, seenAt);
}

function spanText(span: Span): { first: string; last: string } {
  return { first: span.first.text, last: span.last.text };
}

/**
 * A batch is written as a few transactions that run at once, one per lane:
 * one Neo4j transaction runs on one thread, so a single writer leaves the
 * server's other cores idle. Lanes split rows by account, so each account,
 * its sessions and its USES links belong to one lane and concurrent
 * transactions share only Attribute nodes (whose writes are lock-ordered, see
 * write-links.ts). Two lanes: this is tuned for a 2-core server; more lanes
 * than cores only add lock waits.
 */
export const writeLaneCount = 2;

/** Batches a load may have in flight at once (see WriteLanes: the lanes' crossing-session check looks one batch back). */
export const maxBatchesInFlight = 2;

export interface LaneKeys<Row> {
  accountOf: (row: Row) => string;
  /** For session rows: a session must never be created by two lanes at once. */
  sessionOf?: (row: Row) => string;
}

/**
 * The lanes of one load. An account always goes to the same lane (by a hash
 * of its id), and each lane writes its parts of successive batches one after
 * another, so a lane goes on with the next batch while the other finishes
 * this one. With a barrier after every batch instead, the lane done first
 * waited for the other through ~30 % of a load (the demo preset: 15 of 50 s).
 * Why it stays exact:
 * - an account's rows of any batch are written by one lane, in input order,
 *   so a session always finds its account, and a link its earlier sessions,
 *   committed before it;
 * - lanes share only Attribute nodes, whose counters and spans are updated
 *   under their write locks (write-links.ts);
 * - a session named by accounts of two lanes, in one batch or in this batch
 *   and the one before it (a session changing owner, a data error the writer
 *   rejects), would be created by both lanes at once: such a batch waits for
 *   every lane and is written as one part, which the next batch waits for,
 *   so the writer sees the rows in order and rejects the later owner. This
 *   needs every batch older than the one before to have finished: a caller
 *   keeps at most two batches in flight (BatchesInFlight), and `write`
 *   refuses a third.
 */
export class WriteLanes {
  private readonly tails: Promise<unknown>[];
  /** The last batch's sessions and their lanes (none after a batch written on all lanes). */
  private previousSessions = new Map<string, number>();
  private batchesInFlight = 0;

  constructor(private readonly laneCount = writeLaneCount) {
    this.tails = Array.from({ length: laneCount }, () => Promise.resolve());
  }

  /**
   * Queues the rows' parts on their lanes and resolves when all of them are
   * written, with each non-empty part's result (in lane order); rejects with
   * the first failure once every part has settled. A part starts only after
   * its lane's part of the previous batch succeeded; after a failure the
   * lanes write nothing more.
   */
  async write<Row, Result>(rows: readonly Row[], keys: LaneKeys<Row>, writePart: (part: Row[]) => Promise<Result>): Promise<Result[]> {
    if (this.batchesInFlight >= maxBatchesInFlight) throw new Error(`WriteLanes.write: more than ${maxBatchesInFlight} batches in flight`);
    const parts = this.split(rows, keys);
    const jobs = parts === undefined ? [this.queueOnAllLanes([...rows], writePart)] : parts.map((part, lane) => this.queue(lane, part, writePart));
    this.batchesInFlight++;
    const settled = await Promise.allSettled(jobs).finally(() => this.batchesInFlight--);
    const failed = settled.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    return settled.flatMap((outcome) => (outcome.status === "fulfilled" && outcome.value !== skipped ? [outcome.value as Result] : []));
  }

  /** Rows per lane, in input order; undefined when a session crosses lanes (see the class comment). */
  private split<Row>(rows: readonly Row[], keys: LaneKeys<Row>): Row[][] | undefined {
    const parts: Row[][] = Array.from({ length: this.laneCount }, () => []);
    const sessions = new Map<string, number>();
    let crosses = false;
    for (const row of rows) {
      const lane = laneOfAccount(keys.accountOf(row), this.laneCount);
      parts[lane]?.push(row);
      if (keys.sessionOf === undefined) continue;
      const session = keys.sessionOf(row);
      const earlier = sessions.get(session) ?? this.previousSessions.get(session);
      if (earlier !== undefined && earlier !== lane) crosses = true;
      sessions.set(session, lane);
    }
    // After a batch on all lanes, the next batch's parts wait for it on every lane.
    this.previousSessions = crosses ? new Map<string, number>() : sessions;
    return crosses ? undefined : parts;
  }

  private queue<Row, Result>(lane: number, part: Row[], writePart: (part: Row[]) => Promise<Result>): Promise<Result | typeof skipped> {
    const job = this.tails[lane]!.then<Result | typeof skipped>(() => (part.length === 0 ? skipped : writePart(part)));
    this.tails[lane] = job;
    return job;
  }

  private queueOnAllLanes<Row, Result>(rows: Row[], writePart: (part: Row[]) => Promise<Result>): Promise<Result> {
    const job = Promise.all(this.tails).then(() => writePart(rows));
    for (const lane of this.tails.keys()) this.tails[lane] = job;
    return job;
  }
}

/** What a lane's empty part resolves to: no transaction, no result. */
const skipped = Symbol("no rows in this lane");

/** A lane for the account, the same for the whole load (FNV-1a over its id's UTF-16 code units). */
export function laneOfAccount(accountId: string, laneCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < accountId.length; i++) hash = Math.imul(hash ^ accountId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % laneCount;
}

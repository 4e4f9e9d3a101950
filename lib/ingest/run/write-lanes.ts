/**
 * A batch is written as a few transactions that run at once, one per lane:
 * one Neo4j transaction runs on one thread, so a single writer leaves the
 * server's other cores idle. Lanes split the batch by account, so each
 * account, its sessions and its USES links belong to one lane and concurrent
 * transactions share only Attribute nodes (whose writes are lock-ordered, see
 * write-links.ts). Two lanes: this is tuned for a 2-core server; more lanes
 * than cores only add lock waits.
 */
export const writeLaneCount = 2;

export interface LaneKeys<Row> {
  accountOf: (row: Row) => string;
  /** For session rows: a session must never be created by two lanes at once. */
  sessionOf?: (row: Row) => string;
}

/**
 * Splits rows into at most `laneCount` lanes by account, keeping input order
 * within each lane; each new account goes to the lane with the fewest rows so
 * far, which balances lanes without hashing. When one session id is named by
 * accounts of different lanes (a session moving owner, a data error the writer
 * rejects), the lanes would race to create it; then the batch stays one lane,
 * so the writer sees its rows in order and rejects the later owner as before.
 */
export function splitIntoLanes<Row>(rows: readonly Row[], laneCount: number, keys: LaneKeys<Row>): Row[][] {
  const lanes: Row[][] = Array.from({ length: Math.max(1, laneCount) }, () => []);
  const laneOfAccount = new Map<string, Row[]>();
  const laneOfSession = new Map<string, Row[]>();
  for (const row of rows) {
    const account = keys.accountOf(row);
    let lane = laneOfAccount.get(account);
    if (lane === undefined) {
      lane = lanes.reduce((smallest, candidate) => (candidate.length < smallest.length ? candidate : smallest));
      laneOfAccount.set(account, lane);
    }
    if (keys.sessionOf !== undefined) {
      const session = keys.sessionOf(row);
      const sessionLane = laneOfSession.get(session);
      if (sessionLane !== undefined && sessionLane !== lane) return [[...rows]];
      laneOfSession.set(session, lane);
    }
    lane.push(row);
  }
  return lanes.filter((lane) => lane.length > 0);
}

/**
 * Writes every lane concurrently and waits for all of them, also when one
 * fails (so no transaction is still running when the caller reports the
 * failure); throws the first failure.
 */
export async function writeLanes<Row, Result>(lanes: readonly Row[][], write: (lane: Row[]) => Promise<Result>): Promise<Result[]> {
  const settled = await Promise.allSettled(lanes.map(write));
  const failed = settled.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<Result>).value);
}

import type { AccountRecord, RowOrigin, SessionRecord } from "@/lib/ingest/records";
import { writeAccountBatch } from "@/lib/ingest/write/write-accounts";
import { checkSessionBatch, writeSessionBatch } from "@/lib/ingest/write/write-sessions";
import { AccountIdSet } from "./account-id-set";
import { maxBatchesInFlight, WriteLanes } from "./write-lanes";

/** A row that passed validation, still carrying where it came from (for rejects the writer finds). */
export interface AcceptedRow<T> extends RowOrigin {
  record: T;
  raw: string;
}

export interface BatchRejection<T> {
  row: AcceptedRow<T>;
  reason: string;
}

/** A row a sink rejects only after it has seen the whole input (the bulk path's session owners). */
export interface LateRejection extends RowOrigin {
  raw: string;
  reason: string;
}

/** Where validated batches go: the database, a dry run's checks, or the bulk path's staging. */
export interface BatchSink {
  writeAccounts(rows: Array<AcceptedRow<AccountRecord>>): Promise<Array<BatchRejection<AccountRecord>>>;
  writeSessions(rows: Array<AcceptedRow<SessionRecord>>): Promise<Array<BatchRejection<SessionRecord>>>;
  /** How many batches may be written at once (BatchesInFlight); one unless the sink keeps their order itself. */
  readonly batchesInFlight?: number;
  /** Called once after the last batch, for sinks that write at the end; rejects found then go to `reject`. */
  finish?(reject: (rejection: LateRejection) => Promise<void>): Promise<void>;
}

/**
 * Writes each batch as concurrent lanes split by account, one transaction per
 * lane, a lane going on with the next batch while the other finishes this one
 * (see write-lanes.ts); one sink per load.
 */
export function databaseSink(): BatchSink {
  const lanes = new WriteLanes();
  return {
    batchesInFlight: maxBatchesInFlight,
    async writeAccounts(rows) {
      await lanes.write(rows, { accountOf: (row) => row.record.accountId }, (part) => writeAccountBatch(part.map((row) => row.record)));
      return [];
    },
    async writeSessions(rows) {
      const outcomes = await lanes.write(rows, { accountOf: (row) => row.record.accountId, sessionOf: (row) => row.record.sessionId }, writeSessionBatch);
      // Lanes interleave the batch's rows; rejects go to rejects.jsonl in file order all the same.
      return outcomes.flatMap((outcome) => outcome.rejected).sort((a, b) => a.row.line - b.row.line);
    },
  };
}

/**
 * Writes nothing. Remembers the account ids that validated (~63 MB for 1M
 * accounts, the price of a dry run) so sessions of accounts earlier in the
 * load are not called unknown.
 */
export function dryRunSink(options: { isDatabaseReachable: boolean }): BatchSink {
  const seenAccounts = new AccountIdSet();
  return {
    writeAccounts(rows) {
      for (const row of rows) seenAccounts.add(row.record.accountId);
      return Promise.resolve([]);
    },
    async writeSessions(rows) {
      const outcome = await checkSessionBatch(rows, {
        isSeenAccount: (accountId) => seenAccounts.has(accountId),
        isDatabaseReachable: options.isDatabaseReachable,
      });
      return outcome.rejected;
    },
  };
}

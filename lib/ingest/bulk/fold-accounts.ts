import type { AccountRecord, SessionRecord } from "@/lib/ingest/records";
import { LinkDeltaTable } from "@/lib/ingest/write/link-deltas";
import { planAccountBatch } from "@/lib/ingest/write/plan-accounts";
import { planSessionBatch } from "@/lib/ingest/write/plan-sessions";
import type { ExternalSort } from "./external-sort";
import type { ImportTables } from "./import-tables";
import { attributeLinkLine, compareGroupKeys, parseMainLine, type MainLine } from "./sort-lines";

/** Sessions planned at a time within one account, as the online path's batches (whole sessions only). */
const sessionsChunkRows = 5_000;

const noStoredSessions = new Map();

export interface FoldInput {
  /** The main sort's output: per account, its account rows, then its sessions' rows, in input order. */
  mainLines: AsyncIterable<string>;
  /** Sorted like the main lines: session groups to skip (their rows name another account than the owner). */
  conflictLines: AsyncIterable<string>;
  tables: ImportTables;
  /** Receives one line per USES link, for the Attribute totals. */
  attributeLinks: ExternalSort;
  /** updated_at of every account: the run's start. */
  updatedAt: string;
}

/**
 * The main pass: folds each account's rows with the online path's own
 * planners, as if its rows were loaded one batch after another into an empty
 * database, and writes the Account, its Sessions with HAS_SESSION, and its
 * USES links. One account's data is in memory at a time (its sessions in
 * chunks), and one LinkDeltaTable per account sums its links across chunks:
 * all of an account's sightings meet there, so each link is complete when the
 * account ends.
 */
export async function foldAccounts(input: FoldInput): Promise<{ accounts: number; sessions: number; links: number }> {
  const counts = { accounts: 0, sessions: 0, links: 0 };
  const skips = new ConflictSkips(input.conflictLines);
  let account: AccountFold | undefined;
  for await (const line of input.mainLines) {
    const row = parseMainLine(line);
    if (row.accountKey !== account?.accountKey) {
      if (account) await account.finish(counts);
      account = new AccountFold(row.accountKey, input);
    }
    if (row.kind === "account") account.addAccountRow(row.record);
    else if (!(await skips.isSkipped(row))) await account.addSessionRow(row);
  }
  if (account) await account.finish(counts);
  return counts;
}

class AccountFold {
  private readonly accountRows: AccountRecord[] = [];
  private readonly deltas = new LinkDeltaTable();
  private chunk: Array<{ record: SessionRecord }> = [];
  private chunkGroupKey: string | undefined;
  private isAccountWritten = false;
  private sessions = 0;

  constructor(
    readonly accountKey: string,
    private readonly input: FoldInput,
  ) {}

  addAccountRow(record: AccountRecord): void {
    this.accountRows.push(record);
  }

  async addSessionRow(row: MainLine & { kind: "session" }): Promise<void> {
    await this.writeAccountOnce();
    // Cut chunks between sessions only: the planner folds a session's rows within one call.
    if (row.groupKey !== this.chunkGroupKey && this.chunk.length >= sessionsChunkRows) await this.planChunk();
    this.chunkGroupKey = row.groupKey;
    this.chunk.push({ record: row.record });
  }

  async finish(counts: { accounts: number; sessions: number; links: number }): Promise<void> {
    await this.writeAccountOnce();
    await this.planChunk();
    for (const link of this.deltas.links) {
      await this.input.tables.writeLink(link);
      counts.links += 1;
    }
    for (const attribute of this.deltas.attributes) await this.input.attributeLinks.write(attributeLinkLine(attribute));
    counts.accounts += 1;
    counts.sessions += this.sessions;
  }

  /** Account rows sort before the account's sessions, so they are complete when the first session arrives. */
  private async writeAccountOnce(): Promise<void> {
    if (this.isAccountWritten) return;
    this.isAccountWritten = true;
    const [account, ...others] = planAccountBatch(this.accountRows, this.deltas).accounts;
    // Sessions of accounts not in the input were rejected while reading; a group without an account is a bug.
    if (account === undefined || others.length > 0) throw new Error(`account group ${this.accountKey} has ${others.length + (account ? 1 : 0)} accounts`);
    await this.input.tables.writeAccount(account, this.input.updatedAt);
  }

  private async planChunk(): Promise<void> {
    if (this.chunk.length === 0) return;
    const plan = planSessionBatch(this.chunk, { isKnownAccount: () => true, storedSessions: noStoredSessions }, this.deltas);
    if (plan.rejected.length > 0) throw new Error(`unexpected rejects in account group ${this.accountKey}: ${plan.rejected[0]?.reason}`);
    for (const session of plan.sessions) await this.input.tables.writeSession(session);
    this.sessions += plan.sessions.length;
    this.chunk = [];
  }
}

/** Merge-join of the main lines with the conflict lines (both in the main sort's order). */
class ConflictSkips {
  private readonly conflicts: AsyncIterator<string>;
  private next: [string, string] | undefined;
  private isStarted = false;

  constructor(lines: AsyncIterable<string>) {
    this.conflicts = lines[Symbol.asyncIterator]();
  }

  async isSkipped(row: { accountKey: string; groupKey: string }): Promise<boolean> {
    if (!this.isStarted) {
      this.isStarted = true;
      await this.advance();
    }
    const key: [string, string] = [row.accountKey, row.groupKey];
    while (this.next && compareGroupKeys(this.next, key) < 0) await this.advance();
    return this.next !== undefined && compareGroupKeys(this.next, key) === 0;
  }

  private async advance(): Promise<void> {
    const result = await this.conflicts.next();
    if (result.done) {
      this.next = undefined;
      return;
    }
    const [accountKey = "", groupKey = ""] = result.value.split("\t");
    this.next = [accountKey, groupKey];
  }
}

import { isBuiltInKind, labelByBuiltInKind } from "@/lib/ingest/write/attribute-kinds";
import type { LinkDelta } from "@/lib/ingest/write/link-deltas";
import type { AccountWrite } from "@/lib/ingest/write/plan-accounts";
import type { SessionWrite } from "@/lib/ingest/write/plan-sessions";
import { ImportTable } from "./import-table";

/*
 * The importer's input, one table per node label and relationship type, in
 * the shape docs/graph-model.md describes and lib/ingest/write/ writes
 * online: the same property names and types (datetimes keep the input's
 * offset, counts are integers, past_attribute_keys a list of strings).
 * ID spaces: Account by account_id, Session by session_id, Attribute by key.
 */

const accountTextFields = ["email", "phone", "card_fp", "country", "status"] as const;
/** Session text properties other than attr_<kind> ones, whose set depends on the input. */
const sessionTextFields = ["user_agent", "ip_class", "ip", "device_id", "prompt_fp"] as const;

export interface AttributeTotals {
  key: string;
  kind: string;
  value: string;
  accountCount: number;
  first: string;
  last: string;
}

export class ImportTables {
  readonly accounts: ImportTable;
  readonly sessions: ImportTable;
  readonly hasSession: ImportTable;
  readonly uses: ImportTable;
  readonly attributes: ImportTable;
  private readonly sessionTextProperties: readonly string[];

  /** `extraSessionProperties`: every attr_<kind> property some session has (they become columns). */
  constructor(folder: string, extraSessionProperties: Iterable<string>) {
    this.sessionTextProperties = [...sessionTextFields, ...[...extraSessionProperties].sort()];
    this.accounts = new ImportTable(folder, "accounts", [
      "account_id:ID(Account)",
      "created_at:datetime",
      ...accountTextFields,
      "updated_at:datetime",
    ]);
    this.sessions = new ImportTable(folder, "sessions", [
      "session_id:ID(Session)",
      "started_at:datetime",
      "ended_at:datetime",
      "request_count:long",
      "asn:long",
      "past_attribute_keys:string[]",
      ...this.sessionTextProperties,
    ]);
    this.hasSession = new ImportTable(folder, "has-session", [":START_ID(Account)", ":END_ID(Session)"]);
    this.uses = new ImportTable(folder, "uses", [
      ":START_ID(Account)",
      ":END_ID(Attribute)",
      "first_seen:datetime",
      "last_seen:datetime",
      "session_count:long",
    ]);
    this.attributes = new ImportTable(folder, "attributes", [
      "key:ID(Attribute)",
      "kind",
      "value",
      "account_count:long",
      "first_seen:datetime",
      "last_seen:datetime",
      ":LABEL",
    ]);
  }

  /** `updatedAt`: the run's time, as a load that creates an account sets it. */
  writeAccount(account: AccountWrite, updatedAt: string): Promise<void> {
    return this.accounts.write([
      account.account_id,
      account.created_at,
      ...accountTextFields.map((field) => account.fields[field] ?? null),
      updatedAt,
    ]);
  }

  async writeSession(session: SessionWrite): Promise<void> {
    await this.sessions.write([
      session.session_id,
      session.started_at,
      session.ended_at,
      session.request_count,
      session.asn,
      session.past_keys,
      ...this.sessionTextProperties.map((property) => session.fields[property] ?? null),
    ]);
    await this.hasSession.write([session.account_id, session.session_id]);
  }

  /** An account's whole delta: all its sessions are new, so `newSessions` is the link's session_count. */
  writeLink(link: LinkDelta): Promise<void> {
    return this.uses.write([link.accountId, link.key, link.first, link.last, link.newSessions]);
  }

  /** The extra label comes from the fixed kind map (the importer joins it to :Attribute); attr_ kinds get none. */
  writeAttribute(attribute: AttributeTotals): Promise<void> {
    const label = isBuiltInKind(attribute.kind) ? labelByBuiltInKind[attribute.kind] : null;
    return this.attributes.write([
      attribute.key,
      attribute.kind,
      attribute.value,
      attribute.accountCount,
      attribute.first,
      attribute.last,
      label,
    ]);
  }

  get all(): ImportTable[] {
    return [this.accounts, this.sessions, this.hasSession, this.uses, this.attributes];
  }

  async close(): Promise<void> {
    for (const table of this.all) await table.close();
  }
}

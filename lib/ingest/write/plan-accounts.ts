import type { AccountRecord } from "@/lib/ingest/records";
import { parseInstant } from "./instants";
import { LinkDeltaTable, type AttributeDelta, type LinkDelta } from "./link-deltas";

/** One account as the batch writes it: the fields its rows gave, later rows winning. */
export interface AccountWrite {
  account_id: string;
  created_at: string;
  /** Text properties the rows gave (email, phone, card_fp, country, status); absent ones keep their stored value. */
  fields: Record<string, string>;
}

export interface AccountBatchPlan {
  accounts: AccountWrite[];
  attributes: AttributeDelta[];
  /** Account attributes link with session_count 0 and first/last = the account's created_at. */
  links: LinkDelta[];
}

/**
 * Folds a batch of account rows into one write per account (Cypher reads
 * MERGE eagerly, so the same id twice in one UNWIND must not happen) and one
 * delta per (account, attribute) link. Rows apply in order: a later row's
 * fields win, absent fields keep earlier ones. Pure. `deltas` lets a caller
 * sum links over several calls (the bulk path, per account).
 */
export function planAccountBatch(records: Iterable<AccountRecord>, deltas: LinkDeltaTable = new LinkDeltaTable()): AccountBatchPlan {
  const accounts = new Map<string, AccountWrite>();
  for (const record of records) {
    const write = accounts.get(record.accountId);
    if (write === undefined) accounts.set(record.accountId, toAccountWrite(record));
    else applyAccountRow(write, record);
    const createdAt = parseInstant(record.createdAt);
    for (const attribute of record.attributes) deltas.record(record.accountId, attribute, createdAt, false);
  }
  return { accounts: [...accounts.values()], attributes: deltas.attributes, links: deltas.links };
}

function toAccountWrite(record: AccountRecord): AccountWrite {
  return { account_id: record.accountId, created_at: record.createdAt, fields: accountFields(record) };
}

function applyAccountRow(write: AccountWrite, record: AccountRecord): void {
  write.created_at = record.createdAt;
  Object.assign(write.fields, accountFields(record));
}

/** The stored text properties a row gives, by their graph names. */
function accountFields(record: AccountRecord): Record<string, string> {
  const fields: Record<string, string> = {};
  if (record.email !== undefined) fields.email = record.email;
  if (record.phone !== undefined) fields.phone = record.phone;
  if (record.cardFp !== undefined) fields.card_fp = record.cardFp;
  if (record.country !== undefined) fields.country = record.country;
  if (record.status !== undefined) fields.status = record.status;
  return fields;
}

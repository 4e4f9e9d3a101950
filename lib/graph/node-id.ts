import { AppError } from "@/lib/errors/app-error";

/**
 * Node ids are business keys, the same on the wire, in the URL and on the
 * canvas: "account:<account_id>" for an account, the attribute key
 * "<kind>:<value>" for an attribute. (An `attr_account` column would give an
 * attribute kind "account"; the generator and the input format never use it.)
 */
export type NodeRef = { type: "account"; accountId: string } | { type: "attribute"; key: string };

const accountPrefix = "account:";

export function accountNodeId(accountId: string): string {
  return `${accountPrefix}${accountId}`;
}

/** Parses a node id; throws a 400 AppError for text that is no node id at all. */
export function parseNodeId(id: string): NodeRef {
  if (id.startsWith(accountPrefix) && id.length > accountPrefix.length) {
    return { type: "account", accountId: id.slice(accountPrefix.length) };
  }
  const colon = id.indexOf(":");
  if (colon <= 0 || colon === id.length - 1) {
    throw new AppError("BAD_REQUEST", `"${id}" is not a node id: expected account:<id> or <kind>:<value>`);
  }
  return { type: "attribute", key: id };
}

/** Splits node ids into account ids and attribute keys, for queries that take both as lists. */
export function splitNodeIds(ids: readonly string[]): { accountIds: string[]; attributeKeys: string[] } {
  const accountIds: string[] = [];
  const attributeKeys: string[] = [];
  for (const id of ids) {
    const ref = parseNodeId(id);
    if (ref.type === "account") accountIds.push(ref.accountId);
    else attributeKeys.push(ref.key);
  }
  return { accountIds, attributeKeys };
}

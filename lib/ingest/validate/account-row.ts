import type { AccountRecord } from "@/lib/ingest/records";
import { AttributeList, readExtraAttributes } from "./attributes";
import { FieldReader } from "./field-reader";
import { accountStatusSchema, emailDomainOf, normaliseCountry, normaliseEmail, normalisePhone } from "./normalise";
import type { RawFields, RowResult, SourceFormat } from "./row-types";

/**
 * One `accounts` row → an `AccountRecord`, or every reason it breaks the
 * contract. Whether the account is new or an update is the writer's business.
 */
export function validateAccountRow(fields: RawFields, format: SourceFormat): RowResult<AccountRecord> {
  const reader = new FieldReader(fields, format);
  const accountId = reader.requiredId("account_id");
  const createdAt = reader.requiredTimestamp("created_at");
  const email = reader.optionalValue("email", normaliseEmail);
  const phone = reader.optionalValue("phone", normalisePhone);
  const cardFp = reader.optionalId("card_fp");
  const country = reader.optionalValue("country", normaliseCountry);
  const status = reader.optionalEnum("status", accountStatusSchema);

  const attributes = new AttributeList();
  attributes.add("email", email);
  attributes.add("email_domain", email === undefined ? undefined : emailDomainOf(email));
  attributes.add("phone", phone);
  attributes.add("card", cardFp);
  readExtraAttributes(fields, reader, attributes);

  if (reader.hasProblems || accountId === undefined || createdAt === undefined) {
    return { ok: false, reason: reader.reason };
  }
  // Absent fields stay absent (not `undefined` keys): "unknown, keep what is loaded".
  const record: AccountRecord = { accountId, createdAt: createdAt.text, attributes: attributes.values };
  if (email !== undefined) record.email = email;
  if (phone !== undefined) record.phone = phone;
  if (cardFp !== undefined) record.cardFp = cardFp;
  if (country !== undefined) record.country = country;
  if (status !== undefined) record.status = status;
  return { ok: true, record };
}

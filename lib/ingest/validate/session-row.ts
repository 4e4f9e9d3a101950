import type { SessionRecord } from "@/lib/ingest/records";
import { AttributeList, readExtraAttributes } from "./attributes";
import { FieldReader } from "./field-reader";
import { compareTimestamps, ipClassSchema, normaliseIp } from "./normalise";
import type { RawFields, RowResult, SourceFormat } from "./row-types";

/**
 * One `sessions` row → a `SessionRecord`, or every reason it breaks the
 * contract. "Unknown account" needs the database, so the writer checks it.
 */
export function validateSessionRow(fields: RawFields, format: SourceFormat): RowResult<SessionRecord> {
  const reader = new FieldReader(fields, format);
  const sessionId = reader.requiredId("session_id");
  const accountId = reader.requiredId("account_id");
  const startedAt = reader.requiredTimestamp("started_at");
  const endedAt = reader.optionalTimestamp("ended_at");
  if (startedAt !== undefined && endedAt !== undefined && compareTimestamps(endedAt, startedAt) < 0) {
    reader.addProblem("ended_at is before started_at");
  }
  const ip = reader.optionalValue("ip", normaliseIp);
  const deviceId = reader.optionalId("device_id");
  const userAgent = reader.optionalText("user_agent");
  const requestCount = reader.optionalCount("request_count");
  const promptFp = reader.optionalId("prompt_fp");
  const asn = reader.optionalCount("asn");
  const ipClass = reader.optionalEnum("ip_class", ipClassSchema);

  const attributes = new AttributeList();
  attributes.add("ip", ip);
  attributes.add("device", deviceId);
  attributes.add("prompt", promptFp);
  readExtraAttributes(fields, reader, attributes);

  if (reader.hasProblems || sessionId === undefined || accountId === undefined || startedAt === undefined) {
    return { ok: false, reason: reader.reason };
  }
  // Absent fields stay absent (not `undefined` keys): "unknown, keep what is loaded".
  const record: SessionRecord = { sessionId, accountId, startedAt: startedAt.text, attributes: attributes.values };
  if (endedAt !== undefined) record.endedAt = endedAt.text;
  if (ip !== undefined) record.ip = ip;
  if (deviceId !== undefined) record.deviceId = deviceId;
  if (userAgent !== undefined) record.userAgent = userAgent;
  if (requestCount !== undefined) record.requestCount = requestCount;
  if (promptFp !== undefined) record.promptFp = promptFp;
  if (asn !== undefined) record.asn = asn;
  if (ipClass !== undefined) record.ipClass = ipClass;
  return { ok: true, record };
}

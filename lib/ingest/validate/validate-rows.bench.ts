import { bench, describe } from "vitest";
import { validateAccountRow } from "./account-row";
import { validateSessionRow } from "./session-row";

// Run: npx vitest bench --run --project unit lib/ingest. Each iteration validates
// 10,000 rows, so rows/s = 10,000 × the reported hz.
const rowsPerIteration = 10_000;
const ipClasses = ["residential", "mobile", "datacenter", "vpn"];

const sessionRows = Array.from({ length: rowsPerIteration }, (_, i) => ({
  session_id: `s${i}`,
  account_id: `a${i % 5000}`,
  started_at: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}T09:15:00Z`,
  ended_at: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}T11:20:00.123+02:00`,
  ip: i % 5 === 0 ? `2001:db8::${(i % 65535).toString(16)}` : `10.${i % 256}.${(i >> 8) % 256}.7`,
  device_id: `dev-${i % 7000}`,
  user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
  request_count: String(i % 500),
  prompt_fp: `pfp-${i % 1000}`,
  asn: String(13335 + (i % 20)),
  ip_class: ipClasses[i % 4] ?? "vpn",
}));

const accountRows = Array.from({ length: rowsPerIteration }, (_, i) => ({
  account_id: `a${i}`,
  created_at: "2026-02-01T10:00:00Z",
  email: `User${i}@Example${i % 100}.com`,
  phone: `+1 415 555 ${String(i % 10000).padStart(4, "0")}`,
  card_fp: `c${i}`,
  country: "us",
  status: "active",
  attr_payout_wallet: `w${i % 300}`,
}));

describe(`validate ${rowsPerIteration} rows`, () => {
  bench("sessions (CSV fields)", () => {
    for (const row of sessionRows) validateSessionRow(row, "csv");
  });

  bench("accounts (CSV fields)", () => {
    for (const row of accountRows) validateAccountRow(row, "csv");
  });
});

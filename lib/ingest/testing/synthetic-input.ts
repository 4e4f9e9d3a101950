import { gzipText, jsonLines, writeInputFolder } from "./input-folder";

/**
 * A deterministic input of a few thousand rows with plenty of sharing (small
 * pools of IPs, devices, prompts and wallets), some sessions given twice with
 * a changed IP, in CSV, JSONL and gzip. For crash and reload tests.
 */
export function writeSyntheticInput(options: { accounts: number; sessions: number }): { folder: string; sessionIds: number } {
  const random = lcg(7);
  const pick = (size: number) => Math.floor(random() * size);
  const accountRows = ["account_id,created_at,email,phone,status,attr_payout_wallet"];
  for (let index = 0; index < options.accounts; index++) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    const wallet = index % 10 === 0 ? `w${pick(5)}` : "";
    accountRows.push(`acct${index},2026-01-${day}T08:00:00Z,user${index}@mail${pick(8)}.example,+4930${1_000_000 + pick(400)},active,${wallet}`);
  }
  const sessions: object[] = [];
  for (let index = 0; index < options.sessions; index++) {
    sessions.push(sessionRow(index, pick, options.accounts));
  }
  // Later rows for earlier sessions with another IP: exercises updates and past_attribute_keys.
  const repeats = Array.from({ length: Math.floor(options.sessions / 20) }, (_, index) => ({
    ...sessionRow(index * 20, pick, options.accounts),
    ip: `198.51.100.${pick(30)}`,
  }));
  const half = Math.floor(sessions.length / 2);
  const folder = writeInputFolder({
    "accounts.csv": `${accountRows.join("\n")}\n`,
    "sessions-1.jsonl": jsonLines(sessions.slice(0, half)),
    "sessions-2.jsonl.gz": gzipText(jsonLines([...sessions.slice(half), ...repeats])),
  });
  return { folder, sessionIds: options.sessions };
}

function sessionRow(index: number, pick: (size: number) => number, accounts: number): object {
  const minute = String(index % 60).padStart(2, "0");
  return {
    session_id: `sess${index}`,
    account_id: `acct${(index * 7) % accounts}`,
    started_at: `2026-02-${String(1 + (index % 28)).padStart(2, "0")}T10:${minute}:00+01:00`,
    ip: `203.0.113.${pick(60)}`,
    device_id: `dev${pick(150)}`,
    prompt_fp: index % 3 === 0 ? `tpl${pick(12)}` : undefined,
    request_count: pick(100),
    ...(index % 9 === 0 ? { attr_api_org: `org${pick(4)}` } : {}),
  };
}

/** A small seeded generator, so every run writes the same input. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The session sink: serialises drafts to JSON Lines and routes each session
 * to the gzip file of its start month (sessions-2025-03.jsonl.gz, …), so one
 * account's sessions span several files of one kind.
 */
import { join } from "node:path";
import type { IdFormatter } from "./identifiers";
import { hash32 } from "./prng";
import type { SessionDraft, SessionSink } from "./session-draft";
import { formatTimestamp, monthLabel, monthOf, TimeStyle, truncateForStyle } from "./timeline";
import { OutputFile } from "./writers";

export function sessionFileName(month: number): string {
  return `sessions-${monthLabel(month)}.jsonl.gz`;
}

export function isSessionFileName(name: string): boolean {
  return /^sessions-\d{4}-\d{2}\.jsonl\.gz$/.test(name);
}

/** Mixed zone styles, as when several log sources are merged. */
export function timeStyleFor(index: number, key: number): TimeStyle {
  const r = hash32(index, key) % 100;
  if (r < 72) return TimeStyle.utc;
  if (r < 86) return TimeStyle.utcMillis;
  if (r < 96) return TimeStyle.plus2;
  return TimeStyle.plus2Millis;
}

export class SessionFiles implements SessionSink {
  private readonly files = new Map<number, OutputFile>();
  private written = 0;
  private isBlocked = false;

  constructor(
    private readonly dir: string,
    private readonly ids: IdFormatter,
    private readonly styleKey: number,
  ) {}

  get count(): number {
    return this.written;
  }

  get needsDrain(): boolean {
    return this.isBlocked;
  }

  emit(d: SessionDraft): void {
    const index = this.written++;
    const style = timeStyleFor(index, this.styleKey);
    const start = truncateForStyle(d.startedAt, style);
    let line = `{"session_id":"${this.ids.sessionId(index)}","account_id":"${d.accountId}","started_at":"${formatTimestamp(start, style)}"`;
    if (!Number.isNaN(d.endedAt)) line += `,"ended_at":"${formatTimestamp(truncateForStyle(d.endedAt, style), style)}"`;
    if (d.endpoint) line += d.endpoint.ipJson;
    if (d.deviceId !== null) line += `,"device_id":"${d.deviceId}"`;
    if (d.userAgentJson !== null) line += `,"user_agent":${d.userAgentJson}`;
    if (d.requestCount >= 0) line += `,"request_count":${d.requestCount}`;
    if (d.promptFp !== null) line += `,"prompt_fp":"${d.promptFp}"`;
    if (d.endpoint) line += d.endpoint.enrichJson;
    const file = this.fileFor(monthOf(start));
    file.write(`${line}}\n`);
    if (file.needsDrain) this.isBlocked = true;
  }

  async drain(): Promise<void> {
    for (const file of this.files.values()) await file.drain();
    this.isBlocked = false;
  }

  /** Closes every file; returns their names in month order. */
  async close(): Promise<string[]> {
    const months = [...this.files.keys()].sort((a, b) => a - b);
    await Promise.all(months.flatMap((m) => this.files.get(m)?.close() ?? []));
    return months.map(sessionFileName);
  }

  private fileFor(month: number): OutputFile {
    let file = this.files.get(month);
    if (!file) {
      file = new OutputFile(join(this.dir, sessionFileName(month)), { gzip: true });
      this.files.set(month, file);
    }
    return file;
  }
}

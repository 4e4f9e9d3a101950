import { readFileSync } from "node:fs";

/**
 * A process's peak resident set so far (VmHWM, the kernel's own high-water
 * mark, so a sampler only has to read it before the process exits); 0 once
 * the process is gone. Linux only.
 */
export function readPeakRssBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0; // exited between samples
  }
}

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { readPeakRssBytes } from "@/lib/process/peak-rss";

export interface ProcessMeasure {
  exitCode: number | null;
  wallMs: number;
  /** Peak resident set of the process (VmHWM), sampled until it exits. */
  peakRssBytes: number;
  stdout: string;
}

/**
 * Runs a command as a child and samples its peak RSS from /proc/<pid>/status
 * (VmHWM is the kernel's own high-water mark, so sampling only has to catch
 * it before the process exits). Progress on stderr is passed through.
 */
export async function measureProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ProcessMeasure> {
  const began = Date.now();
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  let peakRssBytes = 0;
  const sample = () => {
    peakRssBytes = Math.max(peakRssBytes, readPeakRssBytes(child.pid));
  };
  const timer = setInterval(sample, 200);
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  clearInterval(timer);
  return { exitCode, wallMs: Date.now() - began, peakRssBytes, stdout };
}

/** CPU seconds a process has used so far (user + system), from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // After the command name: field 14 (utime) and 15 (stime) of proc(5) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

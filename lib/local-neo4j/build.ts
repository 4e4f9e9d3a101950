import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ServerLayout } from "./layout";

const markerName = ".resolved";

/**
 * Resolves the server's jars with Maven when they are missing or older than
 * the pom (a version bump). The marker file records a completed resolution, so
 * an interrupted build is redone rather than trusted.
 */
export async function ensureServerBuilt(layout: ServerLayout, log: (line: string) => void): Promise<void> {
  const marker = path.join(layout.libDir, markerName);
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(layout.pomFile).mtimeMs) return;
  log("Resolving Neo4j, APOC and GDS from Maven Central (first start only)…");
  fs.rmSync(path.dirname(layout.libDir), { recursive: true, force: true });
  await runMaven(layout.pomFile);
  fs.writeFileSync(marker, new Date().toISOString());
}

function runMaven(pomFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn("mvn", ["-q", "-B", "-f", pomFile, "package"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", (error) => reject(new Error(`Could not run Maven (is it installed?): ${error.message}`)));
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Maven could not resolve the Neo4j server (exit ${code}):\n${output.join("").slice(-4000)}`));
    });
  });
}

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A `next start` of the bench's build, serving against the database `env` names; `stop` ends it. */
export interface AppServer {
  baseUrl: string;
  stop: () => void;
}

/**
 * Starts the app and resolves once it has warmed up (app/_lib/warm-up.ts), as
 * a server an investigator reaches has: "cold" visits then measure a server
 * that has answered only its own warm-up, not one still loading its code.
 */
export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<AppServer> {
  const app = spawn("npm", ["run", "start", "--", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"], env, detached: true });
  const stop = () => {
    if (app.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
  };
  try {
    await waitForWarmUp([app.stdout, app.stderr]);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Echoes the server's output (all of it, so its pipes never fill) and resolves at its warm-up line, done or stopped; rejects if the server ends first or takes over a minute. */
function waitForWarmUp(outputs: NodeJS.ReadableStream[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the app did not warm up within a minute")), 60_000);
    for (const output of outputs) {
      const lines = createInterface({ input: output });
      lines.on("line", (line) => {
        console.log(`  app: ${line}`);
        if (/^Warm(ed up|-up stopped)/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
      lines.on("close", () => {
        clearTimeout(timer);
        reject(new Error("the app ended before it warmed up"));
      });
    }
  });
}

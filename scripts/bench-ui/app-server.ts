import { spawn } from "node:child_process";
import net from "node:net";

/** A `next start` of the bench's build, serving against the database `env` names; `stop` ends it. */
export interface AppServer {
  baseUrl: string;
  stop: () => void;
}

export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<AppServer> {
  const app = spawn("npm", ["run", "start", "--", "-p", String(port)], { stdio: "ignore", env, detached: true });
  const stop = () => {
    if (app.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
  };
  try {
    await waitForPort(port);
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

async function waitForPort(target: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = net.connect(target, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens on port ${target}`);
}

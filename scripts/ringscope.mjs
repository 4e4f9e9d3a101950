#!/usr/bin/env node
// The `ringscope` command. TypeScript runs through tsx (a runtime dependency),
// so the CLI works right after `npm ci` with no build step.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Paths such as neo4j/ and .ringscope/ are relative to the project, wherever the command is run from.
process.env.RINGSCOPE_INVOKED_FROM = process.cwd();
process.chdir(projectDir);
register({ tsconfig: path.join(projectDir, "tsconfig.json") });
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

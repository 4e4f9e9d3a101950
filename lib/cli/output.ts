import path from "node:path";

/** Resolves a path the user typed relative to where they ran the command (the CLI runs from the project folder). */
export function userPath(input: string): string {
  return path.resolve(process.env.RINGSCOPE_INVOKED_FROM ?? process.cwd(), input);
}

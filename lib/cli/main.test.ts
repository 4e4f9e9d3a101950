import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./main";

/** Runs the CLI and returns its exit code with what it printed to stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = vi.spyOn(console, "log").mockImplementation(() => {});
  const err = vi.spyOn(console, "error").mockImplementation(() => {});
  const code = await main(argv);
  const printed = (spy: typeof out) => spy.mock.calls.map((call) => call.join(" ")).join("\n");
  return { code, out: printed(out), err: printed(err) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ringscope CLI usage", () => {
  it("shows a command's options for --help or -h, and succeeds", async () => {
    const campaign = await run("campaign", "--help");
    expect(campaign.code).toBe(0);
    expect(campaign.out).toContain("Usage: ringscope campaign --seed <account_id>");
    expect(campaign.out).toContain("--seeds-file FILE");
    const ingest = await run("ingest", "-h");
    expect(ingest.code).toBe(0);
    expect(ingest.out).toContain("--bulk <folder>");
  });

  it("names a mistyped option and shows the command's options after it", async () => {
    const result = await run("campaign", "--seeds", "acct_1");
    expect(result.code).toBe(1);
    expect(result.err).toContain("ringscope campaign: Unknown option '--seeds'");
    expect(result.err).toContain("Usage: ringscope campaign --seed <account_id>");
  });

  it("says which value is missing", async () => {
    const result = await run("generate", "--preset", "demo", "--out");
    expect(result.code).toBe(1);
    expect(result.err).toContain("Option '--out <value>' argument missing");
    expect(result.err).toContain("Usage: ringscope generate");
  });

  it("lists every command, and how to see one's options, for help and for an unknown command", async () => {
    const help = await run("help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("ringscope <command> --help shows a command's options.");
    const unknown = await run("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Unknown command "frobnicate".');
  });
});

import { parseArgs } from "node:util";
import { generateScenario, presetNamed } from "@/lib/generate";
import { userPath } from "./output";

export const generateUsage = "ringscope generate --preset tiny|demo|bench|seed --out <folder> [--rng N] [--varied]";

/** `ringscope generate`: a synthetic scenario in the input contract's format, with its ground truth. */
export async function runGenerateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { preset: { type: "string", default: "demo" }, out: { type: "string" }, rng: { type: "string", default: "1" }, varied: { type: "boolean", default: false } },
  });
  const preset = presetNamed(values.preset, "--preset");
  if (!values.out) throw new Error("--out <folder> is required");
  const rng = Number(values.rng);
  if (!Number.isSafeInteger(rng) || rng < 0) throw new Error("--rng must be a non-negative integer");
  const began = Date.now();
  let lastReport = 0;
  const result = await generateScenario({
    preset,
    outDir: userPath(values.out),
    rng,
    varied: values.varied,
    onProgress: ({ phase, done, total }) => {
      if (Date.now() - lastReport < 2_000) return;
      lastReport = Date.now();
      console.log(`${phase}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`);
    },
  });
  console.log(
    `Wrote ${result.accounts.toLocaleString("en-US")} accounts and ${result.sessions.toLocaleString("en-US")} sessions ` +
      `(${result.campaigns.length} campaigns) to ${result.outDir} in ${((Date.now() - began) / 1000).toFixed(1)}s.`,
  );
  return 0;
}

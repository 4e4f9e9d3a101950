/**
 * How many sessions each benign account gets: a heavy-tailed draw (many light
 * users, a few very heavy ones) scaled so the preset's total is met exactly,
 * never below what the account's coverage needs.
 */
import type { BuildContext } from "./build-context";
import { coverageOf, type Channel } from "./benign-sessions";
import { Flag, hasFlag } from "./population";
import { Rng, seedFor } from "./prng";
import { DAY } from "./timeline";

const MAX_SESSIONS_PER_ACCOUNT = 20_000;

export function allocateBenignSessions(ctx: BuildContext, count: number, budget: number): void {
  const { pop } = ctx;
  const rng = new Rng(seedFor(ctx.seed, "benign-budget"));
  const weights = activityWeights(ctx, rng, count);
  const minimum = minimumSessions(ctx, count);
  const scale = budget / weights.reduce((sum, w) => sum + w, 0);
  let assigned = 0;
  for (let i = 0; i < count; i++) {
    const raw = Math.floor((weights[i] ?? 0) * scale + rng.float());
    const n = Math.min(MAX_SESSIONS_PER_ACCOUNT, Math.max(minimum[i] ?? 0, raw));
    pop.sessions[i] = n;
    assigned += n;
  }
  settleDifference(ctx, rng, count, minimum, budget - assigned);
}

function activityWeights(ctx: BuildContext, rng: Rng, count: number): Float64Array {
  const { pop } = ctx;
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (hasFlag(pop, i, Flag.dormant)) continue;
    const activeDays = Math.max(0.5, ((pop.activeUntil[i] ?? 0) - (pop.createdAt[i] ?? 0)) / DAY);
    let w = rng.logNormal(1, 1.25) * (activeDays / 365) ** 0.8;
    if (hasFlag(pop, i, Flag.developer)) w *= 3;
    if ((pop.office[i] ?? -1) >= 0) w *= 1.4;
    weights[i] = w;
  }
  return weights;
}

function minimumSessions(ctx: BuildContext, count: number): Uint16Array {
  const { pop } = ctx;
  const minimum = new Uint16Array(count);
  const scratch: Channel[] = [];
  for (let i = 0; i < count; i++) {
    if (hasFlag(pop, i, Flag.dormant)) continue;
    minimum[i] = Math.max(1, coverageOf(pop, i, scratch));
  }
  return minimum;
}

/** Adds or removes single sessions at random accounts until the total is exact. */
function settleDifference(ctx: BuildContext, rng: Rng, count: number, minimum: Uint16Array, difference: number): void {
  const { pop } = ctx;
  let left = difference;
  let attempts = 0;
  const maxAttempts = Math.abs(difference) * 50 + count * 4;
  while (left !== 0) {
    if (++attempts > maxAttempts) throw new Error(`session budget cannot be met (off by ${left})`);
    const i = rng.int(count);
    const n = pop.sessions[i] ?? 0;
    if (left > 0 && !hasFlag(pop, i, Flag.dormant) && n < MAX_SESSIONS_PER_ACCOUNT) {
      pop.sessions[i] = n + 1;
      left--;
    } else if (left < 0 && n > (minimum[i] ?? 0)) {
      pop.sessions[i] = n - 1;
      left++;
    }
  }
}

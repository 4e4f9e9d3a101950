/**
 * What every session generator shares: the population, formatters, one
 * reusable Rng and draft, the prompt-template catalog and user agents.
 */
import type { BenignWorld } from "./benign";
import { apiClientAgents, desktopAgents, emulatorAgents, mobileAgents, tabletAgents } from "./catalog";
import { Ns, token, type IdFormatter } from "./identifiers";
import type { NetworkPlan } from "./network";
import type { Population } from "./population";
import { cumulativeWeights, hash32, itemAt, Rng, seedFor } from "./prng";
import { createDraft, type SessionDraft, type SessionSink } from "./session-draft";

/** Prompt templates shared by the whole user base, Zipf-distributed. */
const POPULAR_TEMPLATES = 300;

export interface SessionContext {
  seed: number;
  pop: Population;
  ids: IdFormatter;
  net: NetworkPlan;
  benign: BenignWorld;
  rng: Rng;
  draft: SessionDraft;
  sink: SessionSink;
  popularPrompts: readonly string[];
  popularCdf: Float64Array;
}

export function createSessionContext(base: Omit<SessionContext, "rng" | "draft" | "popularPrompts" | "popularCdf">): SessionContext {
  const weights = Array.from({ length: POPULAR_TEMPLATES }, (_, k) => 1 / (k + 1) ** 1.1);
  return {
    ...base,
    rng: new Rng(0),
    draft: createDraft(),
    popularPrompts: popularPromptFps(base.ids),
    popularCdf: cumulativeWeights(weights),
  };
}

export function popularPromptFps(ids: IdFormatter): string[] {
  return Array.from({ length: POPULAR_TEMPLATES }, (_, k) => ids.promptFp(token(Ns.promptPopular, k)));
}

/** Restarts the shared Rng on the stream of one account, so output does not depend on visiting order. */
export function reseedFor(ctx: SessionContext, label: string, i: number): Rng {
  return ctx.rng.reseed(seedFor(ctx.seed, label, i));
}

export function pickPopularPrompt(ctx: SessionContext): string {
  return itemAt(ctx.popularPrompts, ctx.rng.weighted(ctx.popularCdf));
}

const asJson = (list: readonly string[]) => list.map((agent) => JSON.stringify(agent));

/** User agents as JSON string literals, by device type. */
export const AgentJson = {
  desktop: asJson(desktopAgents),
  mobile: asJson(mobileAgents),
  tablet: asJson(tabletAgents),
  api: asJson(apiClientAgents),
  emulator: asJson(emulatorAgents),
};

/** A device always announces the same agent: pick it from the device's token. */
export function agentFor(list: readonly string[], deviceToken: number): string {
  return itemAt(list, hash32(deviceToken, 0x51ed) % list.length);
}

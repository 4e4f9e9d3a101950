import { describe, expect, it } from "vitest";
import { campaignMemberTotal, presetNames, presetSpec } from "./presets";
import { buildScenario } from "./scenario";
import { variedSpec } from "./varied";

const RNGS = Array.from({ length: 40 }, (_, k) => k);

describe("variedSpec", () => {
  it("is a function of the rng", () => {
    const tiny = presetSpec("tiny");
    expect(variedSpec(tiny, 5)).toEqual(variedSpec(tiny, 5));
    expect(variedSpec(tiny, 5)).not.toEqual(variedSpec(tiny, 6));
  });

  it("draws other campaign counts and sizes than the preset's", () => {
    const tiny = presetSpec("tiny");
    const mixes = RNGS.map((rng) => variedSpec(tiny, rng));
    expect(new Set(mixes.map((mix) => mix.rings.length)).size).toBeGreaterThan(1);
    expect(new Set(mixes.map((mix) => mix.proxyCampaigns[0]?.members)).size).toBeGreaterThan(10);
    expect(new Set(mixes.map((mix) => mix.natSharing)).size).toBeGreaterThan(10);
  });

  it.each(presetNames)("keeps every %s mix generable: campaigns fit, ranges are ordered", (name) => {
    const preset = presetSpec(name);
    for (const rng of RNGS) {
      const mix = variedSpec(preset, rng);
      expect(campaignMemberTotal(mix)).toBeLessThanOrEqual(preset.accounts * 0.35);
      expect(mix.offices.minSize).toBeLessThanOrEqual(mix.offices.maxSize);
      for (const campaign of mix.proxyCampaigns) {
        expect(campaign.subgroupSize[0]).toBeGreaterThanOrEqual(5);
        expect(campaign.subgroupSize[0]).toBeLessThanOrEqual(campaign.subgroupSize[1]);
        expect(campaign.benignOverlap).toBeLessThan(campaign.poolSize);
      }
      for (const farm of mix.farms) expect(farm.hosters).toBeLessThanOrEqual(farm.addresses);
      for (const ring of mix.rings) {
        expect(ring.members).toBeGreaterThanOrEqual(5);
        expect(ring.cards).toBeLessThanOrEqual(Math.ceil(ring.members / 2));
      }
    }
  });

  it("builds into scenarios with the mixes' campaigns", () => {
    for (const rng of RNGS) {
      const mix = variedSpec(presetSpec("tiny"), rng);
      const expected = [...mix.proxyCampaigns, ...mix.farms, ...mix.rings].map((campaign) => campaign.members);
      expect(buildScenario(mix, rng).campaigns.map((campaign) => campaign.count)).toEqual(expected);
    }
  });
});

import { describe, expect, it } from "vitest";
import { riskReasonLabel, scoreRisk } from "./risk";
import type { CampaignSignals } from "./signals";

const quiet: CampaignSignals = {
  members: 300,
  signupBurstShare: 0.05,
  sharedCardShare: 0,
  largestCardGroup: 0,
  riskyNetworkShare: 0.02,
  templateReuseShare: 0,
  enforcedShare: 0.01,
  synchrony: 0.3,
  organisationDomainShare: 0,
};

describe("scoreRisk", () => {
  it("scores a bursty, synchronised group on its own templates high and says why", () => {
    const risk = scoreRisk({ ...quiet, signupBurstShare: 0.9, synchrony: 0.95, templateReuseShare: 0.8, riskyNetworkShare: 0.3 });
    expect(risk.score).toBeGreaterThan(0.9);
    expect(risk.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["signup_burst", "synchronised_sessions", "template_reuse", "risky_network"]));
    expect(risk.reasons.every((r) => r.text.length > 0 && r.weight > 0)).toBe(true);
  });

  it("scores an office sharing a corporate card below a card ring", () => {
    const office = scoreRisk({ ...quiet, sharedCardShare: 0.4, largestCardGroup: 120, organisationDomainShare: 1 });
    const ring = scoreRisk({ ...quiet, members: 25, sharedCardShare: 1, largestCardGroup: 7, enforcedShare: 0.2, riskyNetworkShare: 0.4 });
    expect(office.score).toBeLessThan(0.1);
    expect(office.reasons.find((r) => r.code === "organisation_domain")?.weight).toBeLessThan(0);
    expect(ring.score).toBeGreaterThan(office.score + 0.5);
  });

  it("lists no reasons and a low score for a quiet group", () => {
    const risk = scoreRisk(quiet);
    expect(risk.reasons).toEqual([]);
    expect(risk.score).toBeLessThan(0.1);
  });
});

describe("riskReasonLabel", () => {
  it("names every reason a score can give in words, and says which lower the risk", () => {
    const everything = scoreRisk({ ...quiet, signupBurstShare: 1, sharedCardShare: 1, largestCardGroup: 9, riskyNetworkShare: 1, templateReuseShare: 1, enforcedShare: 1, synchrony: 1, organisationDomainShare: 1 });
    for (const reason of everything.reasons) {
      const { label, lowersRisk } = riskReasonLabel(reason.code);
      expect(label).not.toContain("_");
      expect(lowersRisk).toBe(reason.weight < 0);
    }
    expect(everything.reasons).toHaveLength(7);
  });

  it("reads a code no rule knows as its words", () => {
    expect(riskReasonLabel("retired_signal")).toEqual({ label: "retired signal", lowersRisk: false });
  });
});

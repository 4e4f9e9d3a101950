import { describe, expect, it } from "vitest";
import type { AccountActivity } from "./member-sessions";
import { campaignSignals, synchrony } from "./signals";
import { linksOf } from "./testing";

const HOUR = 3_600_000;

function activity(overrides: Partial<AccountActivity>): AccountActivity {
  return { createdAt: null, isEnforced: false, sessionHours: [], riskySessions: 0, ...overrides };
}

describe("campaignSignals", () => {
  const members = ["a", "b", "c", "d", "e", "f"];
  const links = linksOf({ "card:1": ["a", "b", "c"], "prompt:p": ["a", "b", "c", "d", "e", "f"] }, 1000);
  const inside = new Map([["card:1", 3], ["prompt:p", 6]]);

  it("reads the members' sign-ups, statuses and sessions", () => {
    const activities = [
      // Five sign-ups within an hour of each other, one a week later and one never given.
      ...[0, 1, 2, 3, 4].map((minute) => activity({ createdAt: minute * 60_000, sessionHours: [10, 10], riskySessions: 2 })),
      activity({ createdAt: 168 * HOUR, isEnforced: true, sessionHours: [11, 500], riskySessions: 0 }),
    ];
    const signals = campaignSignals(activities, members, links, inside);
    expect(signals.signupBurstShare).toBeCloseTo(5 / 6);
    expect(signals.enforcedShare).toBeCloseTo(1 / 6);
    expect(signals.riskyNetworkShare).toBeCloseTo(10 / 12);
    expect(signals.sharedCardShare).toBeCloseTo(3 / 6);
    expect(signals.largestCardGroup).toBe(3);
    expect(signals.templateReuseShare).toBe(1);
  });

  it("reads members without sessions or sign-up times as no evidence", () => {
    const signals = campaignSignals(members.map(() => activity({})), members, links, inside);
    expect(signals.signupBurstShare).toBe(0);
    expect(signals.riskyNetworkShare).toBe(0);
    expect(signals.synchrony).toBe(0);
  });
});

describe("synchrony", () => {
  it("is high when sessions crowd into a few shared hours and low when spread round the clock", () => {
    const waves = new Map(Array.from({ length: 10 }, (_, w) => [w * 60, 50]));
    const roundTheClock = new Map(Array.from({ length: 600 }, (_, h) => [h, 1]));
    expect(synchrony(waves)).toBeGreaterThan(0.9);
    expect(synchrony(roundTheClock)).toBeLessThan(0.1);
  });

  it("reads too few sessions as no evidence", () => {
    expect(synchrony(new Map([[1, 5]]))).toBe(0);
  });
});

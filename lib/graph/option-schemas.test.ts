import { describe, expect, it } from "vitest";
import { expandOptionsSchema } from "./expand";
import { parseOptions } from "./option-schemas";

describe("parseOptions", () => {
  it("fills defaults: cap 50, hub threshold 200, hubs closed", () => {
    expect(parseOptions(expandOptionsSchema, { ids: ["account:a"] })).toEqual({
      ids: ["account:a"],
      onScreen: [],
      cap: 50,
      hubThreshold: 200,
      includeHubs: false,
    });
  });

  it("turns bad input into a 400 naming the field", () => {
    expect(() => parseOptions(expandOptionsSchema, { ids: ["account:a"], cap: 0 })).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(() => parseOptions(expandOptionsSchema, { ids: [] })).toThrow(/select at least one node/);
    expect(() => parseOptions(expandOptionsSchema, { ids: ["account:a"], cap: 9_999 })).toThrow(/cap/);
  });
});

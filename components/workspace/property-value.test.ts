import { describe, expect, it } from "vitest";
import { formatPropertyValue } from "./property-value";

describe("formatPropertyValue", () => {
  it("shows a stored instant to the second, with its zone", () => {
    expect(formatPropertyValue("2025-11-02T12:55:27.983000000Z")).toBe("2025-11-02 12:55:27 UTC");
    expect(formatPropertyValue("2025-11-02T14:55:27+02:00")).toBe("2025-11-02 14:55:27 +02:00");
  });

  it("leaves other strings alone and writes other values as JSON", () => {
    expect(formatPropertyValue("2025-11-02")).toBe("2025-11-02");
    expect(formatPropertyValue("acct_5880abd0")).toBe("acct_5880abd0");
    expect(formatPropertyValue(12)).toBe("12");
    expect(formatPropertyValue(["ip:1.2.3.4"])).toBe('["ip:1.2.3.4"]');
  });
});

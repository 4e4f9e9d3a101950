import { describe, expect, it } from "vitest";
import { isIdentifying, isOfKind, isProvider } from "./kinds";

describe("attribute kinds read from keys", () => {
  it("matches a kind only as the whole part before the first colon", () => {
    expect(isOfKind("card:4111-1111", "card")).toBe(true);
    expect(isOfKind("card:", "card")).toBe(true);
    expect(isOfKind("cardholder:ann", "card")).toBe(false);
    expect(isOfKind("car:card:x", "card")).toBe(false);
    expect(isOfKind("card", "card")).toBe(false);
    expect(isOfKind("attr_wallet:0xab:cd", "attr_wallet")).toBe(true);
  });

  it("tells identifiers and providers from crowd attributes", () => {
    expect(["card:1", "phone:+1", "device:d1"].map(isIdentifying)).toEqual([true, true, true]);
    expect(["ip:10.0.0.1", "email_domain:gmail.com", "prompt:t1", "cardholder:x"].map(isIdentifying)).toEqual([false, false, false, false]);
    expect(isProvider("email_domain:gmail.com")).toBe(true);
    expect(isProvider("email:ann@gmail.com")).toBe(false);
  });
});

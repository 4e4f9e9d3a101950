import { describe, expect, it } from "vitest";
import {
  accountStatusSchema,
  emailDomainOf,
  Invalid,
  ipClassSchema,
  normaliseCountry,
  normaliseEmail,
  normaliseEmailDomain,
  normaliseEnum,
  normalisePhone,
} from "./normalise";

function reasonOf(result: unknown): string {
  if (!(result instanceof Invalid)) throw new Error(`expected a rejection, got ${String(result)}`);
  return result.reason;
}

describe("normaliseEmail", () => {
  it.each([
    ["Alice@Example.COM", "alice@example.com"],
    ["a.b+tag@mail.example.co.uk", "a.b+tag@mail.example.co.uk"],
    ['"odd@local"@example.com', '"odd@local"@example.com'],
    ["bücher@bücher.de", "bücher@bücher.de"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it("takes the domain after the last @", () => {
    expect(emailDomainOf('"odd@local"@example.com')).toBe("example.com");
    expect(emailDomainOf("alice@example.com")).toBe("example.com");
  });

  it.each(["alice", "a@b@example.com", "@example.com", "alice@", "alice@localhost", "alice@example..com", "alice@.example.com", "al ice@example.com", "alice@exa mple.com", "alice@example.com."])(
    "rejects %s",
    (input) => {
      expect(reasonOf(normaliseEmail(input))).toBe(`malformed email '${input}'`);
    },
  );

  it("normalises an email domain on its own", () => {
    expect(normaliseEmailDomain("Example.COM")).toBe("example.com");
    expect(reasonOf(normaliseEmailDomain("not a domain"))).toMatch(/^malformed email domain/);
  });
});

describe("normalisePhone", () => {
  it.each([
    ["+1 (415) 555-0100", "+14155550100"],
    ["+44 20.7946.0018", "+442079460018"],
    ["+49-30-[1234]-5678", "+493012345678"],
    ["+12345678", "+12345678"],
    ["+123456789012345", "+123456789012345"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(["4155550100", "+1234567", "+1234567890123456", "+0123456789", "+1 415 555 O1OO", "0044 20 7946 0018"])(
    "rejects %s",
    (input) => {
      expect(reasonOf(normalisePhone(input))).toMatch(/^malformed phone/);
    },
  );
});

describe("normaliseCountry", () => {
  it("upper-cases a two-letter code", () => {
    expect(normaliseCountry("de")).toBe("DE");
    expect(reasonOf(normaliseCountry("DEU"))).toMatch(/^not an ISO 3166-1 alpha-2 country code/);
  });
});

describe("normaliseEnum", () => {
  it("matches case-insensitively", () => {
    expect(normaliseEnum(accountStatusSchema, "Banned")).toBe("banned");
    expect(normaliseEnum(ipClassSchema, "tor")).toBe("tor");
  });

  it("lists the allowed values when rejecting", () => {
    expect(reasonOf(normaliseEnum(accountStatusSchema, "deleted"))).toBe(
      "unknown value 'deleted' (expected active, suspended or banned)",
    );
  });
});

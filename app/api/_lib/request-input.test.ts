import { describe, expect, it } from "vitest";
import { readJsonBody, readSearchParams } from "./request-input";

describe("readSearchParams", () => {
  it("reads single keys as text and list keys as arrays, present or not", () => {
    const request = new Request("http://x/api?q=a1&id=account:a&id=ip:1.2.3.4&limit=5");
    expect(readSearchParams(request, ["id", "other"])).toEqual({ q: "a1", id: ["account:a", "ip:1.2.3.4"], limit: "5", other: [] });
  });
});

describe("readJsonBody", () => {
  it("answers a body that is not JSON with a 400 that says so", async () => {
    const request = new Request("http://x/api", { method: "POST", body: "{nope" });
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The request body must be JSON" });
  });
});

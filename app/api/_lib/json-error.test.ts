import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { toErrorResponse, withErrorResponse } from "./json-error";

describe("toErrorResponse", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers an AppError with its JSON and status", async () => {
    const response = toErrorResponse(new AppError("DATABASE_UNAVAILABLE", "The graph database cannot be reached."));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "DATABASE_UNAVAILABLE", message: "The graph database cannot be reached." },
    });
  });

  it("turns anything else into a generic 500, logging the real error on the server only", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const secret = new Error("password=hunter2 in a stack trace");
    const response = toErrorResponse(secret);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("INTERNAL");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(log).toHaveBeenCalledWith(expect.any(String), secret);
  });

  it("does not log expected errors such as a bad request", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(toErrorResponse(new AppError("BAD_REQUEST", "No such layout.")).status).toBe(400);
    expect(log).not.toHaveBeenCalled();
  });
});

describe("withErrorResponse", () => {
  it("passes a handler's answer through and translates what it throws", async () => {
    const ok = withErrorResponse((value: string) => Promise.resolve(Response.json({ value })));
    expect(await (await ok("x")).json()).toEqual({ value: "x" });

    const failing = withErrorResponse(() => Promise.reject(new AppError("NOT_FOUND", "No account a1.")));
    const response = await failing();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No account a1." } });
  });
});

import { AppError } from "@/lib/errors/app-error";

/**
 * A request's query string as an object for a zod schema: each key once, as
 * text, except `listKeys`, which are repeatable (`?id=a&id=b`) and always arrays.
 */
export function readSearchParams(request: Request, listKeys: readonly string[] = []): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    input[key] = listKeys.includes(key) ? params.getAll(key) : (params.get(key) ?? "");
  }
  for (const key of listKeys) input[key] ??= [];
  return input;
}

/** A request's JSON body; a body that is not JSON is the caller's mistake, a 400 that says so. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch (error) {
    throw new AppError("BAD_REQUEST", "The request body must be JSON", { cause: error });
  }
}

/** Graph answers depend on data that changes with every load: never cached. */
export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

/**
 * Calls one of the app's route handlers from the browser. An error answer
 * becomes an Error carrying the server's message, which is written for the user.
 */
export async function callApi<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw new Error(errorMessage(body) ?? `The server answered ${response.status}`);
  return body as T;
}

function errorMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = (body as { error: { message?: unknown } }).error;
  return typeof error.message === "string" ? error.message : undefined;
}

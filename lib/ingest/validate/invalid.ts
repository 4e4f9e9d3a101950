/**
 * What a normaliser returns instead of a value when the input breaks the
 * contract. A class (not a result object) so the success path allocates
 * nothing: callers test `instanceof Invalid`.
 */
export class Invalid {
  constructor(readonly reason: string) {}
}

const maxQuotedLength = 80;

/** A value quoted for a reason, cut short so a reject line stays readable. */
export function quote(value: string): string {
  const shown = value.length > maxQuotedLength ? `${value.slice(0, maxQuotedLength)}…` : value;
  return `'${shown}'`;
}

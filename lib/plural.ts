/** "1 account", "3,001 accounts": a count and its noun, for nouns that take an "s". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}

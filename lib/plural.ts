/** "1 account", "3,001 accounts", "2 searches": a count and its noun, plural by "s" unless told otherwise. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : nouns}`;
}

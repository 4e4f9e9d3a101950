/** Precision, recall and F1 of a found member list against the true one. */
export interface Accuracy {
  precision: number;
  recall: number;
  f1: number;
}

export function accuracy(found: readonly string[], truth: readonly string[]): Accuracy {
  const expected = new Set(truth);
  const hits = new Set(found.filter((id) => expected.has(id))).size;
  const precision = found.length > 0 ? hits / new Set(found).size : 0;
  const recall = expected.size > 0 ? hits / expected.size : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Kinds that stand for one person's or one machine's identity, unlike an address or a domain crowds share. */
const IDENTIFYING_KINDS = ["card", "phone", "device"];

/**
 * A mail domain names the provider its users chose, not who runs them: two
 * device farms that both sign up with the same few throwaway-mail domains
 * share nothing else, and among a few thousand accounts those domains are
 * theirs alone.
 */
const PROVIDER_KINDS = ["email_domain"];

// Keys are "kind:value". Matching the prefix in place, rather than cutting
// the kind out (kindOfKey), allocates nothing: refinement and grouping ask for
// every link of a 24,000-member campaign, several times per search.
const IDENTIFYING_PREFIXES = IDENTIFYING_KINDS.map((kind) => `${kind}:`);
const PROVIDER_PREFIXES = PROVIDER_KINDS.map((kind) => `${kind}:`);

/** Whether the attribute (by key) is a card, phone or device. */
export function isIdentifying(key: string): boolean {
  return hasPrefix(key, IDENTIFYING_PREFIXES);
}

/** Whether the attribute (by key) names a provider its users chose. */
export function isProvider(key: string): boolean {
  return hasPrefix(key, PROVIDER_PREFIXES);
}

const KIND_END = ":".charCodeAt(0);

/** Whether the attribute (by key) is of `kind`. */
export function isOfKind(key: string, kind: string): boolean {
  return key.charCodeAt(kind.length) === KIND_END && key.startsWith(kind);
}

function hasPrefix(key: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (key.startsWith(prefix)) return true;
  return false;
}

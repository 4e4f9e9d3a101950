import { kindOf } from "./evidence";

/** Kinds that stand for one person's or one machine's identity, unlike an address or a domain crowds share. */
const IDENTIFYING_KINDS = new Set(["card", "phone", "device"]);

/**
 * A mail domain names the provider its users chose, not who runs them: two
 * device farms that both sign up with the same few throwaway-mail domains
 * share nothing else, and among a few thousand accounts those domains are
 * theirs alone.
 */
const PROVIDER_KINDS = new Set(["email_domain"]);

/** Whether the attribute (by key) is a card, phone or device. */
export function isIdentifying(key: string): boolean {
  return IDENTIFYING_KINDS.has(kindOf(key));
}

/** Whether the attribute (by key) names a provider its users chose. */
export function isProvider(key: string): boolean {
  return PROVIDER_KINDS.has(kindOf(key));
}

/**
 * What tells the next worklist refresh where to search again (worklist.ts).
 * `Attribute.worklist_count` is the attribute's `account_count` when a
 * refresh last searched around it: an incremental refresh searches where the
 * two differ, that is where accounts were linked since. `Campaign.search_again`
 * (when it was asked) has a campaign searched again from its seeds though no
 * count moved: set here for benign marks, and by a hand-made membership
 * change on its own campaign (labels.ts).
 */

/** Marks the attributes `$keys` as searched around, at their current count. */
export const markSearchedCypher = `
UNWIND $keys AS key
MATCH (t:Attribute {key: key})
SET t.worklist_count = t.account_count`;

/**
 * With `t` bound to an attribute whose linking changed (marked benign or
 * cleared): the stored campaigns its users belong to may have split, shrunk
 * or dissolved, or be whole again, so the next refresh searches them again.
 */
export const searchAgainAroundCypher = `
WITH t
CALL (t) {
  MATCH (t)<-[:USES]-(:Account)-[:MEMBER_OF]->(c:Campaign)
  SET c.search_again = datetime()
}`;

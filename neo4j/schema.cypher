// Ringscope graph schema. Applied idempotently by `npm run db:schema` and
// before every ingest (lib/neo4j/schema.ts splits this file on semicolons at
// line ends). Every statement must be safe to run again: IF NOT EXISTS, or
// IF EXISTS for a drop.
// The graph model is explained in docs/graph-model.md.

// Business keys. MERGE in the ingest writers relies on these constraints both
// for correctness (no duplicates under concurrent loads) and for speed (the
// constraint's index is what MERGE looks up).
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.account_id IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.session_id IS UNIQUE;
// An attribute's key is "<kind>:<value>"; kinds never contain a colon, so the
// key is unambiguous. One property keeps MERGE on a single unique index.
CREATE CONSTRAINT attribute_key IF NOT EXISTS FOR (t:Attribute) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (r:IngestRun) REQUIRE r.run_id IS UNIQUE;

// Lookups the explorer and campaign queries make.
CREATE INDEX attribute_kind_value IF NOT EXISTS FOR (t:Attribute) ON (t.kind, t.value);
CREATE INDEX attribute_account_count IF NOT EXISTS FOR (t:Attribute) ON (t.account_count);
CREATE INDEX account_created_at IF NOT EXISTS FOR (a:Account) ON (a.created_at);
// The explorer's search box: STARTS WITH on email and phone (range indexes serve prefixes).
CREATE INDEX account_email IF NOT EXISTS FOR (a:Account) ON (a.email);
CREATE INDEX account_phone IF NOT EXISTS FOR (a:Account) ON (a.phone);
// Prefix search over values (typeahead) uses the range index above for
// STARTS WITH; text indexes serve CONTAINS for free-text search later.
CREATE TEXT INDEX attribute_value_text IF NOT EXISTS FOR (t:Attribute) ON (t.value);
CREATE TEXT INDEX account_id_text IF NOT EXISTS FOR (a:Account) ON (a.account_id);

// Campaigns the worklist found, kept across reloads so their ids stay stable
// (lib/campaign/worklist.ts), and the worklist runs that refreshed them.
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (c:Campaign) REQUIRE c.campaign_id IS UNIQUE;
CREATE CONSTRAINT worklist_run_id IF NOT EXISTS FOR (w:WorklistRun) REQUIRE w.run_id IS UNIQUE;

// Views too long for a link, stored by the explorer (lib/graph/save-view.ts);
// the id is a hash of the state, and MERGE on it relies on this constraint.
CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (v:SavedView) REQUIRE v.id IS UNIQUE;

// Campaign views already computed (lib/campaign/stored-views.ts), by a hash
// of the seeds and the thresholds; MERGE on it relies on this constraint.
CREATE CONSTRAINT campaign_view_key IF NOT EXISTS FOR (v:CampaignView) REQUIRE v.key IS UNIQUE;

// Indexes earlier versions created that no query uses. Each cost a write on
// every session or attribute loaded online and a build over all of them
// after a bulk import (docs/graph-model.md, "Indexes"); dropped where present.
// session_account_id indexed a copy of the owner that sessions no longer
// carry: an account's sessions are read over its HAS_SESSION links.
DROP INDEX session_account_id IF EXISTS;
DROP INDEX session_started_at IF EXISTS;
DROP INDEX attribute_last_seen IF EXISTS;
DROP INDEX account_status IF EXISTS;

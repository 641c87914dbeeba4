/* rg-schema.c — the ordered schema migrations.
 *
 * Rules every migration keeps (a later issue synchronises machines with
 * SQLite's session extension, which matches rows by primary key):
 *  - primary keys are random 64-bit integers chosen by the application
 *    (rg_store_new_id()), never AUTOINCREMENT;
 *  - every table has created_at and updated_at, seconds since the Unix epoch, UTC;
 *  - money is an integer amount of minor units (kopecks, cents);
 *  - rows the user can delete with an undo carry deleted_at (soft delete).
 * A migration is appended, never edited once released.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-store"

#include "config.h"

#include "util/rg-phone.h"
#include "rg-schema-private.h"

/* Folds "ё" to "е" for the full-text index (the unicode61 tokenizer folds
 * Cyrillic case but not this pair); queries are folded the same way in C. */
#define FOLD(x) "replace(replace(" x ", 'ё', 'е'), 'Ё', 'Е')"

#define CLIENT_NAME(r)  FOLD (r ".address_as || ' ' || coalesce(" r ".full_name, '')")
#define CLIENT_NOTES(r) FOLD ("coalesce(" r ".notes, '') || ' ' || coalesce(" r ".preferences, '')")
#define CLIENT_TAGS(id) \
  "coalesce((SELECT " FOLD ("group_concat(t.name, ' ')") \
  " FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = " id "), '')"
#define CLIENT_PHONES(r) r ".phone_digits || ' ' || coalesce(" r ".phone2_digits, '')"

#define STAMPS \
  "  created_at INTEGER NOT NULL,\n" \
  "  updated_at INTEGER NOT NULL\n"

static const char migration_1[] =
  "PRAGMA application_id = 1380404306;\n" /* RG_STORE_APPLICATION_ID */

  "CREATE TABLE staff (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),\n"
  "  role TEXT NOT NULL DEFAULT 'master'\n"
  "    CHECK (role IN ('director', 'administrator', 'master', 'resource')),\n"
  "  color TEXT NOT NULL DEFAULT '#3584e4' CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),\n"
  "  phone TEXT,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"

  /* Working hours: any number of intervals per ISO weekday (1 = Monday),
   * minutes from local midnight, so a lunch break is two rows. */
  "CREATE TABLE staff_hours (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,\n"
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),\n"
  "  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),\n"
  "  end_minute INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),\n"
  STAMPS
  ");\n"
  "CREATE INDEX staff_hours_staff ON staff_hours (staff_id, weekday);\n"

  /* Days off and holidays, a local calendar date YYYY-MM-DD. */
  "CREATE TABLE staff_days_off (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,\n"
  "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  reason TEXT,\n"
  STAMPS ",\n"
  "  UNIQUE (staff_id, day)\n"
  ");\n"

  "CREATE TABLE services (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  category TEXT NOT NULL DEFAULT '',\n"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),\n"
  "  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),\n"
  "  repeat_days INTEGER CHECK (repeat_days IS NULL OR repeat_days BETWEEN 1 AND 3650),\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"

  "CREATE TABLE clients (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  address_as TEXT NOT NULL CHECK (length(trim(address_as)) > 0),\n"
  "  sort_key TEXT NOT NULL,\n"
  "  phone TEXT NOT NULL CHECK (length(trim(phone)) > 0),\n"
  "  phone_digits TEXT NOT NULL CHECK (length(phone_digits) > 0),\n"
  "  full_name TEXT,\n"
  "  phone2 TEXT,\n"
  "  phone2_digits TEXT,\n"
  "  email TEXT,\n"
  "  birth_day INTEGER CHECK (birth_day IS NULL OR birth_day BETWEEN 1 AND 31),\n"
  "  birth_month INTEGER CHECK (birth_month IS NULL OR birth_month BETWEEN 1 AND 12),\n"
  "  birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200),\n"
  "  gender TEXT CHECK (gender IS NULL OR gender IN ('female', 'male', 'other')),\n"
  "  call_time TEXT,\n"
  "  preferred_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"
  "  referred_by_id INTEGER REFERENCES clients (id) ON DELETE SET NULL,\n"
  "  source TEXT,\n"
  "  consent_messages INTEGER NOT NULL DEFAULT 0 CHECK (consent_messages IN (0, 1)),\n"
  "  minimal_contact INTEGER NOT NULL DEFAULT 0 CHECK (minimal_contact IN (0, 1)),\n"
  "  preferences TEXT,\n"
  "  medical_notes TEXT,\n"
  "  notes TEXT,\n"
  "  deleted_at INTEGER,\n"
  STAMPS
  ");\n"
  "CREATE INDEX clients_sort ON clients (sort_key, id) WHERE deleted_at IS NULL;\n"
  "CREATE INDEX clients_phone ON clients (phone_digits);\n"

  "CREATE TABLE tags (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),\n"
  "  color TEXT,\n"
  STAMPS
  ");\n"

  "CREATE TABLE client_tags (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,\n"
  STAMPS ",\n"
  "  UNIQUE (client_id, tag_id)\n"
  ");\n"
  "CREATE INDEX client_tags_tag ON client_tags (tag_id);\n"

  "CREATE TABLE appointments (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id),\n"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id),\n"
  "  starts_at INTEGER NOT NULL,\n"
  "  ends_at INTEGER NOT NULL,\n"
  "  status TEXT NOT NULL DEFAULT 'booked'\n"
  "    CHECK (status IN ('booked', 'confirmed', 'arrived', 'done', 'cancelled', 'no_show')),\n"
  "  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),\n"
  "  note TEXT,\n"
  "  series_id INTEGER,\n"
  "  allow_overlap INTEGER NOT NULL DEFAULT 0 CHECK (allow_overlap IN (0, 1)),\n"
  "  deleted_at INTEGER,\n"
  STAMPS ",\n"
  "  CHECK (ends_at > starts_at)\n"
  ");\n"
  "CREATE INDEX appointments_starts ON appointments (starts_at);\n"
  "CREATE INDEX appointments_staff ON appointments (staff_id, starts_at);\n"
  "CREATE INDEX appointments_client ON appointments (client_id, starts_at);\n"
  "CREATE INDEX appointments_series ON appointments (series_id) WHERE series_id IS NOT NULL;\n"

  /* The services of one appointment, in order; duration and price are this
   * client's, copied from the service when booked and editable. */
  "CREATE TABLE appointment_services (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,\n"
  "  service_id INTEGER NOT NULL REFERENCES services (id),\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),\n"
  "  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),\n"
  STAMPS
  ");\n"
  "CREATE INDEX appointment_services_appointment ON appointment_services (appointment_id, position);\n"
  "CREATE INDEX appointment_services_service ON appointment_services (service_id);\n"

  "CREATE TABLE ratings (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments (id) ON DELETE CASCADE,\n"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),\n"
  "  nps INTEGER CHECK (nps IS NULL OR nps BETWEEN 0 AND 10),\n"
  "  why TEXT,\n"
  "  rated_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX ratings_rated ON ratings (rated_at);\n"

  /* The client's timeline: calls and their outcome, notes, complaints,
   * tasks with a due time, gifts, messages; "system" records merges and
   * other events the application writes itself. */
  "CREATE TABLE interactions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,\n"
  "  staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL\n"
  "    CHECK (kind IN ('call', 'note', 'complaint', 'task', 'gift', 'message', 'system')),\n"
  "  body TEXT,\n"
  "  outcome TEXT,\n"
  "  occurred_at INTEGER NOT NULL,\n"
  "  due_at INTEGER,\n"
  "  done_at INTEGER,\n"
  "  deleted_at INTEGER,\n"
  STAMPS
  ");\n"
  "CREATE INDEX interactions_client ON interactions (client_id, occurred_at);\n"
  "CREATE INDEX interactions_due ON interactions (due_at) WHERE due_at IS NOT NULL AND done_at IS NULL;\n"
  "CREATE INDEX interactions_kind ON interactions (kind, occurred_at);\n"

  /* Search. Names, notes and tags in one full-text index; phone digits in a
   * trigram index so any fragment of three digits or more finds the number. */
  "CREATE VIRTUAL TABLE clients_fts USING fts5 (\n"
  "  name, notes, tags,\n"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');\n"
  "CREATE VIRTUAL TABLE clients_phone_fts USING fts5 (digits, tokenize = 'trigram');\n"

  "CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN\n"
  "  INSERT INTO clients_fts (rowid, name, notes, tags)\n"
  "    VALUES (new.id, " CLIENT_NAME ("new") ", " CLIENT_NOTES ("new") ", " CLIENT_TAGS ("new.id") ");\n"
  "  INSERT INTO clients_phone_fts (rowid, digits) VALUES (new.id, " CLIENT_PHONES ("new") ");\n"
  "END;\n"
  "CREATE TRIGGER clients_fts_update_text\n"
  "  AFTER UPDATE OF address_as, full_name, notes, preferences ON clients BEGIN\n"
  "  UPDATE clients_fts SET name = " CLIENT_NAME ("new") ", notes = " CLIENT_NOTES ("new") "\n"
  "    WHERE rowid = new.id;\n"
  "END;\n"
  "CREATE TRIGGER clients_fts_update_phone\n"
  "  AFTER UPDATE OF phone_digits, phone2_digits ON clients BEGIN\n"
  "  UPDATE clients_phone_fts SET digits = " CLIENT_PHONES ("new") " WHERE rowid = new.id;\n"
  "END;\n"
  "CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN\n"
  "  DELETE FROM clients_fts WHERE rowid = old.id;\n"
  "  DELETE FROM clients_phone_fts WHERE rowid = old.id;\n"
  "END;\n"
  "CREATE TRIGGER client_tags_fts_insert AFTER INSERT ON client_tags BEGIN\n"
  "  UPDATE clients_fts SET tags = " CLIENT_TAGS ("new.client_id") " WHERE rowid = new.client_id;\n"
  "END;\n"
  "CREATE TRIGGER client_tags_fts_delete AFTER DELETE ON client_tags BEGIN\n"
  "  UPDATE clients_fts SET tags = " CLIENT_TAGS ("old.client_id") " WHERE rowid = old.client_id;\n"
  "END;\n"
  "CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN\n"
  "  UPDATE clients_fts SET tags = " CLIENT_TAGS ("clients_fts.rowid") "\n"
  "    WHERE rowid IN (SELECT client_id FROM client_tags WHERE tag_id = new.id);\n"
  "END;\n";

/* Indexes that answer the calendar and a client's history from the index
 * alone: the appointments of a range of days (the month's load, the day's
 * and week's lists; it replaces the index on starts_at), a client's visits
 * of one status before a time (first visit, last visit, rhythm), the
 * services line of an appointment, and everyone's days off in a range. */
static const char migration_2[] =
  "CREATE INDEX appointments_range\n"
  "  ON appointments (starts_at, ends_at, staff_id, status, client_id, deleted_at);\n"
  "DROP INDEX appointments_starts;\n"
  "CREATE INDEX appointments_client_status\n"
  "  ON appointments (client_id, status, deleted_at, starts_at);\n"
  "CREATE INDEX appointment_services_line ON appointment_services (appointment_id, position, service_id);\n"
  "DROP INDEX appointment_services_appointment;\n"
  "CREATE INDEX staff_days_off_day ON staff_days_off (day, staff_id);\n";

/* The studio's own settings, a value per key: the country its phone
 * numbers are read in ("phone-country"), and what later settings need;
 * and the second phone indexed for finding duplicates. */
static const char migration_3[] =
  "CREATE TABLE settings (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),\n"
  "  value TEXT,\n"
  STAMPS
  ");\n"
  /* A second number finds a duplicate too. */
  "CREATE INDEX clients_phone2 ON clients (phone2_digits) WHERE phone2_digits IS NOT NULL;\n";

/* The rest of the client card: fields the studio defines (a car wash's
 * "car brand", a salon's "hair type") and their values per client; the
 * medical card's conditions, from a list the studio keeps; photos, copied
 * into the studio's folder; and the card a merged one went into. */
static const char migration_4[] =
  "CREATE TABLE custom_fields (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'number', 'date', 'choice')),\n"
  "  choices TEXT,\n"                       /* a 'choice' field's options, one per line */
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"
  "CREATE TABLE client_fields (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,\n"
  "  value TEXT NOT NULL,\n"                /* numbers as entered, dates YYYY-MM-DD */
  STAMPS ",\n"
  "  UNIQUE (client_id, field_id)\n"
  ");\n"
  "CREATE INDEX client_fields_field ON client_fields (field_id);\n"

  "CREATE TABLE conditions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),\n"
  "  kind TEXT NOT NULL DEFAULT 'allergy' CHECK (kind IN ('allergy', 'contraindication')),\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"
  "CREATE TABLE client_conditions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  condition_id INTEGER NOT NULL REFERENCES conditions (id) ON DELETE CASCADE,\n"
  "  note TEXT,\n"
  STAMPS ",\n"
  "  UNIQUE (client_id, condition_id)\n"
  ");\n"
  "CREATE INDEX client_conditions_condition ON client_conditions (condition_id);\n"

  "CREATE TABLE photos (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('before', 'after', 'other')),\n"
  "  file TEXT NOT NULL UNIQUE CHECK (length(file) > 0 AND file NOT LIKE '%/%'),\n"
  "  taken_at INTEGER NOT NULL,\n"
  "  caption TEXT,\n"
  "  deleted_at INTEGER,\n"
  STAMPS
  ");\n"
  "CREATE INDEX photos_client ON photos (client_id, taken_at);\n"
  "CREATE INDEX photos_appointment ON photos (appointment_id) WHERE appointment_id IS NOT NULL;\n"

  "ALTER TABLE clients ADD COLUMN merged_into_id INTEGER REFERENCES clients (id) ON DELETE SET NULL;\n";

/* Satisfaction: a complaint is a timeline entry of kind 'complaint' whose
 * outcome is its status (open, resolved, escalated: passed to the
 * director) and done_at the day it was resolved; it may name a service and
 * says what was done. The questionnaires' answers, each question scored
 * 1-10 with its "Why?". Ratings are read per visit by the panel, so they are
 * indexed with their figures. */
static const char migration_5[] =
  "ALTER TABLE interactions ADD COLUMN service_id INTEGER REFERENCES services (id) ON DELETE SET NULL;\n"
  "ALTER TABLE interactions ADD COLUMN resolution TEXT;\n"
  "UPDATE interactions SET outcome = 'open' WHERE kind = 'complaint' AND outcome IS NULL;\n"
  "CREATE INDEX interactions_complaints ON interactions (kind, outcome, occurred_at) WHERE kind = 'complaint';\n"
  "CREATE INDEX ratings_visit ON ratings (appointment_id, score, nps);\n"
  "CREATE TABLE survey_answers (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,\n"
  "  survey TEXT NOT NULL CHECK (survey IN ('visit', 'refusal')),\n"
  "  question TEXT NOT NULL CHECK (length(question) > 0),\n"
  "  score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 10),\n"
  "  answer TEXT,\n"
  "  answered_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX survey_answers_client ON survey_answers (client_id, answered_at);\n"
  "CREATE INDEX survey_answers_question ON survey_answers (survey, question, answered_at);\n";

/* The panel reads a period's ratings by the day of their visit: ratings
 * keep that time (kept by triggers when a rating is written or its visit
 * moved), so twelve months of ratings are one range of an index instead of
 * a probe per visit. */
static const char migration_6[] =
  "ALTER TABLE ratings ADD COLUMN visit_at INTEGER;\n"
  "UPDATE ratings SET visit_at = (SELECT starts_at FROM appointments WHERE id = ratings.appointment_id);\n"
  "DROP INDEX ratings_visit;\n"
  "CREATE INDEX ratings_period ON ratings (visit_at, score, nps, appointment_id);\n"
  "CREATE TRIGGER ratings_visit_at AFTER INSERT ON ratings BEGIN\n"
  "  UPDATE ratings SET visit_at = (SELECT starts_at FROM appointments WHERE id = NEW.appointment_id)\n"
  "   WHERE id = NEW.id;\n"
  "END;\n"
  "CREATE TRIGGER ratings_visit_appointment AFTER UPDATE OF appointment_id ON ratings BEGIN\n"
  "  UPDATE ratings SET visit_at = (SELECT starts_at FROM appointments WHERE id = NEW.appointment_id)\n"
  "   WHERE id = NEW.id;\n"
  "END;\n"
  "CREATE TRIGGER ratings_visit_moved AFTER UPDATE OF starts_at ON appointments BEGIN\n"
  "  UPDATE ratings SET visit_at = NEW.starts_at WHERE appointment_id = NEW.id;\n"
  "END;\n"
  /* A period's questionnaire answers, read from the index alone. */
  "DROP INDEX survey_answers_question;\n"
  "CREATE INDEX survey_answers_period\n"
  "  ON survey_answers (survey, answered_at, question, score, client_id, appointment_id);\n";

/* The retention engine reads every client's visits in client order with
 * what they paid: a covering index of the visits alone. */
static const char migration_7[] =
  "CREATE INDEX appointments_visits ON appointments (client_id, starts_at, price)\n"
  "  WHERE status = 'done' AND deleted_at IS NULL;\n";

/* Each client's visits in one row (count, first, last, what they paid),
 * kept by triggers: a new visit adds to it; any other change to a visit
 * (status, time, price, client, deletion) counts that client's row again
 * from the index of visits. The retention engine reads 100,000 of these
 * instead of a million visits. */
#define CLIENT_VISITS_RECOUNT(who) \
  "  DELETE FROM client_visits WHERE client_id = " who ";\n" \
  "  INSERT INTO client_visits (client_id, visits, first_at, last_at, revenue)\n" \
  "   SELECT client_id, count(*), min(starts_at), max(starts_at), total(price) FROM appointments\n" \
  "    WHERE client_id = " who " AND status = 'done' AND deleted_at IS NULL GROUP BY client_id;\n"

static const char migration_8[] =
  "CREATE TABLE client_visits (\n"
  "  client_id INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  visits INTEGER NOT NULL,\n"
  "  first_at INTEGER NOT NULL,\n"
  "  last_at INTEGER NOT NULL,\n"
  "  revenue INTEGER NOT NULL\n"
  ");\n"
  "INSERT INTO client_visits (client_id, visits, first_at, last_at, revenue)\n"
  "  SELECT client_id, count(*), min(starts_at), max(starts_at), total(price) FROM appointments\n"
  "   WHERE status = 'done' AND deleted_at IS NULL GROUP BY client_id;\n"
  "CREATE TRIGGER client_visits_insert AFTER INSERT ON appointments\n"
  "  WHEN NEW.status = 'done' AND NEW.deleted_at IS NULL BEGIN\n"
  "  INSERT INTO client_visits (client_id, visits, first_at, last_at, revenue)\n"
  "   VALUES (NEW.client_id, 1, NEW.starts_at, NEW.starts_at, NEW.price)\n"
  "   ON CONFLICT (client_id) DO UPDATE SET visits = visits + 1,\n"
  "    first_at = min (first_at, excluded.first_at), last_at = max (last_at, excluded.last_at),\n"
  "    revenue = revenue + excluded.revenue;\n"
  "END;\n"
  "CREATE TRIGGER client_visits_update AFTER UPDATE OF status, starts_at, price, client_id, deleted_at\n"
  "  ON appointments\n"
  "  WHEN (OLD.status = 'done' AND OLD.deleted_at IS NULL) OR (NEW.status = 'done' AND NEW.deleted_at IS NULL) BEGIN\n"
  CLIENT_VISITS_RECOUNT ("OLD.client_id")
  CLIENT_VISITS_RECOUNT ("NEW.client_id")
  "END;\n"
  "CREATE TRIGGER client_visits_delete AFTER DELETE ON appointments\n"
  "  WHEN OLD.status = 'done' AND OLD.deleted_at IS NULL BEGIN\n"
  CLIENT_VISITS_RECOUNT ("OLD.client_id")
  "END;\n";

/* Today's birthdays: the clients born in a month or two, from an index
 * instead of a scan of every card. */
static const char migration_9[] =
  "CREATE INDEX clients_birthday ON clients (birth_month, birth_day)\n"
  "  WHERE deleted_at IS NULL AND birth_month IS NOT NULL AND birth_day IS NOT NULL AND minimal_contact = 0;\n";

/* The retention engine reads the times and prices of every visit of each
 * client seen in the last year: format 10 keeps them in the client's
 * summary row as text ("time price,time price,…", in time order when
 * counted again; a new visit is added at the end) with the latest visit's
 * id, so that 18,000 rows are read instead of 320,000 index entries. The
 * clients who are not deleted get an index of their own: the engine walks
 * it instead of every card's whole row. The range and services-line
 * indexes carry the prices. */
#define CLIENT_VISITS_HISTORY(who) \
  "(SELECT group_concat (starts_at || ' ' || price, ',') FROM (SELECT starts_at, price FROM appointments" \
  " WHERE client_id = " who " AND status = 'done' AND deleted_at IS NULL ORDER BY starts_at, id))"
#define CLIENT_VISITS_LAST_ID(who) \
  "(SELECT id FROM appointments WHERE client_id = " who " AND status = 'done' AND deleted_at IS NULL" \
  " ORDER BY starts_at DESC, id DESC LIMIT 1)"
#define CLIENT_VISITS_RECOUNT_10(who) \
  "  DELETE FROM client_visits WHERE client_id = " who ";\n" \
  "  INSERT INTO client_visits (client_id, visits, first_at, last_at, revenue, last_id, history)\n" \
  "   SELECT client_id, count(*), min(starts_at), max(starts_at), total(price),\n" \
  "    " CLIENT_VISITS_LAST_ID (who) ", " CLIENT_VISITS_HISTORY (who) " FROM appointments\n" \
  "    WHERE client_id = " who " AND status = 'done' AND deleted_at IS NULL GROUP BY client_id;\n"

static const char migration_10[] =
  "CREATE INDEX clients_live ON clients (id) WHERE deleted_at IS NULL;\n"
  /* The dashboard reads a period's visits with their prices and their
   * services' lines with theirs from the indexes alone. */
  "DROP INDEX appointments_range;\n"
  "CREATE INDEX appointments_range\n"
  "  ON appointments (starts_at, ends_at, staff_id, status, client_id, deleted_at, price);\n"
  "DROP INDEX appointment_services_line;\n"
  "CREATE INDEX appointment_services_line ON appointment_services (appointment_id, position, service_id, price);\n"
  "ALTER TABLE client_visits ADD COLUMN last_id INTEGER;\n"
  "ALTER TABLE client_visits ADD COLUMN history TEXT;\n"
  "UPDATE client_visits SET last_id = " CLIENT_VISITS_LAST_ID ("client_visits.client_id") ",\n"
  "  history = " CLIENT_VISITS_HISTORY ("client_visits.client_id") ";\n"
  "DROP TRIGGER client_visits_insert;\n"
  "DROP TRIGGER client_visits_update;\n"
  "DROP TRIGGER client_visits_delete;\n"
  "CREATE TRIGGER client_visits_insert AFTER INSERT ON appointments\n"
  "  WHEN NEW.status = 'done' AND NEW.deleted_at IS NULL BEGIN\n"
  "  INSERT INTO client_visits (client_id, visits, first_at, last_at, revenue, last_id, history)\n"
  "   VALUES (NEW.client_id, 1, NEW.starts_at, NEW.starts_at, NEW.price, NEW.id, NEW.starts_at || ' ' || NEW.price)\n"
  "   ON CONFLICT (client_id) DO UPDATE SET visits = visits + 1,\n"
  "    first_at = min (first_at, excluded.first_at), last_at = max (last_at, excluded.last_at),\n"
  "    revenue = revenue + excluded.revenue,\n"
  "    last_id = CASE WHEN excluded.last_at > last_at OR (excluded.last_at = last_at AND excluded.last_id > last_id)\n"
  "     THEN excluded.last_id ELSE last_id END,\n"
  "    history = history || ',' || excluded.history;\n"
  "END;\n"
  "CREATE TRIGGER client_visits_update AFTER UPDATE OF status, starts_at, price, client_id, deleted_at\n"
  "  ON appointments\n"
  "  WHEN (OLD.status = 'done' AND OLD.deleted_at IS NULL) OR (NEW.status = 'done' AND NEW.deleted_at IS NULL) BEGIN\n"
  CLIENT_VISITS_RECOUNT_10 ("OLD.client_id")
  CLIENT_VISITS_RECOUNT_10 ("NEW.client_id")
  "END;\n"
  "CREATE TRIGGER client_visits_delete AFTER DELETE ON appointments\n"
  "  WHEN OLD.status = 'done' AND OLD.deleted_at IS NULL BEGIN\n"
  CLIENT_VISITS_RECOUNT_10 ("OLD.client_id")
  "END;\n";

/* Each client's visits with each master in one row (count, first, last,
 * what they paid), kept like client_visits: a new visit adds to its pair;
 * any other change to a visit counts the client's pairs again. The
 * dashboard reads 170,000 of these for each master's lifetime value and
 * relationship length instead of a million visits. */
#define CLIENT_STAFF_RECOUNT_IF(who, cond) \
  "  DELETE FROM client_staff WHERE client_id = " who " AND " cond ";\n" \
  "  INSERT INTO client_staff (client_id, staff_id, visits, first_at, last_at, revenue)\n" \
  "   SELECT client_id, staff_id, count(*), min(starts_at), max(starts_at), total(price) FROM appointments\n" \
  "    WHERE client_id = " who " AND " cond " AND status = 'done' AND deleted_at IS NULL GROUP BY staff_id;\n"
#define CLIENT_STAFF_RECOUNT(who) CLIENT_STAFF_RECOUNT_IF (who, "1")

/* A visit saved by the studio writes every column, so the update triggers
 * fire on each save of a visit: the client it moved to is counted again
 * only when it did move (format 10 counted the same client twice). */
#define CLIENT_MOVED "NEW.client_id IS NOT OLD.client_id"
#define CLIENT_VISITS_RECOUNT_IF(who, cond) \
  "  DELETE FROM client_visits WHERE client_id = " who " AND " cond ";\n" \
  "  INSERT INTO client_visits (client_id, visits, first_at, last_at, revenue, last_id, history)\n" \
  "   SELECT client_id, count(*), min(starts_at), max(starts_at), total(price),\n" \
  "    " CLIENT_VISITS_LAST_ID (who) ", " CLIENT_VISITS_HISTORY (who) " FROM appointments\n" \
  "    WHERE client_id = " who " AND " cond " AND status = 'done' AND deleted_at IS NULL GROUP BY client_id;\n"

static const char migration_11[] =
  "CREATE TABLE client_staff (\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  staff_id INTEGER NOT NULL,\n"
  "  visits INTEGER NOT NULL,\n"
  "  first_at INTEGER NOT NULL,\n"
  "  last_at INTEGER NOT NULL,\n"
  "  revenue INTEGER NOT NULL,\n"
  "  PRIMARY KEY (client_id, staff_id)\n"
  ") WITHOUT ROWID;\n"
  "INSERT INTO client_staff (client_id, staff_id, visits, first_at, last_at, revenue)\n"
  "  SELECT client_id, staff_id, count(*), min(starts_at), max(starts_at), total(price) FROM appointments\n"
  "   WHERE status = 'done' AND deleted_at IS NULL GROUP BY client_id, staff_id;\n"
  "CREATE TRIGGER client_staff_insert AFTER INSERT ON appointments\n"
  "  WHEN NEW.status = 'done' AND NEW.deleted_at IS NULL BEGIN\n"
  "  INSERT INTO client_staff (client_id, staff_id, visits, first_at, last_at, revenue)\n"
  "   VALUES (NEW.client_id, NEW.staff_id, 1, NEW.starts_at, NEW.starts_at, NEW.price)\n"
  "   ON CONFLICT (client_id, staff_id) DO UPDATE SET visits = visits + 1,\n"
  "    first_at = min (first_at, excluded.first_at), last_at = max (last_at, excluded.last_at),\n"
  "    revenue = revenue + excluded.revenue;\n"
  "END;\n"
  "CREATE TRIGGER client_staff_update AFTER UPDATE OF status, starts_at, price, client_id, staff_id, deleted_at\n"
  "  ON appointments\n"
  "  WHEN (OLD.status = 'done' AND OLD.deleted_at IS NULL) OR (NEW.status = 'done' AND NEW.deleted_at IS NULL) BEGIN\n"
  CLIENT_STAFF_RECOUNT ("OLD.client_id")
  CLIENT_STAFF_RECOUNT_IF ("NEW.client_id", CLIENT_MOVED)
  "END;\n"
  "CREATE TRIGGER client_staff_delete AFTER DELETE ON appointments\n"
  "  WHEN OLD.status = 'done' AND OLD.deleted_at IS NULL BEGIN\n"
  CLIENT_STAFF_RECOUNT ("OLD.client_id")
  "END;\n"
  "DROP TRIGGER client_visits_update;\n"
  "CREATE TRIGGER client_visits_update AFTER UPDATE OF status, starts_at, price, client_id, deleted_at\n"
  "  ON appointments\n"
  "  WHEN (OLD.status = 'done' AND OLD.deleted_at IS NULL) OR (NEW.status = 'done' AND NEW.deleted_at IS NULL) BEGIN\n"
  CLIENT_VISITS_RECOUNT_IF ("OLD.client_id", "1")
  CLIENT_VISITS_RECOUNT_IF ("NEW.client_id", CLIENT_MOVED)
  "END;\n";

/* Format 12, for the dashboard by service:
 * - each appointment carries its services' lines ("service:price,...", in
 *   their order) in the range index, so that two years of visits are read
 *   with their services in time order instead of looked up line by line;
 * - client_service: each client's lines of each service (count, first and
 *   last visit, what they paid), kept like client_staff, for the services'
 *   lifetime value and relationship length.
 * The lines' triggers keep both; the appointments' keep client_service when
 * a visit changes. A line is counted where its visit is done and live. */
#define APPOINTMENT_LINES(who) \
  "(SELECT group_concat (service_id || ':' || price, ',') FROM\n" \
  "   (SELECT service_id, price FROM appointment_services WHERE appointment_id = " who " ORDER BY position, id))"
#define APPOINTMENT_SERVICES(who) \
  "  UPDATE appointments SET services = " APPOINTMENT_LINES (who) " WHERE id = " who ";\n"
#define CLIENT_SERVICE_SELECT \
  "   SELECT a.client_id, l.service_id, count(*), min(a.starts_at), max(a.starts_at), total(l.price)\n" \
  "    FROM appointments a JOIN appointment_services l ON l.appointment_id = a.id\n"
#define CLIENT_SERVICE_RECOUNT_IF(who, cond) \
  "  DELETE FROM client_service WHERE client_id = " who " AND " cond ";\n" \
  "  INSERT INTO client_service (client_id, service_id, lines, first_at, last_at, revenue)\n" \
  CLIENT_SERVICE_SELECT \
  "    WHERE a.client_id = " who " AND " cond " AND a.status = 'done' AND a.deleted_at IS NULL GROUP BY l.service_id;\n"
/* One line's client and service counted again (the client of a visit that
 * is done and live; none else is counted). */
#define LINE_CLIENT(line) \
  "(SELECT client_id FROM appointments WHERE id = " line ".appointment_id AND status = 'done' AND deleted_at IS NULL)"
#define CLIENT_SERVICE_RECOUNT_LINE(line) \
  "  DELETE FROM client_service WHERE client_id = " LINE_CLIENT (line) " AND service_id = " line ".service_id;\n" \
  "  INSERT INTO client_service (client_id, service_id, lines, first_at, last_at, revenue)\n" \
  CLIENT_SERVICE_SELECT \
  "    WHERE a.client_id = " LINE_CLIENT (line) " AND l.service_id = " line ".service_id\n" \
  "    AND a.status = 'done' AND a.deleted_at IS NULL GROUP BY l.service_id;\n"

static const char migration_12[] =
  "ALTER TABLE appointments ADD COLUMN services TEXT;\n"
  "DROP INDEX appointments_range;\n"
  /* In id order, as the lines' index: its reads go forward. */
  "UPDATE appointments SET services = " APPOINTMENT_LINES ("appointments.id") ";\n"
  "CREATE INDEX appointments_range\n"
  "  ON appointments (starts_at, ends_at, staff_id, status, client_id, deleted_at, price, services);\n"
  "CREATE TABLE client_service (\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,\n"
  "  service_id INTEGER NOT NULL,\n"
  "  lines INTEGER NOT NULL,\n"
  "  first_at INTEGER NOT NULL,\n"
  "  last_at INTEGER NOT NULL,\n"
  "  revenue INTEGER NOT NULL,\n"
  "  PRIMARY KEY (client_id, service_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TRIGGER appointment_services_insert AFTER INSERT ON appointment_services BEGIN\n"
  APPOINTMENT_SERVICES ("NEW.appointment_id")
  "  INSERT INTO client_service (client_id, service_id, lines, first_at, last_at, revenue)\n"
  "   SELECT client_id, NEW.service_id, 1, starts_at, starts_at, NEW.price FROM appointments\n"
  "    WHERE id = NEW.appointment_id AND status = 'done' AND deleted_at IS NULL\n"
  "   ON CONFLICT (client_id, service_id) DO UPDATE SET lines = lines + 1,\n"
  "    first_at = min (first_at, excluded.first_at), last_at = max (last_at, excluded.last_at),\n"
  "    revenue = revenue + excluded.revenue;\n"
  "END;\n"
  "CREATE TRIGGER appointment_services_update AFTER UPDATE OF appointment_id, service_id, price, position\n"
  "  ON appointment_services BEGIN\n"
  APPOINTMENT_SERVICES ("OLD.appointment_id")
  APPOINTMENT_SERVICES ("NEW.appointment_id")
  CLIENT_SERVICE_RECOUNT_LINE ("OLD")
  CLIENT_SERVICE_RECOUNT_LINE ("NEW")
  "END;\n"
  "CREATE TRIGGER appointment_services_delete AFTER DELETE ON appointment_services BEGIN\n"
  APPOINTMENT_SERVICES ("OLD.appointment_id")
  CLIENT_SERVICE_RECOUNT_LINE ("OLD")
  "END;\n"
  "CREATE TRIGGER client_service_update AFTER UPDATE OF status, starts_at, client_id, deleted_at\n"
  "  ON appointments\n"
  "  WHEN (OLD.status = 'done' AND OLD.deleted_at IS NULL) OR (NEW.status = 'done' AND NEW.deleted_at IS NULL) BEGIN\n"
  CLIENT_SERVICE_RECOUNT_IF ("OLD.client_id", "1")
  CLIENT_SERVICE_RECOUNT_IF ("NEW.client_id", CLIENT_MOVED)
  "END;\n"
  "CREATE TRIGGER client_service_delete AFTER DELETE ON appointments\n"
  "  WHEN OLD.status = 'done' AND OLD.deleted_at IS NULL BEGIN\n"
  CLIENT_SERVICE_RECOUNT_IF ("OLD.client_id", "1")
  "END;\n";

/* Format 3 keeps phone numbers in one form: the numbers written before
 * are read again (in the locale's country: the studio's setting is new)
 * and kept formatted with their E.164 digits. A number that cannot be read
 * is left as it was. */
static gboolean
normalize_phones (RgStore  *store,
                  GError  **error)
{
  static const char * const columns[][2] = { { "phone", "phone_digits" }, { "phone2", "phone2_digits" } };
  int country = rg_store_get_phone_country (store);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT id, %s FROM clients WHERE %s IS NOT NULL",
                                                 columns[c][0], columns[c][0]);
      g_autofree char *update = g_strdup_printf ("UPDATE clients SET %s = ?2, %s = ?3 WHERE id = ?1",
                                                 columns[c][0], columns[c][1]);
      g_autoptr(RgStmt) stmt = rg_store_prepare (store, select, error);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
      gboolean row = FALSE, ok;

      if (stmt == NULL)
        return FALSE;
      while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          g_ptr_array_add (phones, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      if (!ok)
        return FALSE;
      g_clear_pointer (&stmt, rg_stmt_release);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autofree char *formatted = NULL;
          g_autofree char *digits = NULL;
          g_autoptr(RgStmt) write = NULL;

          if (!rg_phone_read (phones->pdata[i], country, &formatted, &digits, NULL))
            continue;
          if (g_str_equal (formatted, phones->pdata[i]))
            continue;
          write = rg_store_prepare (store, update, error);
          if (write == NULL)
            return FALSE;
          sqlite3_bind_int64 (write, 1, g_array_index (ids, gint64, i));
          sqlite3_bind_text (write, 2, formatted, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (write, 3, digits, -1, SQLITE_TRANSIENT);
          if (!rg_store_step_done (store, write, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Format 12's client_service, from the visits' lines in the range index:
 * one pass over the index (0.1 s for a million visits) instead of joining
 * every visit to its lines (3 s). */
typedef struct {
  gint64 client_id;
  gint64 service_id;
  gint64 lines;
  gint64 first_at;
  gint64 last_at;
  gint64 revenue;
} ClientService;

static guint
client_service_hash (gconstpointer key)
{
  const ClientService *p = key;

  return g_int64_hash (&p->client_id) * 31 + g_int64_hash (&p->service_id);
}

static gboolean
client_service_equal (gconstpointer a,
                      gconstpointer b)
{
  const ClientService *pa = a, *pb = b;

  return pa->client_id == pb->client_id && pa->service_id == pb->service_id;
}

static int
client_service_compare (gconstpointer a,
                        gconstpointer b)
{
  const ClientService *pa = *(ClientService * const *) a, *pb = *(ClientService * const *) b;

  if (pa->client_id != pb->client_id)
    return pa->client_id < pb->client_id ? -1 : 1;
  return pa->service_id < pb->service_id ? -1 : pa->service_id > pb->service_id;
}

static gboolean
fill_client_service (RgStore  *store,
                     GError  **error)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (client_service_hash, client_service_equal, g_free, NULL);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT client_id, starts_at, services FROM appointments INDEXED BY appointments_range"
                                             " WHERE starts_at > ?1 AND status = 'done' AND deleted_at IS NULL AND services IS NOT NULL",
                                             error);
  g_autoptr(GPtrArray) sorted = NULL;
  GHashTableIter iter;
  gpointer found;
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, G_MININT64);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 client_id = sqlite3_column_int64 (stmt, 0);
      gint64 at = sqlite3_column_int64 (stmt, 1);
      const char *p = (const char *) sqlite3_column_text (stmt, 2);
      ClientService key = { client_id, 0, 0, 0, 0, 0 };

      while (rg_store_next_line (&p, &key.service_id, &key.revenue))
        {
          ClientService *pair;

          if ((pair = g_hash_table_lookup (pairs, &key)) == NULL)
            {
              pair = g_memdup2 (&key, sizeof key);
              pair->first_at = pair->last_at = at;
              pair->revenue = 0;
              g_hash_table_add (pairs, pair);
            }
          pair->lines++;
          pair->revenue += key.revenue;
          pair->first_at = MIN (pair->first_at, at);
          pair->last_at = MAX (pair->last_at, at);
        }
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  sorted = g_ptr_array_sized_new (g_hash_table_size (pairs));
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &found, NULL))
    g_ptr_array_add (sorted, found);
  g_ptr_array_sort (sorted, client_service_compare);
  stmt = rg_store_prepare (store,
                           "INSERT INTO client_service (client_id, service_id, lines, first_at, last_at, revenue)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < sorted->len; i++)
    {
      const ClientService *pair = sorted->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, pair->client_id);
      sqlite3_bind_int64 (stmt, 2, pair->service_id);
      sqlite3_bind_int64 (stmt, 3, pair->lines);
      sqlite3_bind_int64 (stmt, 4, pair->first_at);
      sqlite3_bind_int64 (stmt, 5, pair->last_at);
      sqlite3_bind_int64 (stmt, 6, pair->revenue);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Format 13: the deleted clients, few, in an index of their own, so that
 * the calendar leaves out their appointments from one small set read once
 * per query instead of a look-up of every appointment's client. */
static const char migration_13[] =
  "CREATE INDEX clients_deleted ON clients (id) WHERE deleted_at IS NOT NULL;\n";

/* Format 14: the audit log. Who did what to the studio's data as a whole
 * (exports, imports, backups and restores now; erasures, merges, role and
 * PIN changes, sign-ins with the roles): append-only, so a trigger refuses
 * every UPDATE and DELETE. "actor" is the account at the computer until
 * staff sign in; staff_id names the profile then. */
static const char migration_14[] =
  "CREATE TABLE audit_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at INTEGER NOT NULL,\n"
  "  actor TEXT NOT NULL,\n"
  "  staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"
  "  action TEXT NOT NULL CHECK (length(action) > 0),\n"
  "  what TEXT,\n"
  "  rows INTEGER,\n"
  "  file TEXT,\n"
  "  detail TEXT\n"
  ");\n"
  "CREATE INDEX audit_log_at ON audit_log (at);\n"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN\n"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');\n"
  "END;\n"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN\n"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');\n"
  "END;\n";

/* Format 15: money at the desk.
 * - A sale is one check-out of a visit or one sale without a visit; a
 *   refund is a sale of its own (kind 'refund', refund_of the sale) whose
 *   lines take back lines of the first, each at most once; its payments
 *   are negative. Nothing is overwritten: what was paid, refunded and
 *   earned is the sum of rows.
 * - A line's money is for the whole line: list_price is per unit,
 *   discount = discount_promotion + discount_card + discount_one_off,
 *   price = list_price * quantity - discount (what the client pays for
 *   it), cost what it cost the studio (materials, purchase), pay what
 *   its master earns from it. Tips are lines of their own.
 * - Percentages are basis points (2500 = 25 %), money minor units.
 * - Stock is the sum of a product's moves.
 * - The upgrade gives each done visit a sale paid in full at its price
 *   (method 'unrecorded'), once (the fixup fill_sales). */
#define RANDOM_ID "(1 + (random () & 9223372036854775806))"

static const char migration_15[] =
  "ALTER TABLE services ADD COLUMN materials_cost INTEGER NOT NULL DEFAULT 0 CHECK (materials_cost >= 0);\n"
  "ALTER TABLE staff ADD COLUMN pay_rate INTEGER NOT NULL DEFAULT 0 CHECK (pay_rate BETWEEN 0 AND 10000);\n"
  "ALTER TABLE staff ADD COLUMN pay_per_visit INTEGER NOT NULL DEFAULT 0 CHECK (pay_per_visit >= 0);\n"
  "CREATE TABLE staff_service_rates (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,\n"
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,\n"
  "  pay_rate INTEGER NOT NULL CHECK (pay_rate BETWEEN 0 AND 10000),\n"
  STAMPS ",\n"
  "  UNIQUE (staff_id, service_id)\n"
  ");\n"

  "CREATE TABLE products (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),\n"
  "  cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),\n"
  "  commission INTEGER NOT NULL DEFAULT 0 CHECK (commission BETWEEN 0 AND 10000),\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"
  "CREATE TABLE stock_moves (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,\n"
  "  quantity INTEGER NOT NULL CHECK (quantity <> 0),\n"
  "  reason TEXT NOT NULL CHECK (reason IN ('sale', 'refund', 'received', 'count', 'write_off')),\n"
  "  sale_line_id INTEGER REFERENCES sale_lines (id),\n"
  "  note TEXT,\n"
  "  occurred_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX stock_moves_product ON stock_moves (product_id, occurred_at);\n"

  "CREATE TABLE promotions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  ends_on TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ends_on >= starts_on),\n"
  "  percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 10000),\n"
  "  all_services INTEGER NOT NULL DEFAULT 0 CHECK (all_services IN (0, 1)),\n"
  "  all_products INTEGER NOT NULL DEFAULT 0 CHECK (all_products IN (0, 1)),\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"
  "CREATE TABLE promotion_items (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  promotion_id INTEGER NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,\n"
  "  service_id INTEGER REFERENCES services (id) ON DELETE CASCADE,\n"
  "  product_id INTEGER REFERENCES products (id) ON DELETE CASCADE,\n"
  STAMPS ",\n"
  "  CHECK ((service_id IS NULL) <> (product_id IS NULL))\n"
  ");\n"
  "CREATE INDEX promotion_items_promotion ON promotion_items (promotion_id);\n"

  /* The cumulative card: a client's tier is the highest whose threshold
   * their paid spend has reached. Seed 003's four, thresholds the studio
   * changes. */
  "CREATE TABLE card_tiers (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  threshold INTEGER NOT NULL UNIQUE CHECK (threshold >= 0),\n"
  "  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 10000),\n"
  STAMPS
  ");\n"
  "INSERT INTO card_tiers (id, name, threshold, percent, created_at, updated_at) VALUES\n"
  "  (" RANDOM_ID ", 'Bronze', 1000000, 500, CAST (strftime ('%s', 'now') AS INTEGER), CAST (strftime ('%s', 'now') AS INTEGER)),\n"
  "  (" RANDOM_ID ", 'Silver', 3000000, 700, CAST (strftime ('%s', 'now') AS INTEGER), CAST (strftime ('%s', 'now') AS INTEGER)),\n"
  "  (" RANDOM_ID ", 'Gold', 6000000, 1000, CAST (strftime ('%s', 'now') AS INTEGER), CAST (strftime ('%s', 'now') AS INTEGER)),\n"
  "  (" RANDOM_ID ", 'Platinum', 12000000, 2000, CAST (strftime ('%s', 'now') AS INTEGER), CAST (strftime ('%s', 'now') AS INTEGER));\n"

  "CREATE TABLE sales (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  number INTEGER NOT NULL UNIQUE CHECK (number > 0),\n"
  "  kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'refund')),\n"
  "  refund_of INTEGER REFERENCES sales (id),\n"
  /* No action on delete: a sale keeps its client and visit (both are
   * deleted softly); an undo that removes both deletes them together. */
  "  client_id INTEGER REFERENCES clients (id),\n"
  "  appointment_id INTEGER REFERENCES appointments (id),\n"
  "  discount_reason TEXT,\n"
  "  reason TEXT,\n"
  STAMPS ",\n"
  "  CHECK ((kind = 'refund') = (refund_of IS NOT NULL))\n"
  ");\n"
  "CREATE INDEX sales_appointment ON sales (appointment_id) WHERE appointment_id IS NOT NULL;\n"
  "CREATE INDEX sales_client ON sales (client_id, created_at);\n"
  "CREATE INDEX sales_created ON sales (created_at);\n"
  "CREATE INDEX sales_refund_of ON sales (refund_of) WHERE refund_of IS NOT NULL;\n"
  "CREATE TABLE sale_lines (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  sale_id INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('service', 'product', 'tip')),\n"
  "  service_id INTEGER REFERENCES services (id),\n"
  "  product_id INTEGER REFERENCES products (id),\n"
  "  staff_id INTEGER REFERENCES staff (id),\n"
  "  quantity INTEGER NOT NULL CHECK (quantity <> 0),\n"
  "  list_price INTEGER NOT NULL CHECK (list_price >= 0),\n"
  "  discount INTEGER NOT NULL DEFAULT 0,\n"
  "  discount_promotion INTEGER NOT NULL DEFAULT 0,\n"
  "  discount_card INTEGER NOT NULL DEFAULT 0,\n"
  "  discount_one_off INTEGER NOT NULL DEFAULT 0,\n"
  "  promotion_id INTEGER REFERENCES promotions (id) ON DELETE SET NULL,\n"
  "  discount_reason TEXT,\n"
  "  price INTEGER NOT NULL,\n"
  "  cost INTEGER NOT NULL DEFAULT 0,\n"
  "  pay INTEGER NOT NULL DEFAULT 0,\n"
  "  refund_of_line INTEGER REFERENCES sale_lines (id),\n"
  STAMPS ",\n"
  "  CHECK (kind <> 'product' OR product_id IS NOT NULL),\n"
  "  CHECK (kind <> 'tip' OR staff_id IS NOT NULL),\n"
  "  CHECK (discount = discount_promotion + discount_card + discount_one_off)\n"
  ");\n"
  "CREATE INDEX sale_lines_sale ON sale_lines (sale_id, position);\n"
  "CREATE INDEX sale_lines_staff ON sale_lines (staff_id) WHERE staff_id IS NOT NULL;\n"
  "CREATE UNIQUE INDEX sale_lines_refunded ON sale_lines (refund_of_line) WHERE refund_of_line IS NOT NULL;\n"
  "CREATE TABLE payments (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  sale_id INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,\n"
  "  method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'deposit', 'subscription',\n"
  "                                         'certificate', 'points', 'unrecorded')),\n"
  "  amount INTEGER NOT NULL CHECK (amount <> 0),\n"
  "  tendered INTEGER CHECK (tendered IS NULL OR tendered >= amount),\n"
  "  reference TEXT,\n"
  "  paid_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX payments_sale ON payments (sale_id);\n"
  "CREATE INDEX payments_paid ON payments (paid_at);\n";

/* Each done visit of an older studio gets its sale, paid in full at the
 * visit's price by a method not recorded, numbered in the visits' order:
 * its lines are the visit's services at their prices (one line for the
 * visit's price where it has none). The figures count the same money
 * before and after. */
static gboolean
fill_sales (RgStore  *store,
            GError  **error)
{
  return rg_store_exec (store,
                        "CREATE TEMP TABLE upgrade_sales AS\n"
                        "  SELECT id AS appointment_id, client_id, staff_id, ends_at, price,\n"
                        "         row_number () OVER (ORDER BY starts_at, id) AS number, " RANDOM_ID " AS sale_id\n"
                        "  FROM appointments WHERE status = 'done' AND deleted_at IS NULL\n"
                        "  AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.appointment_id = appointments.id);\n"
                        "INSERT INTO sales (id, number, kind, client_id, appointment_id, created_at, updated_at)\n"
                        "  SELECT sale_id, number, 'sale', client_id, appointment_id, ends_at, ends_at FROM temp.upgrade_sales;\n"
                        "INSERT INTO sale_lines (id, sale_id, position, kind, service_id, staff_id, quantity, list_price,\n"
                        "                        price, created_at, updated_at)\n"
                        "  SELECT " RANDOM_ID ", u.sale_id, l.position, 'service', l.service_id, u.staff_id, 1, l.price,\n"
                        "         l.price, u.ends_at, u.ends_at\n"
                        "  FROM temp.upgrade_sales u JOIN appointment_services l ON l.appointment_id = u.appointment_id;\n"
                        "INSERT INTO sale_lines (id, sale_id, position, kind, staff_id, quantity, list_price, price,\n"
                        "                        created_at, updated_at)\n"
                        "  SELECT " RANDOM_ID ", u.sale_id, 0, 'service', u.staff_id, 1, u.price, u.price, u.ends_at, u.ends_at\n"
                        "  FROM temp.upgrade_sales u\n"
                        "  WHERE NOT EXISTS (SELECT 1 FROM appointment_services l WHERE l.appointment_id = u.appointment_id);\n"
                        "INSERT INTO payments (id, sale_id, method, amount, paid_at, created_at, updated_at)\n"
                        "  SELECT " RANDOM_ID ", sale_id, 'unrecorded', price, ends_at, ends_at, ends_at\n"
                        "  FROM temp.upgrade_sales WHERE price > 0;\n"
                        "DROP TABLE temp.upgrade_sales;\n",
                        error);
}

/* Format 16: prepaid, rewards and stock. Every instrument is a ledger:
 * a balance is the sum of its rows, each with its reason, never a number
 * overwritten; a trigger refuses a row that would take a balance below
 * zero (the model checks first and says why in words).
 * - A deposit is a client's prepaid money: topped up by a sale line of
 *   kind 'deposit' paid in money, spent by payments of method 'deposit'.
 * - A subscription is sold by a sale line of kind 'subscription': N visits
 *   of the services it covers (copied from its kind when sold), valid for
 *   valid_days from the sale or from its first use (expires_at is set
 *   then, once). A payment of method 'subscription' uses one visit for
 *   one service line (sale_line_id).
 * - A gift certificate is sold by a sale line of kind 'certificate': an
 *   amount, or one service (service_id) whatever its price on the day;
 *   anyone who brings its number can pay with it until it expires
 *   (expires_at, Unix seconds, exclusive).
 * - Points are whole points worth RG_STUDIO_POINT_VALUE minor units
 *   each; an earned row may expire (expires_at), and the unspent rest of
 *   it is written off by an 'expired' row naming it (lot_id).
 * - A referral is rewarded once per new client (UNIQUE client_id).
 * - Products gain a kind (a material is used in services, not sold), a
 *   unit and a minimum level; goods received carry their cost (the
 *   average purchase cost of a material is sum (cost) / sum (quantity)
 *   of its receipts); a count keeps what was expected; a visit's
 *   materials are written off with it (reason 'materials').
 * The two widened CHECKs of format 15 are edited in place (fixup
 * widen_kinds): SQLite's documented way to loosen a CHECK constraint. */
#define NEVER_NEGATIVE(table, key, column, what) \
  "CREATE TRIGGER " table "_never_negative AFTER INSERT ON " table "\n" \
  "  WHEN (SELECT sum (" column ") FROM " table " WHERE " key " = NEW." key ") < 0 BEGIN\n" \
  "  SELECT RAISE (ABORT, '" what " cannot go below zero');\n" \
  "END;\n"

static const char migration_16[] =
  "ALTER TABLE products ADD COLUMN kind TEXT NOT NULL DEFAULT 'product' CHECK (kind IN ('product', 'material'));\n"
  "ALTER TABLE products ADD COLUMN unit TEXT NOT NULL DEFAULT 'pcs' CHECK (unit IN ('pcs', 'ml', 'g'));\n"
  "ALTER TABLE products ADD COLUMN min_level INTEGER NOT NULL DEFAULT 0 CHECK (min_level >= 0);\n"
  "ALTER TABLE products ADD COLUMN supplier TEXT;\n"
  "ALTER TABLE stock_moves ADD COLUMN cost INTEGER CHECK (cost IS NULL OR cost >= 0);\n"
  "ALTER TABLE stock_moves ADD COLUMN supplier TEXT;\n"
  "ALTER TABLE stock_moves ADD COLUMN expected INTEGER;\n"
  "ALTER TABLE stock_moves ADD COLUMN appointment_id INTEGER REFERENCES appointments (id);\n"
  "CREATE INDEX stock_moves_appointment ON stock_moves (appointment_id) WHERE appointment_id IS NOT NULL;\n"
  "CREATE INDEX stock_moves_line ON stock_moves (sale_line_id) WHERE sale_line_id IS NOT NULL;\n"
  "CREATE TABLE service_materials (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,\n"
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,\n"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),\n"
  STAMPS ",\n"
  "  UNIQUE (service_id, product_id)\n"
  ");\n"

  "CREATE TABLE deposit_moves (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id),\n"
  "  amount INTEGER NOT NULL CHECK (amount <> 0),\n"
  "  reason TEXT NOT NULL CHECK (reason IN ('top_up', 'payment', 'payment_back', 'withdrawal', 'referral', 'correction')),\n"
  "  sale_id INTEGER REFERENCES sales (id),\n"
  "  sale_line_id INTEGER REFERENCES sale_lines (id),\n"
  "  note TEXT,\n"
  "  occurred_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX deposit_moves_client ON deposit_moves (client_id, occurred_at);\n"
  "CREATE INDEX deposit_moves_sale ON deposit_moves (sale_id) WHERE sale_id IS NOT NULL;\n"
  NEVER_NEGATIVE ("deposit_moves", "client_id", "amount", "a deposit")

  "CREATE TABLE subscription_kinds (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  visits INTEGER NOT NULL CHECK (visits BETWEEN 1 AND 1000),\n"
  "  valid_days INTEGER NOT NULL CHECK (valid_days BETWEEN 1 AND 3650),\n"
  "  from_first_use INTEGER NOT NULL DEFAULT 0 CHECK (from_first_use IN (0, 1)),\n"
  "  price INTEGER NOT NULL CHECK (price >= 0),\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  STAMPS
  ");\n"
  "CREATE TABLE subscription_kind_services (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind_id INTEGER NOT NULL REFERENCES subscription_kinds (id) ON DELETE CASCADE,\n"
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,\n"
  STAMPS ",\n"
  "  UNIQUE (kind_id, service_id)\n"
  ");\n"
  "CREATE TABLE subscriptions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind_id INTEGER REFERENCES subscription_kinds (id) ON DELETE SET NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id),\n"
  "  sale_line_id INTEGER REFERENCES sale_lines (id),\n"
  "  visits INTEGER NOT NULL CHECK (visits BETWEEN 1 AND 1000),\n"
  "  price INTEGER NOT NULL CHECK (price >= 0),\n"
  "  valid_days INTEGER NOT NULL CHECK (valid_days BETWEEN 1 AND 3650),\n"
  "  from_first_use INTEGER NOT NULL CHECK (from_first_use IN (0, 1)),\n"
  "  sold_at INTEGER NOT NULL,\n"
  "  expires_at INTEGER,\n"
  STAMPS
  ");\n"
  "CREATE INDEX subscriptions_client ON subscriptions (client_id);\n"
  "CREATE INDEX subscriptions_expires ON subscriptions (expires_at) WHERE expires_at IS NOT NULL;\n"
  "CREATE TABLE subscription_services (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,\n"
  "  service_id INTEGER NOT NULL REFERENCES services (id),\n"
  STAMPS ",\n"
  "  UNIQUE (subscription_id, service_id)\n"
  ");\n"
  "CREATE TABLE subscription_moves (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,\n"
  "  visits INTEGER NOT NULL CHECK (visits <> 0),\n"
  "  reason TEXT NOT NULL CHECK (reason IN ('sold', 'use', 'use_back', 'cancelled')),\n"
  "  sale_id INTEGER REFERENCES sales (id),\n"
  "  sale_line_id INTEGER REFERENCES sale_lines (id),\n"
  "  occurred_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX subscription_moves_subscription ON subscription_moves (subscription_id, occurred_at);\n"
  "CREATE INDEX subscription_moves_sale ON subscription_moves (sale_id) WHERE sale_id IS NOT NULL;\n"
  NEVER_NEGATIVE ("subscription_moves", "subscription_id", "visits", "a subscription")

  "CREATE TABLE certificates (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  number TEXT NOT NULL UNIQUE CHECK (length(number) > 0),\n"
  "  amount INTEGER NOT NULL CHECK (amount > 0),\n"
  "  service_id INTEGER REFERENCES services (id),\n"
  "  buyer_id INTEGER REFERENCES clients (id),\n"
  "  sale_line_id INTEGER REFERENCES sale_lines (id),\n"
  "  sold_at INTEGER NOT NULL,\n"
  "  expires_at INTEGER NOT NULL,\n"
  "  note TEXT,\n"
  STAMPS
  ");\n"
  "CREATE INDEX certificates_buyer ON certificates (buyer_id) WHERE buyer_id IS NOT NULL;\n"
  "CREATE TABLE certificate_moves (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,\n"
  "  amount INTEGER NOT NULL CHECK (amount <> 0),\n"
  "  reason TEXT NOT NULL CHECK (reason IN ('sold', 'redeemed', 'redeemed_back', 'cancelled')),\n"
  "  client_id INTEGER REFERENCES clients (id),\n"
  "  sale_id INTEGER REFERENCES sales (id),\n"
  "  occurred_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX certificate_moves_certificate ON certificate_moves (certificate_id, occurred_at);\n"
  "CREATE INDEX certificate_moves_sale ON certificate_moves (sale_id) WHERE sale_id IS NOT NULL;\n"
  "CREATE INDEX certificate_moves_client ON certificate_moves (client_id) WHERE client_id IS NOT NULL;\n"
  NEVER_NEGATIVE ("certificate_moves", "certificate_id", "amount", "a certificate")

  "CREATE TABLE points_moves (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id),\n"
  "  points INTEGER NOT NULL CHECK (points <> 0),\n"
  "  reason TEXT NOT NULL CHECK (reason IN ('earned', 'spent', 'earned_back', 'spent_back', 'expired',\n"
  "                                         'referral', 'correction')),\n"
  "  sale_id INTEGER REFERENCES sales (id),\n"
  "  expires_at INTEGER,\n"
  "  lot_id INTEGER REFERENCES points_moves (id),\n"
  "  occurred_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX points_moves_client ON points_moves (client_id, occurred_at);\n"
  "CREATE INDEX points_moves_sale ON points_moves (sale_id) WHERE sale_id IS NOT NULL;\n"
  "CREATE INDEX points_moves_expiring ON points_moves (expires_at) WHERE expires_at IS NOT NULL;\n"
  "CREATE UNIQUE INDEX points_moves_lot ON points_moves (lot_id) WHERE lot_id IS NOT NULL;\n"
  NEVER_NEGATIVE ("points_moves", "client_id", "points", "points")

  "CREATE TABLE referral_rewards (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL UNIQUE REFERENCES clients (id),\n"
  "  referrer_id INTEGER NOT NULL REFERENCES clients (id),\n"
  "  sale_id INTEGER REFERENCES sales (id),\n"
  "  reward TEXT NOT NULL CHECK (reward IN ('points', 'deposit', 'discount')),\n"
  "  referrer_amount INTEGER NOT NULL CHECK (referrer_amount >= 0),\n"
  "  client_amount INTEGER NOT NULL CHECK (client_amount >= 0),\n"
  "  granted_at INTEGER NOT NULL,\n"
  STAMPS
  ");\n"
  "CREATE INDEX referral_rewards_referrer ON referral_rewards (referrer_id);\n"
  /* A one-off discount a reward gives: used once, by one sale. */
  "CREATE TABLE reward_discounts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id INTEGER NOT NULL REFERENCES clients (id),\n"
  "  percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 10000),\n"
  "  referral_id INTEGER REFERENCES referral_rewards (id),\n"
  "  used_sale_id INTEGER REFERENCES sales (id),\n"
  STAMPS
  ");\n"
  "CREATE INDEX reward_discounts_client ON reward_discounts (client_id);\n";

static gboolean
read_schema_version (RgStore  *store,
                     gint64   *version,
                     GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "PRAGMA schema_version", error);
  gboolean row = FALSE;

  if (stmt == NULL || !rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  *version = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Widens format 15's CHECKs on a sale line's kind and a stock move's
 * reason: the table's text in sqlite_schema is edited, and the schema's
 * version stepped so that every connection reads it again. */
static gboolean
widen_kinds (RgStore  *store,
             GError  **error)
{
  gint64 version = 0;

  if (!rg_store_exec (store,
                      "PRAGMA writable_schema = ON;\n"
                      "UPDATE sqlite_schema SET sql = replace (sql,"
                      " 'kind IN (''service'', ''product'', ''tip'')',"
                      " 'kind IN (''service'', ''product'', ''tip'', ''deposit'', ''subscription'', ''certificate'')')"
                      " WHERE type = 'table' AND name = 'sale_lines';\n"
                      "UPDATE sqlite_schema SET sql = replace (sql,"
                      " 'reason IN (''sale'', ''refund'', ''received'', ''count'', ''write_off'')',"
                      " 'reason IN (''sale'', ''refund'', ''received'', ''count'', ''write_off'', ''materials'', ''materials_back'')')"
                      " WHERE type = 'table' AND name = 'stock_moves';\n"
                      "PRAGMA writable_schema = OFF;\n",
                      error) ||
      !read_schema_version (store, &version, error))
    return FALSE;
  {
    g_autofree char *bump = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT, version + 1);

    return rg_store_exec (store, bump, error);
  }
}

/* Format 17: staff profiles. A staff member may have one, with a role
 * and a PIN kept as a libsodium crypto_pwhash string (Argon2id, salted;
 * NULL: no PIN, the demo's director). failures and locked_until slow
 * down wrong PINs (rg-roles.c). A client's consent to messages is kept
 * with its date. */
static const char migration_17[] =
  "CREATE TABLE profiles (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  staff_id INTEGER NOT NULL UNIQUE REFERENCES staff (id) ON DELETE CASCADE,\n"
  "  role TEXT NOT NULL CHECK (role IN ('director', 'administrator', 'master')),\n"
  "  pin_hash TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE '$argon2id$%'),\n"
  "  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),\n"
  "  locked_until INTEGER,\n"
  STAMPS
  ");\n"
  "ALTER TABLE clients ADD COLUMN messages_consent_at INTEGER;\n";

/* Format 18: indexes the ledgers' reads need on a large studio.
 * - A material's average purchase cost reads its receipts only; each
 *   sold service adds a 'materials' move, so the product's index alone
 *   made every check-out read every move of its materials.
 * - A client's balance (and what the studio owes, by client) sums a
 *   ledger by client up to a time from the index alone. */
static const char migration_18[] =
  "CREATE INDEX stock_moves_received ON stock_moves (product_id) WHERE reason = 'received';\n"
  "DROP INDEX points_moves_client;\n"
  "CREATE INDEX points_moves_client ON points_moves (client_id, occurred_at, points);\n"
  "DROP INDEX deposit_moves_client;\n"
  "CREATE INDEX deposit_moves_client ON deposit_moves (client_id, occurred_at, amount);\n";

/* Format 19: a client erased for privacy (rg-privacy.c) keeps an
 * anonymous card, so that their visits and money still count: erased_at
 * says so, and the card shows a placeholder instead of a name. */
static const char migration_19[] =
  "ALTER TABLE clients ADD COLUMN erased_at INTEGER;\n";

static const RgMigration migrations[] = {
  { 1, migration_1, NULL },
  { 2, migration_2, NULL },
  { 3, migration_3, normalize_phones },
  { 4, migration_4, NULL },
  { 5, migration_5, NULL },
  { 6, migration_6, NULL },
  { 7, migration_7, NULL },
  { 8, migration_8, NULL },
  { 9, migration_9, NULL },
  { 10, migration_10, NULL },
  { 11, migration_11, NULL },
  { 12, migration_12, fill_client_service },
  { 13, migration_13, NULL },
  { 14, migration_14, NULL },
  { 15, migration_15, fill_sales },
  { 16, migration_16, widen_kinds },
  { 17, migration_17, NULL },
  { 18, migration_18, NULL },
  { 19, migration_19, NULL },
};

const RgMigration *
rg_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

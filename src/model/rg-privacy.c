/* rg-privacy.c — erasure for privacy, consent to messages, and
 * everything held about one client (see rg-privacy.h).
 *
 * What an erasure removes was read off the schema (src/store/rg-schema.c),
 * column by column, for every text that can say something about the
 * person: the card; client_tags, client_fields, client_conditions and
 * photos (rows); interactions.body and .resolution (a call's outcome and a
 * complaint's status are words of the app, kept for the figures);
 * appointments.note; ratings.why; survey_answers.answer;
 * deposit_moves.note; certificates.note (bought by them); sales.reason,
 * sales.discount_reason, sale_lines.discount_reason; clients.referred_by_id
 * both ways; the cards merged into theirs (merged_into_id), which kept
 * their old name and number; and the search index (clients_fts,
 * clients_phone_fts), rebuilt by 'optimize' so that no old segment holds a
 * name's prefixes or a number's trigrams. Not touched: the counts kept by
 * triggers (client_visits, client_staff, client_service: times and
 * money), the ledgers' amounts, and the audit log (append-only; it names
 * clients by number).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "store/rg-store.h"
#include "rg-audit.h"
#include "rg-booking.h"
#include "rg-interaction.h"
#include "rg-model-enums.h"
#include "rg-photo.h"
#include "rg-prepaid.h"
#include "rg-sale.h"
#include "rg-privacy.h"
#include "rg-roles.h"

/* What an erased card keeps (shown translated: rg_client_get_address_as). */
#define ERASED_NAME  "Erased client"
#define ERASED_PHONE "—"

static gboolean
run (RgStore     *store,
     const char  *sql,
     gint64       id,
     gint64       now,
     GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, now);
  return rg_store_step_done (store, stmt, error);
}

/* @client_id and every card merged into it, at any depth. */
static GArray *
cards_of (RgStore  *store,
          gint64    client_id,
          GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "WITH RECURSIVE m (id) AS (SELECT id FROM clients WHERE id = ?1"
                                             " UNION SELECT c.id FROM clients c JOIN m ON c.merged_into_id = m.id)"
                                             " SELECT id FROM m",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
collect_photos (RgStore    *store,
                gint64      client_id,
                GPtrArray  *files,
                GError    **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT file FROM photos WHERE client_id = ?1", error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    g_ptr_array_add (files, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return ok;
}

/* Every statement takes ?1 = the card, ?2 = now. */
static const char * const erase_sql[] = {
  "DELETE FROM photos WHERE client_id = ?1",
  "DELETE FROM client_tags WHERE client_id = ?1",
  "DELETE FROM client_fields WHERE client_id = ?1",
  "DELETE FROM client_conditions WHERE client_id = ?1",
  "UPDATE interactions SET body = NULL, resolution = NULL, updated_at = ?2"
  " WHERE client_id = ?1 AND (body IS NOT NULL OR resolution IS NOT NULL)",
  "UPDATE appointments SET note = NULL, updated_at = ?2 WHERE client_id = ?1 AND note IS NOT NULL",
  "UPDATE ratings SET why = NULL, updated_at = ?2"
  " WHERE why IS NOT NULL AND appointment_id IN (SELECT id FROM appointments WHERE client_id = ?1)",
  "UPDATE survey_answers SET answer = NULL, updated_at = ?2 WHERE client_id = ?1 AND answer IS NOT NULL",
  "UPDATE deposit_moves SET note = NULL, updated_at = ?2 WHERE client_id = ?1 AND note IS NOT NULL",
  "UPDATE certificates SET note = NULL, updated_at = ?2 WHERE buyer_id = ?1 AND note IS NOT NULL",
  "UPDATE sales SET reason = NULL, discount_reason = NULL, updated_at = ?2"
  " WHERE client_id = ?1 AND (reason IS NOT NULL OR discount_reason IS NOT NULL)",
  "UPDATE sale_lines SET discount_reason = NULL, updated_at = ?2"
  " WHERE discount_reason IS NOT NULL AND sale_id IN (SELECT id FROM sales WHERE client_id = ?1)",
  "UPDATE clients SET referred_by_id = NULL, updated_at = ?2 WHERE referred_by_id = ?1",
  "UPDATE clients SET address_as = '" ERASED_NAME "', sort_key = 'erased client', phone = '" ERASED_PHONE "',"
  " phone_digits = '0', full_name = NULL, phone2 = NULL, phone2_digits = NULL, email = NULL,"
  " birth_day = NULL, birth_month = NULL, birth_year = NULL, gender = NULL, call_time = NULL,"
  " preferred_staff_id = NULL, referred_by_id = NULL, source = NULL, consent_messages = 0,"
  " minimal_contact = 0, preferences = NULL, medical_notes = NULL, notes = NULL,"
  " messages_consent_at = NULL, erased_at = ?2, updated_at = ?2 WHERE id = ?1",
  /* Out of the search: an erased card is found by nothing. */
  "DELETE FROM clients_fts WHERE rowid = ?1",
  "DELETE FROM clients_phone_fts WHERE rowid = ?1",
};

gboolean
rg_studio_erase_client (RgStudio  *studio,
                        gint64     client_id,
                        GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *detail = NULL;
  g_autofree char *folder = NULL;
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_ERASE, 0, client_id, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if ((ids = cards_of (store, client_id, error)) == NULL)
    goto fail;
  if (ids->len == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                           _("This client is no longer in the studio."));
      goto fail;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!collect_photos (store, id, files, error))
        goto fail;
      for (guint s = 0; s < G_N_ELEMENTS (erase_sql); s++)
        if (!run (store, erase_sql[s], id, now, error))
          goto fail;
    }
  /* The index's segments written again without the deleted entries: until
   * then an old segment keeps the name's prefixes and the phone's trigrams. */
  detail = g_strdup_printf ("client %" G_GINT64_FORMAT, client_id);
  if (!rg_store_exec (store,
                      "INSERT INTO clients_fts (clients_fts) VALUES ('optimize');"
                      "INSERT INTO clients_phone_fts (clients_phone_fts) VALUES ('optimize');",
                      error) ||
      !rg_studio_audit (studio, RG_AUDIT_ERASE, "clients", ids->len, NULL, detail, error) ||
      !rg_store_commit (store, error))
    goto fail;

  folder = rg_studio_get_photo_folder (studio);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, (const char *) files->pdata[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_delete (file, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not remove an erased client's photo: %s", local_error->message);
    }

  /* The log's copies of the pages go into the file (whose freed space is
   * zeroed: secure_delete) and the log is emptied. At best: a reader of
   * another window may hold it a moment longer. */
  if (rg_store_get_path (store) != NULL && !rg_store_in_transaction (store))
    rg_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/* Consent to messages ----------------------------------------------------- */

gboolean
rg_studio_set_messages_consent (RgStudio  *studio,
                                gint64     client_id,
                                gboolean   consent,
                                GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = rg_store_now ();
  gint64 state = -1;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, client_id, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_query_int64 (store,
                             "SELECT CASE WHEN erased_at IS NOT NULL THEN 2 ELSE consent_messages END"
                             " FROM clients WHERE id = ?1 AND deleted_at IS NULL UNION ALL SELECT -1 LIMIT 1",
                             client_id, 0, &state, error))
    goto fail;
  if (state < 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                           _("This client is no longer in the studio."));
      goto fail;
    }
  if (state == 2)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This client was erased for privacy: their card cannot be changed."));
      goto fail;
    }
  if ((state == 1) == !!consent)
    {
      rg_store_rollback (store);
      return TRUE;
    }

  stmt = rg_store_prepare (store,
                           "UPDATE clients SET consent_messages = ?2, messages_consent_at = ?3, updated_at = ?4"
                           " WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int (stmt, 2, consent ? 1 : 0);
  if (consent)
    sqlite3_bind_int64 (stmt, 3, now);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!rg_store_step_done (store, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);

  stmt = rg_store_prepare (store,
                           "INSERT INTO interactions (id, client_id, staff_id, kind, body, occurred_at, created_at,"
                           " updated_at) VALUES (?1, ?2, nullif (?3, 0), 'system', ?4, ?5, ?5, ?5)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_int64 (stmt, 3, rg_studio_get_session_staff (studio));
  sqlite3_bind_text (stmt, 4, consent ? _("Agreed to receive messages") : _("Withdrew consent to messages"),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!rg_store_step_done (store, stmt, error) ||
      !rg_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

gint64
rg_studio_get_messages_consent (RgStudio *studio,
                                gint64    client_id)
{
  gint64 at = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);

  if (!rg_store_query_int64 (rg_studio_get_store (studio),
                             "SELECT coalesce (messages_consent_at, 1) FROM clients"
                             " WHERE id = ?1 AND consent_messages = 1",
                             client_id, 0, &at, NULL))
    return 0;
  return at;
}

/* Everything held about one client -------------------------------------------- */

typedef struct {
  const char *key;
  const char *label;
} Label;

static const Label labels[] = {
  { "number", N_("Client number") },
  { "address_as", N_("How to address") },
  { "full_name", N_("Full name") },
  { "phone", N_("Phone") },
  { "phone2", N_("Second phone") },
  { "email", N_("Email") },
  { "birth_day", N_("Birthday: day") },
  { "birth_month", N_("Birthday: month") },
  { "birth_year", N_("Birthday: year") },
  { "gender", N_("Gender") },
  { "call_time", N_("When to call") },
  { "preferred_master", N_("Preferred master") },
  { "referred_by", N_("Referred by") },
  { "source", N_("Came from") },
  { "consent_messages", N_("Agrees to messages") },
  { "consent_since", N_("Agrees to messages since") },
  { "minimal_contact", N_("Minimal contact") },
  { "preferences", N_("Preferences") },
  { "medical_notes", N_("Medical notes") },
  { "notes", N_("Notes") },
  { "created_at", N_("Card created") },
  { "erased_at", N_("Erased") },
  { "tag", N_("Tag") },
  { "field", N_("Field") },
  { "value", N_("Value") },
  { "condition", N_("Condition") },
  { "kind", N_("Kind") },
  { "note", N_("Note") },
  { "starts_at", N_("Time") },
  { "status", N_("Status") },
  { "master", N_("Master") },
  { "services", N_("Services") },
  { "price", N_("Price") },
  { "sale", N_("Receipt") },
  { "at", N_("Date") },
  { "total", N_("Total") },
  { "reason", N_("Reason") },
  { "discount_reason", N_("Reason for the discount") },
  { "item", N_("Item") },
  { "quantity", N_("Quantity") },
  { "list_price", N_("List price") },
  { "discount", N_("Discount") },
  { "method", N_("Paid by") },
  { "amount", N_("Amount") },
  { "points", N_("Points") },
  { "expires_at", N_("Expires") },
  { "name", N_("Name") },
  { "visits", N_("Visits") },
  { "visits_left", N_("Visits left") },
  { "certificate", N_("Certificate") },
  { "balance", N_("Balance") },
  { "visit_at", N_("Visit") },
  { "score", N_("Score") },
  { "nps", N_("Would recommend (0–10)") },
  { "why", N_("Why") },
  { "survey", N_("Questionnaire") },
  { "question", N_("Question") },
  { "answer", N_("Answer") },
  { "body", N_("Text") },
  { "outcome", N_("Outcome") },
  { "resolution", N_("What was done") },
  { "due_at", N_("Due") },
  { "done_at", N_("Done") },
  { "staff", N_("Staff") },
  { "file", N_("File") },
  { "taken_at", N_("Taken") },
  { "caption", N_("Caption") },
};

typedef struct {
  const char *key;
  const char *title;
  gboolean    single;
  const char *sql;     /* ?1: the client; a column named "key:t" has type t (n m d b; text) */
} Section;

static const Section sections[] = {
  { "card", N_("Client Card"), TRUE,
    "SELECT c.id AS \"number:n\", c.address_as, c.full_name, c.phone, c.phone2, c.email,"
    " c.birth_day AS \"birth_day:n\", c.birth_month AS \"birth_month:n\", c.birth_year AS \"birth_year:n\","
    " c.gender, c.call_time, (SELECT display_name FROM staff WHERE id = c.preferred_staff_id) AS preferred_master,"
    " (SELECT r.address_as FROM clients r WHERE r.id = c.referred_by_id) AS referred_by, c.source,"
    " c.consent_messages AS \"consent_messages:b\", c.messages_consent_at AS \"consent_since:d\","
    " c.minimal_contact AS \"minimal_contact:b\", c.preferences, c.medical_notes, c.notes,"
    " c.created_at AS \"created_at:d\", c.erased_at AS \"erased_at:d\" FROM clients c WHERE c.id = ?1" },
  { "tags", N_("Tags"), FALSE,
    "SELECT t.name AS tag FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ?1 ORDER BY t.name" },
  { "custom_fields", N_("Custom Fields"), FALSE,
    "SELECT f.name AS field, cf.value FROM client_fields cf JOIN custom_fields f ON f.id = cf.field_id"
    " WHERE cf.client_id = ?1 ORDER BY f.position, f.name" },
  { "medical", N_("Medical Card"), FALSE,
    "SELECT k.name AS condition, k.kind, cc.note FROM client_conditions cc JOIN conditions k ON k.id = cc.condition_id"
    " WHERE cc.client_id = ?1 ORDER BY k.position, k.name" },
  { "visits", N_("Visits and Bookings"), FALSE,
    "SELECT a.starts_at AS \"starts_at:d\", a.status, s.display_name AS master,"
    " (SELECT group_concat (n, ', ') FROM (SELECT v.name AS n FROM appointment_services l"
    "  JOIN services v ON v.id = l.service_id WHERE l.appointment_id = a.id ORDER BY l.position, l.id)) AS services,"
    " a.price AS \"price:m\", a.note FROM appointments a JOIN staff s ON s.id = a.staff_id"
    " WHERE a.client_id = ?1 AND a.deleted_at IS NULL ORDER BY a.starts_at, a.id" },
  { "sales", N_("Sales and Refunds"), FALSE,
    "SELECT s.number AS \"sale:n\", s.kind, s.created_at AS \"at:d\","
    " (SELECT coalesce (sum (price), 0) FROM sale_lines WHERE sale_id = s.id) AS \"total:m\","
    " s.reason, s.discount_reason FROM sales s WHERE s.client_id = ?1 ORDER BY s.created_at, s.number" },
  { "sale_lines", N_("What Was Sold"), FALSE,
    "SELECT s.number AS \"sale:n\", l.kind, coalesce (v.name, p.name) AS item, st.display_name AS master,"
    " l.quantity AS \"quantity:n\", l.list_price AS \"list_price:m\", l.discount AS \"discount:m\","
    " l.price AS \"price:m\", l.discount_reason FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
    " LEFT JOIN services v ON v.id = l.service_id LEFT JOIN products p ON p.id = l.product_id"
    " LEFT JOIN staff st ON st.id = l.staff_id WHERE s.client_id = ?1 ORDER BY s.created_at, s.number, l.position" },
  { "payments", N_("Payments"), FALSE,
    "SELECT s.number AS \"sale:n\", p.method, p.amount AS \"amount:m\", p.paid_at AS \"at:d\""
    " FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.client_id = ?1 ORDER BY p.paid_at, p.id" },
  { "deposit", N_("Deposit"), FALSE,
    "SELECT occurred_at AS \"at:d\", reason, amount AS \"amount:m\", note FROM deposit_moves"
    " WHERE client_id = ?1 ORDER BY occurred_at, id" },
  { "points", N_("Points"), FALSE,
    "SELECT occurred_at AS \"at:d\", reason, points AS \"points:n\", expires_at AS \"expires_at:d\" FROM points_moves"
    " WHERE client_id = ?1 ORDER BY occurred_at, id" },
  { "subscriptions", N_("Subscriptions"), FALSE,
    "SELECT x.name, x.sold_at AS \"at:d\", x.price AS \"price:m\", x.visits AS \"visits:n\","
    " (SELECT coalesce (sum (m.visits), 0) FROM subscription_moves m WHERE m.subscription_id = x.id) AS \"visits_left:n\","
    " x.expires_at AS \"expires_at:d\" FROM subscriptions x WHERE x.client_id = ?1 ORDER BY x.sold_at, x.id" },
  { "certificates", N_("Gift Certificates Bought"), FALSE,
    "SELECT c.number AS certificate, c.sold_at AS \"at:d\", c.amount AS \"amount:m\","
    " (SELECT coalesce (sum (m.amount), 0) FROM certificate_moves m WHERE m.certificate_id = c.id) AS \"balance:m\","
    " c.expires_at AS \"expires_at:d\", c.note FROM certificates c WHERE c.buyer_id = ?1 ORDER BY c.sold_at, c.id" },
  { "ratings", N_("Ratings"), FALSE,
    "SELECT r.visit_at AS \"visit_at:d\", r.score AS \"score:n\", r.nps AS \"nps:n\", r.why FROM ratings r"
    " JOIN appointments a ON a.id = r.appointment_id WHERE a.client_id = ?1 ORDER BY r.visit_at, r.id" },
  { "answers", N_("Questionnaire Answers"), FALSE,
    "SELECT answered_at AS \"at:d\", survey, question, score AS \"score:n\", answer FROM survey_answers"
    " WHERE client_id = ?1 ORDER BY answered_at, id" },
  { "timeline", N_("Notes, Calls, Tasks and Complaints"), FALSE,
    "SELECT i.occurred_at AS \"at:d\", i.kind, i.body, i.outcome, i.resolution, i.due_at AS \"due_at:d\","
    " i.done_at AS \"done_at:d\", s.display_name AS staff FROM interactions i LEFT JOIN staff s ON s.id = i.staff_id"
    " WHERE i.client_id = ?1 AND i.deleted_at IS NULL ORDER BY i.occurred_at, i.id" },
  { "photos", N_("Photos"), FALSE,
    "SELECT file, kind, taken_at AS \"taken_at:d\", caption FROM photos"
    " WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY taken_at, id" },
};

static void
field_clear (gpointer data)
{
  RgAccessField *field = data;

  g_clear_pointer (&field->text, g_free);
}

static void
section_free (gpointer data)
{
  RgAccessSection *section = data;

  g_ptr_array_unref (section->rows);
  g_free (section);
}

static void
name_field (RgAccessField *field,
            const char    *column)
{
  const char *colon = strchr (column, ':');
  g_autofree char *key = colon ? g_strndup (column, colon - column) : g_strdup (column);

  field->key = g_intern_string (key);
  field->label = field->key;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      field->label = _(labels[i].label);
  field->type = RG_ACCESS_TEXT;
  if (colon)
    switch (colon[1])
      {
      case 'n': field->type = RG_ACCESS_NUMBER; break;
      case 'm': field->type = RG_ACCESS_MONEY; break;
      case 'd': field->type = RG_ACCESS_TIME; break;
      case 'b': field->type = RG_ACCESS_YES_NO; break;
      default: break;
      }
}

/* The app's words for the codes kept in a column, by section and column
 * (the JSON keeps the codes). */
static const struct {
  const char *section;   /* NULL: any */
  const char *key;
  const char *code;
  const char *context;
  const char *words;
} codes[] = {
  { "card", "gender", "female", "gender", NC_("gender", "Female") },
  { "card", "gender", "male", "gender", NC_("gender", "Male") },
  { "card", "gender", "other", "gender", NC_("gender", "Other") },
  { "card", "gender", "unset", "gender", NC_("gender", "Not given") },
  { NULL, "kind", "sale", "what was written", NC_("what was written", "Sale") },
  { NULL, "kind", "refund", "what was written", NC_("what was written", "Refund") },
  { "sale_lines", "kind", "service", "what was sold", NC_("what was sold", "Service") },
  { "sale_lines", "kind", "product", "what was sold", NC_("what was sold", "Product") },
  { "sale_lines", "kind", "tip", "what was sold", NC_("what was sold", "Tip") },
  { "sale_lines", "kind", "deposit", "what was sold", NC_("what was sold", "Deposit top-up") },
  { "sale_lines", "kind", "subscription", "what was sold", NC_("what was sold", "Subscription") },
  { "sale_lines", "kind", "certificate", "what was sold", NC_("what was sold", "Gift certificate") },
  { "timeline", "kind", "call", "timeline", NC_("timeline", "Call") },
  { "timeline", "kind", "note", "timeline", NC_("timeline", "Note") },
  { "timeline", "kind", "complaint", "timeline", NC_("timeline", "Complaint") },
  { "timeline", "kind", "task", "timeline", NC_("timeline", "Task") },
  { "timeline", "kind", "gift", "timeline", NC_("timeline", "Gift") },
  { "timeline", "kind", "message", "timeline", NC_("timeline", "Message") },
  { "timeline", "kind", "system", "timeline", NC_("timeline", "Change") },
  { "medical", "kind", "allergy", "medical", NC_("medical", "Allergy") },
  { "medical", "kind", "contraindication", "medical", NC_("medical", "Contraindication") },
  { "photos", "kind", "before", "photo", NC_("photo", "Before") },
  { "photos", "kind", "after", "photo", NC_("photo", "After") },
  { "photos", "kind", "other", "photo", NC_("photo", "Other") },
};

/* The words for a code (a status, an outcome, a kind, a reason, a way of
 * paying), as the app shows them; NULL: the text is shown as it is. */
static const char *
shown_for (const char *section,
           const char *key,
           const char *text)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (RG_TYPE_APPOINTMENT_STATUS);
  g_autoptr(GEnumClass) complaints = g_type_class_ref (RG_TYPE_COMPLAINT_STATUS);
  GEnumValue *value;
  RgPaymentMethod method;

  if (g_str_equal (key, "status") && (value = g_enum_get_value_by_nick (statuses, text)) != NULL)
    return rg_booking_status_to_string (value->value);
  if (g_str_equal (key, "outcome"))
    {
      if ((value = g_enum_get_value_by_nick (complaints, text)) != NULL)
        return rg_complaint_status_to_string (value->value);
      return rg_interaction_outcome_to_string (text);
    }
  if (g_str_equal (key, "method") && rg_payment_method_from_nick (text, &method))
    return rg_payment_method_to_string (method);
  if (g_str_equal (key, "reason") && g_str_equal (section, "deposit"))
    return rg_ledger_reason_to_string (RG_LEDGER_DEPOSIT, text);
  if (g_str_equal (key, "reason") && g_str_equal (section, "points"))
    return rg_ledger_reason_to_string (RG_LEDGER_POINTS, text);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if ((codes[i].section == NULL || g_str_equal (codes[i].section, section)) &&
        g_str_equal (codes[i].key, key) && g_str_equal (codes[i].code, text))
      return g_dpgettext2 (GETTEXT_PACKAGE, codes[i].context, codes[i].words);
  return NULL;
}

static RgAccessSection *
read_section (RgStore        *store,
              const Section  *spec,
              gint64          client_id,
              GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, spec->sql, error);
  RgAccessSection *section;
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  section = g_new0 (RgAccessSection, 1);
  section->key = spec->key;
  section->title = _(spec->title);
  section->single = spec->single;
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      int n = sqlite3_column_count (stmt);
      GArray *fields = g_array_sized_new (FALSE, TRUE, sizeof (RgAccessField), n);

      g_array_set_clear_func (fields, field_clear);
      for (int c = 0; c < n; c++)
        {
          RgAccessField field = { 0 };

          name_field (&field, sqlite3_column_name (stmt, c));
          field.is_null = sqlite3_column_type (stmt, c) == SQLITE_NULL;
          if (field.type == RG_ACCESS_TEXT && !field.is_null)
            {
              field.text = g_strdup ((const char *) sqlite3_column_text (stmt, c));
              field.shown = shown_for (spec->key, field.key, field.text);
            }
          else
            field.number = sqlite3_column_int64 (stmt, c);
          g_array_append_val (fields, field);
        }
      g_ptr_array_add (section->rows, fields);
    }
  if (!ok)
    {
      section_free (section);
      return NULL;
    }
  return section;
}

GPtrArray *
rg_studio_read_subject_access (RgStudio  *studio,
                               gint64     client_id,
                               GError   **error)
{
  RgStore *store;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (section_free);
  gint64 found = 0;
  gboolean started = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  if (!rg_studio_allowed (studio, RG_ACTION_EXPORT, 0, client_id, error))
    return NULL;

  store = rg_studio_get_store (studio);
  if (!rg_store_query_int64 (store, "SELECT 1 FROM clients WHERE id = ?1", client_id, 0, &found, error))
    return NULL;
  if (!found)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, client_id);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a client's number */
                   _("There is no client number %s in the studio."), number);
      return NULL;
    }
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      RgAccessSection *section = read_section (store, &sections[i], client_id, error);

      if (section == NULL)
        {
          rg_store_end_read (store, started);
          return NULL;
        }
      g_ptr_array_add (result, section);
    }
  rg_store_end_read (store, started);
  return g_steal_pointer (&result);
}

/* rg-client-merge.c — two cards of the same person made one.
 *
 * The administrator finds "Anna" twice (once booked by phone, once at the
 * desk) and keeps one card. Everything of the other moves to it in one
 * transaction — visits (their ratings ride along), timeline entries,
 * photos, tags, custom field values, medical conditions, the clients this
 * person referred — and nothing is lost: details the kept card lacks are
 * filled in, notes of both are kept one after the other, and what cannot
 * sit in the kept card (a second birthday, another e-mail, a third phone,
 * a different field value) is written into the merge's entry in its
 * timeline. The other card is soft-deleted with a pointer to the kept one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/rg-format.h"
#include "rg-audit.h"
#include "rg-permissions.h"
#include "rg-client-merge.h"
#include "rg-custom-field.h"
#include "rg-interaction.h"
#include "store/rg-search.h"

/* Runs @sql with ?1 the kept card, ?2 the other, ?3 now; adds the rows it
 * changed to @changes. */
static gboolean
run (RgStore     *store,
     const char  *sql,
     gint64       keep,
     gint64       other,
     guint       *changes,
     GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep);
  sqlite3_bind_int64 (stmt, 2, other);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, rg_store_now ());
  if (!rg_store_step_done (store, stmt, error))
    return FALSE;
  if (changes)
    *changes += sqlite3_changes (rg_store_get_db (store));
  return TRUE;
}

/* Links of the other card (tags, conditions) the kept one lacks get a row
 * of their own for the kept card; the other's rows go. @table has
 * client_id and @column; @extra is one more column copied (or NULL). */
static gboolean
move_links (RgStore     *store,
            const char  *table,
            const char  *column,
            const char  *extra,
            gint64       keep,
            gint64       other,
            guint       *moved,
            GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s, %s FROM %s o WHERE client_id = ?2 AND NOT EXISTS "
                                             "(SELECT 1 FROM %s k WHERE k.client_id = ?1 AND k.%s = o.%s)",
                                             column, extra ? extra : "NULL", table, table, column, column);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (id, client_id, %s%s%s, created_at, updated_at) "
                                             "VALUES (?1, ?2, ?3%s, ?4, ?4)",
                                             table, column, extra ? ", " : "", extra ? extra : "",
                                             extra ? ", ?5" : "");
  g_autofree char *remove = g_strdup_printf ("DELETE FROM %s WHERE client_id = ?2", table);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, select, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_free);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep);
  sqlite3_bind_int64 (stmt, 2, other);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (extras, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RgStmt) add = rg_store_prepare (store, insert, error);

      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, rg_store_new_id ());
      sqlite3_bind_int64 (add, 2, keep);
      sqlite3_bind_int64 (add, 3, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (add, 4, rg_store_now ());
      if (extra)
        {
          if (extras->pdata[i])
            sqlite3_bind_text (add, 5, extras->pdata[i], -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (add, 5);
        }
      if (!rg_store_step_done (store, add, error))
        return FALSE;
    }
  *moved += ids->len;

  return run (store, remove, keep, other, NULL, error);
}

/* Custom field values: the other's move where the kept card has none;
 * where both have different ones, the other's goes into @aside. */
static gboolean
move_fields (RgStudio  *studio,
             gint64     keep,
             gint64     other,
             guint     *moved,
             GString   *aside,
             GError   **error)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(GHashTable) kept = rg_client_fields_load (studio, keep, error);
  g_autoptr(GHashTable) theirs = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (kept == NULL || (theirs = rg_client_fields_load (studio, other, error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *mine = g_hash_table_lookup (kept, key);

      if (mine == NULL)
        {
          g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                     "UPDATE client_fields SET client_id = ?1, updated_at = ?3 "
                                                     "WHERE client_id = ?2 AND field_id = ?4",
                                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, keep);
          sqlite3_bind_int64 (stmt, 2, other);
          sqlite3_bind_int64 (stmt, 3, rg_store_now ());
          sqlite3_bind_int64 (stmt, 4, *(gint64 *) key);
          if (!rg_store_step_done (store, stmt, error))
            return FALSE;
          (*moved)++;
        }
      else if (!g_str_equal (mine, value))
        {
          g_autoptr(RgCustomField) field = rg_studio_lookup (studio, RG_TYPE_CUSTOM_FIELD, *(gint64 *) key, NULL);

          g_string_append_printf (aside, "\n%s: %s", field ? rg_custom_field_get_name (field) : "?",
                                  (const char *) value);
        }
    }

  return run (store, "DELETE FROM client_fields WHERE client_id = ?2", keep, other, NULL, error);
}

/* A text detail: the kept card's stays, an empty one takes the other's, a
 * different one is set aside under @label. */
static void
merge_text (RgClient   *keep,
            RgClient   *other,
            const char *property,
            const char *label,
            GString    *aside)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_object_get (keep, property, &mine, NULL);
  g_object_get (other, property, &theirs, NULL);
  if (theirs == NULL || *theirs == '\0')
    return;
  if (mine == NULL || *mine == '\0')
    g_object_set (keep, property, theirs, NULL);
  else if (g_utf8_collate (mine, theirs) != 0)
    g_string_append_printf (aside, "\n%s: %s", label, theirs);
}

/* Notes of both, the kept card's first. */
static void
join_text (RgClient   *keep,
           RgClient   *other,
           const char *property)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_object_get (keep, property, &mine, NULL);
  g_object_get (other, property, &theirs, NULL);
  if (theirs == NULL || *theirs == '\0' || (mine && g_str_equal (mine, theirs)))
    return;
  if (mine == NULL || *mine == '\0')
    g_object_set (keep, property, theirs, NULL);
  else
    {
      g_autofree char *both = g_strconcat (mine, "\n\n", theirs, NULL);
      g_object_set (keep, property, both, NULL);
    }
}

/* The other card's phones: a number the kept card does not have becomes
 * its second phone if that is free, else it is set aside. */
static void
merge_phone (RgClient   *keep,
             const char *phone,
             const char *digits,
             GString    *aside)
{
  const char *mine = rg_client_get_phone_digits (keep);
  const char *mine2 = rg_client_get_phone2_digits (keep);

  if (phone == NULL || digits == NULL || g_strcmp0 (digits, mine) == 0 || g_strcmp0 (digits, mine2) == 0)
    return;
  if (rg_client_get_phone2 (keep) == NULL)
    rg_client_set_phone2 (keep, phone);
  else
    g_string_append_printf (aside, "\n%s: %s", _("Phone"), phone);
}

static void
merge_details (RgClient *keep,
               RgClient *other,
               GString  *aside)
{
  int day, month, year, day2, month2, year2;

  merge_phone (keep, rg_client_get_phone (other), rg_client_get_phone_digits (other), aside);
  merge_phone (keep, rg_client_get_phone2 (other), rg_client_get_phone2_digits (other), aside);

  merge_text (keep, other, "full-name", _("Full name"), aside);
  merge_text (keep, other, "email", _("E-mail"), aside);
  merge_text (keep, other, "call-time", _("Convenient time to call"), aside);
  merge_text (keep, other, "source", _("Came from"), aside);
  join_text (keep, other, "preferences");
  join_text (keep, other, "medical-notes");
  join_text (keep, other, "notes");

  rg_client_get_birthday (keep, &day, &month, &year);
  rg_client_get_birthday (other, &day2, &month2, &year2);
  if (day == 0 && day2 != 0)
    rg_client_set_birthday (keep, day2, month2, year2);
  else if (day2 != 0 && (day != day2 || month != month2 || (year && year2 && year != year2)))
    {
      g_autofree char *birthday = rg_format_birthday (day2, month2, year2);
      g_string_append_printf (aside, "\n%s: %s", _("Birthday"), birthday);
    }
  else if (day2 != 0 && year == 0 && year2 != 0)
    rg_client_set_birthday (keep, day, month, year2);

  if (rg_client_get_gender (keep) == RG_GENDER_UNSET)
    rg_client_set_gender (keep, rg_client_get_gender (other));
  if (rg_client_get_preferred_staff_id (keep) == 0)
    rg_client_set_preferred_staff_id (keep, rg_client_get_preferred_staff_id (other));
  /* Referred by the other card (itself, really): by nobody; else by whoever
   * referred either. */
  if (rg_client_get_referred_by_id (keep) == rg_record_get_id (RG_RECORD (other)))
    g_object_set (keep, "referred-by-id", (gint64) 0, NULL);
  if (rg_client_get_referred_by_id (keep) == 0 &&
      rg_client_get_referred_by_id (other) != rg_record_get_id (RG_RECORD (keep)))
    g_object_set (keep, "referred-by-id", rg_client_get_referred_by_id (other), NULL);

  /* Asking not to be bothered, on either card, holds. */
  if (rg_client_get_minimal_contact (other))
    g_object_set (keep, "minimal-contact", TRUE, NULL);
  if (!rg_client_get_consent_messages (other))
    g_object_set (keep, "consent-messages", FALSE, NULL);
}

/* Merges @other into @keep (see above); @moved, if given, counts what
 * moved; @undo, if given, receives what rg_client_merge_undo() needs to
 * put both cards back exactly. On failure nothing changed. */
gboolean
rg_client_merge (RgStudio       *studio,
                 RgClient       *keep,
                 RgClient       *other,
                 RgMergeCounts  *moved,
                 GBytes        **undo,
                 GError        **error)
{
  g_autoptr(RgStoreRecording) recording = NULL;
  g_autoptr(GBytes) changes = NULL;
  RgStore *store;
  RgMergeCounts counts = { 0 };
  g_autoptr(GString) aside = g_string_new (NULL);
  g_autoptr(RgInteraction) entry = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *other_phone = NULL;
  gint64 k, o;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_CLIENT (keep) && RG_IS_CLIENT (other), FALSE);

  store = rg_studio_get_store (studio);
  k = rg_record_get_id (RG_RECORD (keep));
  o = rg_record_get_id (RG_RECORD (other));
  if (k == 0 || o == 0 || k == o || rg_record_is_deleted (RG_RECORD (keep)) ||
      rg_record_is_deleted (RG_RECORD (other)))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose two different cards that are not deleted to merge."));
      return FALSE;
    }
  if (!rg_studio_allowed (studio, RG_ACTION_MERGE, 0, k, error) ||
      !rg_studio_allowed (studio, RG_ACTION_MERGE, 0, o, error))
    return FALSE;
  other_phone = g_strdup (rg_client_get_phone (other));

  if (!rg_store_begin (store, error))
    return FALSE;
  if (undo && (recording = rg_store_record_changes (store, error)) == NULL)
    goto fail;

  merge_details (keep, other, aside);

  if (!run (store, "UPDATE appointments SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2",
            k, o, &counts.appointments, error) ||
      !run (store, "UPDATE interactions SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2",
            k, o, &counts.interactions, error) ||
      !run (store, "UPDATE photos SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2",
            k, o, &counts.photos, error) ||
      !run (store, "UPDATE survey_answers SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2",
            k, o, &counts.answers, error) ||
      !run (store, "UPDATE clients SET referred_by_id = ?1, updated_at = ?3 WHERE referred_by_id = ?2 AND id <> ?1",
            k, o, &counts.referred, error) ||
      /* The money and the prepaid ledgers follow the client: the kept
       * card's deposit, points and subscriptions are the sums of both. */
      !run (store, "UPDATE sales SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE deposit_moves SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE points_moves SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE subscriptions SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE certificates SET buyer_id = ?1, updated_at = ?3 WHERE buyer_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE certificate_moves SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE reward_discounts SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2", k, o, NULL, error) ||
      !run (store, "UPDATE referral_rewards SET referrer_id = ?1, updated_at = ?3 WHERE referrer_id = ?2", k, o, NULL, error) ||
      /* A referral rewarded is the newcomer's once: the kept card's stands. */
      !run (store, "UPDATE referral_rewards SET client_id = ?1, updated_at = ?3 WHERE client_id = ?2 "
                   "AND NOT EXISTS (SELECT 1 FROM referral_rewards r WHERE r.client_id = ?1)", k, o, NULL, error) ||
      !move_links (store, "client_tags", "tag_id", NULL, k, o, &counts.tags, error) ||
      !move_links (store, "client_conditions", "condition_id", "note", k, o, &counts.conditions, error) ||
      !move_fields (studio, k, o, &counts.fields, aside, error) ||
      !rg_studio_save (studio, keep, error) ||
      !rg_studio_delete (studio, other, error) ||
      !run (store, "UPDATE clients SET merged_into_id = ?1 WHERE id = ?2", k, o, NULL, error))
    goto fail;

  /* The merge in the kept card's timeline, with whatever did not fit. */
  body = g_string_new (NULL);
  /* Translators: a timeline entry; the merged card's name and phone */
  g_string_append_printf (body, _("Merged the card “%s” (%s) into this one."),
                          rg_client_get_address_as (other), other_phone ? other_phone : "");
  /* Translators: what a merge moved, in the timeline */
  g_string_append_printf (body, "\n%s %u · %s %u · %s %u", C_("merge", "Visits:"), counts.appointments,
                          C_("merge", "Timeline entries:"), counts.interactions,
                          C_("merge", "Photos:"), counts.photos);
  if (aside->len)
    g_string_append_printf (body, "\n%s%s", _("Also on that card:"), aside->str);

  entry = rg_interaction_new (k, RG_INTERACTION_SYSTEM, body->str);
  if (!rg_studio_save (studio, entry, error))
    goto fail;
  if (recording && (changes = rg_store_recording_finish (recording, error)) == NULL)
    goto fail;
  /* The audit log: which cards, how many rows moved (after the recording:
   * an undo takes the merge back, not its line in the log). */
  {
    g_autofree char *detail = g_strdup_printf ("client %" G_GINT64_FORMAT " into client %" G_GINT64_FORMAT, o, k);
    gint64 rows = (gint64) counts.appointments + counts.interactions + counts.photos + counts.answers +
                  counts.tags + counts.conditions + counts.fields + counts.referred;

    if (!rg_studio_audit (studio, RG_AUDIT_MERGE, "clients", rows, NULL, detail, error))
      goto fail;
  }
  if (!rg_store_commit (store, error))
    goto reload;  /* the commit rolled back itself */

  if (moved)
    *moved = counts;
  if (undo)
    *undo = g_steal_pointer (&changes);
  return TRUE;

fail:
  rg_store_rollback (store);
reload:
  /* The objects may hold what the rollback undid: read them again. */
  rg_record_reload (RG_RECORD (keep), store, NULL);
  rg_record_reload (RG_RECORD (other), store, NULL);
  return FALSE;
}

/* Puts both cards back as they were before rg_client_merge(): the other
 * card, its visits, timeline, photos, tags, fields and conditions, and
 * the kept card's details. Refused when either was changed since. */
gboolean
rg_client_merge_undo (RgStudio  *studio,
                      GBytes    *undo,
                      GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_MERGE, 0, 0, error))
    return FALSE;
  return rg_store_revert_changes (rg_studio_get_store (studio), undo, error);
}

static void
candidate_free (gpointer data)
{
  RgMergeCandidate *c = data;

  g_clear_object (&c->client);
  g_free (c);
}

static gboolean
add_candidate (RgStudio   *studio,
               RgClient   *keep,
               GPtrArray  *out,
               GHashTable *seen,
               gint64      id,
               gboolean    same_phone)
{
  RgMergeCandidate *c;
  RgClient *client;

  if (g_hash_table_contains (seen, &id))
    return FALSE;
  client = rg_studio_lookup (studio, RG_TYPE_CLIENT, id, NULL);
  if (client == NULL || client == keep || rg_record_is_deleted (RG_RECORD (client)))
    {
      g_clear_object (&client);
      return FALSE;
    }
  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
  c = g_new0 (RgMergeCandidate, 1);
  c->client = client;
  c->same_phone = same_phone;
  g_ptr_array_add (out, c);
  return TRUE;
}

/* The cards to offer for merging into @keep, as RgMergeCandidate: first
 * those that share a phone number with it (the likely second card of the
 * same person, whatever its name), then what @query finds (a name, any
 * part of a phone), at most @limit in all. */
GPtrArray *
rg_client_merge_candidates (RgStudio    *studio,
                            RgClient    *keep,
                            const char  *query,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgStmt) stmt = NULL;
  RgStore *store;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (RG_IS_CLIENT (keep), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT id FROM clients WHERE deleted_at IS NULL AND id <> ?1 AND ("
                           " (?2 IS NOT NULL AND (phone_digits = ?2 OR phone2_digits = ?2)) OR"
                           " (?3 IS NOT NULL AND (phone_digits = ?3 OR phone2_digits = ?3)))"
                           " ORDER BY created_at, id LIMIT ?4",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rg_record_get_id (RG_RECORD (keep)));
  if (rg_client_get_phone_digits (keep))
    sqlite3_bind_text (stmt, 2, rg_client_get_phone_digits (keep), -1, SQLITE_TRANSIENT);
  if (rg_client_get_phone2_digits (keep))
    sqlite3_bind_text (stmt, 3, rg_client_get_phone2_digits (keep), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, (int) limit);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, rg_stmt_release);
  for (guint i = 0; i < ids->len; i++)
    add_candidate (studio, keep, out, seen, g_array_index (ids, gint64, i), TRUE);

  g_array_set_size (ids, 0);
  if (query && *query && out->len < limit && !rg_search_clients (store, query, limit + 1, ids, error))
    return NULL;
  for (guint i = 0; i < ids->len && out->len < limit; i++)
    add_candidate (studio, keep, out, seen, g_array_index (ids, gint64, i), FALSE);

  return g_steal_pointer (&out);
}

/* rg-permissions.c — the check of generic record writes, a master's own
 * clients and masked phones, the audited reads.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-appointment.h"
#include "rg-audit.h"
#include "rg-client.h"
#include "rg-interaction.h"
#include "rg-permissions.h"
#include "rg-photo.h"
#include "rg-rating.h"
#include "util/rg-phone.h"

/* The table --------------------------------------------------------------------- */

gboolean
rg_studio_allowed_record (RgStudio  *studio,
                          gpointer   record,
                          GError   **error)
{
  RgStore *store;
  gint64 id, client_id = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_RECORD (record), FALSE);

  store = rg_studio_get_store (studio);
  /* Inside a command: it checked before it began. */
  if (rg_store_in_transaction (store))
    return TRUE;
  /* The common case first, without a read. */
  if (rg_studio_get_session_role (studio) == RG_ROLE_DIRECTOR || !rg_studio_has_profiles (studio))
    return TRUE;

  id = rg_record_get_id (record);
  if (RG_IS_CLIENT (record))
    return rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, id, error);
  if (RG_IS_INTERACTION (record))
    return rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, rg_interaction_get_client_id (record), error);
  if (RG_IS_PHOTO (record))
    return rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, rg_photo_get_client_id (record), error);
  if (RG_IS_RATING (record))
    {
      if (!rg_store_query_int64 (store, "SELECT client_id FROM appointments WHERE id = ?1",
                                 rg_rating_get_appointment_id (record), 0, &client_id, error))
        return FALSE;
      /* A rating of a visit that is not there: let the command say so. */
      return client_id == 0 || rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, client_id, error);
    }
  if (RG_IS_APPOINTMENT (record))
    /* Moved out of a column: that column is booked too. */
    return rg_studio_allowed_booking (studio, id, rg_appointment_get_staff_id (record), error);
  return rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error);
}

gboolean
rg_studio_allowed_booking (RgStudio  *studio,
                           gint64     appointment_id,
                           gint64     staff_id,
                           GError   **error)
{
  gint64 now_in = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (rg_studio_get_session_role (studio) == RG_ROLE_DIRECTOR || !rg_studio_has_profiles (studio))
    return TRUE;
  if (appointment_id != 0 &&
      !rg_store_query_int64 (rg_studio_get_store (studio), "SELECT staff_id FROM appointments WHERE id = ?1",
                             appointment_id, 0, &now_in, error))
    return FALSE;
  if (now_in != 0 && !rg_studio_allowed (studio, RG_ACTION_BOOK, now_in, 0, error))
    return FALSE;
  if (staff_id != 0 && staff_id != now_in)
    return rg_studio_allowed (studio, RG_ACTION_BOOK, staff_id, 0, error);
  /* Nothing to name (a new booking without a column): the action itself. */
  return now_in != 0 || rg_studio_allowed (studio, RG_ACTION_BOOK, 0, 0, error);
}

/* A master's own clients ------------------------------------------------------------ */

typedef struct {
  gint64      staff_id;   /* whose set it is; 0: none read */
  GHashTable *own;        /* of gint64 client ids */
} OwnClients;

#define OWN_KEY "rg-own-clients"

static void
own_clients_free (OwnClients *own)
{
  g_clear_pointer (&own->own, g_hash_table_unref);
  g_free (own);
}

void
rg_permissions_forget_own (RgStudio  *studio,
                           RgChanges  changes)
{
  OwnClients *own = g_object_get_data (G_OBJECT (studio), OWN_KEY);

  /* A booking makes a client one's own; a sign-in changes whose. */
  if (own != NULL && (changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_SESSION | RG_CHANGES_CLIENTS)))
    {
      own->staff_id = 0;
      g_clear_pointer (&own->own, g_hash_table_unref);
    }
}

static GHashTable *
own_clients (RgStudio *studio,
             gint64    staff_id)
{
  OwnClients *own = g_object_get_data (G_OBJECT (studio), OWN_KEY);
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  if (own == NULL)
    {
      own = g_new0 (OwnClients, 1);
      g_object_set_data_full (G_OBJECT (studio), OWN_KEY, own, (GDestroyNotify) own_clients_free);
    }
  if (own->own != NULL && own->staff_id == staff_id)
    return own->own;

  g_clear_pointer (&own->own, g_hash_table_unref);
  own->own = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  own->staff_id = staff_id;
  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT DISTINCT client_id FROM appointments "
                           "WHERE staff_id = ?1 AND deleted_at IS NULL AND client_id IS NOT NULL",
                           NULL);
  if (stmt == NULL)
    return own->own;   /* nothing counts as one's own: everything stays masked */
  sqlite3_bind_int64 (stmt, 1, staff_id);
  while (rg_store_step_row (store, stmt, &row, NULL) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (own->own, g_memdup2 (&id, sizeof id));
    }
  return own->own;
}

gboolean
rg_studio_masks_client (RgStudio *studio,
                        gint64    client_id)
{
  gint64 staff_id;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  /* Only a master's role is scoped; a master's session means profiles. */
  if (rg_role_allows (rg_studio_get_session_role (studio), RG_ACTION_SEE_PHONES) != RG_ALLOW_OWN)
    return FALSE;
  staff_id = rg_studio_get_session_staff (studio);
  return !rg_studio_staff_has_client (studio, staff_id, client_id);
}

gboolean
rg_studio_staff_has_client (RgStudio *studio,
                            gint64    staff_id,
                            gint64    client_id)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return g_hash_table_contains (own_clients (studio, staff_id), &client_id);
}

void
rg_studio_drop_masked_matches (RgStudio   *studio,
                               const char *query,
                               GArray     *ids)
{
  gboolean digits = FALSE;
  guint kept = 0;

  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (ids != NULL);

  if (rg_role_allows (rg_studio_get_session_role (studio), RG_ACTION_SEE_PHONES) != RG_ALLOW_OWN)
    return;
  for (const char *p = query; p && *p && !digits; p++)
    digits = g_ascii_isdigit (*p);
  if (!digits)
    return;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!rg_studio_masks_client (studio, id))
        g_array_index (ids, gint64, kept++) = id;
    }
  g_array_set_size (ids, kept);
}

/* Counts on a connection of their own ----------------------------------------------- */

#define READER_KEY "rg-phones-of-master"

void
rg_permissions_mark_reader (RgStudio *studio,
                            RgStore  *reader)
{
  gint64 staff_id = 0;

  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (RG_IS_STORE (reader));

  if (rg_role_allows (rg_studio_get_session_role (studio), RG_ACTION_SEE_PHONES) == RG_ALLOW_OWN)
    staff_id = rg_studio_get_session_staff (studio);
  if (staff_id != 0)
    g_object_set_data_full (G_OBJECT (reader), READER_KEY, g_memdup2 (&staff_id, sizeof staff_id), g_free);
  else
    g_object_set_data (G_OBJECT (reader), READER_KEY, NULL);
}

char *
rg_permissions_phone_for (RgStore    *reader,
                          gint64      client_id,
                          const char *phone)
{
  const gint64 *staff_id;
  gint64 own = 0;

  g_return_val_if_fail (RG_IS_STORE (reader), NULL);

  staff_id = g_object_get_data (G_OBJECT (reader), READER_KEY);
  if (phone == NULL || staff_id == NULL)
    return g_strdup (phone);
  if (rg_store_query_int64 (reader,
                            "SELECT EXISTS (SELECT 1 FROM appointments "
                            "WHERE client_id = ?1 AND staff_id = ?2 AND deleted_at IS NULL)",
                            client_id, *staff_id, &own, NULL) && own)
    return g_strdup (phone);
  return rg_phone_mask (phone);
}

/* The audited reads ------------------------------------------------------------------- */

/* The log names a card by its number: a name would outlive an erasure. */
#define CLIENT_DETAIL "client %" G_GINT64_FORMAT

gboolean
rg_studio_unmask_phone (RgStudio    *studio,
                        gint64       client_id,
                        char       **phone,
                        GError     **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *full = NULL;
  g_autofree char *detail = NULL;
  gboolean row = FALSE;
  gint64 director;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, "SELECT phone FROM clients WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("The client is not on the list any more."));
      return FALSE;
    }
  full = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, rg_stmt_release);

  if (!rg_studio_masks_client (studio, client_id))
    {
      *phone = g_steal_pointer (&full);
      return TRUE;
    }
  director = rg_studio_take_override (studio);
  if (director == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED,
                   _("This client’s phone is shown in full only with a director’s approval."));
      return FALSE;
    }
  detail = g_strdup_printf (CLIENT_DETAIL ", approved by staff %" G_GINT64_FORMAT, client_id, director);
  if (!rg_studio_audit (studio, RG_AUDIT_PHONE_UNMASKED, "clients", 1, NULL, detail, error))
    return FALSE;
  *phone = g_steal_pointer (&full);
  return TRUE;
}

gboolean
rg_studio_note_medical_opened (RgStudio  *studio,
                               gint64     client_id,
                               GError   **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_VIEW_CLIENTS, 0, client_id, error))
    return FALSE;
  detail = g_strdup_printf (CLIENT_DETAIL, client_id);
  return rg_studio_audit (studio, RG_AUDIT_MEDICAL_OPENED, "clients", 1, NULL, detail, error);
}

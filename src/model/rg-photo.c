/* rg-photo.c — a client's photo, before or after a visit.
 *
 * A photo is copied into the studio's own folder ("photos" next to the
 * database file, private like it) under a new random name, never
 * referenced where it was: the master's camera card or Downloads folder
 * may be emptied tomorrow. The row names the copy; deleting a photo is
 * soft (the undo toast), erasing removes the row and the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rg-permissions.h"
#include "rg-model-enums.h"
#include "rg-photo.h"

struct _RgPhoto
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgPhoto, rg_photo, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_APPOINTMENT_ID,
  PROP_KIND,
  PROP_FILE,
  PROP_TAKEN_AT,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Photos larger than this are refused: a phone's photo is a few MB. */
#define MAX_BYTES (64 * 1024 * 1024)

static void
rg_photo_class_init (RgPhotoClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  properties[PROP_CLIENT_ID] = g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_APPOINTMENT_ID] = g_param_spec_int64 ("appointment-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                        RG_COLUMN_NULLABLE);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_PHOTO_KIND, RG_PHOTO_OTHER, RG_COLUMN);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_TAKEN_AT] = g_param_spec_int64 ("taken-at", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, RG_COLUMN_NULLABLE);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "photos", TRUE);
}

static void
rg_photo_init (RgPhoto *self)
{
}

/* Where the studio keeps its photos: "photos" beside the database (for a
 * database in memory, a folder of the user's cache). */
char *
rg_studio_get_photo_folder (RgStudio *studio)
{
  const char *path;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  path = rg_store_get_path (rg_studio_get_store (studio));
  if (path == NULL)
    return g_build_filename (g_get_user_cache_dir (), "regulars", "photos-in-memory", NULL);
  dir = g_path_get_dirname (path);
  return g_build_filename (dir, "photos", NULL);
}

/* The copy's extension: the source's, if it is short and plain. */
static char *
extension_of (GFile *source)
{
  g_autofree char *name = g_file_get_basename (source);
  const char *dot = name ? strrchr (name, '.') : NULL;
  g_autofree char *ext = NULL;

  if (dot == NULL || strlen (dot + 1) == 0 || strlen (dot + 1) > 5)
    return g_strdup ("jpg");
  ext = g_ascii_strdown (dot + 1, -1);
  for (const char *p = ext; *p; p++)
    if (!g_ascii_isalnum (*p))
      return g_strdup ("jpg");
  return g_steal_pointer (&ext);
}

/* Whether the first bytes of @source say "picture" (a name ending in .jpg
 * is not enough). */
static gboolean
looks_like_image (GFile *source)
{
  g_autoptr(GFileInputStream) stream = g_file_read (source, NULL, NULL);
  g_autofree char *type = NULL;
  guint8 head[512];
  gssize n;

  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
  if (n <= 0)
    return FALSE;
  type = g_content_type_guess (NULL, head, n, NULL);
  return g_content_type_is_mime_type (type, "image/*");
}

/* Copies @source (an image) into the studio's photo folder and records it
 * for @client_id, and @appointment_id (0: no visit) as @kind. The photo
 * is dated by the file's modification time. On failure nothing is left. */
RgPhoto *
rg_photo_import (RgStudio     *studio,
                 gint64        client_id,
                 gint64        appointment_id,
                 RgPhotoKind   kind,
                 GFile        *source,
                 GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(RgPhoto) photo = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *ext = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type;
  gint64 taken_at;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, client_id, error))
    return NULL;

  basename = g_file_get_basename (source);
  info = g_file_query_info (source,
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not read the photo “%s”: %s"), basename, local_error->message);
      return NULL;
    }

  type = g_file_info_get_content_type (info);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || type == NULL ||
      !g_content_type_is_mime_type (type, "image/*") || !looks_like_image (source))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” is not a photo. Choose a picture file (JPEG, PNG, HEIC…)."), basename);
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_BYTES)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” is too large for a photo (more than 64 MB)."), basename);
      return NULL;
    }
  taken_at = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  if (taken_at <= 0)
    taken_at = rg_store_now ();

  folder = rg_studio_get_photo_folder (studio);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not make the photo folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }

  ext = extension_of (source);
  name = g_strdup_printf ("%016" G_GINT64_MODIFIER "x.%s", rg_store_new_id (), ext);
  copy = g_file_new_build_filename (folder, name, NULL);
  if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not copy the photo “%s”: %s"), basename, local_error->message);
      return NULL;
    }

  photo = g_object_new (RG_TYPE_PHOTO,
                        "client-id", client_id,
                        "appointment-id", appointment_id,
                        "kind", kind,
                        "file", name,
                        "taken-at", taken_at,
                        NULL);
  if (!rg_studio_save (studio, photo, error))
    {
      g_file_delete (copy, NULL, NULL);
      return NULL;
    }

  return g_steal_pointer (&photo);
}

/* The copy in the studio's folder. */
GFile *
rg_photo_get_file (RgStudio *studio,
                   RgPhoto  *photo)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (RG_IS_PHOTO (photo), NULL);

  folder = rg_studio_get_photo_folder (studio);
  return g_file_new_build_filename (folder, rg_photo_get_file_name (photo), NULL);
}

/* Removes the photo for good: its row and its copy. */
gboolean
rg_photo_erase (RgStudio  *studio,
                RgPhoto   *photo,
                GError   **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_PHOTO (photo), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, rg_photo_get_client_id (photo), error))
    return FALSE;

  file = rg_photo_get_file (studio, photo);
  if (!rg_record_erase (RG_RECORD (photo), rg_studio_get_store (studio), error))
    return FALSE;
  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove a photo's file: %s", local_error->message);
  return TRUE;
}

/* The client's photos (not deleted), oldest first. */
GPtrArray *
rg_photo_list_for_client (RgStudio  *studio,
                          gint64     client_id,
                          GError   **error)
{
  RgStore *store;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTypeClass) klass = g_type_class_ref (RG_TYPE_PHOTO);
  g_autofree char *sql = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  sql = g_strconcat (rg_record_class_get_select (RG_RECORD_CLASS (klass)),
                     " WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY taken_at, id", NULL);
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    g_ptr_array_add (photos, rg_studio_lookup_from_stmt (studio, RG_TYPE_PHOTO, stmt));
  if (!ok)
    return NULL;

  return g_steal_pointer (&photos);
}

gint64
rg_photo_get_client_id (RgPhoto *self)
{
  g_return_val_if_fail (RG_IS_PHOTO (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_CLIENT_ID);
}

gint64
rg_photo_get_appointment_id (RgPhoto *self)
{
  g_return_val_if_fail (RG_IS_PHOTO (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_APPOINTMENT_ID);
}

RgPhotoKind
rg_photo_get_kind (RgPhoto *self)
{
  g_return_val_if_fail (RG_IS_PHOTO (self), RG_PHOTO_OTHER);
  return rg_record_get_enum (RG_RECORD (self), PROP_KIND);
}

const char *
rg_photo_get_file_name (RgPhoto *self)
{
  g_return_val_if_fail (RG_IS_PHOTO (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_FILE);
}

gint64
rg_photo_get_taken_at (RgPhoto *self)
{
  g_return_val_if_fail (RG_IS_PHOTO (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_TAKEN_AT);
}

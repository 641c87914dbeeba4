/* rg-store.c — the SQLite store.
 *
 * One RgStore owns one connection. Writes happen inside rg_store_begin() /
 * rg_store_commit() (nested calls become savepoints). Every row a write
 * touches is recorded by SQLite's update hook; after the outermost commit
 * the store emits ::changed once per row (coalesced), or a single RESET per
 * table when a transaction touched too many rows to list. A rollback drops
 * what it undid, so listeners only ever hear about committed data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rg-schema-private.h"
#include "rg-store-lock-private.h"
#include "util/rg-phone.h"
#include "rg-store.h"

/* Past this many rows of one table in one transaction, listeners get a
 * single RESET for it instead of one signal per row. */
#define RESET_THRESHOLD 1000

#define BUSY_TIMEOUT_MS 5000


typedef struct {
  GQuark       table;
  gint64       id;
  RgChangeKind kind;
} Change;

struct _RgStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  int         version;

  RgFileGuard *guard;         /* keeps the file's lock: rg-store-lock.c */
  char       *wal_path;
  dev_t       wal_dev;        /* the log this connection writes to */
  ino_t       wal_ino;
  gboolean    detached;       /* its files on disk are not ours any more */
  gboolean    detached_told;
  GError     *read_only;      /* why it stopped writing (disk full, read-only, I/O), or NULL */
  gboolean    read_only_told;

  /* Writes held until the check after opening has read the file
   * (rg_store_hold_writes()); the check's thread lets them through. */
  GMutex      gate_lock;
  GCond       gate_cond;
  gboolean    gate_held;
  GError     *gate_damage;    /* what the check found, for the next write */

  GHashTable *statements;     /* SQL text -> sqlite3_stmt* */

  guint       depth;          /* transaction nesting */
  GArray     *marks;          /* pending->len at each savepoint */
  GArray     *pending;        /* of Change, not yet committed */
  GHashTable *counts;         /* table quark -> rows pending */
  GHashTable *reset_tables;   /* table quarks too busy to list */
};

G_DEFINE_FINAL_TYPE (RgStore, rg_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  COMMITTED,
  DETACHED,
  READ_ONLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (rg-store-error-quark, rg_store_error)

const char *
rg_change_kind_to_string (RgChangeKind kind)
{
  switch (kind)
    {
    case RG_CHANGE_INSERT: return "insert";
    case RG_CHANGE_UPDATE: return "update";
    case RG_CHANGE_DELETE: return "delete";
    case RG_CHANGE_RESET:  return "reset";
    default:               return "unknown";
    }
}

int
rg_store_latest_version (void)
{
  guint n;
  const RgMigration *m = rg_schema_get_migrations (&n);

  return m[n - 1].version;
}

/* The format of the studio at @path, read without opening it for use:
 * 0 when there is no such file or it is not a studio (an empty one too). A
 * format below rg_store_latest_version() is upgraded when opened. */
int
rg_store_peek_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, 0);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return 0;
  rg_store_lock_init ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), user_version"
                              " FROM pragma_user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == RG_STORE_APPLICATION_ID)
    version = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* Reads the next "service:price" of an appointment's services (the
 * appointments' `services` column, kept by triggers: its lines in their
 * order) and moves *@p past it; FALSE at the end. */
gboolean
rg_store_next_line (const char **p,
                    gint64      *service_id,
                    gint64      *price)
{
  char *end;

  if (*p == NULL || **p == '\0')
    return FALSE;
  *service_id = g_ascii_strtoll (*p, &end, 10);
  if (*end != ':')
    return FALSE;
  *price = g_ascii_strtoll (end + 1, &end, 10);
  *p = *end == ',' ? end + 1 : end;
  return TRUE;
}

char *
rg_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "regulars", "studio.db", NULL);
}

gint64
rg_store_new_id (void)
{
  gint64 id;

  do
    id = (gint64) ((((guint64) g_random_int ()) << 32 | g_random_int ()) & G_MAXINT64);
  while (id == 0);

  return id;
}

gint64
rg_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const char *
display_path (RgStore *self)
{
  return self->path ? self->path : ":memory:";
}

/* Emits ::detached once, outside SQLite's calls. */
static void
tell_detached (RgStore *self)
{
  if (self->detached_told)
    return;
  self->detached_told = TRUE;
  g_signal_emit (self, signals[DETACHED], 0);
}

/* Whether the files this connection writes to are still the studio's
 * files on disk: the database not moved or replaced, and the log still
 * the one it opened. A log deleted under the store (by another program
 * that closed the studio while this process had lost its lock, or by
 * hand) takes every change written to it along when the store closes, so
 * no change may be written once it is gone. Checked before each write
 * transaction and, from the commit hook, before each commit. */
static gboolean
files_in_place (RgStore *self)
{
  GStatBuf st;
  int moved = 0;

  if (self->path == NULL || self->wal_path == NULL)
    return TRUE;
  if (self->detached)
    return FALSE;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK)
    moved = 0;
  if (!moved && g_stat (self->wal_path, &st) != 0)
    moved = errno == ENOENT || errno == ENOTDIR;
  else if (!moved)
    moved = st.st_ino != self->wal_ino || st.st_dev != self->wal_dev;

  if (moved)
    {
      g_message ("The files of %s were removed or replaced while it was open; no more writes", self->path);
      self->detached = TRUE;
    }
  return !moved;
}

static int
commit_hook_cb (void *data)
{
  /* Non-zero turns the commit into a rollback. */
  return files_in_place (data) ? 0 : 1;
}

/* Emits ::read-only once, outside SQLite's calls. */
static void
tell_read_only (RgStore *self)
{
  if (self->read_only_told)
    return;
  self->read_only_told = TRUE;
  g_signal_emit (self, signals[READ_ONLY], 0);
}

/* A write failed because the disk is full, the file or its folder can no
 * longer be written, or the disk reported an error: SQLite rolled the
 * write back, so what was saved before stays saved. The store of a file
 * stops writing from now on (every write is refused with the same
 * message, see rg_store_begin()) and keeps reading, until the studio is
 * opened again; a full disk would otherwise fail again at every change,
 * each one typed in vain. */
static gboolean
stop_writing (RgStore     *self,
              int          rc,
              const char  *basename,
              GError     **error)
{
  GError *local = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      local = g_error_new (RG_STORE_ERROR, RG_STORE_ERROR_FULL,
                           _("The disk with “%s” is full: the last change was not saved; everything saved "
                             "before it is safe. Regulars now only shows the studio. Free some space on the "
                             "disk, then quit Regulars and open the studio again."), basename);
      break;
    case SQLITE_READONLY:
      local = g_error_new (RG_STORE_ERROR, RG_STORE_ERROR_READ_ONLY,
                           _("“%s” can no longer be written to (the file or its folder is read-only): the last "
                             "change was not saved; everything saved before it is safe. Regulars now only shows "
                             "the studio. Allow writing to the file, then quit Regulars and open it again."),
                           basename);
      break;
    default:
      local = g_error_new (RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                           _("The disk reported an error while saving to “%s”: the last change was not saved; "
                             "everything saved before it is safe. Regulars now only shows the studio. Check "
                             "the disk, then quit Regulars and open the studio again."), basename);
      break;
    }

  if (self && self->path && self->read_only == NULL)
    {
      self->read_only = g_error_copy (local);
      tell_read_only (self);
    }
  g_propagate_error (error, local);
  return FALSE;
}

gboolean
rg_store_set_error (RgStore  *self,
                    int       rc,
                    GError  **error)
{
  int primary = rc & 0xff;
  const char *detail = self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_autofree char *basename = NULL;

  g_debug ("SQLite error %d (%s) on %s", rc, detail, self ? display_path (self) : "?");

  if (self && self->path)
    basename = g_path_get_basename (self->path);
  else
    basename = g_strdup (":memory:");

  if (self && self->detached)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DETACHED,
                   _("Regulars stopped saving to “%s”: another program removed or replaced its files while "
                     "the studio was open, and a change written now could be lost. Quit Regulars and open "
                     "the studio again."), basename);
      tell_detached (self);
      return FALSE;
    }

  switch (primary)
    {
    case SQLITE_NOTADB:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Regulars database; it was left untouched. Choose a studio file that Regulars created."),
                   basename);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore it from a backup."), basename);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_BUSY,
                           _("The database is busy in another window or program. Close it there and try again."));
      break;

    case SQLITE_FULL:
    case SQLITE_READONLY:
      return stop_writing (self, rc, basename, error);

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not open “%s”. Check that the folder exists and that you may write to it."),
                   basename);
      break;

    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ || rc == SQLITE_IOERR_NOMEM)
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                     _("Could not read “%s”. Check the disk and try again."), basename);
      else
        return stop_writing (self, rc, basename, error);
      break;

    case SQLITE_CONSTRAINT:
      switch (rc)
        {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT,
                               _("The change was refused: the same record already exists."));
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT,
                               _("The change was refused: it refers to a record that does not exist, or the record is still in use."));
          break;
        case SQLITE_CONSTRAINT_NOTNULL:
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT,
                               _("The change was refused: a required field is empty."));
          break;
        case SQLITE_CONSTRAINT_CHECK:
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT,
                               _("The change was refused: a value is outside what is allowed."));
          break;
        default:
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT,
                               _("The change was refused by a rule of the database."));
          break;
        }
      break;

    default:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("The database reported an unexpected error (%s). Nothing was saved; try again."), detail);
      break;
    }

  return FALSE;
}

/* Change tracking ---------------------------------------------------------- */

static gboolean
is_tracked_table (const char *table)
{
  return !g_str_has_prefix (table, "sqlite_") && strstr (table, "_fts") == NULL;
}

static void
update_hook_cb (void          *data,
                int            op,
                const char    *db_name,
                const char    *table,
                sqlite3_int64  rowid)
{
  RgStore *self = data;
  GQuark quark;
  guint count;
  Change change;

  if (strcmp (db_name, "main") != 0 || !is_tracked_table (table))
    return;

  quark = g_quark_from_string (table);
  if (g_hash_table_contains (self->reset_tables, GUINT_TO_POINTER (quark)))
    return;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, GUINT_TO_POINTER (quark))) + 1;
  g_hash_table_insert (self->counts, GUINT_TO_POINTER (quark), GUINT_TO_POINTER (count));
  if (count > RESET_THRESHOLD)
    {
      g_hash_table_add (self->reset_tables, GUINT_TO_POINTER (quark));
      return;
    }

  change.table = quark;
  change.id = rowid;
  change.kind = op == SQLITE_INSERT ? RG_CHANGE_INSERT
              : op == SQLITE_DELETE ? RG_CHANGE_DELETE
              : RG_CHANGE_UPDATE;
  g_array_append_val (self->pending, change);
}

static void
forget_pending (RgStore *self)
{
  g_array_set_size (self->pending, 0);
  g_array_set_size (self->marks, 0);
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->reset_tables);
}

typedef struct {
  GQuark table;
  gint64 id;
} ChangeKey;

static guint
change_key_hash (gconstpointer p)
{
  const ChangeKey *k = p;
  return g_int64_hash (&k->id) ^ k->table;
}

static gboolean
change_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const ChangeKey *ka = a, *kb = b;
  return ka->id == kb->id && ka->table == kb->table;
}

/* Merges the changes of one transaction so each row is reported once, with
 * the kind that describes its net effect, in the order rows were first touched. */
static GArray *
coalesce (GArray *pending)
{
  g_autoptr(GHashTable) index = g_hash_table_new (change_key_hash, change_key_equal);
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Change), pending->len);
  g_autofree ChangeKey *keys = g_new (ChangeKey, pending->len);

  for (guint i = 0; i < pending->len; i++)
    {
      const Change *c = &g_array_index (pending, Change, i);
      gpointer found;

      keys[i].table = c->table;
      keys[i].id = c->id;

      if (g_hash_table_lookup_extended (index, &keys[i], NULL, &found))
        {
          Change *prev = &g_array_index (out, Change, GPOINTER_TO_UINT (found));

          if (prev->kind == RG_CHANGE_INSERT && c->kind == RG_CHANGE_DELETE)
            prev->kind = RG_CHANGE_RESET;   /* marks "net nothing", dropped below */
          else if (prev->kind == RG_CHANGE_RESET && c->kind == RG_CHANGE_INSERT)
            prev->kind = RG_CHANGE_INSERT;
          else if (prev->kind == RG_CHANGE_DELETE && c->kind == RG_CHANGE_INSERT)
            prev->kind = RG_CHANGE_UPDATE;
          else if (prev->kind == RG_CHANGE_INSERT && c->kind == RG_CHANGE_UPDATE)
            ;
          else
            prev->kind = c->kind;
        }
      else
        {
          g_hash_table_insert (index, &keys[i], GUINT_TO_POINTER (out->len));
          g_array_append_val (out, *c);
        }
    }

  return out;
}

static void
flush_changes (RgStore *self)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GList) resets = NULL;

  if (self->pending->len == 0 && g_hash_table_size (self->reset_tables) == 0)
    return;

  /* Take everything first: a handler may write again. */
  changes = coalesce (self->pending);
  resets = g_hash_table_get_keys (self->reset_tables);
  for (guint i = 0; i < changes->len; i++)
    if (g_list_find (resets, GUINT_TO_POINTER (g_array_index (changes, Change, i).table)))
      g_array_index (changes, Change, i).kind = RG_CHANGE_RESET;
  forget_pending (self);

  g_object_ref (self);

  for (GList *l = resets; l; l = l->next)
    {
      GQuark table = GPOINTER_TO_UINT (l->data);
      g_signal_emit (self, signals[CHANGED], table,
                     g_quark_to_string (table), (gint64) 0, (int) RG_CHANGE_RESET);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);

      if (c->kind == RG_CHANGE_RESET)
        continue;
      g_signal_emit (self, signals[CHANGED], c->table,
                     g_quark_to_string (c->table), c->id, (int) c->kind);
    }

  g_signal_emit (self, signals[COMMITTED], 0);

  g_object_unref (self);
}

/* Statements --------------------------------------------------------------- */

void
rg_stmt_release (RgStmt *stmt)
{
  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

RgStmt *
rg_store_prepare (RgStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt)
    {
      if (sqlite3_stmt_busy (stmt))
        g_critical ("Statement still running when prepared again: %s", sql);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      const char *message = sqlite3_errmsg (self->db);

      /* A statement of ours that does not compile is a bug; one that
       * could not be prepared because the disk failed under it (reading
       * the schema, or a full-text table's own tables when a trigger
       * names it: "vtable constructor failed") is the disk's error. */
      if (!g_str_has_prefix (message, "vtable constructor failed") &&
          (rc & 0xff) != SQLITE_IOERR && (rc & 0xff) != SQLITE_FULL && (rc & 0xff) != SQLITE_CORRUPT &&
          (rc & 0xff) != SQLITE_NOMEM && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED &&
          (rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_NOTADB)
        g_critical ("Could not prepare “%s”: %s", sql, message);
      else
        g_debug ("Could not prepare “%s”: %s", sql, message);
      rg_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
maybe_flush_autocommit (RgStore *self)
{
  if (self->depth == 0 && sqlite3_get_autocommit (self->db))
    flush_changes (self);
}

gboolean
rg_store_step_done (RgStore   *self,
                    RgStmt    *stmt,
                    GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        maybe_flush_autocommit (self);
      return TRUE;
    }

  sqlite3_reset (stmt);
  return rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);
}

gboolean
rg_store_step_row (RgStore   *self,
                   RgStmt    *stmt,
                   gboolean  *has_row,
                   GError   **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  sqlite3_reset (stmt);
  return rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);
}

gboolean
rg_store_exec (RgStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);

  maybe_flush_autocommit (self);
  return TRUE;
}

/* Transactions ------------------------------------------------------------- */

/* A write waits here while the check after opening reads the file (at most
 * the check's time: 1.6 s for 100,000 clients), so nothing is written over
 * a file that was damaged between sessions; a damage the check found stops
 * the writing. */
static void
pass_gate (RgStore *self)
{
  g_autoptr(GError) damage = NULL;

  g_mutex_lock (&self->gate_lock);
  while (self->gate_held)
    g_cond_wait (&self->gate_cond, &self->gate_lock);
  damage = g_steal_pointer (&self->gate_damage);
  g_mutex_unlock (&self->gate_lock);

  if (damage)
    rg_store_stop_writing (self, damage);
}

gboolean
rg_store_begin (RgStore  *self,
                GError  **error)
{
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!files_in_place (self))
        return rg_store_set_error (self, SQLITE_IOERR, error);
      pass_gate (self);
      if (self->read_only)
        {
          if (error)
            *error = g_error_copy (self->read_only);
          return FALSE;
        }
      forget_pending (self);
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT rg_%u", self->depth);
      rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    return rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);

  if (self->depth > 0)
    g_array_append_val (self->marks, self->pending->len);
  self->depth++;

  return TRUE;
}

/* A read transaction for several queries: one snapshot, and one read lock
 * instead of one per statement. Inside a transaction it does nothing;
 * *@started says whether rg_store_end_read() has one to end. */
gboolean
rg_store_begin_read (RgStore   *self,
                     gboolean  *started,
                     GError   **error)
{
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  g_return_val_if_fail (started != NULL, FALSE);

  *started = FALSE;
  if (!sqlite3_get_autocommit (self->db))
    return TRUE;
  rc = sqlite3_exec (self->db, "BEGIN DEFERRED", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);
  *started = TRUE;
  return TRUE;
}

void
rg_store_end_read (RgStore  *self,
                   gboolean  started)
{
  g_return_if_fail (RG_IS_STORE (self));

  if (started && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

gboolean
rg_store_commit (RgStore  *self,
                 GError  **error)
{
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (sqlite3_get_autocommit (self->db))
    {
      /* SQLite already rolled the whole transaction back (disk full, I/O). */
      self->depth--;
      if (self->depth == 0)
        forget_pending (self);
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                           _("The change could not be saved and was undone. Try again."));
      return FALSE;
    }

  if (self->depth == 1)
    {
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);
          rg_store_rollback (self);
          return FALSE;
        }
      self->depth = 0;
      flush_changes (self);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE rg_%u", self->depth - 1);

      rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          rg_store_set_error (self, sqlite3_extended_errcode (self->db), error);
          rg_store_rollback (self);
          return FALSE;
        }
      g_array_set_size (self->marks, self->marks->len - 1);
      self->depth--;
    }

  return TRUE;
}

void
rg_store_rollback (RgStore *self)
{
  g_return_if_fail (RG_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->depth = 0;
      forget_pending (self);
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO rg_%u; RELEASE rg_%u",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }

  g_array_set_size (self->pending, g_array_index (self->marks, guint, self->marks->len - 1));
  g_array_set_size (self->marks, self->marks->len - 1);
  self->depth--;
}

gboolean
rg_store_in_transaction (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  return self->depth > 0;
}

/* Opening ------------------------------------------------------------------ */

gboolean
rg_store_query_int64 (RgStore     *self,
                      const char  *sql,
                      gint64       a,
                      gint64       b,
                      gint64      *value,
                      GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (self, sql, error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (!rg_store_step_row (self, stmt, &row, error))
    return FALSE;
  *value = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
query_int (RgStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    rc = sqlite3_extended_errcode (self->db);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return rg_store_set_error (self, rc, error);
  return TRUE;
}

/* Decides, without writing anything, whether the file is ours, empty, or
 * something to refuse. */
static gboolean
check_identity (RgStore   *self,
                gboolean  *fresh,
                GError   **error)
{
  g_autofree char *basename = g_path_get_basename (display_path (self));
  int app_id = 0, version = 0, n_objects = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (app_id == 0 && version == 0 && n_objects == 0)
    {
      *fresh = TRUE;
      return TRUE;
    }

  if ((guint32) app_id != RG_STORE_APPLICATION_ID)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Regulars. It was left untouched."),
                   basename);
      return FALSE;
    }

  if (version > rg_store_latest_version ())
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Regulars (format %d; this version reads up to %d). "
                     "Update Regulars to open it; the file was left untouched."),
                   basename, version, rg_store_latest_version ());
      return FALSE;
    }

  self->version = version;
  *fresh = FALSE;
  return TRUE;
}

/* Checks the file's pages and records with `PRAGMA quick_check` (the
 * b-trees and their cells, not that every index matches its table, which
 * integrity_check adds): FALSE with %RG_STORE_ERROR_CORRUPT, naming @name,
 * when something is damaged. Reads only. */
gboolean
rg_store_quick_check (sqlite3     *db,
                      const char  *name,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (text, "ok") != 0)
            problem = g_strdup (text ? text : "?");
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  if (problem == NULL)
    return TRUE;
  g_debug ("quick_check of %s: %s", name, problem);
  g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT,
               _("The studio “%s” is damaged: SQLite’s check of the file found broken pages. Regulars did "
                 "not change it. Restore the newest good backup, or keep a copy of the file for a specialist."),
               name);
  return FALSE;
}

static gboolean
configure_connection (RgStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  int rc;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (self->path)
    {
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
      rc = sqlite3_extended_errcode (self->db);
      sqlite3_finalize (stmt);
      if (!wal)
        return rg_store_set_error (self, rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW
                                         ? rc : SQLITE_CANTOPEN, error);
    }

  /* No memory map, and a small page cache of its own: the pages come from
   * the system's cache, copied. A memory map of the whole file saved that
   * copy, but the kernel maps a 64 KiB block around every page touched, and
   * what the window reads on the main thread (the rows a list shows, a
   * card's visits, a day) is spread over the file: on the reference studio
   * the map alone held 200-300 MB after a walk of the window (50 cards,
   * the client list), a card's first frame took longer (p95 20 → 13 ms),
   * and the calendar's next day or week did not get slower. */
  return rg_store_exec (self,
                        "PRAGMA mmap_size = 0;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA cache_size = -4096;"
                        /* What is deleted is overwritten with zeros, so that a
                         * client erased for privacy leaves no trace in free
                         * space (rg-privacy.c). */
                        "PRAGMA secure_delete = ON;"
                        /* The log, once written back, is cut to this size. */
                        "PRAGMA journal_size_limit = 67108864;",
                        error);
}

/* Takes the file's guard and notes which log this connection writes to
 * (a read in WAL mode opens it, creating it when missing). */
static gboolean
keep_files (RgStore  *self,
            GError  **error)
{
  GStatBuf st;
  int n_objects = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  self->guard = rg_file_guard_take (self->path);
  self->wal_path = g_strconcat (self->path, "-wal", NULL);
  if (g_stat (self->wal_path, &st) == 0)
    {
      self->wal_dev = st.st_dev;
      self->wal_ino = st.st_ino;
    }
  else
    g_clear_pointer (&self->wal_path, g_free);

  sqlite3_commit_hook (self->db, commit_hook_cb, self);
  return TRUE;
}

static gboolean
migrate (RgStore  *self,
         GError  **error)
{
  guint n;
  const RgMigration *migrations = rg_schema_get_migrations (&n);
  gboolean migrated = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bump = NULL;
      g_autoptr(GError) local_error = NULL;

      if (migrations[i].version <= self->version)
        continue;

      bump = g_strdup_printf ("PRAGMA user_version = %d", migrations[i].version);

      if (!rg_store_begin (self, error))
        return FALSE;

      if (!rg_store_exec (self, migrations[i].sql, &local_error) ||
          (migrations[i].fixup && !migrations[i].fixup (self, &local_error)) ||
          !rg_store_exec (self, bump, &local_error))
        {
          rg_store_rollback (self);
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                       _("Could not upgrade the database to format %d; the file was left as it was. %s"),
                       migrations[i].version, local_error->message);
          return FALSE;
        }

      if (!rg_store_commit (self, error))
        return FALSE;

      g_debug ("Migrated %s to version %d", display_path (self), migrations[i].version);
      self->version = migrations[i].version;
      migrated = TRUE;
    }

  /* An upgrade can rewrite most of the file: its pages go into the
   * database now and the log is emptied, instead of a log the size of
   * the changes kept beside it while the studio is open. At best: a
   * reader of another window may hold it. */
  if (migrated && self->path != NULL)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  /* Migrations are not interesting to listeners (nobody listens yet). */
  forget_pending (self);
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not create “%s”: %s"), basename, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);

  return TRUE;
}

RgStore *
rg_store_open (const char        *path,
               RgStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(RgStore) self = NULL;
  gboolean fresh = FALSE, unclean = FALSE;
  int rc;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rg_store_lock_init ();
  self = g_object_new (RG_TYPE_STORE, NULL);
  if (path && g_strcmp0 (path, ":memory:") != 0)
    self->path = g_canonicalize_filename (path, NULL);

  if (self->path && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (flags & RG_STORE_OPEN_NO_CREATE)
        {
          g_autofree char *basename = g_path_get_basename (self->path);
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                       _("The database “%s” does not exist."), basename);
          return NULL;
        }
      if (!create_private_file (self->path, error))
        return NULL;
    }

  if (self->path && g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *basename = g_path_get_basename (self->path);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Regulars database."), basename);
      return NULL;
    }

  if (self->path)
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);

      GStatBuf wal_stat;

      /* An empty log is the last session's checkpoint done to the end
       * (its store closes with wal_checkpoint(TRUNCATE)) while another
       * connection of it, a count's, still had the file open: nothing
       * to replay, as after a clean end. */
      unclean = (g_stat (wal, &wal_stat) == 0 && wal_stat.st_size > 0) || g_file_test (journal, G_FILE_TEST_EXISTS);
    }

  rc = sqlite3_open_v2 (self->path ? self->path : ":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      rg_store_set_error (self, rc, error);
      return NULL;
    }

  if (!check_identity (self, &fresh, error))
    return NULL;

  /* A damaged studio is never written to, not even to turn on its log:
   * the check comes before anything else the store does to the file. It
   * reads every page (1.8-2.9 s on the reference studio of 660 MB, where
   * the first frame's budget is some 300 ms), so it runs when the last
   * session did not end cleanly (its log is still there and not empty: a
   * crash, a power cut, or another window that has it open), which is when a file gets
   * damaged; a damaged page met later is still refused by SQLite, in
   * words (RG_STORE_ERROR_CORRUPT). */
  if (!fresh && self->path && !(flags & RG_STORE_OPEN_PRIVATE) && unclean)
    {
      g_autofree char *basename = g_path_get_basename (self->path);

      if (!rg_store_quick_check (self->db, basename, error))
        return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  if (self->path && !(flags & RG_STORE_OPEN_PRIVATE) && !keep_files (self, error))
    return NULL;

  sqlite3_update_hook (self->db, update_hook_cb, self);

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static RgStore *
open_reader (const char  *path,
             const char  *mmap_size,
             GError     **error)
{
  g_autoptr(RgStore) reader = NULL;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA query_only = ON; PRAGMA mmap_size = %s;", mmap_size);
  gboolean fresh = FALSE;
  int rc;

  rg_store_lock_init ();
  reader = g_object_new (RG_TYPE_STORE, NULL);
  reader->path = g_strdup (path);

  rc = sqlite3_open_v2 (reader->path, &reader->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      rg_store_set_error (reader, rc, error);
      return NULL;
    }
  /* A reader holds locks on the file too: the guard's descriptor stays
   * open while it does. */
  reader->guard = rg_file_guard_take (reader->path);

  sqlite3_busy_timeout (reader->db, BUSY_TIMEOUT_MS);
  if (!check_identity (reader, &fresh, error) || !rg_store_exec (reader, pragmas, error))
    return NULL;

  return g_steal_pointer (&reader);
}

/* A second, read-only connection to the same file, for one worker thread
 * (loading a long list, computing figures) while this one stays on the
 * main thread. In WAL mode the reader sees the last committed state and
 * never blocks writers. Stores in memory have no second connection.
 *
 * Without a memory map: the kernel maps a 64 KiB block around each page a
 * mapped reader touches, and the summaries a count reads are spread over
 * the file, so 21 MB read became some 330 MB resident (the peaks at start
 * and on Clients and Retention); reading copies only the pages into the
 * reader's cache, and was faster too (Today's count 320-360 ms → 190-210
 * on the reference studio). */
RgStore *
rg_store_open_reader (RgStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (RG_IS_STORE (self), NULL);
  g_return_val_if_fail (self->path != NULL, NULL);

  return open_reader (self->path, "0", error);
}

/* A read-only connection to the studio at @path, which this process need
 * not have open (a backup from the command line, of a studio to be
 * replaced): refused unless the file is a studio. Writes nothing, not even
 * an upgrade; for one thread. */
RgStore *
rg_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  if (!g_file_test (canonical, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *basename = g_path_get_basename (canonical);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” does not exist."), basename);
      return NULL;
    }
  return open_reader (canonical, "0", error);
}

/* A reader for one pass beside this store, in another thread, or NULL when
 * there can be none: a store in memory, or one that is writing (a reader
 * would not see what it has not committed); the caller then makes the pass
 * on the store. Without a memory map: a new map faults in each page it
 * touches, where reading copies the pages from the cache (a fresh mapped
 * reader took 100-180 ms over what this one reads in 30). */
RgStore *
rg_store_open_helper (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), NULL);

  if (self->path == NULL || sqlite3_txn_state (self->db, "main") == SQLITE_TXN_WRITE)
    return NULL;
  return open_reader (self->path, "0", NULL);
}

const char *
rg_store_get_path (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), NULL);
  return self->path;
}

int
rg_store_get_schema_version (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), 0);
  return self->version;
}

sqlite3 *
rg_store_get_db (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), NULL);
  return self->db;
}

static void
rg_store_finalize (GObject *object)
{
  RgStore *self = (RgStore *) object;

  if (self->depth > 0)
    g_warning ("Store closed inside a transaction; rolling back");

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    {
      sqlite3_update_hook (self->db, NULL, NULL);
      sqlite3_commit_hook (self->db, NULL, NULL);
      if (self->guard)
        rg_file_guard_close (self->guard, self->db);
      else if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Could not close %s: %s", display_path (self), sqlite3_errmsg (self->db));
      self->db = NULL;
      self->guard = NULL;
    }
  g_clear_pointer (&self->wal_path, g_free);
  g_clear_error (&self->read_only);
  g_clear_error (&self->gate_damage);
  g_mutex_clear (&self->gate_lock);
  g_cond_clear (&self->gate_cond);

  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->reset_tables, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rg_store_parent_class)->finalize (object);
}

static void
rg_store_class_init (RgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_store_finalize;

  /**
   * RgStore::changed:
   * @table: the table that changed; also the signal's detail
   * @id: the row's primary key, 0 for %RG_CHANGE_RESET
   * @kind: an #RgChangeKind
   *
   * Emitted after a commit, once per row the transaction changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT);

  /**
   * RgStore::committed:
   *
   * Emitted after the ::changed signals of one commit, so a listener can
   * collect rows in ::changed and act once for the whole transaction.
   */
  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RgStore::detached:
   *
   * Emitted once, when the store finds that its files on disk were removed
   * or replaced under it: from then on it refuses every write with
   * %RG_STORE_ERROR_DETACHED, and the studio must be opened again.
   */
  signals[DETACHED] =
    g_signal_new ("detached",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RgStore::read-only:
   *
   * Emitted once, when a write failed on a full disk, a file or folder
   * that became read-only or an I/O error: from then on the store refuses
   * every write with that message (rg_store_get_read_only_error()) and
   * still reads.
   */
  signals[READ_ONLY] =
    g_signal_new ("read-only",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rg_store_init (RgStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->counts = g_hash_table_new (NULL, NULL);
  self->reset_tables = g_hash_table_new (NULL, NULL);
  g_mutex_init (&self->gate_lock);
  g_cond_init (&self->gate_cond);
}

/* Settings --------------------------------------------------------------- */

/* The studio's setting @key, or NULL when it was never set. */
char *
rg_store_get_setting (RgStore    *self,
                      const char *key)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = rg_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!rg_store_step_row (self, stmt, &row, NULL) || !row || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Sets (or with NULL, clears) the studio's setting @key. */
gboolean
rg_store_set_setting (RgStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  stmt = rg_store_prepare (self,
                           "INSERT INTO settings (id, key, value, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?4) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at "
                           "WHERE value IS NOT excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (value)
    sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, now);
  return rg_store_step_done (self, stmt, error);
}

/* The country code the studio's phone numbers are read in: its
 * "phone-country" setting, else the locale's country, else Russia's. */
int
rg_store_get_phone_country (RgStore *self)
{
  g_autofree char *value = rg_store_get_setting (self, "phone-country");
  gint64 code = 0;
  int from_locale;

  if (value && g_ascii_string_to_signed (value, 10, 1, 999, &code, NULL))
    return (int) code;

  from_locale = rg_phone_country_for_locale (setlocale (LC_TELEPHONE, NULL));
  if (from_locale == 0)
    from_locale = rg_phone_country_for_locale (g_getenv ("LANG"));
  return from_locale ? from_locale : RG_PHONE_DEFAULT_COUNTRY;
}

/* Whether the store stopped writing after a write failed (a full disk, a
 * file or folder that became read-only, an I/O error): it refuses every
 * write with that message until the studio is opened again (see
 * ::read-only); reads go on. */
gboolean
rg_store_is_read_only (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  return self->read_only != NULL;
}

/* Stops the store writing for @why (a damaged file found by a check after
 * opening): every later write is refused with its message, as after a
 * full disk. The first reason stays. */
void
rg_store_stop_writing (RgStore      *self,
                       const GError *why)
{
  g_return_if_fail (RG_IS_STORE (self));
  g_return_if_fail (why != NULL);

  if (self->read_only != NULL)
    return;
  self->read_only = g_error_copy (why);
  tell_read_only (self);
}

/* Holds every write (rg_store_begin() waits) until
 * rg_store_release_writes(): for the check of a studio's file that runs in
 * a thread after it opens. */
void
rg_store_hold_writes (RgStore *self)
{
  g_return_if_fail (RG_IS_STORE (self));

  g_mutex_lock (&self->gate_lock);
  self->gate_held = TRUE;
  g_mutex_unlock (&self->gate_lock);
}

/* Lets the held writes through, from any thread; with @damage (what a check
 * found), the first of them stops the writing with it instead. */
void
rg_store_release_writes (RgStore      *self,
                         const GError *damage)
{
  g_return_if_fail (RG_IS_STORE (self));

  g_mutex_lock (&self->gate_lock);
  if (damage && self->gate_damage == NULL)
    self->gate_damage = g_error_copy (damage);
  self->gate_held = FALSE;
  g_cond_broadcast (&self->gate_cond);
  g_mutex_unlock (&self->gate_lock);
}

/* Why the store stopped writing, or NULL. */
const GError *
rg_store_get_read_only_error (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), NULL);
  return self->read_only;
}

/* Whether the store found its files removed or replaced under it and
 * refuses to write (see ::detached). */
gboolean
rg_store_is_detached (RgStore *self)
{
  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  return self->detached;
}

/* Recorded changes --------------------------------------------------------- */

/* An undo puts back what one transaction changed, exactly, with SQLite's
 * session extension: the changes of the tables the program writes are
 * recorded, and the undo applies their inverse. The tables the triggers
 * keep (the visit summaries, the search index) are not recorded: the
 * triggers keep them again as the inverse is applied. */
struct _RgStoreRecording
{
  RgStore         *store;
  sqlite3_session *session;
};

static const char * const derived_tables[] = {
  "client_visits", "client_staff", "client_service", NULL,
};

static int
record_table_cb (void       *data,
                 const char *table)
{
  if (!is_tracked_table (table))
    return 0;
  for (guint i = 0; derived_tables[i]; i++)
    if (g_str_equal (table, derived_tables[i]))
      return 0;
  return 1;
}

/* Starts recording the changes of this connection, from now until
 * rg_store_recording_finish(): call it inside the transaction to record,
 * before its first write. */
RgStoreRecording *
rg_store_record_changes (RgStore  *self,
                         GError  **error)
{
  RgStoreRecording *recording;
  sqlite3_session *session = NULL;
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), NULL);

  rc = sqlite3session_create (self->db, "main", &session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, record_table_cb, NULL);
      rc = sqlite3session_attach (session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      if (session)
        sqlite3session_delete (session);
      rg_store_set_error (self, rc, error);
      return NULL;
    }

  recording = g_new0 (RgStoreRecording, 1);
  recording->store = g_object_ref (self);
  recording->session = session;
  return recording;
}

/* The changes recorded (a changeset, for rg_store_revert_changes()); the
 * recording stops. */
GBytes *
rg_store_recording_finish (RgStoreRecording  *recording,
                           GError           **error)
{
  void *data = NULL;
  int size = 0;
  int rc;

  g_return_val_if_fail (recording != NULL && recording->session != NULL, NULL);

  rc = sqlite3session_changeset (recording->session, &size, &data);
  sqlite3session_delete (recording->session);
  recording->session = NULL;
  if (rc != SQLITE_OK)
    {
      sqlite3_free (data);
      rg_store_set_error (recording->store, rc, error);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

void
rg_store_recording_free (RgStoreRecording *recording)
{
  if (recording == NULL)
    return;
  if (recording->session)
    sqlite3session_delete (recording->session);
  g_clear_object (&recording->store);
  g_free (recording);
}

static int
revert_conflict_cb (void                 *data,
                    int                   conflict,
                    sqlite3_changeset_iter *iter)
{
  const char *table = NULL;
  int columns = 0, op = 0, indirect = 0;

  /* A row to delete that is gone already: a row the undo deleted before
   * it took it along (ON DELETE CASCADE: an imported visit's service
   * lines go with the visit). Gone is what the undo wants. */
  if (conflict == SQLITE_CHANGESET_NOTFOUND &&
      sqlite3changeset_op (iter, &table, &columns, &op, &indirect) == SQLITE_OK && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;
  *(gboolean *) data = TRUE;
  return SQLITE_CHANGESET_ABORT;
}

/* Undoes recorded @changes in one transaction, exactly: every row as it
 * was before. Refused, with nothing changed, when a row they touched was
 * changed since (RG_STORE_ERROR_CONFLICT). */
gboolean
rg_store_revert_changes (RgStore  *self,
                         GBytes   *changes,
                         GError  **error)
{
  void *inverse = NULL;
  int size = 0;
  gboolean conflicted = FALSE;
  gsize n = 0;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (RG_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  data = g_bytes_get_data (changes, &n);
  if (n == 0)
    return TRUE;

  rc = sqlite3changeset_invert ((int) n, data, &size, &inverse);
  if (rc != SQLITE_OK)
    return rg_store_set_error (self, rc, error);

  if (!rg_store_begin (self, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }
  rc = sqlite3changeset_apply (self->db, size, inverse, NULL, revert_conflict_cb, &conflicted);
  sqlite3_free (inverse);
  if (rc != SQLITE_OK || conflicted)
    {
      rg_store_rollback (self);
      if (conflicted || rc == SQLITE_ABORT)
        g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                             _("This can no longer be undone: what it changed was changed again since."));
      else
        rg_store_set_error (self, rc, error);
      return FALSE;
    }
  return rg_store_commit (self, error);
}

/* crash-test.c — kills the crash writer with SIGKILL at random moments and
 * checks the studio after each kill: the file passes `PRAGMA
 * integrity_check` and `foreign_key_check`; every write the writer
 * acknowledged before the kill is there (and the one it had begun is there
 * whole or not at all); an import is whole or absent; the studio opens
 * through rg_studio_open() and the model reads what was acknowledged.
 *
 *   crash-test --writer PATH [--iterations N] [--seed S] [--keep]
 *
 * One studio file serves every iteration, so it grows as a real one does.
 * The writer is killed 1–80 ms after it said "ready" (one time in ten
 * 80–400 ms, and one time in ten at 0–40 ms after it was started, which
 * often lands while it opens the studio). The seed (printed) chooses the
 * delays and the writers' actions; the moment a kill lands is the
 * machine's.
 *
 * Exit status 0 when every iteration passed; otherwise the first failure is
 * printed with the writer's last lines and the studio is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crash-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "model/rg-appointment.h"
#include "model/rg-client.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"

#include "crash-common.h"

#define N_STAFF 3
#define IMPORT_PREFIX "crash-import-"

typedef struct {
  gint64 client;
  gint64 staff;
  gint64 starts;
  gint64 ends;
  char   status[16];
} Appt;

typedef enum {
  KILL_STARTUP,      /* before the writer said "ready" */
  KILL_MID_WRITE,    /* after a "begin", before its "ack" */
  KILL_BETWEEN,      /* after an "ack", a refusal or "ready" */
  N_KILL_KINDS
} KillKind;

static const char *kill_names[] = { "while starting", "mid-write", "between writes" };

typedef struct {
  char       *writer;
  char       *dir;
  char       *path;
  char       *staff_arg;
  gint64      service_id;
  GRand      *rand;

  /* What was acknowledged, over all iterations. */
  GHashTable *appts;     /* id (gint64 *) → Appt */
  GHashTable *clients;   /* id (gint64 *) → name */
  GHashTable *imports;   /* marker → count present (GUINT_TO_POINTER) */

  /* This iteration. */
  guint       iteration;
  GPtrArray  *lines;
  GHashTable *touched;   /* ids (gint64 *) of appointments this run acknowledged */
  char       *pending;   /* the last "begin" line without its "ack" */
  gboolean    ready;

  /* Figures. */
  guint       kills[N_KILL_KINDS];
  guint       acks;
  guint       refusals;
  guint       imports_whole;
  guint       imports_absent;
  gint64      starting_us;   /* from the start to "ready", summed */
  guint       n_started;
  gint64      checking_us;
} Harness;

static Harness *the_harness;

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
failed (const char *format,
        ...)
{
  Harness *h = the_harness;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("FAILED at iteration %u: %s\n", h->iteration, message);
  if (h->lines)
    {
      guint from = h->lines->len > 15 ? h->lines->len - 15 : 0;

      g_printerr ("The writer's last lines (%u in all):\n", h->lines->len);
      for (guint i = from; i < h->lines->len; i++)
        g_printerr ("  %s\n", (char *) g_ptr_array_index (h->lines, i));
    }
  g_printerr ("The studio is kept in %s\n", h->dir);
  exit (1);
}

static gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The studio ------------------------------------------------------------------ */

static void
set_up_studio (Harness *h)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(GString) staff_arg = g_string_new (NULL);
  g_autoptr(RgService) service = NULL;

  h->dir = g_dir_make_tmp ("regulars-crash-XXXXXX", &error);
  g_assert_no_error (error);
  h->path = g_build_filename (h->dir, "studio.db", NULL);

  studio = rg_studio_open (h->path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (int i = 0; i < N_STAFF; i++)
    {
      g_autofree char *name = g_strdup_printf ("Master %d", i + 1);
      g_autoptr(RgStaff) staff = rg_staff_new (name, RG_STAFF_ROLE_MASTER);

      g_assert_true (rg_studio_save (studio, staff, &error));
      g_assert_no_error (error);
      g_string_append_printf (staff_arg, "%s%" G_GINT64_FORMAT, i ? "," : "",
                              rg_record_get_id (RG_RECORD (staff)));
    }
  h->staff_arg = g_strdup (staff_arg->str);

  service = rg_service_new ("Manicure", CRASH_MINUTES, CRASH_PRICE);
  g_assert_true (rg_studio_save (studio, service, &error));
  g_assert_no_error (error);
  h->service_id = rg_record_get_id (RG_RECORD (service));
}

/* One writer, killed ------------------------------------------------------------- */

typedef struct {
  Harness          *h;
  GSubprocess      *process;
  GDataInputStream *out;
  guint             delay_ms;
  gboolean          from_start;   /* the delay counts from the start, not from "ready" */
  guint             timer;
  gboolean          eof;
  gint64            spawned;
} Run;

static gboolean
kill_cb (gpointer data)
{
  Run *run = data;

  run->timer = 0;
  g_subprocess_force_exit (run->process);  /* SIGKILL */
  return G_SOURCE_REMOVE;
}

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  gsize len;
  char *line = g_data_input_stream_read_line_finish_utf8 (run->out, result, &len, &error);

  if (line == NULL)
    {
      if (error)
        failed ("reading the writer: %s", error->message);
      run->eof = TRUE;
      return;
    }

  g_ptr_array_add (run->h->lines, line);
  if (g_str_equal (line, "ready"))
    {
      run->h->starting_us += g_get_monotonic_time () - run->spawned;
      run->h->n_started++;
    }
  if (g_str_equal (line, "ready") && !run->from_start)
    run->timer = g_timeout_add (run->delay_ms, kill_cb, run);

  g_data_input_stream_read_line_async (run->out, G_PRIORITY_DEFAULT, NULL, read_line_cb, run);
}

/* Runs a writer until it is killed; its lines end up in h->lines. A line
 * cut by the kill has no newline and is not read as one: read_line gives
 * it back at the end of the stream, and apply_lines() ignores a last line
 * the writer could not have finished (it wrote each in one write(2)). */
static void
run_writer (Harness *h,
            guint    delay_ms,
            gboolean from_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (h->rand));
  g_autofree char *service = g_strdup_printf ("%" G_GINT64_FORMAT, h->service_id);
  g_autofree char *err_path = g_build_filename (h->dir, "writer.err", NULL);
  Run run = { h, NULL, NULL, delay_ms, from_start, 0, FALSE, g_get_monotonic_time () };

  g_subprocess_launcher_set_stderr_file_path (launcher, err_path);
  run.process = g_subprocess_launcher_spawn (launcher, &error, h->writer, h->path, seed,
                                             h->staff_arg, service, NULL);
  if (run.process == NULL)
    failed ("could not start %s: %s", h->writer, error->message);

  run.out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run.process));
  g_data_input_stream_set_newline_type (run.out, G_DATA_STREAM_NEWLINE_TYPE_LF);
  g_data_input_stream_read_line_async (run.out, G_PRIORITY_DEFAULT, NULL, read_line_cb, &run);
  if (from_start)
    run.timer = g_timeout_add (delay_ms, kill_cb, &run);

  while (!run.eof)
    g_main_context_iteration (NULL, TRUE);
  if (run.timer)
    g_source_remove (run.timer);

  g_subprocess_wait (run.process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_signaled (run.process) || g_subprocess_get_term_sig (run.process) != SIGKILL)
    {
      g_autofree char *err = NULL;

      g_file_get_contents (err_path, &err, NULL, NULL);
      failed ("the writer ended by itself (status %d) before it was killed: %s",
              g_subprocess_get_status (run.process), err ? err : "");
    }

  g_object_unref (run.out);
  g_object_unref (run.process);
}

/* What the writer said ------------------------------------------------------------ */

static Appt *
appt_lookup (Harness    *h,
             gint64      id,
             const char *line)
{
  Appt *a = g_hash_table_lookup (h->appts, &id);

  if (a == NULL)
    failed ("“%s” names an appointment never acknowledged", line);
  return a;
}

static void
apply_ack (Harness *h,
           char   **w,
           const char *line)
{
  guint n = g_strv_length (w);

  if (g_str_equal (w[1], "client") && n == 4)
    g_hash_table_insert (h->clients, id_new (g_ascii_strtoll (w[2], NULL, 10)), g_strdup (w[3]));
  else if (g_str_equal (w[1], "book") && n == 8)
    {
      Appt *a = g_new0 (Appt, 1);
      gint64 id = g_ascii_strtoll (w[2], NULL, 10);

      a->client = g_ascii_strtoll (w[3], NULL, 10);
      a->staff = g_ascii_strtoll (w[4], NULL, 10);
      a->starts = g_ascii_strtoll (w[5], NULL, 10);
      a->ends = g_ascii_strtoll (w[6], NULL, 10);
      g_strlcpy (a->status, w[7], sizeof a->status);
      g_hash_table_insert (h->appts, id_new (id), a);
      g_hash_table_add (h->touched, id_new (id));
    }
  else if (g_str_equal (w[1], "move") && n == 6)
    {
      Appt *a = appt_lookup (h, g_ascii_strtoll (w[2], NULL, 10), line);

      a->staff = g_ascii_strtoll (w[3], NULL, 10);
      a->starts = g_ascii_strtoll (w[4], NULL, 10);
      a->ends = g_ascii_strtoll (w[5], NULL, 10);
    }
  else if (g_str_equal (w[1], "status") && n == 4)
    g_strlcpy (appt_lookup (h, g_ascii_strtoll (w[2], NULL, 10), line)->status, w[3], sizeof ((Appt *) 0)->status);
  else if (g_str_equal (w[1], "import") && n == 4)
    g_hash_table_insert (h->imports, g_strdup (w[2]), GUINT_TO_POINTER ((guint) g_ascii_strtoull (w[3], NULL, 10)));
  else
    failed ("an acknowledgement crash-test does not know: “%s”", line);
  h->acks++;
}

/* Replays the writer's lines into what must now be in the file. */
static KillKind
apply_lines (Harness *h)
{
  g_clear_pointer (&h->pending, g_free);
  h->ready = FALSE;

  for (guint i = 0; i < h->lines->len; i++)
    {
      const char *line = g_ptr_array_index (h->lines, i);
      g_auto(GStrv) w = g_strsplit (line, " ", -1);

      if (g_str_equal (w[0], "ready"))
        h->ready = TRUE;
      else if (g_str_equal (w[0], "begin"))
        {
          g_free (h->pending);
          h->pending = g_strdup (line);
        }
      else if (g_str_equal (w[0], "ack"))
        {
          g_auto(GStrv) begun = h->pending ? g_strsplit (h->pending, " ", 3) : NULL;

          if (begun == NULL || w[1] == NULL || g_strcmp0 (begun[1], w[1]) != 0)
            failed ("“%s” acknowledges a write that did not begin (%s)", line, h->pending ? h->pending : "none");
          apply_ack (h, w, line);
          g_clear_pointer (&h->pending, g_free);
        }
      else if (g_str_equal (w[0], "refused"))
        {
          g_clear_pointer (&h->pending, g_free);
          h->refusals++;
        }
      else if (i + 1 < h->lines->len)
        failed ("a line crash-test does not know: “%s”", line);
      /* else: the last line, cut by the kill */
    }

  if (!h->ready)
    return KILL_STARTUP;
  return h->pending ? KILL_MID_WRITE : KILL_BETWEEN;
}

/* Checks ------------------------------------------------------------------------- */

static void
check_integrity (Harness *h,
                 sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "ok"))
      failed ("integrity_check: %s", sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    failed ("integrity_check could not run: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    failed ("foreign_key_check: a row of %s refers to nothing in %s", sqlite3_column_text (stmt, 0),
            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
}

static gboolean
appt_equal (const Appt *a,
            const Appt *b)
{
  return a->client == b->client && a->staff == b->staff && a->starts == b->starts &&
         a->ends == b->ends && g_str_equal (a->status, b->status);
}

static char *
appt_describe (const Appt *a)
{
  return g_strdup_printf ("client %" G_GINT64_FORMAT ", staff %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                          "–%" G_GINT64_FORMAT ", %s", a->client, a->staff, a->starts, a->ends, a->status);
}

/* The state a begun but unacknowledged write on appointment @id would have
 * left, or NULL when the pending write is not about @id. */
static gboolean
pending_result (Harness    *h,
                gint64      id,
                const Appt *before,
                Appt       *after)
{
  g_auto(GStrv) w = NULL;

  if (h->pending == NULL)
    return FALSE;
  w = g_strsplit (h->pending, " ", -1);
  *after = *before;
  if (g_str_equal (w[1], "move") && g_ascii_strtoll (w[2], NULL, 10) == id)
    {
      after->staff = g_ascii_strtoll (w[3], NULL, 10);
      after->starts = g_ascii_strtoll (w[4], NULL, 10);
      after->ends = g_ascii_strtoll (w[5], NULL, 10);
      return TRUE;
    }
  if (g_str_equal (w[1], "status") && g_ascii_strtoll (w[2], NULL, 10) == id)
    {
      g_strlcpy (after->status, w[3], sizeof after->status);
      return TRUE;
    }
  return FALSE;
}

static void
check_appointments (Harness *h,
                    sqlite3 *db)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(GStrv) w = h->pending ? g_strsplit (h->pending, " ", -1) : NULL;
  gboolean pending_book = w && g_str_equal (w[1], "book");
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  guint unknown = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, client_id, staff_id, starts_at, ends_at, status "
                                           "FROM appointments WHERE deleted_at IS NULL", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Appt found = { 0 }, after;
      Appt *expected = g_hash_table_lookup (h->appts, &id);

      found.client = sqlite3_column_int64 (stmt, 1);
      found.staff = sqlite3_column_int64 (stmt, 2);
      found.starts = sqlite3_column_int64 (stmt, 3);
      found.ends = sqlite3_column_int64 (stmt, 4);
      g_strlcpy (found.status, (const char *) sqlite3_column_text (stmt, 5), sizeof found.status);
      g_hash_table_add (seen, id_new (id));

      if (expected == NULL)
        {
          /* The booking begun when the writer was killed, committed. */
          Appt booked = { 0 };

          if (pending_book)
            {
              booked.client = g_ascii_strtoll (w[2], NULL, 10);
              booked.staff = g_ascii_strtoll (w[3], NULL, 10);
              booked.starts = g_ascii_strtoll (w[4], NULL, 10);
              booked.ends = g_ascii_strtoll (w[5], NULL, 10);
              g_strlcpy (booked.status, "booked", sizeof booked.status);
            }
          if (!pending_book || unknown++ > 0 || !appt_equal (&found, &booked))
            {
              g_autofree char *text = appt_describe (&found);
              failed ("appointment %" G_GINT64_FORMAT " (%s) was never booked", id, text);
            }
          g_hash_table_insert (h->appts, id_new (id), g_memdup2 (&found, sizeof found));
          continue;
        }

      if (appt_equal (&found, expected))
        continue;
      if (pending_result (h, id, expected, &after) && appt_equal (&found, &after))
        {
          *expected = found;  /* the begun write committed; it is the state from now on */
          continue;
        }
      {
        g_autofree char *want = appt_describe (expected);
        g_autofree char *got = appt_describe (&found);
        failed ("appointment %" G_GINT64_FORMAT " is %s; acknowledged: %s", id, got, want);
      }
    }
  sqlite3_finalize (stmt);

  g_hash_table_iter_init (&iter, h->appts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      failed ("the acknowledged appointment %" G_GINT64_FORMAT " is missing", *(gint64 *) key);
}

static void
check_clients (Harness *h,
               sqlite3 *db)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) batches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) w = h->pending ? g_strsplit (h->pending, " ", -1) : NULL;
  gboolean pending_client = w && g_str_equal (w[1], "client");
  gboolean pending_import = w && g_str_equal (w[1], "import");
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint unknown = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, address_as, notes FROM clients WHERE deleted_at IS NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *notes = (const char *) sqlite3_column_text (stmt, 2);
      const char *expected = g_hash_table_lookup (h->clients, &id);

      if (notes && g_str_has_prefix (notes, IMPORT_PREFIX))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (batches, notes));
          g_hash_table_insert (batches, g_strdup (notes), GUINT_TO_POINTER (n + 1));
          continue;
        }

      g_hash_table_add (seen, id_new (id));
      if (expected && g_str_equal (expected, name))
        continue;
      if (expected == NULL && pending_client && unknown++ == 0 && g_str_equal (w[2], name))
        {
          g_hash_table_insert (h->clients, id_new (id), g_strdup (name));
          continue;
        }
      failed ("client %" G_GINT64_FORMAT " “%s” was never saved as such (acknowledged: %s)", id, name,
              expected ? expected : "nothing");
    }
  sqlite3_finalize (stmt);

  g_hash_table_iter_init (&iter, h->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      failed ("the acknowledged client %" G_GINT64_FORMAT " is missing", *(gint64 *) key);

  /* An import is whole or absent. */
  if (pending_import)
    {
      guint n = (guint) g_ascii_strtoull (w[3], NULL, 10);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (batches, w[2]));

      if (found != 0 && found != n)
        failed ("the import %s killed before its end left %u of its %u clients", w[2], found, n);
      if (found)
        h->imports_whole++;
      else
        h->imports_absent++;
      g_hash_table_insert (h->imports, g_strdup (w[2]), GUINT_TO_POINTER (found));
    }
  g_hash_table_iter_init (&iter, batches);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (h->imports, key) ||
        GPOINTER_TO_UINT (g_hash_table_lookup (h->imports, key)) != GPOINTER_TO_UINT (value))
      failed ("the import %s left %u clients; acknowledged: %u", (char *) key, GPOINTER_TO_UINT (value),
              GPOINTER_TO_UINT (g_hash_table_lookup (h->imports, key)));
  g_hash_table_iter_init (&iter, h->imports);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > 0 && !g_hash_table_contains (batches, key))
      failed ("the acknowledged import %s is missing", (char *) key);
}

/* The studio opens through the model, which reads what this run wrote. */
static void
check_model (Harness *h)
{
  g_autoptr(GError) error = NULL;
  RgStudio *studio = rg_studio_open (h->path, RG_STUDIO_OPEN_EXISTING, &error);
  GHashTableIter iter;
  gpointer key;

  if (studio == NULL)
    failed ("the studio does not open: %s", error->message);

  g_hash_table_iter_init (&iter, h->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      const Appt *expected = g_hash_table_lookup (h->appts, &id);
      g_autoptr(RgAppointment) a = rg_studio_lookup (studio, RG_TYPE_APPOINTMENT, id, &error);
      g_autoptr(RgClient) client = NULL;
      Appt found = { 0 };

      if (a == NULL)
        failed ("the model does not read appointment %" G_GINT64_FORMAT ": %s", id,
                error ? error->message : "not found");
      found.client = rg_appointment_get_client_id (a);
      found.staff = rg_appointment_get_staff_id (a);
      found.starts = rg_appointment_get_starts_at (a);
      found.ends = rg_appointment_get_ends_at (a);
      g_strlcpy (found.status, crash_status_name (rg_appointment_get_status (a)), sizeof found.status);
      if (!appt_equal (&found, expected))
        {
          g_autofree char *want = appt_describe (expected);
          g_autofree char *got = appt_describe (&found);
          failed ("the model reads appointment %" G_GINT64_FORMAT " as %s; the file has %s", id, got, want);
        }

      client = rg_studio_lookup (studio, RG_TYPE_CLIENT, found.client, &error);
      if (client == NULL || g_strcmp0 (rg_client_get_address_as (client), g_hash_table_lookup (h->clients, &found.client)) != 0)
        failed ("the model does not read client %" G_GINT64_FORMAT " as saved", found.client);
    }

  g_object_unref (studio);
}

static void
check_file (Harness *h)
{
  sqlite3 *db = NULL;

  /* Plain SQLite, as any other program would open it after the crash:
   * the first connection replays the log. */
  if (sqlite3_open_v2 (h->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    failed ("the file does not open: %s", sqlite3_errmsg (db));
  check_integrity (h, db);
  check_appointments (h, db);
  check_clients (h, db);
  sqlite3_close (db);

  check_model (h);
}

/* -------------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— kill the crash writer and check the studio");
  g_autofree char *writer = NULL;
  int iterations = 200;
  gint64 seed = -1;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "writer", 0, 0, G_OPTION_ARG_FILENAME, &writer, "The crash-writer program", "PATH" },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Kills (200)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "The seed (random when not given)", "S" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the studio afterwards", NULL },
    { NULL }
  };
  Harness h = { 0 };
  gint64 started, slowest = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || writer == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--writer is required");
      return 2;
    }
  if (seed < 0)
    seed = g_random_int ();

  the_harness = &h;
  h.writer = writer;
  h.rand = g_rand_new_with_seed ((guint32) seed);
  h.appts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  h.clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  h.imports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_print ("crash-test: seed %" G_GINT64_FORMAT " (--seed %" G_GINT64_FORMAT " to choose the same delays), "
           "%d iterations\n", seed, seed, iterations);
  set_up_studio (&h);

  started = g_get_monotonic_time ();
  for (int i = 0; i < iterations; i++)
    {
      guint kind_draw = g_rand_int_range (h.rand, 0, 10);
      gboolean from_start = kind_draw == 0;
      guint delay = from_start ? g_rand_int_range (h.rand, 0, 41)
                  : kind_draw == 1 ? g_rand_int_range (h.rand, 80, 401)
                  : g_rand_int_range (h.rand, 1, 81);
      gint64 t0 = g_get_monotonic_time (), t1;
      KillKind kind;

      h.iteration = i + 1;
      h.lines = g_ptr_array_new_with_free_func (g_free);
      h.touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      run_writer (&h, delay, from_start);
      kind = apply_lines (&h);
      h.kills[kind]++;
      t1 = g_get_monotonic_time ();
      check_file (&h);
      h.checking_us += g_get_monotonic_time () - t1;

      slowest = MAX (slowest, g_get_monotonic_time () - t0);
      g_clear_pointer (&h.lines, g_ptr_array_unref);
      g_clear_pointer (&h.touched, g_hash_table_unref);
    }

  {
    double total = (g_get_monotonic_time () - started) / 1e6;

    g_print ("crash-test: %d kills in %.1f s (%.0f ms each on average, the slowest %.0f ms): "
             "%u %s, %u %s, %u %s\n",
             iterations, total, total * 1000 / MAX (iterations, 1), slowest / 1000.0,
             h.kills[KILL_STARTUP], kill_names[KILL_STARTUP], h.kills[KILL_MID_WRITE], kill_names[KILL_MID_WRITE],
             h.kills[KILL_BETWEEN], kill_names[KILL_BETWEEN]);
    g_print ("crash-test: a writer took %.0f ms on average to open the studio; a check %.0f ms\n",
             h.starting_us / 1000.0 / MAX (h.n_started, 1), h.checking_us / 1000.0 / MAX (iterations, 1));
    g_print ("crash-test: %u writes acknowledged and found, %u refused by the rules; "
             "%u appointments and %u clients in the studio; imports cut by a kill: %u whole, %u absent\n",
             h.acks, h.refusals, g_hash_table_size (h.appts), g_hash_table_size (h.clients),
             h.imports_whole, h.imports_absent);
  }

  if (!keep)
    {
      g_autoptr(GDir) dir = g_dir_open (h.dir, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (h.dir, name, NULL);
          g_unlink (child);
        }
      g_rmdir (h.dir);
    }
  else
    g_print ("crash-test: the studio is in %s\n", h.path);

  g_hash_table_unref (h.appts);
  g_hash_table_unref (h.clients);
  g_hash_table_unref (h.imports);
  g_rand_free (h.rand);
  g_free (h.pending);
  g_free (h.dir);
  g_free (h.path);
  g_free (h.staff_arg);
  return 0;
}

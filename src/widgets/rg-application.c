/* rg-application.c — the application: command line, studios, windows.
 *
 * `regulars` opens the user's studio, `--database PATH` another file and
 * `--demo` a generated demo studio in the cache folder (the user's own data
 * is never touched). `--generate` writes a database and exits without a
 * display. One RgStudio per database file is shared by its windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-application"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif
#include <glib/gstdio.h>
#include <stdio.h>

#include "demo/rg-generator.h"
#include "io/rg-export-command.h"
#include "io/rg-sign-in-command.h"
#include "model/rg-backup.h"
#include "model/rg-prepaid.h"
#include "model/rg-format.h"
#include "report/rg-report-client.h"
#include "report/rg-report.h"
#include "io/rg-import-command.h"
#include "widgets/common/rg-accessible.h"
#include "widgets/common/rg-spin-wheel.h"
#include "rg-application.h"
#include "rg-window.h"

struct _RgApplication
{
  AdwApplication  parent_instance;

  GHashTable     *studios;   /* database path -> RgStudio */
  GSettings      *settings;  /* NULL in a build without its schema */
  guint           progress_delay_ms;
};

#define PROGRESS_DELAY_MS 300

G_DEFINE_FINAL_TYPE (RgApplication, rg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the studio database at PATH instead of your own"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a demo studio to look around; your own data is not touched"), NULL },
  { "generate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a generated studio database to PATH and exit"), N_("PATH") },
  { "clients", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --generate: the number of clients"), N_("N") },
  { "years", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --generate: the years of history"), N_("YEARS") },
  { "seed", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --generate: the random seed; the same seed gives the same studio"), N_("SEED") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the figures of a report (satisfaction, retention, money, payroll, liabilities, stock) and exit"), N_("KIND") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report retention, liabilities or stock: the day the figures are seen from, YYYY-MM-DD (today)"), N_("DATE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report or --export appointments, payroll: the first day, YYYY-MM-DD (the first of this month)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: the last day, YYYY-MM-DD (today); with --export appointments, payroll: (the end of the month)"),
    N_("DATE") },
  { "staff", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report satisfaction, money, payroll or --export appointments, payroll: only this master's (their name, or a part of it)"),
    N_("NAME") },
  { "service", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report satisfaction: only visits with this service (its name, or a part of it)"), N_("NAME") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --report, --export or --import: print JSON for scripts"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the studio's clients (CSV, vCard), appointments (iCalendar), payroll (CSV) or everything about one client (client-data: JSON, PDF) to FILE and exit"),
    N_("clients|appointments|payroll|client-data") },
  { "client", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --export client-data: the client's number"), N_("NUMBER") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export clients or payroll: csv (for Excel), csv-comma, vcard (4.0) or vcard3 (by FILE's extension)"), N_("FORMAT") },
  /* The FILE of --export. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup of the studio (--database, or your own) to FILE and exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the studio (--database, or your own) with the backup FILE and exit; the studio as it was is kept"),
    N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Import clients (CSV or vCard) or visits (CSV) from FILE into the studio and exit"), N_("clients|visits FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: check every row and report, write nothing"), NULL },
  { "duplicates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import clients: what to do with a row whose phone a card already has (skip, merge, create; skip)"),
    N_("WHAT") },
  { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --report, --export or --import on a studio with staff profiles: the director’s PIN is the first line of FILE, "
       "which only you may read (- reads it from standard input); without it the PIN is asked at the terminal"),
    N_("FILE") },
  { "as", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report, --export or --import on a studio with staff profiles: sign in as this staff member "
       "(their name, or a part of it) instead of the studio’s director"),
    N_("NAME") },
  /* For `make bench`: print a line when the first frame is drawn, then quit. */
  { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

char *
rg_application_demo_path (const char *language,
                          gint64      now)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (now);
  g_autofree char *day = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("demo-%s-%s-r%d-v%d.db", language, day, RG_GENERATOR_REVISION,
                                           rg_studio_latest_version ());

  return g_build_filename (g_get_user_cache_dir (), "regulars", name, NULL);
}

/* The demo is generated once a day, so its "today" is today, and again
 * when the generator or the database format changed; older demo files of
 * the same language are removed. */
static char *
ensure_demo (GError **error)
{
  const char *language = rg_generator_language_for_locale ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *path = rg_application_demo_path (language, now);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = g_strdup_printf ("demo-%s-", language);
  g_autoptr(GDir) folder = NULL;
  RgGeneratorOptions options;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  if ((folder = g_dir_open (dir, 0, NULL)))
    while ((name = g_dir_read_name (folder)))
      if (g_str_has_prefix (name, prefix))
        {
          g_autofree char *old = g_build_filename (dir, name, NULL);
          g_unlink (old);
        }

  rg_generator_options_init_demo (&options, language, now);
  if (!rg_generator_write_file (path, &options, NULL, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* Opening a studio ------------------------------------------------------------------ */

/* A studio is opened in a thread: a new demo is generated, a studio saved
 * by an older version is upgraded (a large one takes a minute), and a
 * window says so when it takes longer than a moment. */
typedef struct {
  char      *path;       /* resolved; of the demo, made in the thread */
  gboolean   demo;
  gboolean   upgrading;  /* saved by an earlier version */
  RgStudio  *studio;    /* opened in the thread */
  char      *good_backup;  /* a damaged studio's newest good backup, or NULL */
  RgBackupInfo good_info;
  GtkWidget *progress;
  guint      progress_id;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_handle_id (&job->progress_id, g_source_remove);
  if (job->progress)
    gtk_window_destroy (GTK_WINDOW (job->progress));
  g_clear_object (&job->studio);
  g_free (job->good_backup);
  rg_backup_info_clear (&job->good_info);
  g_free (job->path);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  OpenJob *job = data;
  GError *error = NULL;

  if (job->demo)
    {
      g_free (job->path);
      job->path = ensure_demo (&error);
    }
  if (job->path != NULL)
    job->studio = rg_studio_open (job->path, RG_STUDIO_OPEN_DEFAULT, &error);
  /* A studio that is damaged or not ours is left as it is; its newest good
   * backup is offered instead. */
  if (job->studio == NULL && !job->demo &&
      (g_error_matches (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_CORRUPT) ||
       g_error_matches (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_NOT_A_DATABASE)))
    job->good_backup = rg_backup_find_newest_good (job->path, &job->good_info);
  if (job->studio == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
show_progress_cb (gpointer data)
{
  GTask *task = data;
  OpenJob *job = g_task_get_task_data (task);
  RgApplication *self = g_task_get_source_object (task);
  const char *title, *description;
  GtkWidget *page, *spinner, *box, *header;

  job->progress_id = 0;
  if (job->demo)
    {
      title = _("Preparing the Demo Studio");
      description = _("A made-up studio to look around in. Your own data is not touched.");
    }
  else if (job->upgrading)
    {
      title = _("Updating the Studio");
      description = _("The studio was saved by an earlier version of Regulars and is being updated for this one. "
                      "This happens once; a large studio takes up to a minute.");
    }
  else
    {
      title = _("Opening the Studio");
      description = NULL;
    }

  job->progress = adw_window_new ();
  gtk_window_set_application (GTK_WINDOW (job->progress), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (job->progress), _("Regulars"));
  gtk_window_set_default_size (GTK_WINDOW (job->progress), 460, 340);
  gtk_window_set_deletable (GTK_WINDOW (job->progress), FALSE);
  gtk_window_set_resizable (GTK_WINDOW (job->progress), FALSE);
  gtk_widget_add_css_class (job->progress, "opening-studio");
  page = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), spinner);
  gtk_widget_set_vexpand (page, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_widget_add_css_class (header, "flat");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (job->progress), box);
  gtk_window_present (GTK_WINDOW (job->progress));
  return G_SOURCE_REMOVE;
}

/* @path: a database file, or NULL for the user's own; with @demo, the demo
 * studio. A studio already open is shared. */
void
rg_application_open_studio_async (RgApplication       *self,
                                  const char          *path,
                                  gboolean             demo,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (RG_IS_APPLICATION (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, rg_application_open_studio_async);
  job = g_new0 (OpenJob, 1);
  job->demo = demo;
  if (demo)
    job->path = rg_application_demo_path (rg_generator_language_for_locale (), g_get_real_time () / G_USEC_PER_SEC);
  else if (path)
    job->path = g_canonicalize_filename (path, NULL);
  else
    job->path = rg_studio_default_path ();
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  if (!demo)
    {
      int version = rg_studio_peek_version (job->path);

      /* Read before the thread starts writing. */
      job->upgrading = version > 0 && version < rg_studio_latest_version ();
    }

  if (g_hash_table_contains (self->studios, job->path))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->progress_delay_ms == 0)
    show_progress_cb (task);
  else
    job->progress_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->progress_delay_ms, show_progress_cb,
                                           g_object_ref (task), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

RgStudio *
rg_application_open_studio_finish (RgApplication  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  OpenJob *job;
  RgStudio *studio;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  job = g_task_get_task_data (G_TASK (result));
  g_clear_handle_id (&job->progress_id, g_source_remove);
  if (job->progress)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&job->progress)));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  /* Open already, or opened meanwhile by another call. */
  if ((studio = g_hash_table_lookup (self->studios, job->path)) != NULL)
    return g_object_ref (studio);
  studio = g_object_ref (job->studio);
  g_hash_table_insert (self->studios, g_strdup (job->path), g_object_ref (studio));
  /* The demo opens signed in as its director, without a PIN; a user's
   * studio never does. */
  if (job->demo)
    {
      RgSignInCommand director = { .trusted = TRUE };
      g_autoptr(GError) sign_in_error = NULL;

      if (!rg_sign_in_command_run (studio, &director, &sign_in_error))
        g_warning ("The demo is not signed in: %s", sign_in_error->message);
    }
  return studio;
}

/* For tests: how long opening may take before its window shows (0: at
 * once). */
void
rg_application_set_progress_delay (RgApplication *self,
                                   guint          ms)
{
  g_return_if_fail (RG_IS_APPLICATION (self));
  self->progress_delay_ms = ms;
}

static int
generate (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  RgGeneratorOptions opts;
  RgGeneratorStats stats = { 0 };
  gint32 clients = 0, years = 0;
  gint64 seed = 0, started;

  g_variant_dict_lookup (options, "generate", "^&ay", &path);

  rg_generator_options_init_demo (&opts, rg_generator_language_for_locale (),
                                  g_get_real_time () / G_USEC_PER_SEC);
  if (g_variant_dict_lookup (options, "clients", "i", &clients))
    {
      if (clients < 1 || clients > 10000000)
        {
          g_printerr (_("--clients takes a number from 1 to %d.\n"), 10000000);
          return 2;
        }
      opts.n_clients = clients;
      opts.n_staff = 0;
    }
  if (g_variant_dict_lookup (options, "years", "i", &years))
    {
      if (years < 1 || years > 50)
        {
          g_printerr (_("--years takes a number from 1 to %d.\n"), 50);
          return 2;
        }
      opts.years = years;
    }
  if (g_variant_dict_lookup (options, "seed", "x", &seed))
    opts.seed = (guint64) seed;

  started = g_get_monotonic_time ();
  if (!rg_generator_write_file (path, &opts, &stats, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print (_("Wrote %s in %.1f s.\n"), path,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_print ("  %s %u\n", _("Staff:"), stats.staff);
  g_print ("  %s %u\n", _("Services:"), stats.services);
  g_print ("  %s %u\n", _("Clients:"), stats.clients);
  g_print ("  %s %u\n", _("Appointments:"), stats.appointments);
  g_print ("  %s %u\n", _("Ratings:"), stats.ratings);
  g_print ("  %s %u\n", _("Timeline entries:"), stats.interactions);
  g_print ("  %s %u\n", _("Sales:"), stats.sales);
  g_print ("  %s %u\n", _("Refunds:"), stats.refunds);
  if (opts.profiles)
    /* Translators: %s (1), %s (2) and %u (3) are PINs, such as 1111, 2222 and 3331 */
    g_print (_("Staff profiles: the director’s PIN is %s, the administrator’s %s, the other masters’ %u, %u, ... "
               "in the staff list’s order.\n"),
             RG_GENERATOR_DIRECTOR_PIN, RG_GENERATOR_ADMINISTRATOR_PIN,
             RG_GENERATOR_MASTER_PIN_BASE + 1, RG_GENERATOR_MASTER_PIN_BASE + 2);
  return 0;
}

/* The studio a command without a display works on: --database, --demo or
 * the user's own; never created. */
static RgStudio *
open_for_command (GVariantDict  *options,
                  GError       **error)
{
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "demo"))
    path = ensure_demo (error);
  else if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      char *canonical = g_canonicalize_filename (path, NULL);
      g_free (path);
      path = canonical;
    }
  else
    path = rg_studio_default_path ();

  if (path == NULL)
    return NULL;
  return rg_studio_open (path, RG_STUDIO_OPEN_EXISTING, error);
}

/* The studio a command works on, signed in when it has staff profiles:
 * the demo as its director without a PIN (it is thrown away), any other
 * with --pin-file or the PIN asked at the terminal (--as for whom). */
static RgStudio *
open_signed_in (GVariantDict  *options,
                RgAction       action,
                GError       **error)
{
  g_autoptr(RgStudio) studio = open_for_command (options, error);
  RgSignInCommand command = { 0 };

  if (studio == NULL)
    return NULL;
  g_variant_dict_lookup (options, "pin-file", "^&ay", &command.pin_file);
  g_variant_dict_lookup (options, "as", "&s", &command.as);
  command.trusted = g_variant_dict_contains (options, "demo");
  command.action = action;
  if (!rg_sign_in_command_run (studio, &command, error))
    return NULL;
  return g_steal_pointer (&studio);
}

/* `--export KIND FILE`: the work is rg_export_command_run()'s. */
static int
export (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autofree const char **files = NULL;
  g_autofree char *output = NULL;
  RgExportCommand command = { 0 };

  g_variant_dict_lookup (options, "export", "&s", &command.kind);
  g_variant_dict_lookup (options, "format", "&s", &command.format);
  g_variant_dict_lookup (options, "from", "&s", &command.from);
  g_variant_dict_lookup (options, "to", "&s", &command.to);
  g_variant_dict_lookup (options, "staff", "&s", &command.staff);
  command.json = g_variant_dict_contains (options, "json");
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL)
    {
      if (files[1] != NULL)
        {
          g_printerr (_("--export writes one file.\n"));
          return 2;
        }
      command.file = files[0];
    }

  studio = open_signed_in (options, RG_ACTION_EXPORT, &error);
  if (studio != NULL && g_strcmp0 (command.kind, "client-data") == 0)
    {
      gint64 client_id = 0;

      g_variant_dict_lookup (options, "client", "x", &client_id);
      output = rg_report_client_command (studio, client_id, command.file, command.json, &error);
    }
  else if (studio != NULL)
    output = rg_export_command_run (studio, &command, &error);
  if (output == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", output);
  return 0;
}

/* `--report`: reads the studio (--database, --demo or the user's own)
 * without creating it, prints, and exits without a display. */
static int
report (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autofree char *output = NULL;
  RgReportOptions opts = { 0 };
  const char *kind = NULL;

  g_variant_dict_lookup (options, "report", "&s", &kind);
  g_variant_dict_lookup (options, "from", "&s", &opts.from);
  g_variant_dict_lookup (options, "to", "&s", &opts.to);
  g_variant_dict_lookup (options, "as-of", "&s", &opts.as_of);
  g_variant_dict_lookup (options, "staff", "&s", &opts.staff);
  g_variant_dict_lookup (options, "service", "&s", &opts.service);
  opts.json = g_variant_dict_contains (options, "json");

  studio = open_signed_in (options, RG_ACTION_REPORTS, &error);
  if (studio != NULL)
    output = rg_report_run_studio (studio, kind, &opts, &error);
  if (output == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s\n", output);
  return 0;
}

/* `--backup FILE` and `--restore FILE`: the work is rg_backup_command();
 * 0 done, 1 refused or failed, 2 a wrong command line. */
static int
backup_or_restore (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL, *file = NULL, *output = NULL;
  gboolean restore = g_variant_dict_contains (options, "restore");

  if (restore && g_variant_dict_contains (options, "backup"))
    {
      g_printerr (_("Choose either --backup or --restore, not both.\n"));
      return 2;
    }
  if (g_variant_dict_contains (options, "demo") || g_variant_dict_contains (options, "generate") ||
      g_variant_dict_contains (options, "report"))
    {
      g_printerr (_("--backup and --restore go with --database only.\n"));
      return 2;
    }
  g_variant_dict_lookup (options, restore ? "restore" : "backup", "^ay", &file);
  if (file == NULL || *file == '\0')
    {
      g_printerr (_("--backup and --restore take a file name.\n"));
      return 2;
    }
  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    database = rg_studio_default_path ();

  output = rg_backup_command (database, file, restore, &error);
  if (output == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", output);
  return 0;
}

/* `--import clients|visits FILE`: without a display. */
static int
import_command (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  RgImportCommand command = { 0 };

  g_variant_dict_lookup (options, "import", "&s", &command.kind);
  g_variant_dict_lookup (options, "duplicates", "&s", &command.duplicates);
  command.dry_run = g_variant_dict_contains (options, "dry-run");
  command.json = g_variant_dict_contains (options, "json");
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("--import takes one file: regulars --import clients FILE.\n"));
      return 2;
    }
  command.file = files[0];

  studio = open_signed_in (options, RG_ACTION_IMPORT, &error);
  if (studio == NULL || !rg_import_command_run (studio, &command, &output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", output);
  return 0;
}

static int
rg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  gboolean generating = g_variant_dict_contains (options, "generate");
  gboolean exporting = g_variant_dict_contains (options, "export");

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (!generating &&
      (g_variant_dict_contains (options, "clients") ||
       g_variant_dict_contains (options, "years") ||
       g_variant_dict_contains (options, "seed")))
    {
      g_printerr (_("--clients, --years and --seed go with --generate.\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "demo") && g_variant_dict_contains (options, "database"))
    {
      g_printerr (_("Choose either --demo or --database, not both.\n"));
      return 2;
    }

  if (!g_variant_dict_contains (options, "import") &&
      (g_variant_dict_contains (options, "dry-run") ||
       g_variant_dict_contains (options, "duplicates")))
    {
      g_printerr (_("--dry-run and --duplicates go with --import.\n"));
      return 2;
    }

  if ((g_variant_dict_contains (options, "pin-file") || g_variant_dict_contains (options, "as")) &&
      !g_variant_dict_contains (options, "import") && !exporting && !g_variant_dict_contains (options, "report"))
    {
      g_printerr (_("--pin-file and --as go with --report, --export or --import.\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "import"))
    {
      if (g_variant_dict_contains (options, "report") || exporting || generating ||
          g_variant_dict_contains (options, "backup") || g_variant_dict_contains (options, "restore") ||
          g_variant_dict_contains (options, "format") || g_variant_dict_contains (options, "from") ||
          g_variant_dict_contains (options, "to") || g_variant_dict_contains (options, "staff") ||
          g_variant_dict_contains (options, "service") || g_variant_dict_contains (options, "as-of"))
        {
          g_printerr (_("--import goes with --database or --demo, --dry-run, --duplicates, --json, --pin-file and --as only.\n"));
          return 2;
        }
      return import_command (options);
    }

  if (!g_variant_dict_contains (options, "report") &&
      (g_variant_dict_contains (options, "service") ||
       g_variant_dict_contains (options, "as-of") ||
       (!exporting &&
        (g_variant_dict_contains (options, "from") ||
         g_variant_dict_contains (options, "to") ||
         g_variant_dict_contains (options, "staff") ||
         g_variant_dict_contains (options, "json")))))
    {
      g_printerr (_("--from, --to, --as-of, --staff, --service and --json go with --report "
                    "(--from, --to, --staff and --json also with --export).\n"));
      return 2;
    }

  if (!exporting && (g_variant_dict_contains (options, "format") ||
                     g_variant_dict_contains (options, G_OPTION_REMAINING)))
    {
      g_printerr (_("--format and a FILE go with --export or --import.\n"));
      return 2;
    }

  if (exporting && (generating || g_variant_dict_contains (options, "report")))
    {
      g_printerr (_("Choose one of --generate, --report and --export.\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "backup") || g_variant_dict_contains (options, "restore"))
    return backup_or_restore (options);

  if (generating)
    return generate (options);

  if (exporting)
    return export (options);

  if (g_variant_dict_contains (options, "report"))
    return report (options);

  return -1;
}

static void
offered_backup_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RgApplication    *self)
{
  const char *studio = g_object_get_data (G_OBJECT (dialog), "rg-studio-path");
  const char *backup = g_object_get_data (G_OBJECT (dialog), "rg-backup-path");

  if (g_strcmp0 (response, "restore") == 0 && studio && backup)
    rg_application_restore_studio (self, studio, backup);
}

/* @backup (may be NULL): a good backup to offer, of @studio, with @info. */
static void
show_error_offering (RgApplication      *self,
                     const char         *message,
                     const char         *studio,
                     const char         *backup,
                     const RgBackupInfo *info)
{
  GtkWidget *dialog;

  if (backup == NULL)
    dialog = adw_message_dialog_new (NULL, _("The Studio Could Not Be Opened"), message);
  else
    {
      g_autofree char *described = rg_backup_describe (info);
      g_autofree char *when = rg_format_date_time (info->made_at);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe newest good backup of this studio: %s\n"
                                                 "Restoring it replaces the studio with it; the damaged file is "
                                                 "kept beside the backups."), message, described);
      g_autofree char *label = g_strdup_printf (_("_Restore the Backup of %s"), when);

      dialog = adw_message_dialog_new (NULL, _("The Studio Could Not Be Opened"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "rg-studio-path", g_strdup (studio), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "rg-backup-path", g_strdup (backup), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (offered_backup_cb), self, 0);
    }
  gtk_widget_add_css_class (dialog, "studio-not-opened");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (RgApplication *self,
            const char    *message)
{
  show_error_offering (self, message, NULL, NULL, NULL);
}

typedef struct {
  GApplicationCommandLine *cmdline;   /* NULL: from the menu */
  gboolean                 demo;
  gboolean                 quit_after_first_frame;
  char                    *restored;  /* after a restore: the backup's time, to say so */
} Opening;

/* Automatic backups ----------------------------------------------------------
 *
 * At most one a day (rg_studio_auto_backup_async()): a while after the
 * window's first frame, in a thread at a low priority, so the start is
 * never slower; and when the application quits, if the last is older than
 * a day by then (a window kept open for days). */

#define AUTO_BACKUP_DELAY_S 20

static void
auto_backup_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;

  if (!rg_studio_auto_backup_finish (RG_STUDIO (source), result, &made, &error))
    g_warning ("No automatic backup of %s: %s", rg_studio_get_path (RG_STUDIO (source)), error->message);
  else if (made)
    g_debug ("Backed up to %s", made);
}

static gboolean
auto_backup_cb (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(RgStudio) studio = g_weak_ref_get (ref);

  if (studio && rg_studio_get_path (studio) && !rg_studio_get_read_only (studio))
    rg_studio_auto_backup_async (studio, g_get_real_time () / G_USEC_PER_SEC, NULL, auto_backup_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
schedule_auto_backup (RgApplication *self,
                      RgStudio      *studio)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, studio);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, AUTO_BACKUP_DELAY_S, auto_backup_cb, ref,
                              (GDestroyNotify) weak_ref_free);
}

/* The check after opening ----------------------------------------------------
 *
 * A studio whose last session ended cleanly is opened without reading its
 * whole file before the window (quick_check takes 1.6 s for 100,000
 * clients): it is checked in a thread as the window opens, and until the
 * check is done every write waits for it (rg_studio_check_async()). A
 * damaged one stops writing at once, the window says it is read-only, and
 * the newest good backup is offered, as when a damaged studio is refused
 * on opening. */

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(RgApplication) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  RgBackupInfo info = { 0 };
  const char *path = rg_studio_get_path (RG_STUDIO (source));

  if (rg_studio_check_finish (RG_STUDIO (source), result, &error))
    {
      g_autoptr(GError) expiry_error = NULL;

      /* Points due to expire are written off once the file is known good,
       * so that the card, Today and what the studio owes count them gone. */
      if (!rg_studio_get_read_only (RG_STUDIO (source)) &&
          !rg_studio_expire_points (RG_STUDIO (source), g_get_real_time () / G_USEC_PER_SEC, &expiry_error))
        g_warning ("%s: %s", path, expiry_error->message);
      return;
    }
  g_warning ("%s: %s", path, error->message);
  if (!g_error_matches (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_CORRUPT))
    return;
  backup = rg_backup_find_newest_good (path, &info);
  show_error_offering (self, error->message, path, backup, &info);
  rg_backup_info_clear (&info);
}

/* Restoring ------------------------------------------------------------------ */

typedef struct {
  RgApplication *app;
  char          *studio;
  char          *backup;
  char          *made;     /* the backup's time, in words */
  guint          tries;
} Restoring;

static void
restoring_free (Restoring *restoring)
{
  g_object_unref (restoring->app);
  g_free (restoring->studio);
  g_free (restoring->backup);
  g_free (restoring->made);
  g_free (restoring);
}

static void open_studio_after_restore (RgApplication *self, const char *path, const char *restored);

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Restoring *restoring = data;
  RgBackupInfo info = { 0 };
  GError *error = NULL;

  if (rg_backup_inspect (restoring->backup, &info, NULL))
    restoring->made = rg_format_date_time (info.made_at);
  rg_backup_info_clear (&info);
  if (rg_backup_restore (restoring->backup, restoring->studio, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  RgApplication *self = RG_APPLICATION (source);
  Restoring *restoring = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      /* The studio as it was (nothing was swapped before the error), or
       * the restored one when only its photos failed. */
      open_studio_after_restore (self, restoring->studio, NULL);
    }
  else
    open_studio_after_restore (self, restoring->studio, restoring->made);
  g_application_release (G_APPLICATION (self));
}

/* Every connection to the studio closes as its windows go (counts in
 * threads finish first): the restore waits for that, up to 10 s. */
static gboolean
restore_when_closed_cb (gpointer data)
{
  Restoring *restoring = data;
  g_autoptr(GTask) task = NULL;

  if (rg_backup_studio_in_use (restoring->studio) && ++restoring->tries < 100)
    return G_SOURCE_CONTINUE;

  task = g_task_new (restoring->app, NULL, restored_cb, NULL);
  g_task_set_task_data (task, restoring, (GDestroyNotify) restoring_free);
  g_task_run_in_thread (task, restore_thread);
  return G_SOURCE_REMOVE;
}

/* Closes every window of the studio at @studio_path, restores @backup_path
 * over it (rg_backup_restore(): the studio is kept first) and opens it
 * again, in a new window that says so. */
void
rg_application_restore_studio (RgApplication *self,
                               const char    *studio_path,
                               const char    *backup_path)
{
  Restoring *restoring;
  GList *windows;

  g_return_if_fail (RG_IS_APPLICATION (self));
  g_return_if_fail (studio_path != NULL && backup_path != NULL);

  restoring = g_new0 (Restoring, 1);
  restoring->app = g_object_ref (self);
  restoring->studio = g_strdup (studio_path);
  restoring->backup = g_strdup (backup_path);

  /* Held until the restored studio's window (or the error) is up. */
  g_application_hold (G_APPLICATION (self));
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    {
      RgStudio *studio = NULL;

      if (!RG_IS_WINDOW (l->data))
        continue;
      g_object_get (l->data, "studio", &studio, NULL);
      if (studio && g_strcmp0 (rg_studio_get_path (studio), studio_path) == 0)
        gtk_window_destroy (GTK_WINDOW (l->data));
      g_clear_object (&studio);
    }
  g_list_free (windows);
  g_hash_table_remove (self->studios, studio_path);

  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, restore_when_closed_cb, restoring, NULL);
}

static void
studio_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  RgApplication *self = RG_APPLICATION (source);
  Opening *opening = data;
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = rg_application_open_studio_finish (self, result, &error);

  if (studio == NULL)
    {
      if (opening->cmdline)
        {
          g_application_command_line_printerr (opening->cmdline, "%s\n", error->message);
          g_application_command_line_set_exit_status (opening->cmdline, 1);
        }
      show_error_offering (self, error->message, job->path, job->good_backup, &job->good_info);
    }
  else
    {
      RgWindow *window = rg_window_new (self, studio, opening->demo);

      if (opening->quit_after_first_frame)
        rg_window_quit_after_first_frame (window);
      gtk_window_present (GTK_WINDOW (window));
      if (opening->restored)
        {
          g_autofree char *text = g_strdup_printf (_("Restored the backup of %s"), opening->restored);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "s", text);
        }
      if (!opening->demo && !opening->quit_after_first_frame)
        {
          rg_studio_check_async (studio, NULL, check_done_cb, g_object_ref (self));
          schedule_auto_backup (self, studio);
        }
    }
  g_clear_object (&opening->cmdline);
  g_free (opening->restored);
  g_free (opening);
  g_application_release (G_APPLICATION (self));
}

static void
open_studio_after_restore (RgApplication *self,
                           const char    *path,
                           const char    *restored)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->restored = g_strdup (restored);
  g_application_hold (G_APPLICATION (self));
  rg_application_open_studio_async (self, path, FALSE, studio_opened_cb, opening);
}

static void
open_studio (RgApplication           *self,
             const char              *path,
             gboolean                 demo,
             GApplicationCommandLine *cmdline,
             gboolean                 quit_after_first_frame)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->cmdline = cmdline ? g_object_ref (cmdline) : NULL;
  opening->demo = demo;
  opening->quit_after_first_frame = quit_after_first_frame;
  /* Held until the studio's window (or the error) is up. */
  g_application_hold (G_APPLICATION (self));
  rg_application_open_studio_async (self, path, demo, studio_opened_cb, opening);
}

static int
rg_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  RgApplication *self = RG_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, path);
      g_free (path);
      path = g_file_get_path (file);
    }

  g_debug ("Opening the studio");
  open_studio (self, path, g_variant_dict_contains (options, "demo"), cmdline,
               g_variant_dict_contains (options, "quit-after-first-frame"));
  return 0;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Regulars authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Regulars"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Regulars authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("The client book of a small studio: who your clients are, "
                                       "when they come, how they felt and whom to call today."),
                         "website", "https://github.com/regulars/regulars",
                         "issue-url", "https://github.com/regulars/regulars/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  open_studio (RG_APPLICATION (user_data), NULL, TRUE, NULL, FALSE);
}

/* From a reminder: the window, and the client's card. */
static void
open_client_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (!RG_IS_WINDOW (window))
    return;
  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-client", "x", g_variant_get_int64 (parameter));
}

static const GActionEntry app_actions[] = {
  { "open-client", open_client_activated, "x" },
  { "quit", quit_activated },
  { "open-demo", open_demo_activated },
  { "about", about_activated },
};

/* The style switch ---------------------------------------------------------
 *
 * Follow the system, light or dark, as GNOME Text Editor offers it; saved
 * in GSettings. Without the compiled schema (an uninstalled build) the
 * switch still works for the session. */

static void
apply_style (const char *style)
{
  AdwColorScheme scheme = g_strcmp0 (style, "light") == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                        : g_strcmp0 (style, "dark") == 0 ? ADW_COLOR_SCHEME_FORCE_DARK
                        : ADW_COLOR_SCHEME_DEFAULT;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
style_setting_changed_cb (GSettings  *settings,
                          const char *key)
{
  g_autofree char *style = g_settings_get_string (settings, key);

  apply_style (style);
}

static void
style_change_state_cb (GSimpleAction *action,
                       GVariant      *state)
{
  const char *style = g_variant_get_string (state, NULL);

  if (g_strcmp0 (style, "system") != 0 && g_strcmp0 (style, "light") != 0 && g_strcmp0 (style, "dark") != 0)
    return;
  g_simple_action_set_state (action, state);
  apply_style (style);
}

static void
setup_style (RgApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GAction) action = NULL;

  if (schema && g_settings_schema_has_key (schema, "style"))
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      action = g_settings_create_action (self->settings, "style");
      g_signal_connect (self->settings, "changed::style", G_CALLBACK (style_setting_changed_cb), NULL);
      style_setting_changed_cb (self->settings, "style");
    }
  else
    {
      action = G_ACTION (g_simple_action_new_stateful ("style", G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string ("system")));
      g_signal_connect (action, "change-state", G_CALLBACK (style_change_state_cb), NULL);
    }
  g_action_map_add_action (G_ACTION_MAP (self), action);
}

static void
rg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", "F1", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *studio_accels[] = { "<Control>comma", NULL };

  g_debug ("Starting up");
  G_APPLICATION_CLASS (rg_application_parent_class)->startup (app);
  rg_accessible_init ();
  rg_spin_wheel_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  setup_style (RG_APPLICATION (app));
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-shortcuts", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.studio", studio_accels);
}

/* On quitting: the day's automatic backup of each studio still open, when
 * none was made in the last day (only then is there anything to wait for). */
static void
rg_application_shutdown (GApplication *app)
{
  RgApplication *self = RG_APPLICATION (app);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "regulars", NULL);
  GHashTableIter iter;
  gpointer studio;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_hash_table_iter_init (&iter, self->studios);
  while (g_hash_table_iter_next (&iter, NULL, &studio))
    {
      const char *path = rg_studio_get_path (studio);
      g_autofree char *due = NULL;
      g_autoptr(GError) error = NULL;

      /* Not the demo (in the cache), nor a studio that stopped saving. */
      if (path == NULL || g_str_has_prefix (path, cache) || rg_studio_get_read_only (studio))
        continue;
      due = rg_backup_auto_due (path, now);
      if (due && !rg_studio_auto_backup (studio, now, NULL, &error))
        g_warning ("No automatic backup of %s: %s", path, error->message);
    }

  G_APPLICATION_CLASS (rg_application_parent_class)->shutdown (app);
}

static void
rg_application_finalize (GObject *object)
{
  RgApplication *self = RG_APPLICATION (object);

  g_clear_pointer (&self->studios, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rg_application_parent_class)->finalize (object);
}

static void
rg_application_class_init (RgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rg_application_finalize;

  app_class->handle_local_options = rg_application_handle_local_options;
  app_class->command_line = rg_application_command_line;
  app_class->startup = rg_application_startup;
  app_class->shutdown = rg_application_shutdown;
}

static void
rg_application_init (RgApplication *self)
{
  self->studios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->progress_delay_ms = PROGRESS_DELAY_MS;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The client book of a small studio."));
}

/* Called first thing in main(). glibc raises its threshold for serving an
 * allocation by its own mapping to the size of the largest one freed (up
 * to 32 MB): after the first count of a large studio had freed its 16 MB
 * arrays, the next ones were carved from the worker threads' arenas and
 * their space stayed with the process, some 65 MB of it free. A fixed
 * threshold gives every large array back to the system when it is freed. */
void
rg_application_tune_memory (void)
{
#ifdef M_MMAP_THRESHOLD
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

RgApplication *
rg_application_new (void)
{
  return g_object_new (RG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

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
#include <glib/gstdio.h>
#include <stdio.h>

#include "io/rg-generator.h"
#include "io/rg-report.h"
#include "rg-application.h"
#include "rg-window.h"

struct _RgApplication
{
  AdwApplication  parent_instance;

  GHashTable     *studios;   /* database path -> RgStudio */
};

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
    N_("Print the figures of a report (satisfaction, retention) and exit"), N_("KIND") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report retention: the day the figures are seen from, YYYY-MM-DD (today)"), N_("DATE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: the first day, YYYY-MM-DD (the first of this month)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: the last day, YYYY-MM-DD (today)"), N_("DATE") },
  { "staff", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --report: only this master's visits"), N_("ID") },
  { "service", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --report: only visits with this service"), N_("ID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --report: print JSON for scripts"), NULL },
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
                                           rg_store_latest_version ());

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

RgStudio *
rg_application_open_studio (RgApplication  *self,
                            const char     *path,
                            gboolean        demo,
                            GError        **error)
{
  g_autofree char *resolved = NULL;
  g_autoptr(RgStore) store = NULL;
  RgStudio *studio;

  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);

  if (demo)
    resolved = ensure_demo (error);
  else if (path)
    resolved = g_canonicalize_filename (path, NULL);
  else
    resolved = rg_store_default_path ();
  if (resolved == NULL)
    return NULL;

  if ((studio = g_hash_table_lookup (self->studios, resolved)))
    return g_object_ref (studio);

  store = rg_store_open (resolved, RG_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return NULL;

  studio = rg_studio_new (store);
  g_hash_table_insert (self->studios, g_strdup (resolved), g_object_ref (studio));
  return studio;
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
  return 0;
}

/* `--report`: reads the studio (--database, --demo or the user's own)
 * without creating it, prints, and exits without a display. */
static int
report (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  RgReportOptions opts = { 0 };
  const char *kind = NULL;

  g_variant_dict_lookup (options, "report", "&s", &kind);
  g_variant_dict_lookup (options, "from", "&s", &opts.from);
  g_variant_dict_lookup (options, "to", "&s", &opts.to);
  g_variant_dict_lookup (options, "as-of", "&s", &opts.as_of);
  g_variant_dict_lookup (options, "staff", "x", &opts.staff_id);
  g_variant_dict_lookup (options, "service", "x", &opts.service_id);
  opts.json = g_variant_dict_contains (options, "json");

  if (g_variant_dict_contains (options, "demo"))
    path = ensure_demo (&error);
  else if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      char *canonical = g_canonicalize_filename (path, NULL);
      g_free (path);
      path = canonical;
    }
  else
    path = rg_store_default_path ();

  if (path != NULL)
    store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  if (store != NULL)
    output = rg_report_run (store, kind, &opts, &error);
  if (output == NULL)
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

  if (!g_variant_dict_contains (options, "report") &&
      (g_variant_dict_contains (options, "from") ||
       g_variant_dict_contains (options, "to") ||
       g_variant_dict_contains (options, "staff") ||
       g_variant_dict_contains (options, "service") ||
       g_variant_dict_contains (options, "json") ||
       g_variant_dict_contains (options, "as-of")))
    {
      g_printerr (_("--from, --to, --as-of, --staff, --service and --json go with --report.\n"));
      return 2;
    }

  if (generating)
    return generate (options);

  if (g_variant_dict_contains (options, "report"))
    return report (options);

  return -1;
}

static void
show_error (RgApplication *self,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Studio Could Not Be Opened"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
rg_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  RgApplication *self = RG_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autofree char *path = NULL;
  gboolean demo = g_variant_dict_contains (options, "demo");
  RgWindow *window;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, path);
      g_free (path);
      path = g_file_get_path (file);
    }

  g_debug ("Opening the studio");
  studio = rg_application_open_studio (self, path, demo, &error);
  if (studio == NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n", error->message);
      show_error (self, error->message);
      return 1;
    }

  window = rg_window_new (self, studio, demo);
  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    rg_window_quit_after_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));

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
  RgApplication *self = RG_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = rg_application_open_studio (self, NULL, TRUE, &error);

  if (studio == NULL)
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (rg_window_new (self, studio, TRUE)));
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

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-shortcuts", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.studio", studio_accels);
}

static void
rg_application_finalize (GObject *object)
{
  RgApplication *self = RG_APPLICATION (object);

  g_clear_pointer (&self->studios, g_hash_table_unref);

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
}

static void
rg_application_init (RgApplication *self)
{
  self->studios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The client book of a small studio."));
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

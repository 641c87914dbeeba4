/* main.c — starts Regulars.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "regulars"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "widgets/rg-application.h"

/* Run from the build folder (make run, tests, screenshots), use the
 * translations and settings schema built there. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RgApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  rg_application_tune_memory ();

  if (running_uninstalled ())
    {
      localedir = BUILD_ROOT "/po";
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT "/data", FALSE);
    }

  /* A locale the C library lacks (LANG=ru_RU.UTF-8 on a system without it)
   * would leave the "C" locale, where gettext ignores LANGUAGE: fall back to
   * C.UTF-8 instead, and keep GTK from resetting it. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

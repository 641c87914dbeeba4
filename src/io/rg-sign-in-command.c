/* rg-sign-in-command.c — the command line signs in before it exports,
 * reports or imports (see rg-sign-in-command.h).
 *
 * The PIN file must be the user's alone, as ssh wants of a private key: it
 * holds a director's PIN, which opens every client's phone to an export, so
 * a file every account on the computer can read is refused rather than
 * used (the fix is one chmod). At a terminal the PIN is asked without echo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rg-sign-in-command.h"
#include "model/rg-roles.h"
#include "util/rg-text.h"

/* The first line of @text, without its end, when it is a PIN. */
static char *
first_line_pin (const char  *text,
                const char  *shown,
                GError     **error)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\r\n"));

  g_strstrip (line);
  if (!rg_pin_is_valid (line))
    {
      g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                   /* Translators: %s is a file name, or "standard input" */
                   _("The first line of %s is not a PIN (4 to 8 digits)."), shown);
      return NULL;
    }
  return g_steal_pointer (&line);
}

char *
rg_sign_in_read_pin_file (const char  *path,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_strcmp0 (path, "-") == 0)
    {
      char buffer[64] = "";

      if (fgets (buffer, sizeof buffer, stdin) == NULL)
        buffer[0] = '\0';
      return first_line_pin (buffer, _("standard input"), error);
    }

  shown = g_filename_display_name (path);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s (1) is a file name, %s (2) why it cannot be read */
                   _("The PIN file %s cannot be read: %s."), shown, g_strerror (saved));
      return NULL;
    }
  if ((st.st_mode & (S_IRGRP | S_IROTH)) != 0)
    {
      g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED,
                   /* Translators: %s is a file name, twice; chmod 600 is a command, keep it */
                   _("The PIN file %s can be read by other accounts on this computer. "
                     "Make it yours alone (chmod 600 %s) and try again."), shown, shown);
      return NULL;
    }
  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  return first_line_pin (text, shown, error);
}

/* Asking at the terminal ----------------------------------------------------- */

static struct termios saved_termios;
static volatile sig_atomic_t echo_off;

static void
restore_echo (void)
{
  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
      echo_off = 0;
    }
}

/* Ctrl+C at the prompt gives the terminal its echo back. */
static void
interrupted (int signum)
{
  restore_echo ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static char *
ask_pin (const char  *prompt,
         GError     **error)
{
  struct termios quiet;
  struct sigaction action = { 0 }, old_int, old_term;
  char buffer[64] = "";
  gboolean got;

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_FAILED,
                           _("The PIN cannot be asked at this terminal: give it with --pin-file FILE."));
      return NULL;
    }
  action.sa_handler = interrupted;
  sigaction (SIGINT, &action, &old_int);
  sigaction (SIGTERM, &action, &old_term);
  quiet = saved_termios;
  quiet.c_lflag &= ~(tcflag_t) (ECHO | ECHONL);
  quiet.c_lflag |= ICANON;
  echo_off = 1;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);

  fputs (prompt, stderr);
  fflush (stderr);
  got = fgets (buffer, sizeof buffer, stdin) != NULL;
  restore_echo ();
  fputc ('\n', stderr);
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);

  if (!got)
    buffer[0] = '\0';
  buffer[strcspn (buffer, "\r\n")] = '\0';
  g_strstrip (buffer);
  if (!rg_pin_is_valid (buffer))
    {
      explicit_bzero (buffer, sizeof buffer);
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID, _("A PIN is 4 to 8 digits."));
      return NULL;
    }
  {
    char *pin = g_strdup (buffer);

    explicit_bzero (buffer, sizeof buffer);
    return pin;
  }
}

/* Whose profile ---------------------------------------------------------------- */

/* @as as --staff takes it: a name in any case, a part of it that only one
 * profile's name has, or its number; NULL: the one director. */
static const RgProfile *
choose (GArray      *profiles,
        const char  *as,
        GError     **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) candidates = g_string_new (NULL);
  g_autofree char *wanted = as ? rg_text_sort_key (as) : NULL;
  const RgProfile *found = NULL;
  guint n_found = 0;

  for (guint i = 0; i < profiles->len; i++)
    {
      const RgProfile *profile = &g_array_index (profiles, RgProfile, i);
      g_autofree char *folded = rg_text_sort_key (profile->name);
      gboolean exact;

      /* Translators: a staff member and their role, as in "Anna Smirnova (director)" */
      g_string_append_printf (names, names->len ? _(", %s (%s)") : _("%s (%s)"), profile->name,
                              rg_role_to_string (profile->role));
      if (as == NULL)
        {
          if (profile->role == RG_ROLE_DIRECTOR)
            {
              found = profile;
              n_found++;
              g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "", profile->name);
            }
          continue;
        }
      exact = rg_text_all_digits (as) ? profile->staff_id == g_ascii_strtoll (as, NULL, 10)
                              : g_strcmp0 (folded, wanted) == 0;
      if (exact)
        return profile;
      if (!rg_text_all_digits (as) && *wanted && strstr (folded, wanted))
        {
          found = profile;
          n_found++;
          g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "", profile->name);
        }
    }
  if (n_found == 1)
    return found;
  if (as == NULL)
    g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                 /* Translators: %s is a list of names */
                 _("This studio has several directors (%s): choose one with --as NAME."),
                 candidates->len ? candidates->str : "—");
  else if (n_found > 1)
    g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                 /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                 _("%s “%s” could be any of: %s. Type more of the name."), "--as", as, candidates->str);
  else
    g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_NOT_FOUND,
                 /* Translators: "--as" “Olga” has no profile in this studio. Profiles: Anna Smirnova (director), ... */
                 _("%s “%s” has no profile in this studio. Profiles: %s."), "--as", as,
                 names->len ? names->str : "—");
  return NULL;
}

gboolean
rg_sign_in_command_run (RgStudio               *studio,
                        const RgSignInCommand  *command,
                        GError                **error)
{
  g_autoptr(GArray) profiles = NULL;
  g_autofree char *pin = NULL;
  const RgProfile *profile;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);

  if (!rg_studio_has_profiles (studio))
    return TRUE;
  if ((profiles = rg_studio_list_profiles (studio, error)) == NULL)
    return FALSE;
  if ((profile = choose (profiles, command->as, error)) == NULL)
    goto refused;

  if (command->trusted)
    return rg_studio_sign_in_trusted (studio, profile->staff_id, error);

  if (command->pin_file != NULL)
    pin = rg_sign_in_read_pin_file (command->pin_file, error);
  else if (!command->no_prompt && isatty (STDIN_FILENO))
    {
      g_autofree char *prompt = command->as == NULL ? g_strdup (_("Director’s PIN: "))
                                                    /* Translators: the prompt for a staff member's PIN */
                                                    : g_strdup_printf (_("PIN of %s: "), profile->name);

      pin = ask_pin (prompt, error);
    }
  else
    g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED,
                         _("This studio has staff profiles: --export, --report and --import need a director’s PIN. "
                           "Give it in a file only you can read with --pin-file FILE, or run the command at a "
                           "terminal to be asked."));
  if (pin == NULL)
    goto refused;

  if (!rg_studio_sign_in (studio, profile->staff_id, pin, error))
    {
      explicit_bzero (pin, strlen (pin));
      /* Translators: %s is a staff member's name; what follows says why */
      g_prefix_error (error, _("%s cannot sign in: "), profile->name);
      return FALSE;
    }
  explicit_bzero (pin, strlen (pin));
  return TRUE;

refused:
  /* Nobody signed in: the attempt is in the log, as any refusal. */
  rg_studio_allowed (studio, command->action, 0, 0, NULL);
  return FALSE;
}

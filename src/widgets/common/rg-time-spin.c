/* rg-time-spin.c — spin buttons that show minutes as h:mm.
 *
 * The adjustment counts minutes; the button shows and reads "h:mm". A plain
 * number typed into a clock is hours ("10" is 10:00, "930" is 9:30), into a
 * length it is minutes ("90" is 1:30).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-time-spin"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rg-time-spin.h"

#define KIND_KEY "rg-time-spin-kind"

char *
rg_time_spin_format (int            minutes,
                     RgTimeSpinKind kind)
{
  minutes = MAX (minutes, 0);
  if (kind == RG_TIME_SPIN_CLOCK)
    return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
  return g_strdup_printf ("%d:%02d", minutes / 60, minutes % 60);
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
rg_time_spin_parse (const char     *text,
                    RgTimeSpinKind  kind,
                    int            *minutes)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *sep = strpbrk (copy, ":.,h");
  gsize len = strlen (copy);

  if (sep)
    {
      gsize head = sep - copy;
      const char *tail = sep + 1;
      gsize tail_len = strlen (tail);
      int h, m;

      if (!all_digits (copy, head) || head > 2)
        return FALSE;
      if (tail_len == 0)
        m = 0;
      else if (tail_len == 2 && all_digits (tail, 2))
        m = atoi (tail);
      else
        return FALSE;
      h = atoi (copy);
      if (m >= 60)
        return FALSE;
      *minutes = h * 60 + m;
      return TRUE;
    }

  if (!all_digits (copy, len) || len > 4)
    return FALSE;

  if (kind == RG_TIME_SPIN_DURATION)
    *minutes = atoi (copy);
  else if (len <= 2)
    *minutes = atoi (copy) * 60;
  else
    {
      int value = atoi (copy);

      if (value % 100 >= 60)
        return FALSE;
      *minutes = value / 100 * 60 + value % 100;
    }

  return TRUE;
}

static gboolean
output_cb (GtkSpinButton *spin,
           gpointer       user_data)
{
  RgTimeSpinKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), KIND_KEY));
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = rg_time_spin_format (minutes, kind);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
input_cb (GtkSpinButton *spin,
          double        *new_value,
          gpointer       user_data)
{
  RgTimeSpinKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), KIND_KEY));
  int minutes;

  if (!rg_time_spin_parse (gtk_editable_get_text (GTK_EDITABLE (spin)), kind, &minutes))
    return GTK_INPUT_ERROR;

  *new_value = minutes;
  return TRUE;
}

/* Makes @spin show its adjustment's minutes as h:mm. */
void
rg_time_spin_setup (GtkSpinButton  *spin,
                    RgTimeSpinKind  kind)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  g_object_set_data (G_OBJECT (spin), KIND_KEY, GINT_TO_POINTER (kind));
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (spin), 5);
  g_signal_connect (spin, "output", G_CALLBACK (output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (input_cb), NULL);
  output_cb (spin, NULL);
}

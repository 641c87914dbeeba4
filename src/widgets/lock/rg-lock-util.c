/* rg-lock-util.c — a digits-only PIN entry and a colour dot.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-lock"

#include "config.h"

#include <string.h>

#include "rg-lock-util.h"

#define PIN_MAX 8

static void
insert_text_cb (GtkEditable *delegate,
                const char  *text,
                int          length,
                int         *position,
                gpointer     data)
{
  const char *end;
  int have = g_utf8_strlen (gtk_editable_get_text (delegate), -1);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  for (const char *p = text; p < end; p++)
    if (!g_ascii_isdigit (*p))
      {
        gtk_widget_error_bell (GTK_WIDGET (delegate));
        g_signal_stop_emission_by_name (delegate, "insert-text");
        return;
      }
  if (have + length > PIN_MAX)
    {
      gtk_widget_error_bell (GTK_WIDGET (delegate));
      g_signal_stop_emission_by_name (delegate, "insert-text");
    }
}

void
rg_lock_digits_only (GtkEditable *editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (editable);

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  /* An AdwEntryRow's delegate is its GtkText; a GtkPasswordEntry's too. */
  while (delegate && gtk_editable_get_delegate (delegate))
    delegate = gtk_editable_get_delegate (delegate);
  if (delegate == NULL)
    delegate = editable;
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_input_purpose (GTK_TEXT (delegate), GTK_INPUT_PURPOSE_PIN);
  g_signal_connect (delegate, "insert-text", G_CALLBACK (insert_text_cb), NULL);
}

GtkWidget *
rg_lock_dot_new (const char *color,
                 int         size)
{
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *css = NULL;
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    color = "#999999";
  /* Each dot its own colour: a provider of its own (no CSS var() on GTK 4.8). */
  css = g_strdup_printf ("box { background-color: %s; border-radius: 9999px; min-width: %dpx; min-height: %dpx; }",
                         color, size, size);
  gtk_css_provider_load_from_data (provider, css, -1);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (dot), GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_add_css_class (dot, "staff-dot");
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  return dot;
}

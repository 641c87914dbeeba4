/* rg-score-buttons.c — a row of linked toggle buttons for a score: faces
 * with numbers for the rating, plain numbers for 0–10 and 1–10.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-rating-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-score-buttons.h"

/* A row of linked toggle buttons, one of which may be active. */
GtkWidget *
rg_score_buttons_new (int                 from,
                      int                 to,
                      GtkWidget         **buttons,
                      const char * const *icons,
                      const char * const *tips)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, icons ? 6 : 0);
  GtkToggleButton *group = NULL;

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "rating-scale");
  if (!icons)
    gtk_widget_add_css_class (box, "linked");
  for (int v = from; v <= to; v++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *number = g_strdup_printf ("%d", v);

      if (icons)
        {
          GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *image = gtk_image_new_from_icon_name (icons[v - from]);

          gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
          gtk_box_append (GTK_BOX (inner), image);
          gtk_box_append (GTK_BOX (inner), gtk_label_new (number));
          gtk_button_set_child (GTK_BUTTON (button), inner);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "rating-face");
        }
      else
        gtk_button_set_label (GTK_BUTTON (button), number);

      if (tips)
        {
          g_autofree char *tip = g_strdup_printf ("%d — %s", v, _(tips[v - from]));
          gtk_widget_set_tooltip_text (button, tip);
        }
      if (group)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (v));
      buttons[v - from] = button;
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

int
rg_score_buttons_get (GtkWidget **buttons,
                      guint       n)
{
  for (guint i = 0; i < n; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[i])))
      return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (buttons[i]), "value"));
  return -1;
}

void
rg_score_buttons_set (GtkWidget **buttons,
                      guint       n,
                      int         from,
                      int         value)
{
  for (guint i = 0; i < n; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[i]), (int) i + from == value);
}

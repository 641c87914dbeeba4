/* rg-calendar-draw.c — drawing and card helpers the calendar views
 * (day, week, month) share: the theme's named colours (libadwaita's, so
 * dark mode follows), one line of text, and the cards' details. The
 * scrolling of the day and the week is RgTimeGrid's.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-calendar"

#include "config.h"

#include "rg-calendar-draw.h"

/* Whether the theme in effect is dark: its text is light. Asked of the
 * colours themselves, not of AdwStyleManager, so that a dark GTK theme
 * chosen with GTK_THEME (which the style manager does not know about)
 * draws dark too. */
gboolean
rg_calendar_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

/* libadwaita's colours, the names GTK's own themes give the same roles,
 * and libadwaita's light and dark values for a theme that has neither. */
static const struct {
  const char *name;
  const char *gtk_name;
  const char *light;
  const char *dark;
} known_colors[] = {
  { "view_bg_color", "theme_base_color", "#ffffff", "#1e1e1e" },
  { "window_bg_color", "theme_bg_color", "#fafafa", "#242424" },
  { "view_fg_color", "theme_text_color", "#000000", "#ffffff" },
  { "window_fg_color", "theme_fg_color", "#000000", "#ffffff" },
  { "accent_bg_color", "theme_selected_bg_color", "#3584e4", "#3584e4" },
  { "accent_fg_color", "theme_selected_fg_color", "#ffffff", "#ffffff" },
  { "accent_color", "theme_selected_bg_color", "#1c71d8", "#78aeed" },
  { "destructive_color", "error_color", "#e01b24", "#ff7b63" },
  { "warning_color", "warning_color", "#9c6e03", "#f8e45c" },
  { "success_color", "success_color", "#1b8553", "#8ff0a4" },
};

/* A colour of the theme (view_bg_color, accent_color...): libadwaita's, or
 * what a GTK theme calls it, or libadwaita's own value for the light or
 * dark the theme is; @fallback for a name not known here. */
GdkRGBA
rg_calendar_named_color (GtkWidget  *widget,
                         const char *name,
                         const char *fallback)
{
  GtkStyleContext *context;
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (gtk_style_context_lookup_color (context, name, &color))
    return color;
  for (guint i = 0; i < G_N_ELEMENTS (known_colors); i++)
    if (g_str_equal (known_colors[i].name, name))
      {
        if (!gtk_style_context_lookup_color (context, known_colors[i].gtk_name, &color))
          gdk_rgba_parse (&color, rg_calendar_is_dark (widget) ? known_colors[i].dark : known_colors[i].light);
        return color;
      }
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_rgba_parse (&color, fallback);
  return color;
}

GdkRGBA
rg_calendar_with_alpha (GdkRGBA color,
                        double  alpha)
{
  color.alpha *= alpha;
  return color;
}

/* One line at (@x, @y), ellipsized to @max_width when it is positive. */
void
rg_calendar_draw_text (GtkWidget   *widget,
                       GtkSnapshot *snapshot,
                       const char  *text,
                       double       x,
                       double       y,
                       double       max_width,
                       gboolean     bold,
                       GdkRGBA      color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Whether @text fits on one line of @max_width. */
gboolean
rg_calendar_text_fits (GtkWidget  *widget,
                       const char *text,
                       double      max_width,
                       gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width <= max_width;
}

/* @text on up to @lines lines of @max_width, wrapped at words, the last
 * ellipsized: a master's name in a narrow column ("Василиса" over
 * "Попова" rather than "Василиса П…"). */
void
rg_calendar_draw_text_lines (GtkWidget   *widget,
                             GtkSnapshot *snapshot,
                             const char  *text,
                             double       x,
                             double       y,
                             double       max_width,
                             int          lines,
                             gboolean     bold,
                             GdkRGBA      color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_set_width (layout, (int) (MAX (1, max_width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Unparents every card widget in @cards (values) and empties the table. */
void
rg_calendar_unparent_cards (GHashTable *cards)
{
  GHashTableIter iter;
  gpointer card;

  if (cards == NULL)
    return;
  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    {
      gtk_widget_unparent (card);
      g_hash_table_iter_remove (&iter);
    }
}

/* Replaces *@details with those of @list's range, as the views' cards
 * need them after the list changed; a failure is logged and leaves none. */
void
rg_calendar_load_details (RgAppointmentList     *list,
                          RgAppointmentDetails **details)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (details, rg_appointment_details_free);
  *details = rg_appointment_list_load_details (list, &error);
  if (*details == NULL)
    g_warning ("Could not read the appointments' details: %s", error->message);
}

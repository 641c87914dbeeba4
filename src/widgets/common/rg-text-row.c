/* rg-text-row.c — a preferences row for a text of several lines.
 *
 * AdwEntryRow is one line: a long medical note showed only its end. This
 * row shows the whole text, wrapped, under its title, and is edited in
 * place like an entry row: a Save button appears once the text differs
 * from what was set, and Ctrl+Enter does the same ("apply"). Enter makes
 * a new line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-text-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-text-row.h"

struct _RgTextRow
{
  AdwPreferencesRow  parent_instance;

  GtkWidget         *box;
  GtkWidget         *title_label;
  GtkTextView       *view;
  GtkWidget         *apply_button;
  char              *saved;          /* the text as last set */
  gboolean           setting;
};

G_DEFINE_FINAL_TYPE (RgTextRow, rg_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
current_text (RgTextRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
changed_cb (RgTextRow *self)
{
  g_autofree char *text = NULL;

  if (self->setting)
    return;
  text = current_text (self);
  gtk_widget_set_visible (self->apply_button, g_strcmp0 (text, self->saved ? self->saved : "") != 0);
}

static void
apply (RgTextRow *self)
{
  g_autofree char *text = current_text (self);

  g_free (self->saved);
  self->saved = g_steal_pointer (&text);
  gtk_widget_set_visible (self->apply_button, FALSE);
  g_signal_emit (self, signals[APPLY], 0);
}

static gboolean
apply_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  RgTextRow *self = RG_TEXT_ROW (user_data);

  if (!gtk_widget_get_visible (self->apply_button))
    return FALSE;
  apply (self);
  return TRUE;
}

static void
title_changed_cb (RgTextRow *self)
{
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
rg_text_row_dispose (GObject *object)
{
  RgTextRow *self = RG_TEXT_ROW (object);

  g_clear_pointer (&self->saved, g_free);
  G_OBJECT_CLASS (rg_text_row_parent_class)->dispose (object);
}

static void
rg_text_row_class_init (RgTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_text_row_dispose;

  /**
   * RgTextRow::apply:
   *
   * The text was saved by its button or Ctrl+Enter.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
}

static void
rg_text_row_init (RgTextRow *self)
{
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 8);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "caption");
  gtk_widget_add_css_class (self->title_label, "dim-label");
  gtk_box_append (GTK_BOX (head), self->title_label);

  self->apply_button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_tooltip_text (self->apply_button, _("Save (Ctrl+Enter)"));
  gtk_widget_add_css_class (self->apply_button, "flat");
  gtk_widget_add_css_class (self->apply_button, "circular");
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_valign (self->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->apply_button, FALSE);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply), self);
  gtk_box_append (GTK_BOX (head), self->apply_button);
  gtk_box_append (GTK_BOX (self->box), head);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "inline");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title_label, NULL, -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed", G_CALLBACK (changed_cb), self);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (apply_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->view), shortcuts);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

/* Shows @text (NULL: none) as the saved text; nothing to save after. */
void
rg_text_row_set_text (RgTextRow  *self,
                      const char *text)
{
  g_return_if_fail (RG_IS_TEXT_ROW (self));

  g_free (self->saved);
  self->saved = g_strdup (text ? text : "");
  self->setting = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), self->saved, -1);
  self->setting = FALSE;
  gtk_widget_set_visible (self->apply_button, FALSE);
}

/* The text as it is in the field now. */
char *
rg_text_row_get_text (RgTextRow *self)
{
  g_return_val_if_fail (RG_IS_TEXT_ROW (self), NULL);
  return current_text (self);
}

GtkTextView *
rg_text_row_get_view (RgTextRow *self)
{
  g_return_val_if_fail (RG_IS_TEXT_ROW (self), NULL);
  return self->view;
}

/* rg-staff-row.c — a staff member in the Studio window.
 *
 * The calendar colour as a dot, the name, the role and phone; buttons to
 * move the person left or right in the calendar's column order, or to bring
 * an archived person back. Activating the row opens the editor. The row
 * follows the record live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-staff-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-staff-row.h"

struct _RgStaffRow
{
  AdwActionRow    parent_instance;

  RgStaff        *staff;
  gulong          notify_id;

  GtkDrawingArea *swatch;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *restore_button;
};

G_DEFINE_FINAL_TYPE (RgStaffRow, rg_staff_row, ADW_TYPE_ACTION_ROW)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  RgStaffRow *self = user_data;
  GdkRGBA color, border;
  double radius = MIN (width, height) / 2.0;

  if (self->staff == NULL || !gdk_rgba_parse (&color, rg_staff_get_color (self->staff)))
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &border);
  border.alpha *= 0.2;

  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
update (RgStaffRow *self)
{
  RgStaff *staff = self->staff;
  const char *phone = rg_staff_get_phone (staff);
  const char *role = rg_staff_role_to_label (rg_staff_get_role (staff));
  gboolean archived = rg_staff_get_archived (staff);
  GVariant *target = g_variant_new_int64 (rg_record_get_id (RG_RECORD (staff)));
  g_autofree char *subtitle = NULL;

  if (phone && *phone)
    /* Translators: a staff member's role and phone, as in "Master · +7 900 000-00-00" */
    subtitle = g_strdup_printf (_("%s · %s"), role, phone);
  else
    subtitle = g_strdup (role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rg_staff_get_display_name (staff));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  g_variant_ref_sink (target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "studio.edit-staff");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->restore_button), target);
  g_variant_unref (target);

  gtk_widget_set_visible (self->up_button, !archived);
  gtk_widget_set_visible (self->down_button, !archived);
  gtk_widget_set_visible (self->restore_button, archived);

  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));
}

/* The move buttons are not actionable: their sensitivity says whether the
 * row is first or last, which an action's enabled state would override. */
static void
up_clicked_cb (RgStaffRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "studio.move-staff-up", "x",
                              rg_record_get_id (RG_RECORD (self->staff)));
}

static void
down_clicked_cb (RgStaffRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "studio.move-staff-down", "x",
                              rg_record_get_id (RG_RECORD (self->staff)));
}

static void
staff_notify_cb (RgStaffRow *self)
{
  update (self);
}

RgStaff *
rg_staff_row_get_staff (RgStaffRow *self)
{
  g_return_val_if_fail (RG_IS_STAFF_ROW (self), NULL);
  return self->staff;
}

/* Whether the person can move up (earlier in the calendar) or down. */
void
rg_staff_row_set_can_move (RgStaffRow *self,
                           gboolean    up,
                           gboolean    down)
{
  g_return_if_fail (RG_IS_STAFF_ROW (self));

  gtk_widget_set_sensitive (self->up_button, up);
  gtk_widget_set_sensitive (self->down_button, down);
}

static void
rg_staff_row_dispose (GObject *object)
{
  RgStaffRow *self = RG_STAFF_ROW (object);

  if (self->staff)
    g_clear_signal_handler (&self->notify_id, self->staff);
  g_clear_object (&self->staff);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_STAFF_ROW);

  G_OBJECT_CLASS (rg_staff_row_parent_class)->dispose (object);
}

static void
rg_staff_row_class_init (RgStaffRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_staff_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-staff-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RgStaffRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, RgStaffRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffRow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
}

static void
rg_staff_row_init (RgStaffRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
}

GtkWidget *
rg_staff_row_new (RgStaff *staff)
{
  RgStaffRow *self;

  g_return_val_if_fail (RG_IS_STAFF (staff), NULL);

  self = g_object_new (RG_TYPE_STAFF_ROW, NULL);
  self->staff = g_object_ref (staff);
  self->notify_id = g_signal_connect_swapped (staff, "notify", G_CALLBACK (staff_notify_cb), self);
  update (self);
  return GTK_WIDGET (self);
}

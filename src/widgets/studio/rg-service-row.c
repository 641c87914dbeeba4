/* rg-service-row.c — a service in the Studio window.
 *
 * The name, then how long it takes and when a client is due again, with
 * the price on the right; an archived service has a button to offer it
 * again. Activating the row opens the editor. Follows the record live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-service-row"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "rg-service-row.h"

struct _RgServiceRow
{
  AdwActionRow  parent_instance;

  RgService    *service;
  gulong        notify_id;

  GtkLabel     *price_label;
  GtkWidget    *restore_button;
};

G_DEFINE_FINAL_TYPE (RgServiceRow, rg_service_row, ADW_TYPE_ACTION_ROW)

/* "45 min", "1 h", "1 h 30 min". */
char *
rg_service_row_format_duration (int minutes)
{
  int h = minutes / 60, m = minutes % 60;

  if (h == 0)
    /* Translators: a length in minutes */
    return g_strdup_printf (_("%d min"), m);
  if (m == 0)
    /* Translators: a length in whole hours */
    return g_strdup_printf (_("%d h"), h);
  /* Translators: a length in hours and minutes */
  return g_strdup_printf (_("%d h %d min"), h, m);
}

static void
update (RgServiceRow *self)
{
  RgService *service = self->service;
  int repeat = rg_service_get_repeat_days (service);
  gboolean archived = rg_service_get_archived (service);
  GVariant *target = g_variant_new_int64 (rg_record_get_id (RG_RECORD (service)));
  g_autofree char *duration = rg_service_row_format_duration (rg_service_get_duration_minutes (service));
  g_autofree char *price = rg_format_price (rg_service_get_price (service));
  g_autofree char *subtitle = NULL;

  if (repeat > 0)
    {
      g_autofree char *every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "again in %d day",
                                                             "again in %d days", repeat),
                                                repeat);
      /* Translators: a service's length and repeat interval, as in "1 h 30 min · again in 28 days" */
      subtitle = g_strdup_printf (_("%s · %s"), duration, every);
    }
  else
    subtitle = g_strdup (duration);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rg_service_get_name (service));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (self->price_label, price);

  g_variant_ref_sink (target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "studio.edit-service");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->restore_button), target);
  g_variant_unref (target);

  gtk_widget_set_visible (self->restore_button, archived);
}

static void
service_notify_cb (RgServiceRow *self)
{
  update (self);
}

RgService *
rg_service_row_get_service (RgServiceRow *self)
{
  g_return_val_if_fail (RG_IS_SERVICE_ROW (self), NULL);
  return self->service;
}

static void
rg_service_row_dispose (GObject *object)
{
  RgServiceRow *self = RG_SERVICE_ROW (object);

  if (self->service)
    g_clear_signal_handler (&self->notify_id, self->service);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_SERVICE_ROW);

  G_OBJECT_CLASS (rg_service_row_parent_class)->dispose (object);
}

static void
rg_service_row_class_init (RgServiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_service_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-service-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RgServiceRow, price_label);
  gtk_widget_class_bind_template_child (widget_class, RgServiceRow, restore_button);
}

static void
rg_service_row_init (RgServiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rg_service_row_new (RgService *service)
{
  RgServiceRow *self;

  g_return_val_if_fail (RG_IS_SERVICE (service), NULL);

  self = g_object_new (RG_TYPE_SERVICE_ROW, NULL);
  self->service = g_object_ref (service);
  self->notify_id = g_signal_connect_swapped (service, "notify", G_CALLBACK (service_notify_cb), self);
  update (self);
  return GTK_WIDGET (self);
}

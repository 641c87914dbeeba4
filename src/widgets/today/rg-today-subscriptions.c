/* rg-today-subscriptions.c — Today's "Subscriptions" section.
 *
 * The subscriptions with visits left that run out within the studio's
 * days (RG_STUDIO_EXPIRING_DAYS), soonest first — a call now sells the
 * renewal or books the visits left — then those that expired unused in the
 * last 30 days: the client, the subscription, the visits left and the
 * day. A row opens the client's card. The view reads it when Today shows
 * (as At the Desk), from the expiry's index: a handful of rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-today"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-prepaid-lists.h"
#include "model/rg-studio-settings.h"
#include "rg-today-subscriptions.h"
#include "widgets/common/rg-accessible.h"

#define SHOWN_ROWS 5   /* like Low Stock: the calls stay in sight */

typedef struct {
  GtkWidget *heading;
  GtkWidget *list;
  guint      count;
} Section;

GtkWidget *
rg_today_subscriptions_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  Section *section = g_new0 (Section, 1);

  section->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (section->heading), 0);
  gtk_widget_set_margin_top (section->heading, 12);
  gtk_widget_add_css_class (section->heading, "heading");
  section->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (section->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (section->list, "boxed-list");
  gtk_widget_add_css_class (section->list, "not-calls");   /* not one of the call sections */
  gtk_box_append (GTK_BOX (box), section->heading);
  gtk_box_append (GTK_BOX (box), section->list);
  gtk_widget_set_visible (box, FALSE);
  gtk_widget_set_name (box, "today-subscriptions");
  g_object_set_data_full (G_OBJECT (box), "section", section, g_free);
  return box;
}

static GtkWidget *
alert_row (const RgSubscriptionAlert *alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = g_strdup_printf ("%s · %s", alert->client, alert->name);
  g_autofree char *day = rg_format_date (alert->expires_at - 1);
  g_autofree char *subtitle = NULL;
  /* Translators: a subscription's visits left */
  g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld visit left", "%lld visits left",
                                                        (gulong) alert->remaining),
                                           (long long) alert->remaining);

  if (alert->expired)
    /* Translators: Today's subscriptions: visits left, and the last day it was valid */
    subtitle = g_strdup_printf (_("%s · expired unused after %s"), left, day);
  else
    /* Translators: Today's subscriptions: visits left, and the last day it is valid */
    subtitle = g_strdup_printf (_("%s · valid until %s"), left, day);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The icon and the arrow repeat what the row says: decoration. */
  rg_accessible_row_icon (row, alert->expired ? "dialog-warning-symbolic" : "alarm-symbolic", NULL);
  rg_accessible_describe (arrow, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  /* The target first: the action's name checks it. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (alert->client_id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-client");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

void
rg_today_subscriptions_update (GtkWidget *box,
                               RgStudio  *studio,
                               gint64     now)
{
  Section *section = g_object_get_data (G_OBJECT (box), "section");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) alerts = NULL;
  GtkWidget *child;

  g_return_if_fail (section != NULL);
  g_return_if_fail (RG_IS_STUDIO (studio));

  while ((child = gtk_widget_get_first_child (section->list)))
    gtk_list_box_remove (GTK_LIST_BOX (section->list), child);
  alerts = rg_studio_list_subscription_alerts (studio, now,
                                               (int) rg_studio_get_number (studio, RG_STUDIO_EXPIRING_DAYS), &error);
  if (alerts == NULL)
    {
      g_warning ("Could not read the subscriptions running out: %s", error->message);
      section->count = 0;
      gtk_widget_set_visible (box, FALSE);
      return;
    }
  section->count = alerts->len;
  for (guint i = 0; i < alerts->len && i < SHOWN_ROWS; i++)
    gtk_list_box_append (GTK_LIST_BOX (section->list), alert_row (&g_array_index (alerts, RgSubscriptionAlert, i)));
  if (alerts->len > SHOWN_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more: see the clients’ cards",
                                                            "%u more: see the clients’ cards",
                                                            alerts->len - SHOWN_ROWS),
                                               alerts->len - SHOWN_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (section->list), row);
    }
  {
    /* Translators: Today's heading: subscriptions running out soon or expired unused, with their number */
    g_autofree char *heading = g_strdup_printf (_("Subscriptions Running Out (%u)"), alerts->len);

    gtk_label_set_text (GTK_LABEL (section->heading), heading);
  }
  gtk_widget_set_tooltip_text (section->heading,
                               _("With visits left: running out soon, or expired unused in the last 30 days"));
  gtk_widget_set_visible (box, alerts->len > 0);
}

guint
rg_today_subscriptions_count (GtkWidget *box)
{
  Section *section = g_object_get_data (G_OBJECT (box), "section");

  g_return_val_if_fail (section != NULL, 0);
  return section->count;
}

/* rg-client-row.c — one client in a list: avatar, how to address them,
 * phone and full name. Follows the client live.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-client-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-client-row.h"
#include "analytics/rg-retention.h"

struct _RgClientRow
{
  GtkWidget  parent_instance;

  RgClient  *client;
  gulong     notify_id;

  AdwAvatar *avatar;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *status_label;

  RgClientList *list;        /* where statuses come from; not owned */
};

G_DEFINE_FINAL_TYPE (RgClientRow, rg_client_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (RgClientRow *self)
{
  const char *name = self->client ? rg_client_get_address_as (self->client) : "";
  const char *phone = self->client ? rg_client_get_phone (self->client) : NULL;
  const char *full_name = self->client ? rg_client_get_full_name (self->client) : NULL;
  g_autofree char *subtitle = NULL;

  if (phone && full_name)
    /* Translators: a client's phone and full name under how to address them */
    subtitle = g_strdup_printf (_("%s · %s"), phone, full_name);
  else
    subtitle = g_strdup (phone ? phone : "");

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  rg_client_row_update_status (self);
}

void
rg_client_row_refresh (RgClientRow *self)
{
  g_return_if_fail (RG_IS_CLIENT_ROW (self));
  update (self);
}

/* The status pill: what a row says at a glance (not "on track"). */
void
rg_client_row_update_status (RgClientRow *self)
{
  static const char * const classes[] = {
    "status-booked", "status-never", "status-new", "status-lost", "status-on-track", "status-due", "status-sleeping",
  };
  int status = self->client && self->list
             ? rg_client_list_get_status (self->list, rg_record_get_id (RG_RECORD (self->client))) : -1;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  if (status < 0 || status == RG_CLIENT_ON_TRACK || status >= (int) G_N_ELEMENTS (classes))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }
  gtk_label_set_label (self->status_label, rg_client_status_to_string (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), rg_client_status_explain (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), classes[status]);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

void
rg_client_row_set_list (RgClientRow  *self,
                        RgClientList *list)
{
  g_return_if_fail (RG_IS_CLIENT_ROW (self));

  self->list = list;
  if (list)
    g_signal_connect_object (list, "statuses-changed", G_CALLBACK (rg_client_row_update_status), self,
                             G_CONNECT_SWAPPED);
}

static void
client_notify_cb (RgClientRow *self,
                  GParamSpec  *pspec,
                  RgClient    *client)
{
  update (self);
}

RgClient *
rg_client_row_get_client (RgClientRow *self)
{
  g_return_val_if_fail (RG_IS_CLIENT_ROW (self), NULL);
  return self->client;
}

void
rg_client_row_set_client (RgClientRow *self,
                          RgClient    *client)
{
  g_return_if_fail (RG_IS_CLIENT_ROW (self));

  if (self->client == client)
    return;

  if (self->client)
    g_clear_signal_handler (&self->notify_id, self->client);
  g_set_object (&self->client, client);
  if (client)
    self->notify_id = g_signal_connect_object (client, "notify", G_CALLBACK (client_notify_cb),
                                               self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
rg_client_row_dispose (GObject *object)
{
  RgClientRow *self = RG_CLIENT_ROW (object);
  GtkWidget *child;

  if (self->client)
    g_clear_signal_handler (&self->notify_id, self->client);
  g_clear_object (&self->client);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rg_client_row_parent_class)->dispose (object);
}

static void
rg_client_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RgClientRow *self = RG_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_client_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RgClientRow *self = RG_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      rg_client_row_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_client_row_class_init (RgClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_client_row_dispose;
  object_class->get_property = rg_client_row_get_property;
  object_class->set_property = rg_client_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RG_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clientrow");
}

/* Built in code rather than from a template: GtkListView makes a couple of
 * hundred rows when the window opens, and a builder per row shows. */
static void
rg_client_row_init (RgClientRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->avatar = ADW_AVATAR (adw_avatar_new (36, NULL, TRUE));
  gtk_widget_set_parent (GTK_WIDGET (self->avatar), GTK_WIDGET (self));

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");

  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle_label, 0);
  gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "caption");

  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->subtitle_label));
  gtk_widget_set_parent (text, GTK_WIDGET (self));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "status-pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_widget_set_valign (GTK_WIDGET (self->status_label), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->status_label), GTK_WIDGET (self));
}

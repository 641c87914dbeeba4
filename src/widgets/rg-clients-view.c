/* rg-clients-view.c — the client list with search as you type.
 *
 * The list is an RgClientList (ids, materialized on demand) under a
 * GtkSingleSelection; choosing a row sets the studio's shared selection, and
 * a client selected elsewhere is selected here when the list shows it.
 * Typing anywhere in the view goes to the search entry; Enter picks the
 * first match, Escape clears the search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-clients-view"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "rg-client-row.h"
#include "rg-clients-view.h"

struct _RgClientsView
{
  AdwBin              parent_instance;

  RgStudio           *studio;
  RgClientList       *list;
  GtkSingleSelection *selection;
  gulong              studio_selection_id;
  gboolean            syncing;

  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkGridView        *list_view;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (RgClientsView, rg_clients_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STUDIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (RgClientsView *self)
{
  guint shown = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint total = self->list ? rg_client_list_get_total (self->list) : 0;
  g_autofree char *shown_text = rg_format_count (shown);
  g_autofree char *total_text = rg_format_count (total);
  g_autofree char *count = NULL;

  /* While the list loads, an empty list for a moment, not "no clients". */
  if (shown > 0 || (self->list && rg_client_list_get_loading (self->list)))
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");

  if (total == 0 || rg_client_list_get_loading (self->list))
    count = g_strdup ("");
  else if (shown == total)
    /* Translators: %s is a number of clients, already formatted */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s client", "%s clients", total), total_text);
  else
    /* Translators: the search result count; the first %s is the number found, the second the total */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s client", "%s of %s clients", total),
                             shown_text, total_text);

  gtk_label_set_label (self->count_label, count);
}

static void
items_changed_cb (RgClientsView *self)
{
  update_state (self);
}

/* The list's selection became the studio's selection. */
static void
list_selection_changed_cb (RgClientsView *self)
{
  RgClient *client;

  if (self->syncing || self->studio == NULL)
    return;

  client = gtk_single_selection_get_selected_item (self->selection);
  if (client)
    {
      self->syncing = TRUE;
      rg_studio_set_selected_client (self->studio, client);
      self->syncing = FALSE;
    }
}

/* The studio's selection (from any view) is shown in the list. */
static void
studio_selection_changed_cb (RgClientsView *self)
{
  RgClient *client = rg_studio_get_selected_client (self->studio);
  guint position;

  if (self->syncing)
    return;

  self->syncing = TRUE;
  if (client && rg_client_list_find (self->list, rg_record_get_id (RG_RECORD (client)), &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
select_position (RgClientsView *self,
                 guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  list_selection_changed_cb (self);
}

static void
search_changed_cb (RgClientsView *self)
{
  if (self->list)
    rg_client_list_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (RgClientsView *self)
{
  /* Enter runs a pending search now and picks the first client. */
  search_changed_cb (self);
  if (self->list && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    select_position (self, 0);
}

static void
stop_search_cb (RgClientsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
list_activate_cb (RgClientsView *self,
                  guint          position)
{
  select_position (self, position);
}

/* Rows are made in code, not from a builder template per row: this list
 * is on screen at start-up and scrolls through thousands of clients. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, g_object_new (RG_TYPE_CLIENT_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  rg_client_row_set_client (RG_CLIENT_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  rg_client_row_set_client (RG_CLIENT_ROW (gtk_list_item_get_child (item)), NULL);
}

void
rg_clients_view_focus_search (RgClientsView *self)
{
  g_return_if_fail (RG_IS_CLIENTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

RgClientList *
rg_clients_view_get_list (RgClientsView *self)
{
  g_return_val_if_fail (RG_IS_CLIENTS_VIEW (self), NULL);
  return self->list;
}

RgStudio *
rg_clients_view_get_studio (RgClientsView *self)
{
  g_return_val_if_fail (RG_IS_CLIENTS_VIEW (self), NULL);
  return self->studio;
}

static void
disconnect_studio (RgClientsView *self)
{
  if (self->studio)
    g_clear_signal_handler (&self->studio_selection_id, self->studio);
  if (self->selection)
    gtk_grid_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->studio);
}

void
rg_clients_view_set_studio (RgClientsView *self,
                            RgStudio      *studio)
{
  g_return_if_fail (RG_IS_CLIENTS_VIEW (self));
  g_return_if_fail (studio == NULL || RG_IS_STUDIO (studio));

  if (self->studio == studio)
    return;

  disconnect_studio (self);

  if (studio)
    {
      self->studio = g_object_ref (studio);
      self->list = rg_client_list_new (studio);
      rg_client_list_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (list_selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      self->studio_selection_id = g_signal_connect_swapped (studio, "notify::selected-client",
                                                            G_CALLBACK (studio_selection_changed_cb), self);
      /* The rows are made when the page is first shown: at start-up the
       * calendar is in front and its first frame should not wait for them. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      studio_selection_changed_cb (self);
    }

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDIO]);
}

/* What is typed in the search, for a new client made from it. */
const char *
rg_clients_view_get_search_text (RgClientsView *self)
{
  g_return_val_if_fail (RG_IS_CLIENTS_VIEW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static void
rg_clients_view_map (GtkWidget *widget)
{
  RgClientsView *self = RG_CLIENTS_VIEW (widget);

  if (self->selection && gtk_grid_view_get_model (self->list_view) == NULL)
    gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  GTK_WIDGET_CLASS (rg_clients_view_parent_class)->map (widget);
}

static void
rg_clients_view_dispose (GObject *object)
{
  RgClientsView *self = RG_CLIENTS_VIEW (object);

  disconnect_studio (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_CLIENTS_VIEW);

  G_OBJECT_CLASS (rg_clients_view_parent_class)->dispose (object);
}

static void
rg_clients_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RgClientsView *self = RG_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_clients_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RgClientsView *self = RG_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      rg_clients_view_set_studio (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_clients_view_class_init (RgClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_clients_view_dispose;
  object_class->get_property = rg_clients_view_get_property;
  object_class->set_property = rg_clients_view_set_property;
  widget_class->map = rg_clients_view_map;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RG_TYPE_CLIENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RgClientsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RgClientsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RgClientsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
rg_clients_view_init (RgClientsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_state (self);
}

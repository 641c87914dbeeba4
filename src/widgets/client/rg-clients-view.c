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
#include "model/rg-record-list.h"
#include "model/rg-staff.h"
#include "analytics/rg-retention.h"
#include "rg-client-row.h"
#include "model/rg-client-reads.h"
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
  GtkMenuButton      *sort_button;

  /* The sort and filter popover, made with the studio. */
  AdwComboRow        *sort_row;
  AdwComboRow        *tag_row;
  AdwComboRow        *master_row;
  AdwComboRow        *status_row;
  AdwComboRow        *segment_row;
  GArray             *tag_ids;       /* gint64, by tag_row position - 1 */
  RgRecordList       *masters;
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
              GtkListItem              *item,
              RgClientsView            *self)
{
  GtkWidget *row = g_object_new (RG_TYPE_CLIENT_ROW, NULL);

  /* Rows show each client's status, counted once they are first shown. */
  rg_client_row_set_list (RG_CLIENT_ROW (row), self->list);
  if (self->list)
    rg_client_list_want_statuses (self->list);
  gtk_list_item_set_child (item, row);
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

static void build_sort_popover (RgClientsView *self);
static void fill_filters       (RgClientsView *self);

static void
ensure_filters (RgClientsView *self)
{
  if (self->studio == NULL || self->sort_row != NULL)
    return;
  build_sort_popover (self);
  fill_filters (self);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       data)
{
  ensure_filters (data);
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
  g_clear_object (&self->masters);
  g_clear_object (&self->studio);
}

/* Someone else signed in: the rows' phones as the model now gives them
 * (masked for a master's view of other masters' clients). */
static void
refresh_rows (GtkWidget *widget)
{
  if (RG_IS_CLIENT_ROW (widget))
    {
      rg_client_row_refresh (RG_CLIENT_ROW (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    refresh_rows (child);
}

static void
session_changes_cb (RgClientsView *self,
                    RgChanges      changes)
{
  if (changes & RG_CHANGES_SESSION)
    refresh_rows (GTK_WIDGET (self));
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
      self->list = rg_client_list_new (studio, rg_retention_load_standings);
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
      g_signal_connect_object (studio, "changes", G_CALLBACK (session_changes_cb), self, G_CONNECT_SWAPPED);
      /* The rows are made when the page is first shown: at start-up the
       * calendar is in front and its first frame should not wait for them. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      studio_selection_changed_cb (self);

      self->masters = rg_record_list_new_staff (studio, FALSE);
      /* The sort and filter popover (five combo rows: a fifth of the
       * window's start, 1 MB) is made when it is first opened. */
      if (self->sort_row != NULL)
        fill_filters (self);
    }

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDIO]);
}

/* Sort and filter ---------------------------------------------------------- */

static void
sort_filter_changed_cb (RgClientsView *self)
{
  guint tag = adw_combo_row_get_selected (self->tag_row);
  guint master = adw_combo_row_get_selected (self->master_row);
  gint64 tag_id = 0, staff_id = 0;
  int status = -1;
  guint segment = 0;

  if (self->list == NULL)
    return;
  if (tag != GTK_INVALID_LIST_POSITION && tag > 0 && tag <= self->tag_ids->len)
    tag_id = g_array_index (self->tag_ids, gint64, tag - 1);
  if (master != GTK_INVALID_LIST_POSITION && master > 0)
    {
      g_autoptr(RgRecord) staff = g_list_model_get_item (G_LIST_MODEL (self->masters), master - 1);
      staff_id = staff ? rg_record_get_id (staff) : 0;
    }

  rg_client_list_set_sort (self->list, adw_combo_row_get_selected (self->sort_row));
  rg_client_list_set_filter (self->list, tag_id, staff_id);
  {
    /* The status list's order is the one below; 0 is "any". */
    static const int statuses[] = {
      -1, RG_CLIENT_DUE, RG_CLIENT_SLEEPING, RG_CLIENT_LOST, RG_CLIENT_NEW, RG_CLIENT_ON_TRACK,
      RG_CLIENT_BOOKED, RG_CLIENT_NEVER_VISITED,
    };
    static const guint segments[] = { 0, RG_SEGMENT_REGULAR, RG_SEGMENT_VIP, RG_SEGMENT_ONE_TIME };
    guint st = adw_combo_row_get_selected (self->status_row);
    guint sg = adw_combo_row_get_selected (self->segment_row);

    status = st < G_N_ELEMENTS (statuses) ? statuses[st] : -1;
    segment = sg < G_N_ELEMENTS (segments) ? segments[sg] : 0;
    rg_client_list_set_rhythm_filter (self->list, status, segment);
  }
  /* Sorted or filtered, the button says so. */
  if (tag_id || staff_id || status >= 0 || segment || rg_client_list_get_sort (self->list) != RG_CLIENT_SORT_NAME)
    gtk_widget_add_css_class (GTK_WIDGET (self->sort_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sort_button), "accent");
}

/* The tags and masters to filter by, after "any". */
static void
fill_filters (RgClientsView *self)
{
  g_autoptr(GtkStringList) tags = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) masters = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) names = rg_studio_list_tags (self->studio, NULL);
  guint n;

  g_array_set_size (self->tag_ids, 0);
  /* Translators: no filter by tag */
  gtk_string_list_append (tags, C_("tag", "Any"));
  for (guint i = 0; names && i < names->len; i++)
    {
      const RgTagName *tag = names->pdata[i];

      g_array_append_val (self->tag_ids, tag->id);
      gtk_string_list_append (tags, tag->name);
    }

  /* Translators: no filter by master */
  gtk_string_list_append (masters, C_("master", "Any"));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->masters));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->masters), i);
      gtk_string_list_append (masters, rg_staff_get_display_name (staff));
    }

  g_signal_handlers_block_by_func (self->tag_row, sort_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->master_row, sort_filter_changed_cb, self);
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (tags));
  adw_combo_row_set_model (self->master_row, G_LIST_MODEL (masters));
  g_signal_handlers_unblock_by_func (self->tag_row, sort_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->master_row, sort_filter_changed_cb, self);
}

static void
build_sort_popover (RgClientsView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) sorts = gtk_string_list_new ((const char *[]) {
    C_("sort", "Name"), C_("sort", "Last visit"), C_("sort", "Number of visits"), C_("sort", "Total spent"), NULL });

  self->sort_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sort_row), _("Sort by"));
  adw_combo_row_set_model (self->sort_row, G_LIST_MODEL (sorts));
  self->tag_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tag_row), _("Tag"));
  self->master_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->master_row), _("Booked with"));
  {
    g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
    g_autoptr(GtkStringList) segments = gtk_string_list_new ((const char *[]) {
      C_("segment", "Any"), C_("segment", "Regular"), C_("segment", "VIP"), C_("segment", "One-time"), NULL });
    static const RgClientStatus order[] = {
      RG_CLIENT_DUE, RG_CLIENT_SLEEPING, RG_CLIENT_LOST, RG_CLIENT_NEW, RG_CLIENT_ON_TRACK,
      RG_CLIENT_BOOKED, RG_CLIENT_NEVER_VISITED,
    };

    /* Translators: no filter by status */
    gtk_string_list_append (statuses, C_("client status", "Any"));
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      gtk_string_list_append (statuses, rg_client_status_to_string (order[i]));
    self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
    adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
    self->segment_row = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->segment_row), _("Segment"));
    adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 300, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->sort_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->tag_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->master_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->status_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->segment_row));
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (self->sort_button, popover);

  g_signal_connect_swapped (self->sort_row, "notify::selected", G_CALLBACK (sort_filter_changed_cb), self);
  g_signal_connect_swapped (self->tag_row, "notify::selected", G_CALLBACK (sort_filter_changed_cb), self);
  g_signal_connect_swapped (self->master_row, "notify::selected", G_CALLBACK (sort_filter_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (sort_filter_changed_cb), self);
  g_signal_connect_swapped (self->segment_row, "notify::selected", G_CALLBACK (sort_filter_changed_cb), self);
  /* Tags are made on the cards: read them when the popover opens. */
  g_signal_connect_swapped (popover, "show", G_CALLBACK (fill_filters), self);
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
  g_clear_pointer (&self->tag_ids, g_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, RgClientsView, sort_button);
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

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->sort_button, create_popup_cb, self, NULL);
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  update_state (self);
}

/* rg-appointment-editor-services.c — the editor's services: the chosen ones
 * with this client's duration and price, the total that can be typed over,
 * and the picker that searches the studio's services.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/rg-format.h"
#include "model/rg-service.h"
#include "util/rg-text.h"
#include "rg-appointment-editor-private.h"
#include "widgets/common/rg-time-spin.h"

static gint64
services_price (RgAppointmentEditor *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->chosen->len; i++)
    total += g_array_index (self->chosen, RgBookingService, i).price;
  return total;
}

static void
update_total (RgAppointmentEditor *self)
{
  g_autofree char *text = NULL;

  if (!self->price_override)
    {
      gboolean updating = self->updating;

      text = rg_format_money (services_price (self));
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->total_entry), text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_entry), "error");
      self->updating = updating;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reset_price_button), self->price_override);
}

static int
row_index (RgAppointmentEditor *self,
           GtkWidget           *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  guint index;

  if (row && g_ptr_array_find (self->service_rows, row, &index))
    return (int) index;
  return -1;
}

static void
duration_changed_cb (GtkSpinButton       *spin,
                     RgAppointmentEditor *self)
{
  int index = row_index (self, GTK_WIDGET (spin));

  if (index < 0)
    return;
  g_array_index (self->chosen, RgBookingService, index).duration_minutes = gtk_spin_button_get_value_as_int (spin);
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

static void
price_changed_cb (GtkEditable         *entry,
                  RgAppointmentEditor *self)
{
  int index = row_index (self, GTK_WIDGET (entry));
  gint64 price;

  if (index < 0 || self->updating)
    return;

  if (rg_format_parse_money (gtk_editable_get_text (entry), &price))
    {
      g_array_index (self->chosen, RgBookingService, index).price = price;
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  rg_appointment_editor_mark_dirty (self);
  update_total (self);
}

static GtkWidget *
chosen_service_row (RgAppointmentEditor    *self,
                    const RgBookingService *s,
                    guint                   index)
{
  g_autoptr(RgService) service = rg_studio_lookup (self->studio, RG_TYPE_SERVICE, s->service_id, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (5, RG_BOOKING_MAX_MINUTES, 5);
  GtkWidget *price = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *price_text = rg_format_money (s->price);
  g_autofree char *remove_tooltip = NULL;
  const char *name = service ? rg_service_get_name (service) : "";

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), s->duration_minutes);
  gtk_adjustment_set_page_increment (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), 15);
  rg_time_spin_setup (GTK_SPIN_BUTTON (spin), RG_TIME_SPIN_DURATION);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, _("How long, for this client"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Duration"), -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (duration_changed_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (price), price_text);
  gtk_editable_set_width_chars (GTK_EDITABLE (price), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (price), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (price), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (price), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (price, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (price, _("Price"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (price), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Price"), -1);
  g_signal_connect (price, "changed", G_CALLBACK (price_changed_cb), self);

  /* Translators: the tooltip of a button that takes a service off the appointment */
  remove_tooltip = g_strdup_printf (_("Remove “%s”"), name);
  gtk_widget_set_tooltip_text (remove, remove_tooltip);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-service");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), price);
  /* The field takes an amount; the currency beside it says of what. */
  if (rg_format_currency_symbol ())
    {
      GtkWidget *symbol = gtk_label_new (rg_format_currency_symbol ());

      gtk_widget_add_css_class (symbol, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), symbol);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "duration", spin);
  g_object_set_data (G_OBJECT (row), "price", price);
  return row;
}

void
rg_appointment_editor_rebuild_services (RgAppointmentEditor *self)
{
  gboolean updating = self->updating;

  self->updating = TRUE;
  for (guint i = 0; i < self->service_rows->len; i++)
    gtk_list_box_remove (self->services_list, self->service_rows->pdata[i]);
  g_ptr_array_set_size (self->service_rows, 0);

  for (guint i = 0; i < self->chosen->len; i++)
    {
      GtkWidget *row = chosen_service_row (self, &g_array_index (self->chosen, RgBookingService, i), i);

      gtk_list_box_insert (self->services_list, row, (int) i);
      g_ptr_array_add (self->service_rows, row);
    }
  self->updating = updating;

  update_total (self);
  rg_appointment_editor_revalidate (self);
}

gboolean
rg_appointment_editor_add_service (RgAppointmentEditor *self,
                                   gint64               service_id)
{
  g_autoptr(RgService) service = NULL;

  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), FALSE);

  service = rg_studio_lookup (self->studio, RG_TYPE_SERVICE, service_id, NULL);
  if (service == NULL)
    return FALSE;

  {
    RgBookingService s = {
      service_id,
      MAX (5, rg_service_get_duration_minutes (service)),
      rg_service_get_price (service),
    };

    /* The first service replaces the length drawn in the calendar. */
    g_array_append_val (self->chosen, s);
  }

  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_rebuild_services (self);
  return TRUE;
}

static void
remove_service_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= self->chosen->len)
    return;
  g_array_remove_index (self->chosen, index);
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_rebuild_services (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_service_button));
}

static void
reset_price_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);

  self->price_override = FALSE;
  rg_appointment_editor_mark_dirty (self);
  update_total (self);
}

static void
total_changed_cb (RgAppointmentEditor *self)
{
  gint64 price;

  if (self->updating)
    return;

  /* Typed over: the price no longer follows the services. */
  self->price_override = TRUE;
  if (rg_format_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->total_entry)), &price))
    {
      self->price = price;
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_entry), "error");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->total_entry), "error");
  rg_appointment_editor_mark_dirty (self);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_price_button), TRUE);
}

/* The service picker: a search over the studio's services. */

static GtkWidget *
service_pick_row (RgService *service,
                  gpointer   user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (rg_service_get_name (service));
  g_autofree char *length = rg_appointment_editor_format_length (rg_service_get_duration_minutes (service));
  g_autofree char *price = rg_format_price (rg_service_get_price (service));
  g_autofree char *detail_text = g_strdup_printf ("%s · %s", length, price);
  GtkWidget *detail = gtk_label_new (detail_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* Long names ("Коррекция и окрашивание бровей") wrap rather than lose
   * their end; a third line would be too much for a list. */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (detail, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, rg_service_get_name (service));
  g_object_set_data_full (G_OBJECT (row), "service", g_object_ref (service), g_object_unref);
  return row;
}

/* Not gtk_list_box_bind_model(): a list box with a model does not filter. */
void
rg_appointment_editor_fill_service_picker (RgAppointmentEditor *self)
{
  GListModel *model = G_LIST_MODEL (self->services);

  rg_appointment_editor_clear_list (self->service_pick_list);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgService) service = g_list_model_get_item (model, i);
      GtkWidget *row = service_pick_row (service, NULL);

      g_object_set_data (G_OBJECT (row), "index", GINT_TO_POINTER (i));
      gtk_list_box_append (self->service_pick_list, row);
    }
}

static void
service_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  RgService *service = g_object_get_data (G_OBJECT (row), "service");
  RgService *previous = before ? g_object_get_data (G_OBJECT (before), "service") : NULL;
  const char *category = rg_service_get_category (service);

  if (category && *category &&
      (previous == NULL || g_strcmp0 (category, rg_service_get_category (previous)) != 0))
    {
      GtkWidget *header = gtk_label_new (category);

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_set_margin_top (header, before ? 12 : 0);
      gtk_widget_set_margin_bottom (header, 3);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static gboolean
service_filter_func (GtkListBoxRow *row,
                     gpointer       user_data)
{
  RgAppointmentEditor *self = user_data;
  RgService *service = g_object_get_data (G_OBJECT (row), "service");

  return rg_service_match (service, gtk_editable_get_text (GTK_EDITABLE (self->service_entry))) !=
         RG_SERVICE_MATCH_NONE;
}

/* The price list's order; while searching, services whose words start
 * with the ones typed come first ("men": Men's haircut, then Women's). */
static int
service_sort_func (GtkListBoxRow *a,
                   GtkListBoxRow *b,
                   gpointer       user_data)
{
  RgAppointmentEditor *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->service_entry));
  int index_a = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "index"));
  int index_b = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "index"));

  if (query && *query)
    {
      RgServiceMatch match_a = rg_service_match (g_object_get_data (G_OBJECT (a), "service"), query);
      RgServiceMatch match_b = rg_service_match (g_object_get_data (G_OBJECT (b), "service"), query);

      if (match_a != match_b)
        return match_a < match_b ? -1 : 1;
    }
  return index_a < index_b ? -1 : index_a > index_b;
}

static GtkListBoxRow *
first_shown_row (GtkListBox *list)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      return row;
  return NULL;
}

static void
service_search_changed_cb (RgAppointmentEditor *self)
{
  gtk_list_box_invalidate_filter (self->service_pick_list);
  gtk_list_box_invalidate_sort (self->service_pick_list);
  gtk_list_box_select_row (self->service_pick_list, first_shown_row (self->service_pick_list));
}

static void
service_popover_show_cb (RgAppointmentEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->service_entry), "");
  gtk_list_box_invalidate_filter (self->service_pick_list);
  gtk_list_box_invalidate_sort (self->service_pick_list);
  gtk_list_box_select_row (self->service_pick_list, first_shown_row (self->service_pick_list));
  gtk_widget_grab_focus (GTK_WIDGET (self->service_entry));
}

static void
service_pick_activated_cb (RgAppointmentEditor *self,
                           GtkListBoxRow       *row)
{
  RgService *service = g_object_get_data (G_OBJECT (row), "service");

  gtk_popover_popdown (self->service_popover);
  if (service)
    rg_appointment_editor_add_service (self, rg_record_get_id (RG_RECORD (service)));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_service_button));
}

static void
service_entry_activate_cb (RgAppointmentEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->service_pick_list);

  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    row = first_shown_row (self->service_pick_list);
  if (row)
    service_pick_activated_cb (self, row);
}

GtkSpinButton *
rg_appointment_editor_get_duration_spin (RgAppointmentEditor *self,
                                         guint                index)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->service_rows->len, NULL);
  return g_object_get_data (self->service_rows->pdata[index], "duration");
}

GtkEditable *
rg_appointment_editor_get_price_entry (RgAppointmentEditor *self,
                                       guint                index)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->service_rows->len, NULL);
  return g_object_get_data (self->service_rows->pdata[index], "price");
}

void
rg_appointment_editor_services_init (RgAppointmentEditor *self)
{
  GtkWidget *placeholder;

  gtk_list_box_set_header_func (self->service_pick_list, service_header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->service_pick_list, service_filter_func, self, NULL);
  gtk_list_box_set_sort_func (self->service_pick_list, service_sort_func, self, NULL);
  placeholder = gtk_label_new (_("No service matches"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->service_pick_list, placeholder);
}

void
rg_appointment_editor_services_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, service_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_pick_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, total_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.remove-service", "u", remove_service_activated);
  gtk_widget_class_install_action (widget_class, "editor.reset-price", NULL, reset_price_activated);
}

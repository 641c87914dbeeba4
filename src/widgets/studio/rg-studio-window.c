/* rg-studio-window.c — studio setup: staff, services, products, discounts
 * and the client card.
 *
 * Studio setup lives in the app, not in SQL. Staff, in the calendar's
 * column order, with buttons to move people, and the archived in a group
 * of their own; Services, one group per category; then the pages of their
 * own (RgProductsPage, RgDiscountsPage, RgCardSettings, RgStudioDetails). Rows follow
 * live RgRecordLists, so whatever changes (here or anywhere) shows at once.
 * Editing happens on a subpage (RgStaffEditor, RgServiceEditor) that saves
 * through the model.
 *
 * Staff and services have no soft delete: once they have appointments they
 * are archived (out of the calendar and the booking lists, their history
 * kept); only one never used can be deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-studio-window"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-record-list.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-staff-schedule.h"
#include "widgets/common/rg-accessible.h"
#include "rg-studio-details.h"
#include "widgets/common/rg-spin-wheel.h"
#include "rg-card-settings.h"
#include "rg-discounts-page.h"
#include "rg-loyalty-page.h"
#include "rg-products-page.h"
#include "rg-service-editor.h"
#include "rg-service-row.h"
#include "rg-staff-editor.h"
#include "rg-staff-row.h"
#include "rg-subscriptions-page.h"
#include "rg-staff-access.h"
#include "rg-studio-window.h"

struct _RgStudioWindow
{
  AdwPreferencesWindow  parent_instance;

  RgStudio             *studio;
  RgRecordList         *staff;              /* active, in calendar order */
  RgRecordList         *archived_staff;
  RgRecordList         *services;           /* active, by category */
  RgRecordList         *archived_services;
  GPtrArray            *staff_rows;
  GPtrArray            *archived_staff_rows;
  GPtrArray            *service_groups;     /* AdwPreferencesGroup, incl. the archived */
  GPtrArray            *watched;            /* services whose category we follow */
  guint                 rebuild_services_id;
  GtkWidget            *editor;             /* the last subpage presented */
  GtkWidget            *pending_leaflet;    /* waiting for it to present the editor */
  gulong                pending_id;
  char                 *undo_action;        /* what the last archive's Undo does, for Ctrl+Z */
  GVariant             *undo_target;

  /* template children */
  AdwPreferencesPage   *staff_page;
  AdwPreferencesGroup  *staff_empty_group;
  AdwPreferencesGroup  *staff_group;
  AdwPreferencesGroup  *archived_staff_group;
  AdwPreferencesPage   *services_page;
  AdwPreferencesGroup  *services_group;
  AdwPreferencesGroup  *services_empty_group;
};

G_DEFINE_FINAL_TYPE (RgStudioWindow, rg_studio_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STUDIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (RgStudioWindow *self,
       AdwToast       *toast)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
toast_error (RgStudioWindow *self,
             const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 8);
  toast (self, t);
}

/* Staff ------------------------------------------------------------------------- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild_staff (RgStudioWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));
  guint n_archived = g_list_model_get_n_items (G_LIST_MODEL (self->archived_staff));

  clear_rows (self->staff_group, self->staff_rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      GtkWidget *row = rg_staff_row_new (staff);

      rg_staff_row_set_can_move (RG_STAFF_ROW (row), i > 0, i + 1 < n);
      g_ptr_array_add (self->staff_rows, row);
      adw_preferences_group_add (self->staff_group, row);
    }

  clear_rows (self->archived_staff_group, self->archived_staff_rows);
  for (guint i = 0; i < n_archived; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->archived_staff), i);
      GtkWidget *row = rg_staff_row_new (staff);

      g_ptr_array_add (self->archived_staff_rows, row);
      adw_preferences_group_add (self->archived_staff_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->staff_empty_group), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_group), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_staff_group), n_archived > 0);
}

static void
staff_changed_cb (RgStudioWindow *self)
{
  rebuild_staff (self);
}

/* Services -------------------------------------------------------------------- */

static void queue_rebuild_services (RgStudioWindow *self);

static void
unwatch_services (RgStudioWindow *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          queue_rebuild_services, self);
  g_ptr_array_set_size (self->watched, 0);
}

static AdwPreferencesGroup *
add_service_group (RgStudioWindow *self,
                   const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  g_ptr_array_add (self->service_groups, group);
  adw_preferences_page_add (self->services_page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_services (RgStudioWindow *self,
              RgRecordList   *list,
              const char     *archived_title)
{
  AdwPreferencesGroup *group = NULL;
  const char *group_category = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgService) service = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *category = rg_service_get_category (service);

      if (category == NULL)
        category = "";

      if (archived_title && group == NULL)
        group = add_service_group (self, archived_title);
      else if (!archived_title && (group == NULL || g_strcmp0 (group_category, category) != 0))
        {
          g_autofree char *escaped = g_markup_escape_text (category, -1);

          /* Translators: the group of services without a category */
          group = add_service_group (self, *category ? escaped : _("Other"));
          group_category = category;
        }

      adw_preferences_group_add (group, rg_service_row_new (service));

      g_signal_connect_swapped (service, "notify::category", G_CALLBACK (queue_rebuild_services), self);
      g_ptr_array_add (self->watched, g_object_ref (service));
    }
}

static void
rebuild_services (RgStudioWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->services));

  g_clear_handle_id (&self->rebuild_services_id, g_source_remove);
  unwatch_services (self);

  for (guint i = 0; i < self->service_groups->len; i++)
    adw_preferences_page_remove (self->services_page, g_ptr_array_index (self->service_groups, i));
  g_ptr_array_set_size (self->service_groups, 0);

  add_services (self, self->services, NULL);
  add_services (self, self->archived_services, _("Archived"));

  gtk_widget_set_visible (GTK_WIDGET (self->services_empty_group), n == 0);
}

static gboolean
rebuild_services_cb (gpointer data)
{
  RgStudioWindow *self = data;

  self->rebuild_services_id = 0;
  rebuild_services (self);
  return G_SOURCE_REMOVE;
}

/* A change of category that keeps the list's order moves no item, but moves
 * the service to another group. */
static void
queue_rebuild_services (RgStudioWindow *self)
{
  if (self->rebuild_services_id == 0)
    self->rebuild_services_id = g_idle_add (rebuild_services_cb, self);
}

static void
services_changed_cb (RgStudioWindow *self)
{
  rebuild_services (self);
}

/* Editors --------------------------------------------------------------------- */

static void
leaflet_transition_cb (RgStudioWindow *self,
                       GParamSpec     *pspec,
                       AdwLeaflet     *leaflet)
{
  if (adw_leaflet_get_child_transition_running (leaflet))
    return;

  g_clear_signal_handler (&self->pending_id, leaflet);
  if (self->editor)
    adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), self->editor);
}

static void
present_editor (RgStudioWindow *self,
                GtkWidget      *editor)
{
  /* The previous editor may still be sliding out; the leaflet touches it
   * while the new one comes in, so it stays alive until then. */
  g_autoptr(GtkWidget) previous = g_steal_pointer (&self->editor);
  GtkWidget *leaflet = previous ? gtk_widget_get_parent (previous) : NULL;

  self->editor = g_object_ref_sink (editor);

  if (self->pending_id)
    return;

  /* libadwaita 1.2 drops a subpage presented while the previous one still
   * slides out (quick hands: Save, then another row): wait for the slide. */
  if (ADW_IS_LEAFLET (leaflet) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (leaflet)))
    {
      self->pending_leaflet = leaflet;
      self->pending_id = g_signal_connect_object (leaflet, "notify::child-transition-running",
                                                  G_CALLBACK (leaflet_transition_cb), self,
                                                  G_CONNECT_SWAPPED);
      return;
    }

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), editor);
}

/* Closes the editor if it shows @record. */
static void
close_editor_of (RgStudioWindow *self,
                 gpointer        record)
{
  GtkWidget *editor = rg_studio_window_get_editor (self);
  gpointer shown = NULL;

  if (RG_IS_STAFF_EDITOR (editor))
    shown = rg_staff_editor_get_staff (RG_STAFF_EDITOR (editor));
  else if (RG_IS_SERVICE_EDITOR (editor))
    shown = rg_service_editor_get_service (RG_SERVICE_EDITOR (editor));

  if (shown == record)
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

/* The editor shown (or sliding out), or NULL. */
GtkWidget *
rg_studio_window_get_editor (RgStudioWindow *self)
{
  g_return_val_if_fail (RG_IS_STUDIO_WINDOW (self), NULL);

  if (self->editor && self->pending_id == 0 && gtk_widget_get_parent (self->editor) == NULL)
    g_clear_object (&self->editor);
  return self->editor;
}

static gpointer
lookup (RgStudioWindow *self,
        GType           type,
        GVariant       *parameter)
{
  g_autoptr(GError) error = NULL;
  gpointer record = rg_studio_lookup (self->studio, type, g_variant_get_int64 (parameter), &error);

  if (record == NULL)
    toast_error (self, error);
  return record;
}

static void
add_staff_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (widget);

  present_editor (self, rg_staff_editor_new (self->studio, NULL));
}

static void
edit_staff_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (widget);
  g_autoptr(RgStaff) staff = lookup (self, RG_TYPE_STAFF, parameter);

  if (staff)
    present_editor (self, rg_staff_editor_new (self->studio, staff));
}

/* Swaps a person with their neighbour and numbers everyone 0, 1, 2... in
 * one transaction, so equal or sparse positions sort themselves out. */
static void
move_staff (RgStudioWindow *self,
            GVariant       *parameter,
            int             delta)
{
  GListModel *model = G_LIST_MODEL (self->staff);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (model);
  guint from;

  if (!rg_record_list_find (self->staff, g_variant_get_int64 (parameter), &from) ||
      (delta < 0 && from == 0) || (delta > 0 && from + 1 >= n))
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (model, i));
  {
    gpointer tmp = order->pdata[from];

    order->pdata[from] = order->pdata[from + delta];
    order->pdata[from + delta] = tmp;
  }

  /* One command: numbered 0, 1, 2... in one transaction. */
  if (!rg_staff_set_order (self->studio, order, &error))
    toast_error (self, error);
}

static void
move_staff_up_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_staff (RG_STUDIO_WINDOW (widget), parameter, -1);
}

static void
move_staff_down_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  move_staff (RG_STUDIO_WINDOW (widget), parameter, +1);
}

/* Archives or restores a staff member or a service; archiving offers Undo. */
static void
set_archived (RgStudioWindow *self,
              GType           type,
              GVariant       *parameter,
              gboolean        archived)
{
  g_autoptr(RgRecord) record = lookup (self, type, parameter);
  g_autoptr(GError) error = NULL;
  const char *name;

  if (record == NULL)
    return;

  if (RG_IS_STAFF (record))
    {
      rg_staff_set_archived (RG_STAFF (record), archived);
      name = rg_staff_get_display_name (RG_STAFF (record));
    }
  else
    {
      rg_service_set_archived (RG_SERVICE (record), archived);
      name = rg_service_get_name (RG_SERVICE (record));
    }

  if (!rg_studio_save (self->studio, record, &error))
    {
      rg_studio_reload (self->studio, record, NULL);
      toast_error (self, error);
      return;
    }

  close_editor_of (self, record);

  if (archived)
    {
      /* Translators: a toast after a staff member or service was archived */
      g_autofree char *title = g_markup_printf_escaped (_("“%s” archived"), name);
      AdwToast *t = adw_toast_new (title);

      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, RG_IS_STAFF (record) ? "studio.restore-staff" : "studio.restore-service");
      adw_toast_set_action_target_value (t, g_variant_new_int64 (rg_record_get_id (record)));
      /* Ctrl+Z does what the button does, also after the toast goes. */
      g_free (self->undo_action);
      self->undo_action = g_strdup (adw_toast_get_action_name (t));
      g_clear_pointer (&self->undo_target, g_variant_unref);
      self->undo_target = g_variant_ref (adw_toast_get_action_target_value (t));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "studio.undo", TRUE);
      toast (self, t);
    }
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (widget);
  g_autofree char *action = g_steal_pointer (&self->undo_action);
  g_autoptr(GVariant) target = g_steal_pointer (&self->undo_target);

  gtk_widget_action_set_enabled (widget, "studio.undo", FALSE);
  if (action)
    gtk_widget_activate_action_variant (widget, action, target);
}

/* Ctrl+Z: the last archive's Undo, unless the keyboard is in a field with
 * text (its own Ctrl+Z undoes typing); asked in the capture phase, as
 * GtkText takes Ctrl+Z even with nothing to undo. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->undo_action == NULL)
    return FALSE;
  if (focus && GTK_IS_EDITABLE (focus) && *gtk_editable_get_text (GTK_EDITABLE (focus)) != '\0')
    return FALSE;
  return gtk_widget_activate_action (widget, "studio.undo", NULL);
}

static void
archive_staff_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_archived (RG_STUDIO_WINDOW (widget), RG_TYPE_STAFF, parameter, TRUE);
}

static void
restore_staff_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_archived (RG_STUDIO_WINDOW (widget), RG_TYPE_STAFF, parameter, FALSE);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RgStudioWindow   *self)
{
  RgRecord *record = g_object_get_data (G_OBJECT (dialog), "record");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || record == NULL)
    return;

  if (!rg_studio_delete (self->studio, record, &error))
    {
      /* The studio says why: a master or a service that appointments
       * name can only be archived. */
      toast_error (self, error);
      return;
    }

  close_editor_of (self, record);
}

static void
confirm_delete (RgStudioWindow *self,
                GType           type,
                GVariant       *parameter)
{
  g_autoptr(RgRecord) record = lookup (self, type, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (record == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"),
                             RG_IS_STAFF (record) ? rg_staff_get_display_name (RG_STAFF (record))
                                                  : rg_service_get_name (RG_SERVICE (record)));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   RG_IS_STAFF (record)
                                   ? _("Their working hours and days off are deleted too. Someone who has had "
                                       "appointments can only be archived.")
                                   : _("A booked service can only be archived."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_staff_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  confirm_delete (RG_STUDIO_WINDOW (widget), RG_TYPE_STAFF, parameter);
}

static void
add_service_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (widget);

  present_editor (self, rg_service_editor_new (self->studio, NULL));
}

static void
edit_service_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (widget);
  g_autoptr(RgService) service = lookup (self, RG_TYPE_SERVICE, parameter);

  if (service)
    present_editor (self, rg_service_editor_new (self->studio, service));
}

static void
archive_service_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_archived (RG_STUDIO_WINDOW (widget), RG_TYPE_SERVICE, parameter, TRUE);
}

static void
restore_service_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_archived (RG_STUDIO_WINDOW (widget), RG_TYPE_SERVICE, parameter, FALSE);
}

static void
delete_service_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  confirm_delete (RG_STUDIO_WINDOW (widget), RG_TYPE_SERVICE, parameter);
}

/* Life cycle ------------------------------------------------------------------- */

RgStudio *
rg_studio_window_get_studio (RgStudioWindow *self)
{
  g_return_val_if_fail (RG_IS_STUDIO_WINDOW (self), NULL);
  return self->studio;
}

static void
rg_studio_window_constructed (GObject *object)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (object);

  G_OBJECT_CLASS (rg_studio_window_parent_class)->constructed (object);

  g_assert (self->studio != NULL);

  self->staff = rg_record_list_new_staff (self->studio, FALSE);
  self->archived_staff = rg_record_list_new (self->studio, RG_TYPE_STAFF,
                                             "WHERE archived = 1 ORDER BY display_name, id");
  self->services = rg_record_list_new_services (self->studio, FALSE);
  self->archived_services = rg_record_list_new (self->studio, RG_TYPE_SERVICE,
                                                "WHERE archived = 1 ORDER BY name, id");

  g_signal_connect_object (self->staff, "items-changed", G_CALLBACK (staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archived_staff, "items-changed", G_CALLBACK (staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->services, "items-changed", G_CALLBACK (services_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archived_services, "items-changed", G_CALLBACK (services_changed_cb), self,
                           G_CONNECT_SWAPPED);

  rebuild_staff (self);
  rebuild_services (self);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_products_page_new (self->studio)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_discounts_page_new (self->studio)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_loyalty_page_new (self->studio)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_subscriptions_page_new (self->studio)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_card_settings_new (self->studio)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_studio_details_new (self->studio)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (rg_staff_access_new (self->studio)));
}

static void
rg_studio_window_dispose (GObject *object)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (object);

  g_clear_handle_id (&self->rebuild_services_id, g_source_remove);
  if (self->pending_id)
    g_clear_signal_handler (&self->pending_id, self->pending_leaflet);
  if (self->watched)
    unwatch_services (self);
  if (self->staff_rows)
    g_ptr_array_set_size (self->staff_rows, 0);
  if (self->archived_staff_rows)
    g_ptr_array_set_size (self->archived_staff_rows, 0);
  if (self->service_groups)
    g_ptr_array_set_size (self->service_groups, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_STUDIO_WINDOW);

  g_clear_object (&self->editor);
  g_clear_object (&self->staff);
  g_clear_object (&self->archived_staff);
  g_clear_object (&self->services);
  g_clear_object (&self->archived_services);

  G_OBJECT_CLASS (rg_studio_window_parent_class)->dispose (object);
}

static void
rg_studio_window_finalize (GObject *object)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (object);

  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->archived_staff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->service_groups, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_object (&self->studio);
  g_clear_pointer (&self->undo_action, g_free);
  g_clear_pointer (&self->undo_target, g_variant_unref);

  G_OBJECT_CLASS (rg_studio_window_parent_class)->finalize (object);
}

static void
rg_studio_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (object);

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
rg_studio_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RgStudioWindow *self = RG_STUDIO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      self->studio = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_studio_window_class_init (RgStudioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  rg_accessible_init ();
  rg_spin_wheel_init ();

  object_class->constructed = rg_studio_window_constructed;
  object_class->dispose = rg_studio_window_dispose;
  object_class->finalize = rg_studio_window_finalize;
  object_class->get_property = rg_studio_window_get_property;
  object_class->set_property = rg_studio_window_set_property;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-studio-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, staff_empty_group);
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, archived_staff_group);
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, services_group);
  gtk_widget_class_bind_template_child (widget_class, RgStudioWindow, services_empty_group);

  gtk_widget_class_install_action (widget_class, "studio.add-staff", NULL, add_staff_activated);
  gtk_widget_class_install_action (widget_class, "studio.edit-staff", "x", edit_staff_activated);
  gtk_widget_class_install_action (widget_class, "studio.move-staff-up", "x", move_staff_up_activated);
  gtk_widget_class_install_action (widget_class, "studio.move-staff-down", "x", move_staff_down_activated);
  gtk_widget_class_install_action (widget_class, "studio.archive-staff", "x", archive_staff_activated);
  gtk_widget_class_install_action (widget_class, "studio.restore-staff", "x", restore_staff_activated);
  gtk_widget_class_install_action (widget_class, "studio.delete-staff", "x", delete_staff_activated);
  gtk_widget_class_install_action (widget_class, "studio.add-service", NULL, add_service_activated);
  gtk_widget_class_install_action (widget_class, "studio.edit-service", "x", edit_service_activated);
  gtk_widget_class_install_action (widget_class, "studio.archive-service", "x", archive_service_activated);
  gtk_widget_class_install_action (widget_class, "studio.restore-service", "x", restore_service_activated);
  gtk_widget_class_install_action (widget_class, "studio.delete-service", "x", delete_service_activated);
  gtk_widget_class_install_action (widget_class, "studio.undo", NULL, undo_activated);
}

static void
rg_studio_window_init (RgStudioWindow *self)
{
  self->staff_rows = g_ptr_array_new ();
  self->archived_staff_rows = g_ptr_array_new ();
  self->service_groups = g_ptr_array_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "studio.undo", FALSE);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (undo_shortcut_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
}

/* For the editors shown as subpages: back to the lists. */
void
rg_studio_window_close_page (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

/* For the editors: a refused save, as a toast that stays long enough to read. */
void
rg_studio_window_show_error (GtkWidget    *page,
                             const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (page);
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 8);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
    }
  else
    g_message ("%s", error->message);
}

RgStudioWindow *
rg_studio_window_new (RgStudio *studio)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return g_object_new (RG_TYPE_STUDIO_WINDOW, "studio", studio, NULL);
}

/* rg-window.c — the main window.
 *
 * A header bar with a view switcher over the views (Today, Calendar,
 * Clients, Satisfaction and Retention, pages of one AdwViewStack), and on
 * the right the client card pane in an AdwFlap: whichever view selects a client
 * sets the studio's shared selection and the pane shows it. In a narrow
 * window the pane folds over the content and its back button returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "analytics/rg-studio-figures.h"
#include "model/rg-import.h"
#include "widgets/common/rg-accessible.h"
#include "widgets/common/rg-spin-wheel.h"
#include "widgets/calendar/rg-calendar-view.h"
#include "widgets/client/rg-client-card.h"
#include "widgets/client/rg-clients-view.h"
#include "widgets/calendar/rg-day-view.h"
#include "widgets/satisfaction/rg-satisfaction-view.h"
#include "widgets/today/rg-task-dialog.h"
#include "widgets/today/rg-today-view.h"
#include "widgets/retention/rg-retention-view.h"
#include "widgets/studio/rg-studio-window.h"
#include "widgets/io/rg-export-dialog.h"
#include "widgets/money/rg-check-out-dialog.h"
#include "widgets/money/rg-certificates-window.h"
#include "widgets/money/rg-liabilities-window.h"
#include "widgets/money/rg-payroll-window.h"
#include "widgets/stock/rg-stock-window.h"
#include "widgets/money/rg-certificate-print.h"
#include "widgets/satisfaction/rg-rating-dialog.h"
#include "widgets/client/rg-new-client.h"
#include "model/rg-roles.h"
#include "widgets/lock/rg-window-lock.h"
#include "model/rg-backup.h"
#include "model/rg-roles.h"
#include "widgets/audit/rg-audit-window.h"
#include "rg-application.h"
#include "rg-window.h"

struct _RgWindow
{
  AdwApplicationWindow  parent_instance;

  RgStudio             *studio;
  gboolean              demo;
  GSettings            *settings;
  AdwToast             *undo_toast;   /* the last action's Undo, kept after its toast goes */
  gulong                selection_id;
  gulong                detached_id;
  gulong                read_only_id;
  gulong                first_frame_id;
  guint                 reminders_id;
  gint64                reminded_until;
  RgWindowLock         *lock;         /* the lock page over the content (rg-window-lock.c) */
  gulong                session_id;
  gint64                signed_in;    /* who was, at the last session change */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *sell_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwFlap              *flap;
  RgCalendarView       *calendar_view;
  RgClientsView        *clients_view;
  AdwBin               *satisfaction_page;
  RgTodayView          *today_view;
  AdwBin               *retention_page;
  RgClientCard         *client_card;
  GtkWidget            *session_button;
  AdwButtonContent     *session_content;

  /* Made when first shown: most days the window opens and closes on Today
   * and the calendar, and these two cost a fifth of its start. */
  RgSatisfactionView   *satisfaction_view;
  RgRetentionView      *retention_view;
};

G_DEFINE_FINAL_TYPE (RgWindow, rg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STUDIO,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings are optional: an uninstalled build without compiled schemas
 * still runs, it just does not remember the window size. */
static GSettings *
maybe_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s not found; the window size is not remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_size (RgWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
rg_window_close_request (GtkWindow *window)
{
  RgWindow *self = RG_WINDOW (window);

  if (self->settings)
    {
      int width, height;
      gboolean maximized = gtk_window_is_maximized (window);

      g_settings_delay (self->settings);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (rg_window_parent_class)->close_request (window);
}

static void
selected_client_changed_cb (RgWindow   *self,
                            GParamSpec *pspec,
                            RgStudio   *studio)
{
  /* Folded, the pane opens over the list when a client is chosen. */
  if (rg_studio_get_selected_client (studio) && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "clients");
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  rg_clients_view_focus_search (self->clients_view);
}

static void focus_page (RgWindow *self);

/* After a dialog, a toast or a card that went away: the keyboard back to
 * the page. */
static void
focus_content_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  focus_page (RG_WINDOW (widget));
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, g_variant_get_string (parameter, NULL));

  /* Ctrl+1..5 to a page the role does not have: nothing. */
  if (child == NULL || !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->stack, child)))
    return;
  adw_view_stack_set_visible_child (self->stack, child);
  focus_page (self);
}

/* Shift+Ctrl+N from anywhere: the Clients page and a new client, named or
 * numbered from what was typed in the search. */
static void
new_client_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "clients");
  rg_new_client_dialog_present (GTK_WINDOW (self), self->studio, rg_clients_view_get_search_text (self->clients_view));
}

/* Ctrl+N from anywhere: the calendar, and a new appointment on its day. */
static void
new_appointment_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "calendar");
  gtk_widget_activate_action (GTK_WIDGET (self->calendar_view), "calendar.new", NULL);
}

static void
hide_card_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* From the satisfaction panel and elsewhere: a client's card. */
static void
open_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, g_variant_get_int64 (parameter), &error);

  if (client == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("That client’s card was deleted.")));
      return;
    }
  rg_studio_set_selected_client (self->studio, client);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* A visit in the calendar: its day, selected, and its client's card. */
static void
open_visit_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) appointment = rg_studio_lookup (self->studio, RG_TYPE_APPOINTMENT,
                                                           g_variant_get_int64 (parameter), &error);

  if (appointment == NULL || rg_record_is_deleted (RG_RECORD (appointment)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("That visit was deleted.")));
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, "calendar");
  rg_calendar_view_set_mode (self->calendar_view, RG_CALENDAR_MODE_DAY);
  rg_calendar_view_set_date (self->calendar_view, rg_date_from_time (rg_appointment_get_starts_at (appointment)));
  rg_day_view_select (rg_calendar_view_get_day_view (self->calendar_view), appointment);
}

/* From a call: the calendar and the editor for the client's usual visit. */
static void
book_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  gint64 client_id, service_id, staff_id;
  g_autoptr(RgClient) client = NULL;

  g_variant_get (parameter, "(xxx)", &client_id, &service_id, &staff_id);
  client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, client_id, NULL);
  if (client == NULL)
    return;
  rg_window_book_client (self, client, service_id, staff_id, NULL);
}

/* Books @client from anywhere (a call, the card): the calendar, with the
 * editor open on their service and master at the first free time. */
RgAppointmentEditor *
rg_window_book_client (RgWindow     *self,
                       RgClient     *client,
                       gint64        service_id,
                       gint64        staff_id,
                       const RgCall *call)
{
  g_return_val_if_fail (RG_IS_WINDOW (self), NULL);
  g_return_val_if_fail (RG_IS_CLIENT (client), NULL);

  adw_view_stack_set_visible_child_name (self->stack, "calendar");
  return rg_calendar_view_book_client (self->calendar_view, client, service_id, staff_id, call);
}

/* A task for the client on the card: "call back tomorrow afternoon". */
static void
new_task_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  RgClient *client = rg_studio_get_selected_client (self->studio);

  if (client == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a client first: a task is for someone.")));
      return;
    }
  gtk_window_present (GTK_WINDOW (rg_task_dialog_new (GTK_WINDOW (self), self->studio,
                                                      rg_record_get_id (RG_RECORD (client)))));
}

/* Reminders: a task that falls due while the application runs becomes a
 * desktop notification (overdue ones at start are on Today). */
static gboolean
reminders_tick_cb (gpointer data)
{
  RgWindow *self = data;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = rg_time_now () + 1;

  due = rg_studio_tasks_falling_due (self->studio, self->reminded_until, now, &error);
  self->reminded_until = now;
  if (due == NULL)
    {
      g_warning ("Could not look for tasks falling due: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  for (guint i = 0; i < due->len && app != NULL; i++)
    {
      const RgTaskDue *t = due->pdata[i];
      g_autoptr(GNotification) n = NULL;
      g_autofree char *id = g_strdup_printf ("task-%" G_GINT64_FORMAT, t->task_id);
      /* Translators: a reminder's title: the client */
      g_autofree char *title = g_strdup_printf (_("Task: %s"), t->client);

      n = g_notification_new (title);
      g_notification_set_body (n, t->text ? t->text : "");
      g_notification_set_priority (n, G_NOTIFICATION_PRIORITY_HIGH);
      g_notification_set_default_action_and_target (n, "app.open-client", "x", t->client_id);
      g_application_send_notification (app, id, n);
    }
  return G_SOURCE_CONTINUE;
}

static void
toast_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* The till ------------------------------------------------------------------ */

static void
checked_out_cb (RgCheckOutDialog *dialog,
                gint64            sale_id,
                gint64            appointment_id,
                RgWindow         *self)
{
  g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (self->studio, sale_id, NULL);
  const RgReceiptLine *certificate = NULL;
  AdwToast *toast;

  /* A gift certificate sold: offered to be printed (the first, when a
   * sale sold several; the Gift Certificates window prints any). */
  for (guint i = 0; receipt && i < receipt->n_lines && certificate == NULL; i++)
    if (receipt->lines[i].kind == RG_SALE_LINE_CERTIFICATE && receipt->lines[i].reference)
      certificate = &receipt->lines[i];
  if (certificate)
    {
      /* Translators: a toast after a sale, with the certificate's line, e.g. "Gift certificate GC-000004" */
      g_autofree char *title = g_strdup_printf (_("Paid · %s"), certificate->name);

      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Print Certificate"));
      adw_toast_set_action_name (toast, "win.print-certificate");
      adw_toast_set_action_target_value (toast, g_variant_new_string (certificate->reference));
      adw_toast_set_timeout (toast, 0);
    }
  else
    toast = adw_toast_new (_("Paid"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* The visit is done: its rating, as after marking it done. */
  if (appointment_id)
    {
      g_autoptr(RgAppointment) appointment = rg_studio_lookup (self->studio, RG_TYPE_APPOINTMENT, appointment_id, NULL);

      if (appointment)
        gtk_window_present (GTK_WINDOW (rg_rating_dialog_new (GTK_WINDOW (self), self->studio, appointment)));
    }
}

static RgCheckOutDialog *
open_till (RgWindow *self,
           gint64    appointment_id,
           gint64    client_id)
{
  g_autoptr(GError) error = NULL;
  RgCheckOutDialog *dialog = rg_check_out_dialog_new (GTK_WINDOW (self), self->studio, appointment_id, client_id,
                                                      &error);

  if (dialog == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return NULL;
    }
  g_signal_connect_object (dialog, "checked-out", G_CALLBACK (checked_out_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* win.check-out(x): the visit's check-out. */
static void
check_out_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_till (RG_WINDOW (widget), g_variant_get_int64 (parameter), 0);
}

/* win.sell(x): a sale without a visit, to the client (0: a walk-in). */
static void
sell_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_till (RG_WINDOW (widget), 0, g_variant_get_int64 (parameter));
}

/* win.top-up(x): the client's deposit topped up, its amount to type. */
static void
top_up_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgCheckOutDialog *dialog = open_till (RG_WINDOW (widget), 0, g_variant_get_int64 (parameter));

  if (dialog)
    rg_check_out_dialog_start_with (dialog, RG_SALE_LINE_DEPOSIT);
}

/* win.sell-subscription(x): a subscription sold to the client, its kind to choose. */
static void
sell_subscription_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RgCheckOutDialog *dialog = open_till (RG_WINDOW (widget), 0, g_variant_get_int64 (parameter));

  if (dialog)
    rg_check_out_dialog_start_with (dialog, RG_SALE_LINE_SUBSCRIPTION);
}

/* win.print-certificate(s): the gift certificate of that number on paper. */
static void
print_certificate_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  const char *number = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = rg_studio_list_certificates (self->studio, number, g_get_real_time () / G_USEC_PER_SEC,
                                                         &error);

  if (found == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* The search finds numbers containing it: the one that is it. */
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (g_array_index (found, RgCertificateEntry, i).number, number) == 0)
      {
        rg_certificate_print (GTK_WINDOW (self), self->studio, &g_array_index (found, RgCertificateEntry, i));
        return;
      }
}

/* The masters' pay of a month. */
static void
payroll_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rg_payroll_window_new (GTK_WINDOW (self), self->studio)));
}

/* What is on hand, what to order; goods received, counts, write-offs. */
static void
stock_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  RgStockWindow *stock = rg_stock_window_new (GTK_WINDOW (self), self->studio);

  if (parameter != NULL && g_variant_get_int64 (parameter) != 0)
    rg_stock_window_show_item (stock, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (stock));
}

/* What the studio owes its clients: deposits, certificates, subscriptions, points. */
static void
liabilities_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rg_liabilities_window_new (GTK_WINDOW (self), self->studio)));
}

/* Every gift certificate sold, their balances, print. */
static void
certificates_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rg_certificates_window_new (GTK_WINDOW (self), self->studio)));
}

/* Studio setup: staff, their hours, services. */
static void
studio_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  RgStudioWindow *studio_window = rg_studio_window_new (self->studio);

  gtk_window_set_transient_for (GTK_WINDOW (studio_window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (studio_window));
}

/* --- Import ---------------------------------------------------------------- */

typedef struct {
  RgStudio *studio;
  GBytes   *undo;
  GWeakRef  window;
} ImportUndo;

static void
import_undo_free (ImportUndo *undo)
{
  g_clear_object (&undo->studio);
  g_clear_pointer (&undo->undo, g_bytes_unref);
  g_weak_ref_clear (&undo->window);
  g_free (undo);
}

static void
undo_import_cb (AdwToast   *toast,
                ImportUndo *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgWindow) window = g_weak_ref_get (&undo->window);

  if (undo->undo == NULL)
    return;
  if (!rg_studio_undo_import (undo->studio, undo->undo, &error))
    {
      if (window)
        rg_window_add_toast (window, adw_toast_new (error->message));
      return;
    }
  g_clear_pointer (&undo->undo, g_bytes_unref);
  if (window)
    rg_window_add_toast (window, adw_toast_new (_("The import was undone")));
}

static void
imported_cb (RgImportDialog *dialog,
             guint           created,
             guint           updated,
             GBytes         *undo_bytes,
             RgWindow       *self)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  ImportUndo *undo;
  gboolean visits = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "visits"));

  if (visits)
    /* Translators: a toast after importing the history of visits */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit imported", "%u visits imported", created), created);
  else if (updated > 0)
    /* Translators: a toast after importing clients: %u new cards, %u existing cards filled in */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client imported, %u cards updated",
                                          "%u clients imported, %u cards updated", created), created, updated);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client imported", "%u clients imported", created),
                             created);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (undo_bytes != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      undo = g_new0 (ImportUndo, 1);
      undo->studio = g_object_ref (self->studio);
      undo->undo = g_bytes_ref (undo_bytes);
      g_weak_ref_init (&undo->window, self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_import_cb), undo,
                             (GClosureNotify) (void (*) (void)) import_undo_free, 0);
      rg_window_add_undo_toast (self, toast);
    }
  else
    rg_window_add_toast (self, toast);
}

void
rg_window_import_file (RgWindow           *self,
                       RgImportDialogKind  kind,
                       GFile              *file)
{
  g_autoptr(GError) error = NULL;
  RgImportDialog *dialog;

  g_return_if_fail (RG_IS_WINDOW (self));

  dialog = rg_import_dialog_new (GTK_WINDOW (self), self->studio, kind, file, &error);
  if (dialog == NULL)
    {
      GtkWidget *message;

      message = adw_message_dialog_new (GTK_WINDOW (self), _("The File Cannot Be Imported"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  g_object_set_data (G_OBJECT (dialog), "visits", GINT_TO_POINTER (kind == RG_IMPORT_DIALOG_VISITS));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  RgWindow        *self)
{
  RgImportDialogKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rg_window_import_file (self, kind, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *first_pattern,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *pattern = first_pattern; pattern; pattern = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  gboolean visits = g_str_equal (g_variant_get_string (parameter, NULL), "visits");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (visits ? _("Import Visits") : _("Import Clients"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  if (visits)
    add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (CSV)"), "*.csv", "*.CSV", "*.txt", "*.TXT", NULL);
  else
    {
      add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets and Contacts (CSV, vCard)"),
                  "*.csv", "*.CSV", "*.txt", "*.TXT", "*.vcf", "*.VCF", "*.vcard", NULL);
      add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (CSV)"), "*.csv", "*.CSV", "*.txt", "*.TXT", NULL);
      add_filter (GTK_FILE_CHOOSER (chooser), _("Contacts (vCard)"), "*.vcf", "*.VCF", "*.vcard", NULL);
    }
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), "*", NULL);
  g_object_set_data (G_OBJECT (chooser), "kind",
                     GINT_TO_POINTER (visits ? RG_IMPORT_DIALOG_VISITS : RG_IMPORT_DIALOG_CLIENTS));
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  RgExportDialogKind kind = g_str_equal (action_name, "win.export-clients") ? RG_EXPORT_DIALOG_CLIENTS
                                                                            : RG_EXPORT_DIALOG_APPOINTMENTS;

  gtk_window_present (GTK_WINDOW (rg_export_dialog_new (GTK_WINDOW (self), self->studio, kind)));
}

/* Built when asked for, not with every window (GtkApplication would load a
 * gtk/help-overlay.ui for each new window). */
static void
show_shortcuts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/rg-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      RgWindow      *self)
{
  g_clear_signal_handler (&self->first_frame_id, clock);
  g_debug ("First frame drawn");
  g_print ("first-frame\n");
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static void
map_for_first_frame_cb (RgWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock && self->first_frame_id == 0)
    self->first_frame_id = g_signal_connect (clock, "after-paint",
                                             G_CALLBACK (after_first_paint_cb), self);
}

/* For the start-up benchmark: report the first drawn frame, then quit. */
void
rg_window_quit_after_first_frame (RgWindow *self)
{
  g_return_if_fail (RG_IS_WINDOW (self));

  g_signal_connect (self, "map", G_CALLBACK (map_for_first_frame_cb), NULL);
}

void
rg_window_add_toast (RgWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RG_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_clicked_cb (AdwToast *toast,
                 RgWindow *self)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->undo_toast != NULL);
}

/* A toast whose button undoes what was just done. Ctrl+Z presses it, also
 * after the toast has gone, until another action takes its place: the
 * toast keeps what its button needs. */
void
rg_window_add_undo_toast (RgWindow *self,
                          AdwToast *toast)
{
  g_return_if_fail (RG_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_object (&self->undo_toast, toast);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_AFTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Ctrl+Z: the last action's Undo, unless the keyboard is in a field with
 * text, whose own Ctrl+Z undoes typing. (GtkText takes Ctrl+Z even with
 * nothing to undo, so the window asks first, in the capture phase.) */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  RgWindow *self = RG_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->undo_toast == NULL)
    return FALSE;
  if (focus && GTK_IS_EDITABLE (focus) && *gtk_editable_get_text (GTK_EDITABLE (focus)) != '\0')
    return FALSE;
  if (focus && GTK_IS_TEXT_VIEW (focus) &&
      gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus))) > 0)
    return FALSE;
  return gtk_widget_activate_action (widget, "win.undo", NULL);
}

static gboolean
dismiss_idle (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  if (toast == NULL)
    return;
  g_signal_emit_by_name (toast, "button-clicked");
  /* Its Undo is spent: the toast goes, or, already gone, stays gone.
   * Dismissed from the main loop: libadwaita 1.2's overlay asserts when a
   * toast is dismissed while the one it displaced is still sliding out. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, dismiss_idle, g_steal_pointer (&toast), g_object_unref);
}

/* The Satisfaction and Retention pages, made the first time they show. */
/* The keyboard goes with the page shown (Ctrl+1..5, the switcher): to
 * its content, unless the focus is in it already. A focus left on the
 * page that went away (or on nothing, after a dialog or a toast) would
 * leave the page's keys dead until a click. */
static void
focus_page (RgWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (page == NULL || !gtk_widget_get_mapped (page))
    return;
  if (focus && gtk_widget_get_mapped (focus) && (focus == page || gtk_widget_is_ancestor (focus, page)))
    return;
  if (page == GTK_WIDGET (self->calendar_view))
    rg_calendar_view_focus_content (self->calendar_view);
  else if (page == GTK_WIDGET (self->clients_view))
    rg_clients_view_focus_search (self->clients_view);
  else
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
make_shown_page (RgWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "satisfaction") == 0 && self->satisfaction_view == NULL)
    {
      self->satisfaction_view = g_object_new (RG_TYPE_SATISFACTION_VIEW, NULL);
      rg_satisfaction_view_set_studio (self->satisfaction_view, self->studio);
      adw_bin_set_child (self->satisfaction_page, GTK_WIDGET (self->satisfaction_view));
    }
  else if (g_strcmp0 (name, "retention") == 0 && self->retention_view == NULL)
    {
      self->retention_view = g_object_new (RG_TYPE_RETENTION_VIEW, NULL);
      rg_retention_view_set_studio (self->retention_view, self->studio);
      adw_bin_set_child (self->retention_page, GTK_WIDGET (self->retention_view));
    }
}

/* The studio's files were removed or replaced on disk while it was open,
 * and it has stopped saving (RgStudio:detached): say so once, plainly, and
 * keep saying it in the title, since every later change will fail too. */
static void
studio_detached_cb (RgWindow *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (!rg_studio_get_detached (self->studio))
    return;

  adw_view_switcher_title_set_subtitle (self->switcher_title, _("Not Saving Changes"));

  body = g_strdup_printf (_("Another program removed or replaced the studio’s files on disk while Regulars "
                            "had them open. To lose nothing, Regulars saves no more changes to “%s”: what "
                            "you change now would not be kept.\n\n"
                            "Quit Regulars and open the studio again, then repeat the last change."),
                          rg_studio_get_path (self->studio));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Saving Stopped"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Open"),
                                    "quit", _("_Quit Regulars"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "quit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_swapped (dialog, "response::quit", G_CALLBACK (gtk_window_destroy), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Backups ---------------------------------------------------------------- */

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(RgWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (rg_studio_backup_finish (RG_STUDIO (source), result, &error))
    {
      g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (self), "rg-backup-name"));

      message = g_strdup_printf (_("Backed up to “%s”"), name ? name : "");
    }
  else
    message = g_strdup (error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Backs the studio up to @file in a thread; a toast says when it is done. */
void
rg_window_backup_to_file (RgWindow *self,
                          GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a folder on this computer for the backup.")));
      return;
    }
  g_object_set_data_full (G_OBJECT (self), "rg-backup-name", g_file_get_basename (file), g_free);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Backing up…")));
  rg_studio_backup_async (self->studio, path, NULL, backup_done_cb, g_object_ref (self));
}

static void
backup_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  RgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file)
        rg_window_backup_to_file (self, file);
    }
  g_object_unref (chooser);
}

static void
backup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Back Up the Studio"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"), _("_Cancel"));
  /* Translators: the suggested file name of a backup; the date is YYYY-MM-DD */
  name = g_strdup_printf (_("Regulars backup %s"), day);
  {
    g_autofree char *full = g_strconcat (name, RG_BACKUP_SUFFIX, NULL);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), full);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct {
  char         *path;
  RgBackupInfo  info;
} Inspection;

static void
inspection_free (Inspection *inspection)
{
  g_free (inspection->path);
  rg_backup_info_clear (&inspection->info);
  g_free (inspection);
}

static void
inspect_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Inspection *inspection = data;
  GError *error = NULL;

  if (rg_backup_inspect (inspection->path, &inspection->info, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct {
  RgApplication *app;
  char          *studio;
  char          *backup;
} RestoreLater;

static gboolean
restore_later_cb (gpointer data)
{
  RestoreLater *later = data;

  rg_application_restore_studio (later->app, later->studio, later->backup);
  g_object_unref (later->app);
  g_free (later->studio);
  g_free (later->backup);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RgWindow         *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  RestoreLater *later;

  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || !RG_IS_APPLICATION (app))
    return;
  /* A restore replaces everything, as an import and a backup would: the
   * model says whether the role may (and logs a refusal). */
  if (!rg_studio_allowed (self->studio, RG_ACTION_BACKUP, 0, 0, &error) ||
      !rg_studio_allowed (self->studio, RG_ACTION_IMPORT, 0, 0, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Once the dialog, transient for this window, has closed: the restore
   * closes the window. */
  later = g_new0 (RestoreLater, 1);
  later->app = g_object_ref (RG_APPLICATION (app));
  later->studio = g_strdup (rg_studio_get_path (self->studio));
  later->backup = g_strdup (g_object_get_data (G_OBJECT (dialog), "rg-backup-path"));
  g_idle_add (restore_later_cb, later);
}

static void
inspected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  RgWindow *self = RG_WINDOW (source);
  Inspection *inspection = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL, *body = NULL;
  AdwMessageDialog *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("This Backup Cannot Be Restored"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  described = rg_backup_describe (&inspection->info);
  body = g_strdup_printf (_("%s\n\nThe studio as it is now is kept first, as a backup in the “backups” folder "
                            "beside it. The window closes and opens again with the restored studio."),
                          described);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rg-backup-path", g_strdup (inspection->path), g_free);
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "restore-backup");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Checks @file in a thread, then asks, showing what it holds, whether to
 * restore it (the chooser's part of "Restore…", for tests without it). */
void
rg_window_restore_from_file (RgWindow *self,
                             GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  Inspection *inspection;

  g_return_if_fail (RG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  inspection = g_new0 (Inspection, 1);
  inspection->path = g_file_get_path (file);
  task = g_task_new (self, NULL, inspected_cb, NULL);
  g_task_set_task_data (task, inspection, (GDestroyNotify) inspection_free);
  if (inspection->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Choose a backup file on this computer."));
      return;
    }
  g_task_run_in_thread (task, inspect_thread);
}

static void
restore_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   RgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file)
        rg_window_restore_from_file (self, file);
    }
  g_object_unref (chooser);
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder = NULL;

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (backups, _("Regulars backups"));
  gtk_file_filter_add_pattern (backups, "*" RG_BACKUP_SUFFIX);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), backups);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (rg_studio_get_path (self->studio))
    {
      g_autoptr(GFile) dir = NULL;

      folder = rg_backup_folder (rg_studio_get_path (self->studio));
      dir = g_file_new_for_path (folder);
      if (g_file_query_exists (dir, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A write failed on a full disk, a read-only file or an I/O error, and the
 * studio saves no more (RgStudio:read-only): say why, once, and keep
 * saying it in the title. */
static void
studio_read_only_cb (RgWindow *self)
{
  AdwMessageDialog *dialog;

  if (!rg_studio_get_read_only (self->studio))
    return;

  adw_view_switcher_title_set_subtitle (self->switcher_title, _("Read Only: Not Saving Changes"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Saving Stopped"),
                                                       rg_studio_get_read_only_message (self->studio)));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Open"),
                                    "quit", _("_Quit Regulars"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_swapped (dialog, "response::quit", G_CALLBACK (gtk_window_destroy), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Who is signed in, on the header's lock button (the subtitle stays the
 * demo's or a read-only studio's). */
static void
show_session (RgWindow *self)
{
  g_autofree char *who = NULL;

  /* One person's Undo is not the next one's. */
  if (self->undo_toast && self->signed_in != rg_studio_get_session_staff (self->studio))
    {
      g_clear_object (&self->undo_toast);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
    }
  self->signed_in = rg_studio_get_session_staff (self->studio);
  who = rg_window_lock_describe_session (self->studio);
  adw_button_content_set_label (self->session_content, who ? who : "");
  gtk_widget_set_visible (self->session_button, who != NULL);
}

static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  if (self->lock)
    rg_window_lock_lock (self->lock);
}

/* For tests: locks after @seconds without input (0: the studio's minutes). */
void
rg_window_set_lock_timeout (RgWindow *self,
                            guint     seconds)
{
  g_return_if_fail (RG_IS_WINDOW (self));
  rg_window_lock_set_timeout (self->lock, seconds);
}

gboolean
rg_window_get_locked (RgWindow *self)
{
  g_return_val_if_fail (RG_IS_WINDOW (self), FALSE);
  return self->lock && rg_window_lock_get_locked (self->lock);
}

static void
audit_log_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rg_audit_window_new (GTK_WINDOW (self), self->studio)));
}

/* What the role allows ------------------------------------------------------ */

/* The window's actions and the model's action each needs: a disabled
 * action hides its menu item and kills its shortcut too. */
static const struct {
  const char *name;
  RgAction    action;
  RgAction    also;        /* RG_N_ACTIONS: none */
} window_actions[] = {
  { "win.export-clients", RG_ACTION_EXPORT, RG_N_ACTIONS },
  { "win.export-appointments", RG_ACTION_EXPORT, RG_N_ACTIONS },
  { "win.import", RG_ACTION_IMPORT, RG_N_ACTIONS },
  { "win.backup", RG_ACTION_BACKUP, RG_N_ACTIONS },
  /* A restore replaces everything with an older copy: an import as well. */
  { "win.restore", RG_ACTION_BACKUP, RG_ACTION_IMPORT },
  { "win.studio", RG_ACTION_STUDIO_SETTINGS, RG_N_ACTIONS },
  { "win.stock", RG_ACTION_STOCK, RG_N_ACTIONS },
  { "win.stock-item", RG_ACTION_STOCK, RG_N_ACTIONS },
  { "win.liabilities", RG_ACTION_REPORTS, RG_N_ACTIONS },
  { "win.certificates", RG_ACTION_CHECK_OUT, RG_N_ACTIONS },
  { "win.print-certificate", RG_ACTION_CHECK_OUT, RG_N_ACTIONS },
  { "win.payroll", RG_ACTION_OWN_PAY, RG_N_ACTIONS },
  { "win.audit-log", RG_ACTION_AUDIT_LOG, RG_N_ACTIONS },
  { "win.sell", RG_ACTION_CHECK_OUT, RG_N_ACTIONS },
  { "win.check-out", RG_ACTION_CHECK_OUT, RG_N_ACTIONS },
  { "win.top-up", RG_ACTION_CHECK_OUT, RG_N_ACTIONS },
  { "win.sell-subscription", RG_ACTION_CHECK_OUT, RG_N_ACTIONS },
  { "win.new-task", RG_ACTION_TODAY, RG_N_ACTIONS },
};

static const struct {
  const char *page;
  RgAction    action;
} window_pages[] = {
  { "today", RG_ACTION_TODAY },
  { "calendar", RG_ACTION_VIEW_CALENDAR },
  { "clients", RG_ACTION_VIEW_CLIENTS },
  { "satisfaction", RG_ACTION_REPORTS },
  { "retention", RG_ACTION_REPORTS },
};

/* Asks the model what the session may do, and shows that: the actions,
 * the pages (landing on one the role has: a master on the calendar). */
static void
apply_role (RgWindow *self)
{
  GtkWidget *shown = adw_view_stack_get_visible_child (self->stack);
  gboolean shown_allowed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), window_actions[i].name,
                                   rg_studio_may (self->studio, window_actions[i].action) &&
                                   (window_actions[i].also == RG_N_ACTIONS ||
                                    rg_studio_may (self->studio, window_actions[i].also)));
  gtk_widget_set_visible (self->sell_button, rg_studio_may (self->studio, RG_ACTION_CHECK_OUT));

  for (guint i = 0; i < G_N_ELEMENTS (window_pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, window_pages[i].page);
      gboolean allowed = rg_studio_may (self->studio, window_pages[i].action);

      adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, child), allowed);
      if (child == shown)
        shown_allowed = allowed;
    }
  if (!shown_allowed)
    for (guint i = 0; i < G_N_ELEMENTS (window_pages); i++)
      if (rg_studio_may (self->studio, window_pages[i].action))
        {
          /* Today first for the desk; a master's day is their column. */
          const char *page = g_str_equal (window_pages[i].page, "today") ? "today" : "calendar";

          adw_view_stack_set_visible_child_name (self->stack, page);
          break;
        }
}

static void
session_changes_cb (RgWindow  *self,
                    RgChanges  changes)
{
  if (!(changes & RG_CHANGES_SESSION))
    return;
  show_session (self);
  apply_role (self);
}

gboolean
rg_window_page_shown (RgWindow   *self,
                      const char *page)
{
  GtkWidget *child;

  g_return_val_if_fail (RG_IS_WINDOW (self), FALSE);
  child = adw_view_stack_get_child_by_name (self->stack, page);
  return child != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (self->stack, child));
}

static void
rg_window_constructed (GObject *object)
{
  RgWindow *self = RG_WINDOW (object);

  G_OBJECT_CLASS (rg_window_parent_class)->constructed (object);

  g_assert (self->studio != NULL);

  rg_calendar_view_set_studio (self->calendar_view, self->studio);
  rg_clients_view_set_studio (self->clients_view, self->studio);
  rg_today_view_set_studio (self->today_view, self->studio);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (make_shown_page), self);
  make_shown_page (self);
  self->reminded_until = rg_time_now ();
  self->reminders_id = g_timeout_add_seconds (30, reminders_tick_cb, self);
  rg_client_card_set_studio (self->client_card, self->studio);
  self->selection_id = g_signal_connect_swapped (self->studio, "notify::selected-client",
                                                 G_CALLBACK (selected_client_changed_cb), self);
  self->detached_id = g_signal_connect_swapped (self->studio, "notify::detached",
                                                G_CALLBACK (studio_detached_cb), self);
  self->read_only_id = g_signal_connect_swapped (self->studio, "notify::read-only",
                                                 G_CALLBACK (studio_read_only_cb), self);

  if (self->demo)
    adw_view_switcher_title_set_subtitle (self->switcher_title, _("Demo Studio"));

  self->lock = rg_window_lock_new (ADW_APPLICATION_WINDOW (self), self->studio);
  self->session_id = g_signal_connect_swapped (self->studio, "changes", G_CALLBACK (session_changes_cb), self);
  session_changes_cb (self, RG_CHANGES_SESSION);

  self->settings = maybe_settings ();
  restore_size (self);
  g_debug ("Window constructed");
}

static void
rg_window_dispose (GObject *object)
{
  RgWindow *self = RG_WINDOW (object);

  if (self->studio)
    {
      g_clear_signal_handler (&self->selection_id, self->studio);
      g_clear_signal_handler (&self->detached_id, self->studio);
      g_clear_signal_handler (&self->read_only_id, self->studio);
      g_clear_signal_handler (&self->session_id, self->studio);
    }
  g_clear_pointer (&self->lock, rg_window_lock_free);
  g_clear_handle_id (&self->reminders_id, g_source_remove);

  g_clear_object (&self->undo_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_WINDOW);

  G_OBJECT_CLASS (rg_window_parent_class)->dispose (object);
}

static void
rg_window_finalize (GObject *object)
{
  RgWindow *self = RG_WINDOW (object);

  g_clear_object (&self->studio);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rg_window_parent_class)->finalize (object);
}

static void
rg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RgWindow *self = RG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RgWindow *self = RG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      self->studio = g_value_dup_object (value);
      break;
    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_window_class_init (RgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  rg_accessible_init ();
  rg_spin_wheel_init ();

  object_class->constructed = rg_window_constructed;
  object_class->dispose = rg_window_dispose;
  object_class->finalize = rg_window_finalize;
  object_class->get_property = rg_window_get_property;
  object_class->set_property = rg_window_set_property;

  window_class->close_request = rg_window_close_request;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RG_TYPE_CALENDAR_VIEW);
  g_type_ensure (RG_TYPE_CLIENTS_VIEW);
  g_type_ensure (RG_TYPE_CLIENT_CARD);
  g_type_ensure (RG_TYPE_TODAY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, sell_button);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, clients_view);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, client_card);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, satisfaction_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, today_view);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, retention_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, session_button);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, session_content);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.hide-card", NULL, hide_card_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.focus-content", NULL, focus_content_activated);
  gtk_widget_class_install_action (widget_class, "win.new-appointment", NULL, new_appointment_activated);
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-appointment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "calendar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-view", "s", "clients");
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.studio", NULL, studio_activated);
  gtk_widget_class_install_action (widget_class, "win.export-clients", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-appointments", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "win.import", "s", import_activated);
  gtk_widget_class_install_action (widget_class, "win.open-client", "x", open_client_activated);
  gtk_widget_class_install_action (widget_class, "win.open-visit", "x", open_visit_activated);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.check-out", "x", check_out_activated);
  gtk_widget_class_install_action (widget_class, "win.sell", "x", sell_activated);
  gtk_widget_class_install_action (widget_class, "win.top-up", "x", top_up_activated);
  gtk_widget_class_install_action (widget_class, "win.sell-subscription", "x", sell_subscription_activated);
  gtk_widget_class_install_action (widget_class, "win.print-certificate", "s", print_certificate_activated);
  gtk_widget_class_install_action (widget_class, "win.payroll", NULL, payroll_activated);
  gtk_widget_class_install_action (widget_class, "win.stock", NULL, stock_activated);
  gtk_widget_class_install_action (widget_class, "win.stock-item", "x", stock_activated);
  gtk_widget_class_install_action (widget_class, "win.liabilities", NULL, liabilities_activated);
  gtk_widget_class_install_action (widget_class, "win.certificates", NULL, certificates_activated);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.sell", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "win.book-client", "(xxx)", book_client_activated);
  gtk_widget_class_install_action (widget_class, "win.new-task", NULL, new_task_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.show-view", "s", "satisfaction");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.show-view", "s", "retention");
}

static void
rg_window_init (RgWindow *self)
{
  g_debug ("Building the window");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  /* The header's Sell: a walk-in, no client (the target first: the name
   * checks it). */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->sell_button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sell_button), "win.sell");
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (undo_shortcut_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
}

RgWindow *
rg_window_new (RgApplication *application,
               RgStudio      *studio,
               gboolean       demo)
{
  return g_object_new (RG_TYPE_WINDOW,
                       "application", application,
                       "studio", studio,
                       "demo", demo,
                       NULL);
}

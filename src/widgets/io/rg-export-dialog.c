/* rg-export-dialog.c — "Export Clients…" and "Export Appointments…".
 *
 * A message dialog with the choices as its extra child: the format of the
 * clients' file, or the appointments' period (this month unless changed)
 * and master (all or one). Its Export answer opens the file chooser with a
 * name suggested; the export runs in a thread (rg_export_*_async) and ends
 * in a toast on the window, or a dialog that says what went wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "io/rg-export.h"
#include "model/rg-format.h"
#include "model/rg-record-list.h"
#include "model/rg-staff.h"
#include "widgets/rg-window.h"
#include "rg-export-dialog.h"

struct _RgExportDialog
{
  AdwMessageDialog      parent_instance;

  RgStudio             *studio;
  RgExportDialogKind    kind;
  GtkWindow            *parent;         /* weak: the toast's window, still known after the dialog closed */
  RgRecordList         *masters;
  GArray               *master_ids;     /* gint64 per row of the master list; 0: all */

  GtkCheckButton       *format_checks[4];  /* clients: one per client_formats[] */
  GtkMenuButton        *from_button;    /* appointments */
  GtkMenuButton        *to_button;
  GtkCalendar          *from_calendar;
  GtkCalendar          *to_calendar;
  AdwComboRow          *master_row;

  RgDate                from;
  RgDate                to;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (RgExportDialog, rg_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const RgExportFormat client_formats[] = { RG_EXPORT_CSV, RG_EXPORT_CSV_COMMA, RG_EXPORT_VCARD,
                                                 RG_EXPORT_VCARD3 };

static RgExportFormat
chosen_format (RgExportDialog *self)
{
  if (self->kind == RG_EXPORT_DIALOG_APPOINTMENTS)
    return RG_EXPORT_ICS;
  for (guint i = 0; i < G_N_ELEMENTS (client_formats); i++)
    if (gtk_check_button_get_active (self->format_checks[i]))
      return client_formats[i];
  return RG_EXPORT_CSV;
}

static gint64
chosen_master (RgExportDialog *self)
{
  guint i = self->master_row ? adw_combo_row_get_selected (self->master_row) : 0;

  return self->master_ids && i < self->master_ids->len ? g_array_index (self->master_ids, gint64, i) : 0;
}

static const char *
extension (RgExportFormat format)
{
  return format == RG_EXPORT_VCARD || format == RG_EXPORT_VCARD3 ? "vcf" : format == RG_EXPORT_ICS ? "ics" : "csv";
}

char *
rg_export_dialog_suggest_name (RgExportDialog *self)
{
  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), NULL);

  if (self->kind == RG_EXPORT_DIALOG_CLIENTS)
    {
      g_autofree char *today = rg_date_to_iso (rg_date_today ());

      /* Translators: a file's name: %s (1) is today as 2026-12-07, %s (2) its extension (csv, vcf) */
      return g_strdup_printf (_("Clients %s.%s"), today, extension (chosen_format (self)));
    }
  else
    {
      g_autofree char *from = rg_date_to_iso (self->from);
      g_autofree char *to = rg_date_to_iso (self->to);

      /* Translators: a file's name: the period's first and last days as 2026-12-01 */
      return g_strdup_printf (_("Appointments %s to %s.ics"), from, to);
    }
}

/* Exporting ------------------------------------------------------------------- */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(RgExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  gint64 rows = rg_export_finish (RG_STUDIO (source), result, &error);
  GFile *file = g_object_get_data (G_OBJECT (self), "file");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows >= 0)
    message = rg_export_describe_result (self->kind == RG_EXPORT_DIALOG_CLIENTS ? "clients" : "appointments",
                                         rows, path);
  g_signal_emit (self, signals[FINISHED], 0, rows >= 0, rows >= 0 ? message : error->message);
}

void
rg_export_dialog_export_to (RgExportDialog *self,
                            GFile          *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  g_object_set_data_full (G_OBJECT (self), "file", g_object_ref (file), g_object_unref);
  if (path == NULL)
    {
      g_signal_emit (self, signals[FINISHED], 0, FALSE, _("Choose a folder on this computer or a mounted disk."));
      return;
    }
  if (self->kind == RG_EXPORT_DIALOG_CLIENTS)
    rg_export_clients_async (self->studio, path, chosen_format (self), self->cancellable, exported_cb,
                             g_object_ref (self));
  else
    {
      RgExportPeriod period = { self->from, self->to, chosen_master (self) };

      rg_export_appointments_async (self->studio, path, &period, self->cancellable, exported_cb,
                                    g_object_ref (self));
    }
}

/* The toast, or what went wrong; on the window the dialog was opened from. */
static void
rg_export_dialog_finished (RgExportDialog *self,
                           gboolean        ok,
                           const char     *message)
{
  GtkWindow *parent = self->parent;

  if (ok && RG_IS_WINDOW (parent))
    rg_window_add_toast (RG_WINDOW (parent), adw_toast_new (message));
  else if (!ok && parent != NULL && gtk_widget_get_visible (GTK_WIDGET (parent)))
    {
      GtkWidget *dialog = adw_message_dialog_new (parent,
                                                  self->kind == RG_EXPORT_DIALOG_CLIENTS
                                                  ? _("The Clients Were Not Exported")
                                                  : _("The Appointments Were Not Exported"),
                                                  message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         data)
{
  g_autoptr(RgExportDialog) self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rg_export_dialog_export_to (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (RgExportDialog *self)
{
  GtkWindow *parent = self->parent;
  g_autofree char *name = rg_export_dialog_suggest_name (self);
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension (chosen_format (self)));
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  self->chooser = gtk_file_chooser_native_new (self->kind == RG_EXPORT_DIALOG_CLIENTS ? _("Export Clients")
                                                                                      : _("Export Appointments"),
                                               parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, rg_export_format_describe (chosen_format (self)));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (dialog);

  if (g_strcmp0 (response, "export") == 0)
    choose_file (self);
}

/* The choices ----------------------------------------------------------------- */

static void
show_day (GtkMenuButton *button,
          RgDate         day)
{
  g_autofree char *label = rg_format_day (day);

  gtk_menu_button_set_label (button, label);
}

static void
select_day (GtkCalendar *calendar,
            RgDate       day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (day.year, day.month, day.day, 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

static void
day_selected_cb (GtkCalendar    *calendar,
                 RgExportDialog *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  RgDate day = { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };
  gboolean from = calendar == self->from_calendar;

  if (from)
    self->from = day;
  else
    self->to = day;
  /* The period never ends before it starts: the other end follows. */
  if (rg_date_compare (self->from, self->to) > 0)
    {
      if (from)
        {
          self->to = self->from;
          select_day (self->to_calendar, self->to);
        }
      else
        {
          self->from = self->to;
          select_day (self->from_calendar, self->from);
        }
    }
  show_day (self->from_button, self->from);
  show_day (self->to_button, self->to);
  gtk_menu_button_popdown (from ? self->from_button : self->to_button);
}

static GtkWidget *
day_row (RgExportDialog  *self,
         const char      *title,
         RgDate           day,
         GtkMenuButton  **button,
         GtkCalendar    **calendar)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *popover = gtk_popover_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *calendar = GTK_CALENDAR (gtk_calendar_new ());
  select_day (*calendar, day);
  g_signal_connect (*calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (*calendar));
  *button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (*button, popover);
  gtk_widget_set_valign (GTK_WIDGET (*button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (*button), "flat");
  show_day (*button, day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*button));
  return row;
}

/* The formats one under another, each with what it is for. */
static GtkWidget *
build_clients (RgExportDialog *self)
{
  static const char *subtitles[] = {
    N_("Semicolons: Excel opens it by a double click"),
    N_("Commas, for other programs"),
    N_("Contacts for an address book or a newer phone (RFC 6350)"),
    N_("Contacts for a phone that does not read vCard 4.0"),
  };
  GtkWidget *group = adw_preferences_group_new ();

  G_STATIC_ASSERT (G_N_ELEMENTS (subtitles) == G_N_ELEMENTS (client_formats));
  for (guint i = 0; i < G_N_ELEMENTS (client_formats); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_export_format_describe (client_formats[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(subtitles[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->format_checks[0]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      self->format_checks[i] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static GtkWidget *
build_appointments (RgExportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  RgDate today = rg_date_today ();
  RgDate next_month = { today.month == 12 ? today.year + 1 : today.year, today.month == 12 ? 1 : today.month + 1, 1 };
  guint n;
  gint64 all = 0;

  self->from = (RgDate) { today.year, today.month, 1 };
  self->to = rg_date_add_days (next_month, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             day_row (self, _("From"), self->from, &self->from_button, &self->from_calendar));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             day_row (self, _("To"), self->to, &self->to_button, &self->to_calendar));

  self->masters = rg_record_list_new_staff (self->studio, TRUE);
  self->master_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("All Masters"));
  g_array_append_val (self->master_ids, all);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->masters));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->masters), i);
      gint64 id = rg_record_get_id (RG_RECORD (staff));

      gtk_string_list_append (names, rg_staff_get_display_name (staff));
      g_array_append_val (self->master_ids, id);
    }
  self->master_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->master_row), _("Master"));
  adw_combo_row_set_model (self->master_row, G_LIST_MODEL (names));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->master_row));
  return group;
}

/* The dialog ------------------------------------------------------------------ */

static void
rg_export_dialog_dispose (GObject *object)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (object);

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (rg_export_dialog_parent_class)->dispose (object);
}

static void
rg_export_dialog_finalize (GObject *object)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->studio);
  g_clear_object (&self->masters);
  g_clear_pointer (&self->master_ids, g_array_unref);
  G_OBJECT_CLASS (rg_export_dialog_parent_class)->finalize (object);
}

static void
rg_export_dialog_class_init (RgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_export_dialog_dispose;
  object_class->finalize = rg_export_dialog_finalize;

  /* ::finished (ok, message): the toast's text, or what went wrong. */
  signals[FINISHED] = g_signal_new_class_handler ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                  G_CALLBACK (rg_export_dialog_finished), NULL, NULL, NULL,
                                                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
rg_export_dialog_init (RgExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "export-dialog");
}

RgExportDialog *
rg_export_dialog_new (GtkWindow          *parent,
                      RgStudio           *studio,
                      RgExportDialogKind  kind)
{
  RgExportDialog *self;
  GtkWidget *choices;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", kind == RG_EXPORT_DIALOG_CLIENTS ? _("Export Clients") : _("Export Appointments"),
                       "body", kind == RG_EXPORT_DIALOG_CLIENTS
                               ? _("Every client’s card with tags and the studio’s fields, in one file.")
                               : _("A calendar file (.ics) of the appointments for a phone or a calendar app."),
                       NULL);
  self->studio = g_object_ref (studio);
  self->kind = kind;
  g_set_weak_pointer (&self->parent, parent);
  choices = kind == RG_EXPORT_DIALOG_CLIENTS ? build_clients (self) : build_appointments (self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), choices);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  return self;
}

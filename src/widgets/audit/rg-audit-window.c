/* rg-audit-window.c — the audit log, for the director.
 *
 * Filters along the top (the period's first and last day, who, what kind
 * of action, a text), the newest rows that pass them in a column view
 * (at most RG_AUDIT_WINDOW_MAX_ROWS, with a line saying so), and Export
 * CSV… of every row the filters let through, in the dialect of the
 * clients' CSV for Excel; the export is itself a row of the log. The
 * model reads (rg_studio_list_audit_filtered); the window only asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "io/rg-export-audit.h"
#include "model/rg-format.h"
#include "model/rg-roles.h"
#include "model/rg-staff.h"
#include "model/rg-record-list.h"
#include "rg-audit-window.h"

/* A row of the list: one entry of the log, in a GObject for the view. */
#define RG_TYPE_AUDIT_ROW (rg_audit_row_get_type ())
G_DECLARE_FINAL_TYPE (RgAuditRow, rg_audit_row, RG, AUDIT_ROW, GObject)

struct _RgAuditRow
{
  GObject       parent_instance;
  RgAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (RgAuditRow, rg_audit_row, G_TYPE_OBJECT)

static void
rg_audit_row_finalize (GObject *object)
{
  g_clear_pointer (&RG_AUDIT_ROW (object)->entry, rg_audit_entry_free);
  G_OBJECT_CLASS (rg_audit_row_parent_class)->finalize (object);
}

static void
rg_audit_row_class_init (RgAuditRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_audit_row_finalize;
}

static void
rg_audit_row_init (RgAuditRow *self)
{
}

typedef enum {
  COLUMN_WHEN,
  COLUMN_WHO,
  COLUMN_ACTION,
  COLUMN_WHAT,
  COLUMN_ROWS,
  COLUMN_FILE,
  COLUMN_DETAIL,
  N_COLUMNS
} Column;

struct _RgAuditWindow
{
  AdwWindow        parent_instance;

  RgStudio        *studio;
  gulong           changes_id;
  RgDate           from;           /* year 0: no bound */
  RgDate           to;
  GArray          *staff_ids;      /* gint64 per row of the who dropdown */
  gboolean         more;

  GListStore      *rows;
  AdwToastOverlay *toasts;
  GtkMenuButton   *from_button;
  GtkMenuButton   *to_button;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  GtkDropDown     *who;
  GtkDropDown     *action;
  GtkSearchEntry  *search;
  GtkLabel        *more_label;
  GtkStack        *stack;
  GtkWidget       *export_button;
};

G_DEFINE_FINAL_TYPE (RgAuditWindow, rg_audit_window, ADW_TYPE_WINDOW)

/* Reading ----------------------------------------------------------------------- */

static void
read_filter (RgAuditWindow *self,
             RgAuditFilter *filter)
{
  guint who = gtk_drop_down_get_selected (self->who);
  guint action = gtk_drop_down_get_selected (self->action);

  memset (filter, 0, sizeof *filter);
  filter->from = rg_date_valid (self->from) ? rg_date_start (self->from) : 0;
  filter->to = rg_date_valid (self->to) ? rg_date_end (self->to) : 0;
  filter->staff_id = self->staff_ids && who < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, who) : 0;
  /* Row 0 is every action; then rg_audit_actions () in order. */
  filter->action = action > 0 && action != GTK_INVALID_LIST_POSITION ? rg_audit_actions ()[action - 1] : NULL;
  filter->text = gtk_editable_get_text (GTK_EDITABLE (self->search));
}

static void
reload (RgAuditWindow *self)
{
  RgAuditFilter filter;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean filtered;

  read_filter (self, &filter);
  filtered = filter.from || filter.to || filter.staff_id || filter.action || (filter.text && *filter.text);
  /* One more than shown: whether to say that older rows are left out. */
  entries = rg_studio_list_audit_filtered (self->studio, &filter, RG_AUDIT_WINDOW_MAX_ROWS + 1, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      entries = g_ptr_array_new ();
    }
  self->more = entries->len > RG_AUDIT_WINDOW_MAX_ROWS;
  for (guint i = 0; i < MIN (entries->len, RG_AUDIT_WINDOW_MAX_ROWS); i++)
    {
      RgAuditRow *row = g_object_new (RG_TYPE_AUDIT_ROW, NULL);

      row->entry = g_steal_pointer (&entries->pdata[i]);
      g_ptr_array_add (items, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  if (self->more)
    {
      g_autofree char *n = rg_format_count (RG_AUDIT_WINDOW_MAX_ROWS);
      g_autofree char *text = NULL;

      /* Translators: above the audit log's list; %s is "1,000" */
      text = g_strdup_printf (_("Showing the newest %s rows. Narrow the filters to see older ones; Export CSV… "
                                "writes every row they let through."), n);
      gtk_label_set_text (self->more_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), self->more);
  gtk_widget_set_sensitive (self->export_button, items->len > 0);
  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, filtered ? "nothing-found" : "empty");
}

/* The list's cells ---------------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_ROWS ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_ROWS)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_WHEN)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static char *
cell_text (const RgAuditEntry *e,
           Column              column)
{
  switch (column)
    {
    case COLUMN_WHEN:
      return rg_format_date_time (e->at);
    case COLUMN_WHO:
      /* Before profiles the log knows only the computer's account. */
      return g_strdup (e->staff_name ? e->staff_name : e->actor);
    case COLUMN_ACTION:
      return g_strdup (rg_audit_action_to_string (e->action));
    case COLUMN_WHAT:
      return g_strdup (rg_audit_what_to_string (e->what));
    case COLUMN_ROWS:
      return e->rows >= 0 ? rg_format_count ((guint) MIN (e->rows, G_MAXUINT)) : NULL;
    case COLUMN_FILE:
      return g_strdup (e->file);
    case COLUMN_DETAIL:
      return e->detail ? g_strdelimit (g_strdup (e->detail), "\r\n", ' ') : NULL;
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  RgAuditRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = cell_text (row->entry, GPOINTER_TO_INT (data));

  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (RgAuditWindow *self,
            GtkColumnView *view,
            Column         column,
            const char    *title,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *c;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  c = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (c, TRUE);
  gtk_column_view_column_set_expand (c, expand);
  gtk_column_view_append_column (view, c);
  g_object_unref (c);
}

/* The filters --------------------------------------------------------------------- */

static void
show_day (GtkMenuButton *button,
          RgDate         day,
          const char    *none)
{
  g_autofree char *text = rg_date_valid (day) ? rg_format_day (day) : NULL;

  gtk_menu_button_set_label (button, text ? text : none);
}

static void
show_period (RgAuditWindow *self)
{
  /* Translators: the audit log's period when no first day is chosen */
  show_day (self->from_button, self->from, C_("audit period", "From the start"));
  /* Translators: the audit log's period when no last day is chosen */
  show_day (self->to_button, self->to, C_("audit period", "Until now"));
}

static RgDate
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return (RgDate) { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };
}

static void
day_selected_cb (RgAuditWindow *self,
                 GtkCalendar   *calendar)
{
  if (calendar == self->from_calendar)
    self->from = calendar_day (calendar);
  else
    self->to = calendar_day (calendar);
  gtk_menu_button_popdown (calendar == self->from_calendar ? self->from_button : self->to_button);
  show_period (self);
  reload (self);
}

static void
any_day_clicked_cb (GtkButton     *button,
                    RgAuditWindow *self)
{
  if (g_object_get_data (G_OBJECT (button), "from"))
    {
      self->from = (RgDate) { 0 };
      gtk_menu_button_popdown (self->from_button);
    }
  else
    {
      self->to = (RgDate) { 0 };
      gtk_menu_button_popdown (self->to_button);
    }
  show_period (self);
  reload (self);
}

static GtkMenuButton *
day_button (RgAuditWindow  *self,
            gboolean        from,
            GtkCalendar   **calendar_out)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *any = gtk_button_new_with_mnemonic (from ? _("From the _Start") : _("Until _Now"));

  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), any);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_tooltip_text (button, from ? _("First Day") : _("Last Day"));
  if (from)
    g_object_set_data (G_OBJECT (any), "from", GINT_TO_POINTER (1));
  g_signal_connect_swapped (calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect (any, "clicked", G_CALLBACK (any_day_clicked_cb), self);
  *calendar_out = GTK_CALENDAR (calendar);
  return GTK_MENU_BUTTON (button);
}

/* Who: anyone, the computer's account (before profiles), then the staff. */
static void
fill_who (RgAuditWindow *self)
{
  g_autoptr(RgRecordList) staff = rg_record_list_new_staff (self->studio, TRUE);
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (staff));
  gint64 id;

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("Anyone"));
  id = 0;
  g_array_append_val (self->staff_ids, id);
  /* Translators: the audit log's who filter: rows written before anyone signed in */
  gtk_string_list_append (names, _("Nobody Signed In"));
  id = -1;
  g_array_append_val (self->staff_ids, id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) s = g_list_model_get_item (G_LIST_MODEL (staff), i);

      gtk_string_list_append (names, rg_staff_get_display_name (s));
      id = rg_record_get_id (RG_RECORD (s));
      g_array_append_val (self->staff_ids, id);
    }
  gtk_drop_down_set_model (self->who, G_LIST_MODEL (names));
  g_object_unref (names);
}

static void
fill_actions (RgAuditWindow *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Every Action"));
  for (const char * const *a = rg_audit_actions (); *a; a++)
    gtk_string_list_append (names, rg_audit_action_to_string (*a));
  gtk_drop_down_set_model (self->action, G_LIST_MODEL (names));
  g_object_unref (names);
}

/* Export -------------------------------------------------------------------------- */

gint64
rg_audit_window_export (RgAuditWindow *self,
                        const char    *path,
                        GError       **error)
{
  RgAuditFilter filter;
  gint64 rows;

  g_return_val_if_fail (RG_IS_AUDIT_WINDOW (self), -1);

  read_filter (self, &filter);
  rows = rg_export_audit_log (self->studio, path, RG_EXPORT_CSV, &filter, error);
  /* The export is a row of the log itself. */
  reload (self);
  return rows;
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  RgAuditWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  rows = rg_audit_window_export (self, path, &error);
  if (rows < 0)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *count = rg_format_count ((guint) rows);
      /* Translators: a toast: "Exported 1,234 rows to Audit log.csv" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s row to %s",
                                                            "Exported %s rows to %s", (gulong) rows),
                                               count, name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
  g_object_unref (self);
}

static void
export_clicked_cb (RgAuditWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export the Audit Log"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  /* Translators: the suggested file name of the exported audit log; the date is YYYY-MM-DD */
  name = g_strdup_printf (_("Audit log %s.csv"), day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building -------------------------------------------------------------------------- */

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static void
build (RgAuditWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dash = gtk_label_new ("–");
  GtkWidget *view;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSingleSelection *selection;

  self->export_button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_widget_set_tooltip_text (self->export_button, _("Export What the Filters Show"));
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  self->from_button = day_button (self, TRUE, &self->from_calendar);
  self->to_button = day_button (self, FALSE, &self->to_calendar);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->from_button));
  gtk_box_append (GTK_BOX (filters), dash);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->to_button));
  self->who = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->who), _("Who"));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->who));
  self->action = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->action), _("Action"));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->action));
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Search the log"), NULL);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (content), filters);

  self->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->more_label, TRUE);
  gtk_label_set_xalign (self->more_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->more_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->more_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->more_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->more_label));

  self->rows = g_list_store_new (RG_TYPE_AUDIT_ROW);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "data-table");
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_WHEN, C_("audit column", "When"), FALSE);
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_WHO, C_("audit column", "Who"), FALSE);
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_ACTION, C_("audit column", "Action"), FALSE);
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_WHAT, C_("audit column", "What"), FALSE);
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_ROWS, C_("audit column", "Rows"), FALSE);
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_FILE, C_("audit column", "File"), FALSE);
  add_column (self, GTK_COLUMN_VIEW (view), COLUMN_DETAIL, C_("audit column", "Detail"), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Audit Log"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack,
                       status_page ("document-open-recent-symbolic", _("Nothing in the Log Yet"),
                                    _("Exports, imports, backups, sign-ins, refusals and changes to roles "
                                      "appear here as they happen.")),
                       "empty");
  gtk_stack_add_named (self->stack,
                       status_page ("edit-find-symbolic", _("No Rows Match"),
                                    _("Try a longer period, anyone or every action.")),
                       "nothing-found");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  fill_who (self);
  fill_actions (self);
  show_period (self);
  g_signal_connect_swapped (self->who, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->action, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (reload), self);
}

/* Someone else signed in: the log is the director's alone. */
static void
changes_cb (RgAuditWindow *self,
            RgChanges      changes)
{
  if ((changes & RG_CHANGES_SESSION) && !rg_studio_may (self->studio, RG_ACTION_AUDIT_LOG))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
rg_audit_window_dispose (GObject *object)
{
  RgAuditWindow *self = RG_AUDIT_WINDOW (object);

  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  G_OBJECT_CLASS (rg_audit_window_parent_class)->dispose (object);
}

static void
rg_audit_window_finalize (GObject *object)
{
  RgAuditWindow *self = RG_AUDIT_WINDOW (object);

  g_clear_object (&self->studio);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (rg_audit_window_parent_class)->finalize (object);
}

static void
rg_audit_window_class_init (RgAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_audit_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = rg_audit_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_audit_window_init (RgAuditWindow *self)
{
}

RgAuditWindow *
rg_audit_window_new (GtkWindow *parent,
                     RgStudio  *studio)
{
  RgAuditWindow *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_AUDIT_WINDOW,
                       "transient-for", parent,
                       "title", _("Audit Log"),
                       "default-width", 1000,
                       "default-height", 640,
                       NULL);
  self->studio = g_object_ref (studio);
  build (self);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  reload (self);
  return self;
}

guint
rg_audit_window_get_n_rows (RgAuditWindow *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

gboolean
rg_audit_window_has_more (RgAuditWindow *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_WINDOW (self), FALSE);
  return self->more;
}

const char *
rg_audit_window_get_state (RgAuditWindow *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
rg_audit_window_set_text (RgAuditWindow *self,
                          const char    *text)
{
  g_return_if_fail (RG_IS_AUDIT_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text ? text : "");
  /* Not waiting for the entry's delay. */
  reload (self);
}

void
rg_audit_window_set_action (RgAuditWindow *self,
                            const char    *action)
{
  guint position = 0;

  g_return_if_fail (RG_IS_AUDIT_WINDOW (self));
  if (action)
    for (guint i = 0; rg_audit_actions ()[i]; i++)
      if (g_str_equal (rg_audit_actions ()[i], action))
        position = i + 1;
  gtk_drop_down_set_selected (self->action, position);
}

void
rg_audit_window_set_staff (RgAuditWindow *self,
                           gint64         staff_id)
{
  g_return_if_fail (RG_IS_AUDIT_WINDOW (self));
  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == staff_id)
      gtk_drop_down_set_selected (self->who, i);
}

void
rg_audit_window_set_period (RgAuditWindow *self,
                            RgDate         from,
                            RgDate         to)
{
  g_return_if_fail (RG_IS_AUDIT_WINDOW (self));
  self->from = from;
  self->to = to;
  show_period (self);
  reload (self);
}

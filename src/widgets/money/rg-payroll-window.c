/* rg-payroll-window.c — the payroll of a month.
 *
 * Each master with their pay and sums, their lines (date, client, service
 * or product, list price, discount, price, pay) when opened; refunds as
 * negative lines. Read in the background (rg_count_payroll()); read again
 * when money changes. Exported as CSV (the same file as `--export
 * payroll`), printed or saved as PDF through GtkPrintOperation from one
 * drawing: the report's text (`--report payroll`) laid out in pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-payroll"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-counts.h"
#include "io/rg-export.h"
#include "model/rg-format.h"
#include "model/rg-roles.h"
#include "report/rg-report-money.h"
#include "rg-payroll-window.h"

struct _RgPayrollWindow
{
  AdwWindow       parent_instance;

  RgStudio       *studio;
  RgMoneyQuery    query;
  RgPayroll      *payroll;
  GCancellable   *cancellable;
  gboolean        loading;
  gulong          changes_id;

  AdwWindowTitle *title;
  GtkWidget      *page;        /* the groups' box */
  GPtrArray      *groups;      /* AdwPreferencesGroup, by master */
  GtkLabel       *total;
  GtkStack       *stack;
  GtkWidget      *export_button;
  GtkWidget      *total_group;
};

G_DEFINE_FINAL_TYPE (RgPayrollWindow, rg_payroll_window, ADW_TYPE_WINDOW)

static void reload (RgPayrollWindow *self);

/* Showing ------------------------------------------------------------------- */

static void
fill_lines (AdwExpanderRow        *row,
            const RgPayrollMaster *master)
{
  for (guint i = 0; i < master->lines->len; i++)
    {
      const RgPayrollLine *line = master->lines->pdata[i];
      GtkWidget *line_row = adw_action_row_new ();
      GtkWidget *pay = gtk_label_new (NULL);
      g_autofree char *day = rg_format_date (line->sold_at);
      g_autofree char *what = rg_payroll_line_describe (line);
      g_autofree char *list = rg_format_price (line->list);
      g_autofree char *discount = rg_format_price (line->discount);
      g_autofree char *price = rg_format_price (line->price);
      g_autofree char *pay_text = rg_format_price (line->pay);
      g_autofree char *title = g_strdup_printf ("%s · %s", day, line->client ? line->client : _("Walk-in"));
      g_autofree char *subtitle = NULL;

      if (line->discount != 0)
        /* Translators: a payroll line: the item, its list price, its discount and what was paid */
        subtitle = g_strdup_printf (_("%s · %s − %s = %s"), what, list, discount, price);
      else
        subtitle = g_strdup_printf ("%s · %s", what, price);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line_row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (line_row), subtitle);
      gtk_label_set_text (GTK_LABEL (pay), pay_text);
      gtk_widget_add_css_class (pay, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (line_row), pay);
      adw_expander_row_add_row (row, line_row);
    }
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             RgPayrollWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "master"));

  /* A master's month may have hundreds of lines: made when opened. */
  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled") ||
      self->payroll == NULL || index >= self->payroll->masters->len)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (1));
  fill_lines (row, self->payroll->masters->pdata[index]);
}

static void
show_payroll (RgPayrollWindow *self)
{
  g_autofree char *total = rg_format_price (self->payroll->pay);

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->page), self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; i < self->payroll->masters->len; i++)
    {
      const RgPayrollMaster *master = self->payroll->masters->pdata[i];
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *pay = gtk_label_new (NULL);
      g_autofree char *pay_text = rg_format_price (master->pay);
      g_autofree char *price = rg_format_price (master->price);
      g_autofree char *discount = rg_format_price (master->discount);
      g_autofree char *lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines",
                                                             master->lines->len), master->lines->len);
      g_autofree char *subtitle = NULL;

      /* Translators: a master's month: "48 lines · paid 120,000 ₽ · discounts 5,000 ₽" */
      subtitle = g_strdup_printf (_("%s · paid %s · discounts %s"), lines, price, discount);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), master->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_label_set_text (GTK_LABEL (pay), pay_text);
      gtk_widget_add_css_class (pay, "numeric");
      gtk_widget_add_css_class (pay, "heading");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pay);
      g_object_set_data (G_OBJECT (row), "master", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      gtk_box_append (GTK_BOX (self->page), group);
      g_ptr_array_add (self->groups, group);
    }

  gtk_label_set_text (self->total, total);
  gtk_stack_set_visible_child_name (self->stack, self->payroll->masters->len > 0 ? "list" : "empty");
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(RgPayrollWindow) self = data;
  g_autoptr(GError) error = NULL;
  RgPayroll *payroll = rg_studio_count_finish (RG_STUDIO (source), result, &error);

  if (payroll == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the payroll: %s", error->message);
      self->loading = FALSE;
      return;
    }
  g_clear_pointer (&self->payroll, rg_payroll_free);
  self->payroll = payroll;
  self->loading = FALSE;
  show_payroll (self);
}

static void
reload (RgPayrollWindow *self)
{
  RgMoneyQuery *job = g_memdup2 (&self->query, sizeof self->query);
  GDateTime *first = g_date_time_new_local (self->query.from.year, self->query.from.month, 1, 0, 0, 0);
  g_autofree char *month = g_date_time_format (first, "%OB %Y");

  g_date_time_unref (first);
  adw_window_title_set_subtitle (self->title, month);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  rg_studio_count_async (self->studio, rg_count_payroll, job, g_free, (GDestroyNotify) rg_payroll_free,
                         self->cancellable, counted_cb, g_object_ref (self));
}

void
rg_payroll_window_set_month (RgPayrollWindow *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (RG_IS_PAYROLL_WINDOW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->query.from = (RgDate) { year, month, 1 };
  self->query.to = rg_date_add_days ((RgDate) { month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1 }, -1);
  reload (self);
}

static void
step_month (RgPayrollWindow *self,
            int              step)
{
  int month = self->query.from.month + step, year = self->query.from.year;

  if (month < 1)
    month = 12, year--;
  else if (month > 12)
    month = 1, year++;
  rg_payroll_window_set_month (self, year, month);
}

static void
previous_cb (RgPayrollWindow *self)
{
  step_month (self, -1);
}

static void
next_cb (RgPayrollWindow *self)
{
  step_month (self, 1);
}

/* Whose pay the signed-in role may see: everyone's (PAYROLL), or only
 * their own (a master: OWN_PAY, no one else's lines, no total of all). */
static void
apply_scope (RgPayrollWindow *self)
{
  gboolean everyone = rg_studio_may (self->studio, RG_ACTION_PAYROLL);

  self->query.staff_id = everyone ? 0 : rg_studio_get_session_staff (self->studio);
  gtk_widget_set_visible (self->total_group, everyone);
  gtk_widget_set_sensitive (self->export_button, rg_studio_may (self->studio, RG_ACTION_EXPORT));
}

static void
changes_cb (RgPayrollWindow *self,
            RgChanges        changes)
{
  if (changes & RG_CHANGES_SESSION)
    {
      if (!rg_studio_may (self->studio, RG_ACTION_OWN_PAY))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      apply_scope (self);
      changes |= RG_CHANGES_MONEY;
    }
  if (changes & (RG_CHANGES_MONEY | RG_CHANGES_STAFF | RG_CHANGES_CLIENTS))
    reload (self);
}

/* Export and print ------------------------------------------------------------- */

static void
tell (RgPayrollWindow *self,
      const char      *heading,
      const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    RgPayrollWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;
  RgExportPeriod period = { .from = self->query.from, .to = self->query.to, .staff_id = self->query.staff_id };

  if (response == GTK_RESPONSE_ACCEPT && path &&
      rg_export_payroll (self->studio, path, RG_EXPORT_CSV, &period, &error) < 0)
    tell (self, _("The Payroll Was Not Exported"), error->message);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_cb (RgPayrollWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export the Payroll"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                               _("_Cancel"));
  g_autofree char *month = rg_date_to_iso (self->query.from);
  /* Translators: the payroll's CSV file name, with the month's first day */
  g_autofree char *name = g_strdup_printf (_("payroll-%.7s.csv"), month);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct {
  char  **lines;
  guint   n_lines;
  guint   per_page;
  double  line_height;
} Pages;

static void
pages_free (Pages *pages)
{
  g_strfreev (pages->lines);
  g_free (pages);
}

static PangoLayout *
page_layout (GtkPrintContext *context)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Monospace 8");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Pages             *pages)
{
  g_autoptr(PangoLayout) layout = page_layout (context);
  int height = 0;

  pango_layout_set_text (layout, "Hg", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  pages->line_height = MAX (height, 1);
  pages->per_page = MAX ((guint) (gtk_print_context_get_height (context) / pages->line_height), 1);
  gtk_print_operation_set_n_pages (operation, MAX ((pages->n_lines + pages->per_page - 1) / pages->per_page, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Pages             *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = page_layout (context);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < pages->per_page; i++)
    {
      guint n = (guint) page * pages->per_page + i;

      if (n >= pages->n_lines)
        break;
      pango_layout_set_text (layout, pages->lines[n], -1);
      cairo_move_to (cr, 0, i * pages->line_height);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
run_print (RgPayrollWindow         *self,
           GtkPrintOperationAction  action,
           const char              *pdf_path)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Pages *pages;

  if (self->payroll == NULL)
    return;
  text = rg_report_payroll_text (self->payroll, NULL);
  pages = g_new0 (Pages, 1);
  pages->lines = g_strsplit (text, "\n", -1);
  pages->n_lines = g_strv_length (pages->lines);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Payroll"));
  if (pdf_path)
    gtk_print_operation_set_export_filename (operation, pdf_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pages);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), pages,
                         (GClosureNotify) (void (*) (void)) pages_free, 0);
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tell (self, _("The Payroll Was Not Printed"), error->message);
}

static void
print_cb (RgPayrollWindow *self)
{
  run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
pdf_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 RgPayrollWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path)
    rg_payroll_window_save_pdf (self, path);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* The same pages as printing, into a PDF at @path. */
void
rg_payroll_window_save_pdf (RgPayrollWindow *self,
                            const char      *path)
{
  g_return_if_fail (RG_IS_PAYROLL_WINDOW (self));
  run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
}

static void
pdf_cb (RgPayrollWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Payroll as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autofree char *month = rg_date_to_iso (self->query.from);
  /* Translators: the payroll's PDF file name, with the month's first day */
  g_autofree char *name = g_strdup_printf (_("payroll-%.7s.pdf"), month);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building --------------------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             GCallback   clicked,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

static void
build (RgPayrollWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *total_group = adw_preferences_group_new ();
  GtkWidget *total_row = adw_action_row_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Payroll"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("go-previous-symbolic", _("Previous Month"),
                                                                   G_CALLBACK (previous_cb), self));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("go-next-symbolic", _("Next Month"),
                                                                   G_CALLBACK (next_cb), self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("document-print-symbolic", _("Print…"),
                                                                 G_CALLBACK (print_cb), self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icon_button ("x-office-document-symbolic", _("Save as PDF…"),
                                                                 G_CALLBACK (pdf_cb), self));
  self->export_button = icon_button ("document-save-symbolic", _("Export as CSV…"), G_CALLBACK (export_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total_row), _("All Masters’ Pay"));
  self->total = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->total), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->total), "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (total_row), GTK_WIDGET (self->total));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (total_group), total_row);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (total_group),
                                         _("Pay counts what was paid: a refund takes back the pay of its lines. "
                                           "Tips go whole to their master."));
  gtk_box_append (GTK_BOX (content), total_group);
  self->total_group = total_group;
  self->page = content;
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Pay This Month"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Nothing was sold with a master in this month."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
rg_payroll_window_dispose (GObject *object)
{
  RgPayrollWindow *self = RG_PAYROLL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_payroll_window_parent_class)->dispose (object);
}

static void
rg_payroll_window_finalize (GObject *object)
{
  RgPayrollWindow *self = RG_PAYROLL_WINDOW (object);

  g_clear_pointer (&self->payroll, rg_payroll_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (rg_payroll_window_parent_class)->finalize (object);
}

static void
rg_payroll_window_class_init (RgPayrollWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_payroll_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = rg_payroll_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_payroll_window_init (RgPayrollWindow *self)
{
  self->groups = g_ptr_array_new ();
}

RgPayrollWindow *
rg_payroll_window_new (GtkWindow *parent,
                       RgStudio  *studio)
{
  RgPayrollWindow *self;
  RgDate today = rg_date_today ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_PAYROLL_WINDOW,
                       "transient-for", parent,
                       "title", _("Payroll"),
                       "default-width", 640,
                       "default-height", 720,
                       NULL);
  self->studio = g_object_ref (studio);
  build (self);
  apply_scope (self);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  rg_payroll_window_set_month (self, today.year, today.month);
  return self;
}

gboolean
rg_payroll_window_is_loading (RgPayrollWindow *self)
{
  g_return_val_if_fail (RG_IS_PAYROLL_WINDOW (self), FALSE);
  return self->loading;
}

gint64
rg_payroll_window_get_total (RgPayrollWindow *self)
{
  g_return_val_if_fail (RG_IS_PAYROLL_WINDOW (self), 0);
  return self->payroll ? self->payroll->pay : 0;
}

const char *
rg_payroll_window_get_master_title (RgPayrollWindow *self,
                                    guint            index)
{
  g_return_val_if_fail (RG_IS_PAYROLL_WINDOW (self), NULL);

  if (self->payroll == NULL || index >= self->payroll->masters->len)
    return NULL;
  return ((RgPayrollMaster *) self->payroll->masters->pdata[index])->name;
}

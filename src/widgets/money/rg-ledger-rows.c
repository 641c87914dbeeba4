/* rg-ledger-rows.c — a prepaid instrument's ledger in an expander row.
 *
 * The rows are read when the expander opens (a regular's points ledger
 * has a row per visit) and removed when it closes; newest first, as a
 * statement is read, each with its date, the reason in words
 * (rg_ledger_reason_to_string), the receipt's number when a sale made it,
 * a note when there is one, the amount and the balance after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "rg-ledger-rows.h"

#define SHOWN_ROWS 200   /* the newest; a statement is read from the top */

typedef struct {
  RgStudio  *studio;
  RgLedger   ledger;
  gint64     owner_id;
  GPtrArray *rows;
} Attached;

static void
attached_free (Attached *attached)
{
  g_clear_object (&attached->studio);
  g_clear_pointer (&attached->rows, g_ptr_array_unref);
  g_free (attached);
}

char *
rg_ledger_format_amount (RgLedger ledger,
                         gint64   amount,
                         gboolean sign)
{
  g_autofree char *shown = NULL;
  const char *prefix = amount < 0 ? "−" : sign && amount > 0 ? "+" : "";
  gint64 magnitude = amount < 0 ? -amount : amount;

  switch (ledger)
    {
    case RG_LEDGER_DEPOSIT:
    case RG_LEDGER_CERTIFICATE:
      shown = rg_format_price (magnitude);
      break;
    case RG_LEDGER_POINTS:
      {
        g_autofree char *count = rg_format_count ((guint) MIN (magnitude, G_MAXUINT));

        /* Translators: a number of bonus points */
        shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", (gulong) magnitude), count);
      }
      break;
    case RG_LEDGER_SUBSCRIPTION:
    default:
      /* Translators: a number of a subscription's visits */
      shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld visit", "%lld visits", (gulong) magnitude),
                               (long long) magnitude);
      break;
    }
  return g_strconcat (prefix, shown, NULL);
}

static void
clear_rows (AdwExpanderRow *row,
            Attached       *attached)
{
  for (guint i = 0; i < attached->rows->len; i++)
    adw_expander_row_remove (row, attached->rows->pdata[i]);
  g_ptr_array_set_size (attached->rows, 0);
}

static void
add_line (AdwExpanderRow *row,
          Attached       *attached,
          const char     *title,
          const char     *subtitle)
{
  GtkWidget *line = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle);
  adw_expander_row_add_row (row, line);
  g_ptr_array_add (attached->rows, line);
}

static void
fill (AdwExpanderRow *row,
      Attached       *attached)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ledger = NULL;

  clear_rows (row, attached);
  if (!adw_expander_row_get_expanded (row))
    return;
  ledger = rg_studio_read_ledger (attached->studio, attached->ledger, attached->owner_id, &error);
  if (ledger == NULL)
    {
      /* Translators: the ledger of a deposit, points, ... could not be read; %s says why */
      g_autofree char *text = g_strdup_printf (_("The history cannot be read: %s"), error->message);

      add_line (row, attached, text, NULL);
      return;
    }
  if (ledger->len == 0)
    add_line (row, attached, _("Nothing recorded yet"), NULL);

  /* Newest first. */
  for (guint i = ledger->len, shown = 0; i > 0 && shown < SHOWN_ROWS; i--, shown++)
    {
      const RgLedgerRow *move = &g_array_index (ledger, RgLedgerRow, i - 1);
      GtkWidget *line = adw_action_row_new ();
      GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *amount_label, *balance_label;
      g_autofree char *when = rg_format_date (move->at);
      g_autofree char *amount = rg_ledger_format_amount (attached->ledger, move->amount, TRUE);
      g_autofree char *balance = rg_ledger_format_amount (attached->ledger, move->balance, FALSE);
      /* Translators: a ledger row's balance after it */
      g_autofree char *balance_text = g_strdup_printf (_("balance %s"), balance);
      g_autoptr(GString) subtitle = g_string_new (when);

      if (move->sale_number > 0)
        {
          g_string_append (subtitle, " · ");
          /* Translators: the receipt that made a ledger row, "receipt No. 12" */
          g_string_append_printf (subtitle, _("receipt No. %lld"), (long long) move->sale_number);
        }
      if (move->note && *move->note)
        g_string_append_printf (subtitle, " — %s", move->note);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), move->label ? move->label : move->reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle->str);
      amount_label = gtk_label_new (amount);
      balance_label = gtk_label_new (balance_text);
      gtk_label_set_xalign (GTK_LABEL (amount_label), 1);
      gtk_label_set_xalign (GTK_LABEL (balance_label), 1);
      gtk_widget_add_css_class (amount_label, "numeric");
      gtk_widget_add_css_class (amount_label, move->amount < 0 ? "error" : "success");
      gtk_widget_add_css_class (balance_label, "dim-label");
      gtk_widget_add_css_class (balance_label, "caption");
      gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (figures), amount_label);
      gtk_box_append (GTK_BOX (figures), balance_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (line), figures);
      adw_expander_row_add_row (row, line);
      g_ptr_array_add (attached->rows, line);
    }
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             Attached       *attached)
{
  fill (row, attached);
}

void
rg_ledger_rows_attach (AdwExpanderRow *row,
                       RgStudio       *studio,
                       RgLedger        ledger,
                       gint64          owner_id)
{
  Attached *attached;

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));
  g_return_if_fail (RG_IS_STUDIO (studio));

  attached = g_new0 (Attached, 1);
  attached->studio = g_object_ref (studio);
  attached->ledger = ledger;
  attached->owner_id = owner_id;
  attached->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (row), "rg-ledger", attached, (GDestroyNotify) attached_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), attached);
}

void
rg_ledger_rows_refresh (AdwExpanderRow *row)
{
  Attached *attached = g_object_get_data (G_OBJECT (row), "rg-ledger");

  if (attached && adw_expander_row_get_expanded (row))
    fill (row, attached);
}

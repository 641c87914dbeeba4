/* rg-certificates-window.c — the studio's gift certificates.
 *
 * Every certificate, newest sold first: its number and what it is worth
 * (an amount, or the service it pays for), the balance left, its state
 * (active, used, expired), who bought it and when, and the last day it is
 * valid. A search by number narrows the list as it is typed (spaces,
 * dashes and case ignored: the number as read off the paper). A row opens
 * on its ledger (sold, redeemed, given back by a refund); its buttons
 * print it or save it as a PDF (rg-certificate-print.c). The list is read
 * again after a commit that moves money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-certificates"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-prepaid-lists.h"
#include "rg-certificate-print.h"
#include "rg-certificates-window.h"
#include "rg-ledger-rows.h"

#define SHOWN_ROWS 200   /* the newest; the search finds the rest */

struct _RgCertificatesWindow
{
  AdwWindow            parent_instance;

  RgStudio            *studio;
  GArray              *certificates;   /* RgCertificateEntry, as shown */
  gulong               changes_id;

  GtkSearchEntry      *search;
  GtkStack            *stack;
  AdwStatusPage       *empty;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (RgCertificatesWindow, rg_certificates_window, ADW_TYPE_WINDOW)

static const RgCertificateEntry *
entry_of (RgCertificatesWindow *self,
          GtkWidget            *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  return self->certificates && index < self->certificates->len
         ? &g_array_index (self->certificates, RgCertificateEntry, index) : NULL;
}

static void
print_clicked_cb (GtkButton            *button,
                  RgCertificatesWindow *self)
{
  const RgCertificateEntry *entry = entry_of (self, GTK_WIDGET (button));

  if (entry)
    rg_certificate_print (GTK_WINDOW (self), self->studio, entry);
}

static void
pdf_clicked_cb (GtkButton            *button,
                RgCertificatesWindow *self)
{
  const RgCertificateEntry *entry = entry_of (self, GTK_WIDGET (button));

  if (entry)
    rg_certificate_save_pdf (GTK_WINDOW (self), self->studio, entry);
}

static GtkWidget *
row_button (RgCertificatesWindow *self,
            const char           *icon,
            const char           *tooltip,
            guint                 index,
            GCallback             clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

/* "GC-000101 · £5,000" or "GC-000102 · Manicure" */
static char *
certificate_title (const RgCertificateEntry *c)
{
  g_autofree char *amount = rg_format_price (c->amount);

  return g_strdup_printf ("%s · %s", c->number, c->service ? c->service : amount);
}

/* "Balance £3,000 · Active · bought by Anna on 27 November 2026 · valid through 26 November 2027" */
static char *
certificate_subtitle (const RgCertificateEntry *c)
{
  g_autofree char *balance = rg_format_price (c->balance);
  g_autofree char *sold = rg_format_date (c->sold_at);
  g_autofree char *last = rg_format_date (c->expires_at - 1);
  GString *text = g_string_new (NULL);

  /* Translators: a gift certificate's balance left */
  g_string_append_printf (text, _("Balance %s"), balance);
  g_string_append_printf (text, " · %s · ", rg_certificate_state_to_string (c->state));
  if (c->buyer)
    /* Translators: a gift certificate's buyer and the day it was sold */
    g_string_append_printf (text, _("bought by %s on %s"), c->buyer, sold);
  else
    /* Translators: the day a gift certificate was sold (without a client's card) */
    g_string_append_printf (text, _("sold on %s"), sold);
  g_string_append (text, " · ");
  /* Translators: a gift certificate's last valid day */
  g_string_append_printf (text, _("valid through %s"), last);
  return g_string_free (text, FALSE);
}

static void
clear_rows (RgCertificatesWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

static void
reload (RgCertificatesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GArray *list;
  guint n;

  list = rg_studio_list_certificates (self->studio, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                      rg_time_now (), &error);
  clear_rows (self);
  g_clear_pointer (&self->certificates, g_array_unref);
  if (list == NULL)
    {
      g_warning ("Could not read the certificates: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->certificates = list;
  n = MIN (list->len, SHOWN_ROWS);
  for (guint i = 0; i < n; i++)
    {
      const RgCertificateEntry *c = &g_array_index (list, RgCertificateEntry, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *state = gtk_label_new (rg_certificate_state_to_string (c->state));
      g_autofree char *title = certificate_title (c);
      g_autofree char *subtitle = certificate_subtitle (c);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_widget_add_css_class (state, "caption-heading");
      gtk_widget_add_css_class (state, c->state == RG_CERTIFICATE_ACTIVE ? "success" : "dim-label");
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), state);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button (self, "document-print-symbolic", _("Print the Certificate"), i,
                                               G_CALLBACK (print_clicked_cb)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button (self, "document-save-symbolic", _("Save the Certificate as PDF"), i,
                                               G_CALLBACK (pdf_clicked_cb)));
      rg_ledger_rows_attach (ADW_EXPANDER_ROW (row), self->studio, RG_LEDGER_CERTIFICATE, c->id);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (list->len > n)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more certificate: search by its number",
                                                            "%u more certificates: search by the number",
                                                            list->len - n), list->len - n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  {
    /* Translators: the list's heading, with how many certificates it has */
    g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Certificate", "%u Certificates",
                                                             list->len), list->len);

    adw_preferences_group_set_title (self->group, heading);
  }
  if (list->len == 0)
    {
      gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0';

      adw_status_page_set_title (self->empty, searching ? _("No Certificate Has This Number") : _("No Certificates"));
      adw_status_page_set_description (self->empty,
                                       searching ? _("Check the number on the certificate: letters and digits count, "
                                                     "spaces and dashes do not.")
                                                 : _("Gift certificates are sold at the till; each one sold is "
                                                     "listed here."));
    }
  gtk_stack_set_visible_child_name (self->stack, list->len > 0 ? "list" : "empty");
}

static void
changes_cb (RgCertificatesWindow *self,
            RgChanges             changes)
{
  if (changes & (RG_CHANGES_MONEY | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS))
    reload (self);
}

void
rg_certificates_window_search (RgCertificatesWindow *self,
                               const char           *number)
{
  g_return_if_fail (RG_IS_CERTIFICATES_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), number ? number : "");
  reload (self);
}

RgCertificatesWindow *
rg_certificates_window_new (GtkWindow *parent,
                            RgStudio  *studio)
{
  RgCertificatesWindow *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_CERTIFICATES_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "title", _("Gift Certificates"),
                       "default-width", 720,
                       "default-height", 640,
                       NULL);
  self->studio = g_object_ref (studio);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  reload (self);
  return self;
}

static void
search_changed_cb (RgCertificatesWindow *self)
{
  reload (self);
}

static void
rg_certificates_window_dispose (GObject *object)
{
  RgCertificatesWindow *self = RG_CERTIFICATES_WINDOW (object);

  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_object (&self->studio);
  if (self->rows)
    g_ptr_array_set_size (self->rows, 0);
  G_OBJECT_CLASS (rg_certificates_window_parent_class)->dispose (object);
}

static void
rg_certificates_window_finalize (GObject *object)
{
  RgCertificatesWindow *self = RG_CERTIFICATES_WINDOW (object);

  g_clear_pointer (&self->certificates, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (rg_certificates_window_parent_class)->finalize (object);
}

static void
rg_certificates_window_class_init (RgCertificatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_certificates_window_dispose;
  object_class->finalize = rg_certificates_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_certificates_window_init (RgCertificatesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *empty = adw_status_page_new ();

  self->rows = g_ptr_array_new ();
  gtk_box_append (GTK_BOX (box), header);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->search, GTK_WIDGET (self));
  g_object_set (self->search, "placeholder-text", _("Search by number"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search by number"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  gtk_widget_set_margin_top (search_box, 6);
  gtk_widget_set_margin_bottom (search_box, 6);
  gtk_widget_set_margin_start (search_box, 12);
  gtk_widget_set_margin_end (search_box, 12);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->search));
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  {
    GtkWidget *clamp_search = adw_clamp_new ();

    adw_clamp_set_child (ADW_CLAMP (clamp_search), search_box);
    gtk_box_append (GTK_BOX (box), clamp_search);
  }

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->group));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-documents-symbolic");
  self->empty = ADW_STATUS_PAGE (empty);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* rg-studio-details.c — the Studio window's page for the studio's name,
 * address, tax number and currency.
 *
 * The name is what the call script says ("This is Velvet calling"); name,
 * address and tax number are what receipts print at their head; the
 * currency is the one every amount is shown in. Each row saves when
 * applied (the currency when chosen), all four together through the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-studio-details"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-studio-identity.h"
#include "rg-studio-details.h"

struct _RgStudioDetails
{
  AdwPreferencesPage  parent_instance;

  RgStudio           *studio;
  AdwEntryRow        *name_row;
  AdwEntryRow        *address_row;
  AdwEntryRow        *tax_number_row;
  AdwComboRow        *currency_row;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (RgStudioDetails, rg_studio_details, ADW_TYPE_PREFERENCES_PAGE)

static void
toast (RgStudioDetails *self,
       const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

static void
load (RgStudioDetails *self)
{
  g_autofree char *name = rg_studio_dup_name (self->studio);
  g_autofree char *address = rg_studio_dup_address (self->studio);
  g_autofree char *tax_number = rg_studio_dup_tax_number (self->studio);
  g_autofree char *currency = rg_studio_dup_currency (self->studio);
  const RgCurrency *list, *found = rg_currency_find (currency);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address ? address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->tax_number_row), tax_number ? tax_number : "");
  list = rg_currency_list (NULL);
  adw_combo_row_set_selected (self->currency_row, found ? (guint) (found - list) : GTK_INVALID_LIST_POSITION);
  self->loading = FALSE;
}

static void
save (RgStudioDetails *self)
{
  g_autoptr(GError) error = NULL;
  guint n, selected = adw_combo_row_get_selected (self->currency_row);
  const RgCurrency *list = rg_currency_list (&n);

  if (self->loading)
    return;
  if (!rg_studio_set_identity (self->studio,
                               gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                               gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
                               gtk_editable_get_text (GTK_EDITABLE (self->tax_number_row)),
                               selected < n ? list[selected].code : NULL, &error))
    {
      toast (self, error->message);
      load (self);
      return;
    }
  load (self);
}

static void
rg_studio_details_dispose (GObject *object)
{
  RgStudioDetails *self = RG_STUDIO_DETAILS (object);

  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_studio_details_parent_class)->dispose (object);
}

static void
rg_studio_details_class_init (RgStudioDetailsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_studio_details_dispose;
}

static void
rg_studio_details_init (RgStudioDetails *self)
{
}

RgStudioDetails *
rg_studio_details_new (RgStudio *studio)
{
  RgStudioDetails *self;
  GtkWidget *group;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;
  const RgCurrency *list = rg_currency_list (&n);

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_STUDIO_DETAILS,
                       "name", "studio",
                       "title", _("Studio _Details"),
                       "use-underline", TRUE,
                       "icon-name", "user-home-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Studio"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The call script says the name; receipts print the name, address and "
                                           "tax number; every amount is shown in the currency."));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (save), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));

  self->address_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_row), _("Address"));
  adw_entry_row_set_show_apply_button (self->address_row, TRUE);
  g_signal_connect_swapped (self->address_row, "apply", G_CALLBACK (save), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->address_row));

  self->tax_number_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tax_number_row), _("Tax Number"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tax_number_row),
                               _("Printed on receipts, for example a VAT or taxpayer number. Optional."));
  adw_entry_row_set_show_apply_button (self->tax_number_row, TRUE);
  g_signal_connect_swapped (self->tax_number_row, "apply", G_CALLBACK (save), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tax_number_row));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = rg_currency_describe (&list[i]);

      gtk_string_list_append (names, label);
    }
  self->currency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("Currency"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->currency_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  load (self);
  g_signal_connect_swapped (self->currency_row, "notify::selected", G_CALLBACK (save), self);
  return self;
}

/* rg-subscriptions-page.c — the Studio window's "Subscriptions" page.
 *
 * The kinds of subscription the till sells, in the studio's order: each
 * one a row that opens on its form — the name, how many visits, how many
 * days it is valid, counted from the sale or from the first use, its
 * price, the services it covers — with Save and Archive (an archived kind
 * is sold no more; the subscriptions sold keep their terms). A form for a
 * new kind comes first; the archived kinds follow in a group of their own,
 * each with Restore.
 *
 * Written through rg_studio_save_subscription_kind(); a refusal says why
 * in a toast and leaves what was typed. The page is built again when a
 * kind or a service changes (RG_CHANGES_SETTINGS, the services' list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-subscriptions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-prepaid.h"
#include "model/rg-record-list.h"
#include "model/rg-service.h"
#include "rg-studio-rows.h"
#include "rg-subscriptions-page.h"
#include "util/rg-money.h"

struct _RgSubscriptionsPage
{
  AdwPreferencesPage   parent_instance;

  RgStudio            *studio;
  RgRecordList        *services;
  gulong               changes_id;
  GPtrArray           *rows;             /* the groups' rows, to take out on a rebuild */

  AdwPreferencesGroup *kinds_group;
  AdwPreferencesGroup *archived_group;
};

G_DEFINE_FINAL_TYPE (RgSubscriptionsPage, rg_subscriptions_page, ADW_TYPE_PREFERENCES_PAGE)

/* One kind's form, kept on its expander row. */
typedef struct {
  RgSubscriptionKind  kind;            /* as stored (id 0: new) */
  AdwEntryRow        *name;
  AdwEntryRow        *visits;
  AdwEntryRow        *days;
  GtkSwitch          *first_use;
  AdwEntryRow        *price;
  GtkWidget          *services_row;
  GPtrArray          *checks;          /* GtkCheckButton, one per service */
} KindForm;

static void
kind_form_free (KindForm *form)
{
  rg_subscription_kind_clear (&form->kind);
  g_clear_pointer (&form->checks, g_ptr_array_unref);
  g_free (form);
}

/* "10 visits · 90 days from the first use · £300" */
static char *
describe_kind (const RgSubscriptionKind *kind)
{
  g_autofree char *price = rg_format_price (kind->price);
  /* Translators: a subscription kind's visits */
  g_autofree char *visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visit", "%d visits", (gulong) kind->visits),
                                             (int) kind->visits);
  g_autofree char *days = g_strdup_printf (kind->from_first_use
                                           /* Translators: how long a subscription is valid */
                                           ? g_dngettext (GETTEXT_PACKAGE, "%d day from the first use",
                                                          "%d days from the first use", kind->valid_days)
                                           /* Translators: how long a subscription is valid */
                                           : g_dngettext (GETTEXT_PACKAGE, "%d day from the sale",
                                                          "%d days from the sale", kind->valid_days),
                                           kind->valid_days);

  return g_strdup_printf ("%s · %s · %s", visits, days, price);
}

static gboolean
read_count (AdwEntryRow  *row,
            gint64        max,
            gint64       *value,
            GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!g_ascii_string_to_signed (text, 10, 1, max, value, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                   /* Translators: %s is a field's name, %d its largest value */
                   _("%s: enter a whole number from 1 to %d."),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), (int) max);
      return FALSE;
    }
  return TRUE;
}

static void
save_clicked_cb (GtkButton           *button,
                 RgSubscriptionsPage *self)
{
  KindForm *form = g_object_get_data (G_OBJECT (button), "form");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))));
  RgSubscriptionKind kind = form->kind;
  gint64 visits = 0, days = 0, price = 0;

  if (!read_count (form->visits, 1000, &visits, &error) || !read_count (form->days, 3650, &days, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (!rg_money_parse (gtk_editable_get_text (GTK_EDITABLE (form->price)), &price, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (form->price), "error");
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (*name == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (form->name), "error");
  for (guint i = 0; i < form->checks->len; i++)
    if (gtk_check_button_get_active (form->checks->pdata[i]))
      g_array_append_val (services, *(gint64 *) g_object_get_data (form->checks->pdata[i], "id"));

  /* A copy: the form's own stays as stored when the save is refused. */
  kind.name = name;
  kind.visits = visits;
  kind.valid_days = (int) days;
  kind.from_first_use = gtk_switch_get_active (form->first_use);
  kind.price = price;
  kind.service_ids = services;
  if (!rg_studio_save_subscription_kind (self->studio, &kind, &error))
    rg_studio_error_toast (GTK_WIDGET (self), error);
}

static void
archive_clicked_cb (GtkButton           *button,
                    RgSubscriptionsPage *self)
{
  KindForm *form = g_object_get_data (G_OBJECT (button), "form");
  g_autoptr(GError) error = NULL;
  RgSubscriptionKind kind = form->kind;

  kind.archived = !kind.archived;
  if (!rg_studio_save_subscription_kind (self->studio, &kind, &error))
    rg_studio_error_toast (GTK_WIDGET (self), error);
}

static void
update_chosen (GtkWidget *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "checks");
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      {
        if (names->len)
          g_string_append (names, ", ");
        g_string_append (names, gtk_check_button_get_label (checks->pdata[i]));
      }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->len ? names->str : _("None chosen"));
}

/* The services it covers: a row naming them, with a popover of checks. */
static GtkWidget *
services_row (RgSubscriptionsPage *self,
              KindForm            *form)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->services));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Services It Covers"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgService) service = g_list_model_get_item (G_LIST_MODEL (self->services), i);
      gint64 id = rg_record_get_id (RG_RECORD (service));
      GtkWidget *check = gtk_check_button_new_with_label (rg_service_get_name (service));
      gboolean on = FALSE;

      for (guint j = 0; form->kind.service_ids && j < form->kind.service_ids->len && !on; j++)
        on = g_array_index (form->kind.service_ids, gint64, j) == id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_chosen), row);
      g_ptr_array_add (form->checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Services It Covers"));
  gtk_widget_set_sensitive (button, n > 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "checks", form->checks);
  update_chosen (row);
  return row;
}

/* An expander row holding @kind's form (a new one's when its id is 0). */
static GtkWidget *
kind_row (RgSubscriptionsPage      *self,
          const RgSubscriptionKind *kind)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *first_use_row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save;
  KindForm *form = g_new0 (KindForm, 1);
  gboolean is_new = kind->id == 0;
  g_autofree char *price_title = NULL;

  form->kind = *kind;
  form->kind.name = g_strdup (kind->name);
  form->kind.service_ids = kind->service_ids ? g_array_ref (kind->service_ids) : NULL;
  form->checks = g_ptr_array_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (is_new)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New Subscription Kind"));
  else
    {
      g_autofree char *subtitle = describe_kind (kind);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }

  form->name = rg_studio_entry_row (_("Name"), FALSE);
  form->visits = rg_studio_entry_row (_("Visits"), TRUE);
  form->days = rg_studio_entry_row (_("Valid, Days"), TRUE);
  /* Translators: %s is the currency's symbol */
  price_title = g_strdup_printf (_("Price, %s"), rg_format_currency_symbol ());
  form->price = rg_studio_entry_row (price_title, TRUE);
  form->first_use = GTK_SWITCH (gtk_switch_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (first_use_row), _("Counted From the First Use"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (first_use_row),
                               _("Off: the days run from the sale."));
  gtk_widget_set_valign (GTK_WIDGET (form->first_use), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (first_use_row), GTK_WIDGET (form->first_use));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (first_use_row), GTK_WIDGET (form->first_use));
  form->services_row = services_row (self, form);

  if (!is_new)
    {
      g_autofree char *visits = g_strdup_printf ("%" G_GINT64_FORMAT, kind->visits);
      g_autofree char *days = g_strdup_printf ("%d", kind->valid_days);
      g_autofree char *price = rg_format_money_editable (kind->price);

      gtk_editable_set_text (GTK_EDITABLE (form->name), kind->name ? kind->name : "");
      gtk_editable_set_text (GTK_EDITABLE (form->visits), visits);
      gtk_editable_set_text (GTK_EDITABLE (form->days), days);
      gtk_editable_set_text (GTK_EDITABLE (form->price), price);
      gtk_switch_set_active (form->first_use, kind->from_first_use);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->name));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->visits));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->days));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), first_use_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->price));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), form->services_row);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_end (buttons, 12);
  if (!is_new)
    {
      GtkWidget *archive = gtk_button_new_with_mnemonic (kind->archived ? _("_Restore") : _("_Archive"));

      gtk_widget_set_tooltip_text (archive, kind->archived ? _("The till sells it again")
                                                           : _("The till sells it no more; those sold keep their terms"));
      g_object_set_data (G_OBJECT (archive), "form", form);
      g_signal_connect (archive, "clicked", G_CALLBACK (archive_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), archive);
    }
  save = gtk_button_new_with_mnemonic (is_new ? _("_Add Subscription Kind") : _("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_object_set_data (G_OBJECT (save), "form", form);
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), save);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);

  g_object_set_data_full (G_OBJECT (row), "form", form, (GDestroyNotify) kind_form_free);
  return row;
}

static void
add_row (RgSubscriptionsPage *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
rebuild (RgSubscriptionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) kinds = rg_studio_list_subscription_kinds (self->studio, FALSE, &error);
  g_autoptr(GArray) with_archived = kinds ? rg_studio_list_subscription_kinds (self->studio, TRUE, &error) : NULL;
  RgSubscriptionKind blank = { 0 };
  guint n_archived = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (with_archived == NULL)
    {
      g_warning ("Could not read the subscription kinds: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->archived_group), FALSE);
      return;
    }

  add_row (self, self->kinds_group, kind_row (self, &blank));
  for (guint i = 0; i < kinds->len; i++)
    if (!g_array_index (kinds, RgSubscriptionKind, i).archived)
      add_row (self, self->kinds_group, kind_row (self, &g_array_index (kinds, RgSubscriptionKind, i)));
  for (guint i = 0; i < with_archived->len; i++)
    if (g_array_index (with_archived, RgSubscriptionKind, i).archived)
      {
        add_row (self, self->archived_group, kind_row (self, &g_array_index (with_archived, RgSubscriptionKind, i)));
        n_archived++;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), n_archived > 0);
}

static void
studio_changes_cb (RgSubscriptionsPage *self,
                   RgChanges            changes)
{
  if (changes & RG_CHANGES_SETTINGS)
    rebuild (self);
}

RgSubscriptionsPage *
rg_subscriptions_page_new (RgStudio *studio)
{
  RgSubscriptionsPage *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_SUBSCRIPTIONS_PAGE,
                       "name", "subscriptions",
                       "title", _("Su_bscriptions"),
                       "use-underline", TRUE,
                       "icon-name", "view-list-bullet-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);
  self->services = rg_record_list_new_services (studio, FALSE);

  self->kinds_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->kinds_group, _("Subscription Kinds"));
  adw_preferences_group_set_description (self->kinds_group,
                                         _("A number of visits of the services it covers, valid for a number of "
                                           "days from the sale or from the first use. The till sells them; a "
                                           "visit of a covered service can then be paid by one of its visits."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->kinds_group);
  self->archived_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->archived_group, _("Archived"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->archived_group);

  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (studio_changes_cb), self);
  g_signal_connect_object (self->services, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

static void
rg_subscriptions_page_dispose (GObject *object)
{
  RgSubscriptionsPage *self = RG_SUBSCRIPTIONS_PAGE (object);

  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  if (self->rows)
    g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->services);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_subscriptions_page_parent_class)->dispose (object);
}

static void
rg_subscriptions_page_finalize (GObject *object)
{
  RgSubscriptionsPage *self = RG_SUBSCRIPTIONS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (rg_subscriptions_page_parent_class)->finalize (object);
}

static void
rg_subscriptions_page_class_init (RgSubscriptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_subscriptions_page_dispose;
  object_class->finalize = rg_subscriptions_page_finalize;
}

static void
rg_subscriptions_page_init (RgSubscriptionsPage *self)
{
  self->rows = g_ptr_array_new ();
}

/* rg-loyalty-page.c — the Studio window's "Loyalty" page.
 *
 * Bonus points: the share of what is paid in money that comes back as
 * points, the most of a sale points may pay, after how many months points
 * expire (0: never) and what a point is worth. The referral reward: none,
 * points, a deposit top-up or a one-off discount, with what the client
 * who referred and the newcomer get, each in the reward's unit (points,
 * money or a percentage; a new kind of reward starts its amounts at 0).
 * Gift certificates' validity in months, and how
 * many days ahead Today warns of subscriptions running out.
 *
 * Each value is an entry row saved with its apply button or Enter through
 * rg_studio_set_number(); a refusal marks the row, says why in a toast and
 * leaves what was typed. Percentages are read with rg_percent_parse(),
 * money with rg_money_parse(): integers only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-loyalty-page"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-pricing.h"
#include "model/rg-studio-settings.h"
#include "rg-loyalty-page.h"
#include "rg-studio-rows.h"
#include "util/rg-money.h"

typedef enum {
  UNIT_PERCENT,
  UNIT_MONEY,
  UNIT_COUNT,
} Unit;

struct _RgLoyaltyPage
{
  AdwPreferencesPage   parent_instance;

  RgStudio            *studio;
  gulong               changes_id;
  gboolean             filling;

  GPtrArray           *rows;              /* AdwEntryRow, each with its number and unit */
  AdwComboRow         *reward_row;
  AdwEntryRow         *referrer_row;
  AdwEntryRow         *newcomer_row;
};

G_DEFINE_FINAL_TYPE (RgLoyaltyPage, rg_loyalty_page, ADW_TYPE_PREFERENCES_PAGE)

static Unit
row_unit (AdwEntryRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "unit"));
}

static RgStudioNumber
row_number (AdwEntryRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "number"));
}

static char *
format_value (Unit   unit,
              gint64 value)
{
  switch (unit)
    {
    case UNIT_PERCENT: return rg_pricing_format_percent ((int) value);
    case UNIT_MONEY:   return rg_format_money_editable (value);
    case UNIT_COUNT:
    default:           return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

static gboolean
parse_value (Unit         unit,
             const char  *text,
             gint64      *value,
             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int percent = 0;

  switch (unit)
    {
    case UNIT_PERCENT:
      if (!rg_percent_parse (stripped, &percent, error))
        return FALSE;
      *value = percent;
      return TRUE;
    case UNIT_MONEY:
      return rg_money_parse (stripped, value, error);
    case UNIT_COUNT:
    default:
      if (!g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT32, value, NULL))
        {
          g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                               _("Enter a whole number, such as 12."));
          return FALSE;
        }
      return TRUE;
    }
}

/* The referral amounts' unit follows the reward. */
static Unit
reward_unit (RgReferralReward reward)
{
  switch (reward)
    {
    case RG_REFERRAL_DEPOSIT:  return UNIT_MONEY;
    case RG_REFERRAL_DISCOUNT: return UNIT_PERCENT;
    case RG_REFERRAL_POINTS:
    case RG_REFERRAL_NONE:
    default:                   return UNIT_COUNT;
    }
}

static void
title_referral_rows (RgLoyaltyPage    *self,
                     RgReferralReward  reward)
{
  g_autofree char *referrer = NULL;
  g_autofree char *newcomer = NULL;

  switch (reward)
    {
    case RG_REFERRAL_DEPOSIT:
      /* Translators: the referral reward's amount; %s is the currency's symbol */
      referrer = g_strdup_printf (_("Who Referred Gets on Their Deposit, %s"), rg_format_currency_symbol ());
      /* Translators: the referral reward's amount; %s is the currency's symbol */
      newcomer = g_strdup_printf (_("The Newcomer Gets on Their Deposit, %s"), rg_format_currency_symbol ());
      break;
    case RG_REFERRAL_DISCOUNT:
      referrer = g_strdup (_("Who Referred Gets a Discount, %"));
      newcomer = g_strdup (_("The Newcomer Gets a Discount, %"));
      break;
    case RG_REFERRAL_POINTS:
    case RG_REFERRAL_NONE:
    default:
      referrer = g_strdup (_("Who Referred Gets, Points"));
      newcomer = g_strdup (_("The Newcomer Gets, Points"));
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->referrer_row), referrer);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->newcomer_row), newcomer);
  g_object_set_data (G_OBJECT (self->referrer_row), "unit", GINT_TO_POINTER (reward_unit (reward)));
  g_object_set_data (G_OBJECT (self->newcomer_row), "unit", GINT_TO_POINTER (reward_unit (reward)));
  gtk_widget_set_visible (GTK_WIDGET (self->referrer_row), reward != RG_REFERRAL_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->newcomer_row), reward != RG_REFERRAL_NONE);
}

/* Puts the stored values in the rows, except in one being typed into. */
static void
fill (RgLoyaltyPage *self)
{
  RgReferralReward reward = (RgReferralReward) rg_studio_get_number (self->studio, RG_STUDIO_REFERRAL_REWARD);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->reward_row, (guint) reward);
  title_referral_rows (self, reward);
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwEntryRow *row = self->rows->pdata[i];
      g_autofree char *text = NULL;

      if (gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN)
        continue;
      text = format_value (row_unit (row), rg_studio_get_number (self->studio, row_number (row)));
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
  self->filling = FALSE;
}

static void
apply_cb (AdwEntryRow   *row,
          RgLoyaltyPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  if (!parse_value (row_unit (row), gtk_editable_get_text (GTK_EDITABLE (row)), &value, &error) ||
      !rg_studio_set_number (self->studio, row_number (row), value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  {
    /* Shown as stored: "12.50" typed as "12,5" reads back the studio's way. */
    g_autofree char *text = format_value (row_unit (row), rg_studio_get_number (self->studio, row_number (row)));

    gtk_editable_set_text (GTK_EDITABLE (row), text);
  }
}

static void
reward_selected_cb (AdwComboRow   *combo,
                    GParamSpec    *pspec,
                    RgLoyaltyPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (combo);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) rg_studio_get_number (self->studio, RG_STUDIO_REFERRAL_REWARD))
    return;
  /* The amounts were in the old reward's unit (500 points are not 500.00
   * on a deposit): they start again from nothing, to be typed in the new. */
  if (!rg_studio_set_number (self->studio, RG_STUDIO_REFERRAL_REFERRER, 0, &error) ||
      !rg_studio_set_number (self->studio, RG_STUDIO_REFERRAL_NEWCOMER, 0, &error) ||
      !rg_studio_set_number (self->studio, RG_STUDIO_REFERRAL_REWARD, selected, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      fill (self);
      return;
    }
  /* The amounts read in the new unit. */
  fill (self);
}

static AdwEntryRow *
number_row (RgLoyaltyPage       *self,
            AdwPreferencesGroup *group,
            const char          *title,
            RgStudioNumber       number,
            Unit                 unit)
{
  AdwEntryRow *row = rg_studio_entry_row (title, TRUE);

  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), "number", GINT_TO_POINTER (number));
  g_object_set_data (G_OBJECT (row), "unit", GINT_TO_POINTER (unit));
  g_signal_connect (row, "apply", G_CALLBACK (apply_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  return row;
}

static AdwPreferencesGroup *
group_new (RgLoyaltyPage *self,
           const char    *title,
           const char    *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
  return group;
}

static void
studio_changes_cb (RgLoyaltyPage *self,
                   RgChanges      changes)
{
  if (changes & RG_CHANGES_SETTINGS)
    fill (self);
}

RgLoyaltyPage *
rg_loyalty_page_new (RgStudio *studio)
{
  RgLoyaltyPage *self;
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) rewards = NULL;
  g_autofree char *value_title = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_LOYALTY_PAGE,
                       "name", "loyalty",
                       "title", _("_Loyalty"),
                       "use-underline", TRUE,
                       "icon-name", "starred-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);

  group = group_new (self, _("Bonus Points"),
                     _("Points are earned on what a client pays in money (cash, card, transfer or deposit) for "
                       "services and products, never on points, certificates or subscriptions. An earn rate "
                       "of 0 gives no points."));
  /* xgettext:no-c-format */
  number_row (self, group, _("Points Earned, % of What Is Paid"), RG_STUDIO_POINTS_RATE, UNIT_PERCENT);
  /* xgettext:no-c-format */
  number_row (self, group, _("Points Pay at Most, % of a Sale"), RG_STUDIO_POINTS_SHARE, UNIT_PERCENT);
  /* Translators: 0 months means points never expire */
  number_row (self, group, _("Points Expire After, Months (0: Never)"), RG_STUDIO_POINTS_MONTHS, UNIT_COUNT);
  /* Translators: %s is the currency's symbol */
  value_title = g_strdup_printf (_("A Point Is Worth, %s"), rg_format_currency_symbol ());
  number_row (self, group, value_title, RG_STUDIO_POINT_VALUE, UNIT_MONEY);

  group = group_new (self, _("Referral Reward"),
                     _("When a client someone referred has their first visit done and paid, both get the "
                       "reward, once."));
  rewards = gtk_string_list_new ((const char *[]) {
    /* Translators: the referral reward's kind */
    C_("referral", "None"), C_("referral", "Points"), C_("referral", "Deposit Top-Up"),
    C_("referral", "One-Off Discount"), NULL });
  self->reward_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reward_row), _("Reward"));
  adw_combo_row_set_model (self->reward_row, G_LIST_MODEL (rewards));
  adw_preferences_group_add (group, GTK_WIDGET (self->reward_row));
  self->referrer_row = number_row (self, group, "", RG_STUDIO_REFERRAL_REFERRER, UNIT_COUNT);
  self->newcomer_row = number_row (self, group, "", RG_STUDIO_REFERRAL_NEWCOMER, UNIT_COUNT);

  group = group_new (self, _("Gift Certificates and Subscriptions"), NULL);
  number_row (self, group, _("Gift Certificates Are Valid, Months"), RG_STUDIO_CERTIFICATE_MONTHS, UNIT_COUNT);
  number_row (self, group, _("Today Warns of Subscriptions Running Out Within, Days"), RG_STUDIO_EXPIRING_DAYS,
              UNIT_COUNT);

  fill (self);
  g_signal_connect (self->reward_row, "notify::selected", G_CALLBACK (reward_selected_cb), self);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (studio_changes_cb), self);
  return self;
}

static void
rg_loyalty_page_dispose (GObject *object)
{
  RgLoyaltyPage *self = RG_LOYALTY_PAGE (object);

  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_loyalty_page_parent_class)->dispose (object);
}

static void
rg_loyalty_page_finalize (GObject *object)
{
  RgLoyaltyPage *self = RG_LOYALTY_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (rg_loyalty_page_parent_class)->finalize (object);
}

static void
rg_loyalty_page_class_init (RgLoyaltyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_loyalty_page_dispose;
  object_class->finalize = rg_loyalty_page_finalize;
}

static void
rg_loyalty_page_init (RgLoyaltyPage *self)
{
  self->rows = g_ptr_array_new ();
}

/* rg-report-liabilities.c — what the studio owes on a day (src/analytics
 * rg-liabilities.c) as text and JSON for `regulars --report liabilities`.
 * Money in JSON is whole minor units with the studio's currency beside it;
 * the text shows it as the window does, and says what each figure counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "model/rg-format.h"
#include "rg-json-private.h"
#include "rg-report-liabilities.h"
#include "rg-report-text-private.h"

/* The JSON keys. */
static const char *const liability_keys[RG_N_LIABILITIES] = {
  "deposits", "certificates", "subscriptions", "points", "total",
};

const char *
rg_liability_label (RgLiability liability)
{
  switch (liability)
    {
    /* Translators: what the studio owes its clients (regulars --report liabilities, its window) */
    case RG_LIABILITY_DEPOSITS: return C_("liabilities", "Deposits");
    case RG_LIABILITY_CERTIFICATES: return C_("liabilities", "Gift certificates");
    case RG_LIABILITY_SUBSCRIPTIONS: return C_("liabilities", "Subscriptions");
    case RG_LIABILITY_POINTS: return C_("liabilities", "Bonus points");
    case RG_LIABILITY_TOTAL: return C_("liabilities", "Total owed");
    case RG_N_LIABILITIES:
    default: g_assert_not_reached ();
    }
}

const char *
rg_liability_definition (RgLiability liability)
{
  switch (liability)
    {
    case RG_LIABILITY_DEPOSITS:
      return _("The money left on the clients’ deposits at the end of the day: every top-up, payment, refund "
               "and withdrawal up to then, by client; the clients with money left.");
    case RG_LIABILITY_CERTIFICATES:
      return _("The balances of the gift certificates sold by the end of the day and still valid then: what each "
               "was sold for, less what was paid with it.");
    case RG_LIABILITY_SUBSCRIPTIONS:
      return _("The visits left on the subscriptions sold by the end of the day and not expired then, at the "
               "price paid: visits left × price ÷ visits bought, rounded half up for each subscription. One that "
               "runs from its first use and was never used has not expired.");
    case RG_LIABILITY_POINTS:
      return _("The clients’ bonus points at the end of the day, each worth what the studio sets a point to be "
               "worth today.");
    case RG_LIABILITY_TOTAL:
      return _("What the studio owes its clients in services or money: the four together. Selling them was not "
               "revenue; using them is not money coming in.");
    case RG_N_LIABILITIES:
    default:
      g_assert_not_reached ();
    }
}

gint64
rg_liability_amount (const RgLiabilities *l,
                     RgLiability          liability)
{
  switch (liability)
    {
    case RG_LIABILITY_DEPOSITS: return l->deposits;
    case RG_LIABILITY_CERTIFICATES: return l->certificates;
    case RG_LIABILITY_SUBSCRIPTIONS: return l->subscriptions;
    case RG_LIABILITY_POINTS: return l->points_value;
    case RG_LIABILITY_TOTAL: return l->total;
    case RG_N_LIABILITIES:
    default: g_return_val_if_reached (0);
    }
}

char *
rg_liability_counts (const RgLiabilities *l,
                     RgLiability          liability)
{
  switch (liability)
    {
    case RG_LIABILITY_DEPOSITS:
      /* Translators: who holds a deposit */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients", l->deposit_clients),
                              l->deposit_clients);
    case RG_LIABILITY_CERTIFICATES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", l->n_certificates),
                              l->n_certificates);
    case RG_LIABILITY_SUBSCRIPTIONS:
      {
        g_autofree char *visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld visit left", "%lld visits left",
                                                                (gulong) l->subscription_visits),
                                                   (long long) l->subscription_visits);
        g_autofree char *subscriptions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u subscription",
                                                                       "%u subscriptions", l->n_subscriptions),
                                                          l->n_subscriptions);

        /* Translators: "4 subscriptions, 17 visits left" */
        return g_strdup_printf (C_("liabilities", "%s, %s"), subscriptions, visits);
      }
    case RG_LIABILITY_POINTS:
      {
        g_autofree char *number = rg_format_count ((guint) MIN (l->points, G_MAXUINT));
        /* Translators: %s is a number of points, "1,200" */
        g_autofree char *points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points",
                                                                (gulong) l->points),
                                                   number);
        g_autofree char *clients = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients",
                                                                 l->points_clients),
                                                    l->points_clients);

        /* Translators: "1,200 points, 14 clients" */
        return g_strdup_printf (C_("liabilities", "%s, %s"), points, clients);
      }
    case RG_LIABILITY_TOTAL:
    case RG_N_LIABILITIES:
    default:
      return NULL;
    }
}

/* Text ------------------------------------------------------------------------- */

char *
rg_report_liabilities_text (const RgLiabilities *l)
{
  GString *out = g_string_new (NULL);
  g_autofree char *day = rg_date_to_iso (l->as_of);
  g_autoptr(GPtrArray) figures = rg_report_table_new ();
  g_autoptr(GPtrArray) clients = rg_report_table_new ();
  g_autofree char *point = rg_format_price (l->point_value);

  /* Translators: the liabilities report's heading; the date is YYYY-MM-DD */
  g_string_append_printf (out, _("What the studio owes, at the end of %s"), day);
  g_string_append (out, "\n\n");
  for (RgLiability i = 0; i < RG_N_LIABILITIES; i++)
    {
      g_autofree char *amount = rg_format_price (rg_liability_amount (l, i));
      g_autofree char *counts = rg_liability_counts (l, i);

      if (i == RG_LIABILITY_TOTAL)
        rg_report_pair_add (figures, "", g_strdup (""));
      rg_report_pair_add (figures, rg_liability_label (i),
                          counts ? g_strdup_printf ("%s (%s)", amount, counts) : g_strdup (amount));
    }
  rg_report_append_pairs (out, figures);
  g_string_append_c (out, '\n');
  /* Translators: %s is what a bonus point is worth, "1 ₽" */
  g_string_append_printf (out, C_("liabilities", "A point is worth %s."), point);
  g_string_append_c (out, '\n');

  /* Translators: the columns of the clients who hold a deposit or points; short */
  rg_report_table_add (clients, g_strdup (C_("liabilities", "Client")), g_strdup (C_("liabilities", "Deposit")),
                       g_strdup (C_("liabilities", "Points")), g_strdup (C_("liabilities", "Points’ value")), NULL);
  for (guint i = 0; i < l->clients->len; i++)
    {
      const RgLiabilityClient *c = l->clients->pdata[i];

      rg_report_table_add (clients, g_strdup (c->name), rg_format_price (c->deposit),
                           rg_format_count ((guint) MIN (c->points, G_MAXUINT)), rg_format_price (c->points_value),
                           NULL);
    }
  rg_report_append_table (out, C_("liabilities", "Clients with a deposit or points"), clients);

  g_string_append_printf (out, "\n%s\n", C_("liabilities", "What the figures count"));
  for (RgLiability i = 0; i < RG_N_LIABILITIES; i++)
    g_string_append_printf (out, "  %s: %s\n", rg_liability_label (i), rg_liability_definition (i));
  return g_string_free (out, FALSE);
}

/* JSON ------------------------------------------------------------------------- */

char *
rg_report_liabilities_json (const RgLiabilities *l)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  rg_json_add_date (b, "as_of", l->as_of);
  json_builder_set_member_name (b, "currency");
  if (rg_format_get_currency () != NULL)
    json_builder_add_string_value (b, rg_format_get_currency ());
  else
    json_builder_add_null_value (b);
  rg_json_add_int (b, "point_value", l->point_value);

  json_builder_set_member_name (b, "deposits");
  json_builder_begin_object (b);
  rg_json_add_int (b, "amount", l->deposits);
  rg_json_add_int (b, "clients", l->deposit_clients);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "certificates");
  json_builder_begin_object (b);
  rg_json_add_int (b, "amount", l->certificates);
  rg_json_add_int (b, "count", l->n_certificates);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "subscriptions");
  json_builder_begin_object (b);
  rg_json_add_int (b, "amount", l->subscriptions);
  rg_json_add_int (b, "count", l->n_subscriptions);
  rg_json_add_int (b, "visits", l->subscription_visits);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "points");
  json_builder_begin_object (b);
  rg_json_add_int (b, "amount", l->points_value);
  rg_json_add_int (b, "points", l->points);
  rg_json_add_int (b, "clients", l->points_clients);
  json_builder_end_object (b);

  rg_json_add_int (b, "total", l->total);

  json_builder_set_member_name (b, "clients");
  json_builder_begin_array (b);
  for (guint i = 0; i < l->clients->len; i++)
    {
      const RgLiabilityClient *c = l->clients->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_int (b, "client_id", c->client_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->name);
      rg_json_add_int (b, "deposit", c->deposit);
      rg_json_add_int (b, "points", c->points);
      rg_json_add_int (b, "points_value", c->points_value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "definitions");
  json_builder_begin_object (b);
  for (RgLiability i = 0; i < RG_N_LIABILITIES; i++)
    {
      json_builder_set_member_name (b, liability_keys[i]);
      json_builder_add_string_value (b, rg_liability_definition (i));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return rg_json_to_text (root);
}

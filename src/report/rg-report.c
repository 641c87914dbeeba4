/* rg-report.c — `regulars --report KIND`: the panel's figures for scripts.
 *
 * The same computation as the panel (src/analytics), printed as JSON or as
 * a few lines of text (rg-report-satisfaction.c, rg-report-retention.c);
 * the options are checked before the store is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "analytics/rg-dashboard.h"
#include "analytics/rg-liabilities.h"
#include "analytics/rg-money-figures.h"
#include "analytics/rg-satisfaction.h"
#include "model/rg-audit.h"
#include "model/rg-format.h"
#include "model/rg-roles.h"
#include "model/rg-studio-identity.h"
#include "util/rg-text.h"
#include "rg-report.h"
#include "rg-report-liabilities.h"
#include "rg-report-money.h"
#include "rg-report-retention.h"
#include "rg-report-satisfaction.h"
#include "rg-report-stock.h"
#include "model/rg-stock.h"

static gboolean
read_day (const char  *text,
          const char  *option,
          RgDate       fallback,
          RgDate      *date,
          GError     **error)
{
  if (text == NULL)
    {
      *date = fallback;
      return TRUE;
    }
  if (!rg_date_from_iso (text, date))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s is an option such as --from; YYYY-MM-DD stays as is */
                   _("%s takes a date as YYYY-MM-DD, such as 2026-03-01."), option);
      return FALSE;
    }
  return TRUE;
}

/* What --staff and --service name: the table, and the words of the errors. */
typedef struct {
  const char *sql;          /* id, name: every row */
  const char *option;
} Kind;

static const Kind staff_kind = { "SELECT id, display_name FROM staff ORDER BY position, id", "--staff" };
static const Kind service_kind = { "SELECT id, name FROM services ORDER BY position, id", "--service" };

/* @text as typed after --staff or --service: a name as the window shows it
 * (any case; a part of it is enough when only one has that part), or the
 * number scripts have from --json. 0 in @id for NULL. */
static gboolean
resolve (RgStore     *store,
         const Kind  *kind,
         const char  *text,
         gint64      *id,
         char       **found_name,
         GError     **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *wanted = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) candidates = g_string_new (NULL);
  gint64 exact = 0, partial = 0;
  g_autofree char *exact_name = NULL;
  g_autofree char *partial_name = NULL;
  g_autofree char *starting_name = NULL;
  gint64 starting = 0;
  guint n_starting = 0;
  guint n_partial = 0;
  gboolean number = text && rg_text_all_digits (text);

  *id = 0;
  *found_name = NULL;
  if (text == NULL)
    return TRUE;
  wanted = rg_text_sort_key (text);
  stmt = rg_store_prepare (store, kind->sql, error);
  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      gint64 row_id;
      const char *name;
      g_autofree char *folded = NULL;
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      row_id = sqlite3_column_int64 (stmt, 0);
      name = (const char *) sqlite3_column_text (stmt, 1);
      folded = rg_text_sort_key (name);

      g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
      if ((number && row_id == g_ascii_strtoll (text, NULL, 10)) ||
          (!number && g_strcmp0 (folded, wanted) == 0))
        {
          exact = row_id;
          g_free (exact_name);
          exact_name = g_strdup (name);
        }
      else if (!number && *wanted && strstr (folded, wanted))
        {
          /* A word started ("men" in "Men's haircut") outranks a part
           * inside one ("Women's"). */
          if (rg_text_starts_word (folded, wanted))
            {
              starting = row_id;
              g_free (starting_name);
              starting_name = g_strdup (name);
              n_starting++;
            }
          partial = row_id;
          g_free (partial_name);
          partial_name = g_strdup (name);
          n_partial++;
          g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "", name);
        }
    }
  if (exact)
    {
      *id = exact;
      *found_name = g_steal_pointer (&exact_name);
    }
  else if (n_partial == 1)
    {
      *id = partial;
      *found_name = g_steal_pointer (&partial_name);
    }
  else if (n_starting == 1)
    {
      *id = starting;
      *found_name = g_steal_pointer (&starting_name);
    }
  else if (n_partial > 1)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                   _("%s “%s” could be any of: %s. Type more of the name."), kind->option, text, candidates->str);
      return FALSE;
    }
  else
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                   _("%s “%s” is not in this studio. It has: %s."), kind->option, text,
                   names->len ? names->str : "—");
      return FALSE;
    }
  return TRUE;
}

static char *
retention_report (RgStore                *store,
                  const RgReportOptions  *options,
                  GError                **error)
{
  RgDate as_of, from, to;
  g_autoptr(RgDashboard) result = NULL;

  if (!read_day (options->as_of, "--as-of", rg_date_today (), &as_of, error) ||
      !read_day (options->from, "--from", (RgDate) { as_of.year, as_of.month, 1 }, &from, error) ||
      !read_day (options->to, "--to", as_of, &to, error))
    return NULL;
  if (rg_date_compare (from, to) > 0 || rg_date_compare (to, as_of) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--from must be on or before --to, and --to on or before --as-of."));
      return NULL;
    }
  result = rg_dashboard_compute (store, from, to, as_of, NULL, error);
  if (result == NULL)
    return NULL;
  return options->json ? rg_report_retention_json (result) : rg_report_retention_text (result);
}

/* `--report money` and `--report payroll`: the first of this month to
 * today by default, one master with --staff; --service and --as-of are
 * refused rather than ignored. */
static char *
money_report (RgStore                *store,
              gboolean                payroll,
              const RgReportOptions  *options,
              GError                **error)
{
  RgDate today = rg_date_today ();
  RgMoneyQuery query = { 0 };
  g_autofree char *staff_name = NULL;

  if (options->service != NULL || options->as_of != NULL)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           payroll ? _("--report payroll takes --from, --to, --staff and --json.")
                                   : _("--report money takes --from, --to, --staff and --json."));
      return NULL;
    }
  if (!read_day (options->from, "--from", (RgDate) { today.year, today.month, 1 }, &query.from, error) ||
      !read_day (options->to, "--to", today, &query.to, error))
    return NULL;
  if (rg_date_compare (query.from, query.to) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--from must be on or before --to."));
      return NULL;
    }
  if (!resolve (store, &staff_kind, options->staff, &query.staff_id, &staff_name, error))
    return NULL;

  if (payroll)
    {
      g_autoptr(RgPayroll) result = rg_payroll_compute (store, &query, error);

      if (result == NULL)
        return NULL;
      return options->json ? rg_report_payroll_json (result) : rg_report_payroll_text (result, staff_name);
    }
  else
    {
      g_autoptr(RgMoneyFigures) result = rg_money_figures_compute (store, &query, error);

      if (result == NULL)
        return NULL;
      return options->json ? rg_report_money_json (result) : rg_report_money_text (result, staff_name);
    }
}

/* `--report liabilities`: what the studio owes at the end of --as-of
 * (today by default); --from, --to, --staff and --service are refused
 * rather than ignored. */
static char *
liabilities_report (RgStore                *store,
                    const RgReportOptions  *options,
                    GError                **error)
{
  RgDate as_of;
  g_autoptr(RgLiabilities) result = NULL;

  if (options->from != NULL || options->to != NULL || options->staff != NULL || options->service != NULL)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--report liabilities takes --as-of and --json."));
      return NULL;
    }
  if (!read_day (options->as_of, "--as-of", rg_date_today (), &as_of, error))
    return NULL;
  result = rg_liabilities_compute (store, as_of, error);
  if (result == NULL)
    return NULL;
  return options->json ? rg_report_liabilities_json (result) : rg_report_liabilities_text (result);
}

/* `--report stock`: every live item as of the end of --as-of's day
 * (today by default); the other options are refused rather than ignored. */
static char *
stock_report (RgStore                *store,
              const RgReportOptions  *options,
              GError                **error)
{
  RgDate today = rg_date_today ();
  RgDate as_of;
  g_autoptr(GArray) items = NULL;

  if (options->from != NULL || options->to != NULL || options->staff != NULL || options->service != NULL)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--report stock takes --as-of and --json."));
      return NULL;
    }
  if (!read_day (options->as_of, "--as-of", today, &as_of, error))
    return NULL;
  if (rg_date_compare (as_of, today) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--as-of cannot be in the future."));
      return NULL;
    }
  items = rg_stock_list (store, rg_date_compare (as_of, today) == 0 ? 0 : rg_date_end (as_of) - 1, error);
  if (items == NULL)
    return NULL;
  return options->json ? rg_report_stock_json (items, as_of) : rg_report_stock_text (items, as_of);
}

char *
rg_report_run (RgStore                *store,
               const char             *kind,
               const RgReportOptions  *options,
               GError                **error)
{
  RgDate today = rg_date_today ();
  RgDate month_start = { today.year, today.month, 1 };
  RgSatisfactionQuery query = { 0 };
  g_autoptr(RgSatisfaction) result = NULL;
  g_autofree char *staff_name = NULL;
  g_autofree char *service_name = NULL;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  /* Money in the studio's currency, as its window shows it. */
  {
    g_autofree char *currency = rg_store_dup_currency (store);

    rg_format_set_currency (currency);
  }

  if (g_strcmp0 (kind, "retention") == 0)
    return retention_report (store, options, error);
  if (g_strcmp0 (kind, "money") == 0 || g_strcmp0 (kind, "payroll") == 0)
    return money_report (store, g_strcmp0 (kind, "payroll") == 0, options, error);
  if (g_strcmp0 (kind, "liabilities") == 0)
    return liabilities_report (store, options, error);
  if (g_strcmp0 (kind, "stock") == 0)
    return stock_report (store, options, error);
  if (g_strcmp0 (kind, "satisfaction") != 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed after --report */
                   _("There is no report called “%s”. Reports: satisfaction, retention, money, payroll, liabilities, stock."), kind ? kind : "");
      return NULL;
    }

  if (!read_day (options->from, "--from", month_start, &query.from, error) ||
      !read_day (options->to, "--to", today, &query.to, error))
    return NULL;
  if (rg_date_compare (query.from, query.to) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--from must be on or before --to."));
      return NULL;
    }

  if (!resolve (store, &staff_kind, options->staff, &query.staff_id, &staff_name, error) ||
      !resolve (store, &service_kind, options->service, &query.service_id, &service_name, error))
    return NULL;

  query.step = rg_date_days_between (query.from, query.to) > 92 ? RG_SATISFACTION_BY_MONTH
                                                                : RG_SATISFACTION_BY_WEEK;
  result = rg_satisfaction_compute (store, &query, NULL, error);
  if (result == NULL)
    return NULL;

  if (options->json)
    return rg_report_satisfaction_json (result);
  return rg_report_satisfaction_text (result, staff_name, service_name);
}

/* Who may see @kind (rg_studio_allowed(), the refusal in the audit log):
 * every report needs RG_ACTION_REPORTS, but the payroll of one's own pay
 * needs only RG_ACTION_OWN_PAY: without everyone's pay, --staff is forced
 * to the signed-in person (in @own_staff, their number). */
static gboolean
report_allowed (RgStudio               *studio,
                const char             *kind,
                const RgReportOptions  *options,
                char                  **own_staff,
                GError                **error)
{
  gint64 self = rg_studio_get_session_staff (studio);
  gint64 staff_id = 0;
  g_autofree char *name = NULL;

  *own_staff = NULL;
  if (g_strcmp0 (kind, "payroll") != 0 || rg_studio_may (studio, RG_ACTION_PAYROLL) || self == 0)
    return rg_studio_allowed (studio, g_strcmp0 (kind, "payroll") == 0 ? RG_ACTION_PAYROLL : RG_ACTION_REPORTS,
                              0, 0, error);
  if (options->staff != NULL &&
      !resolve (rg_studio_get_store (studio), &staff_kind, options->staff, &staff_id, &name, error))
    return FALSE;
  if (staff_id != 0 && staff_id != self)
    return rg_studio_allowed (studio, RG_ACTION_PAYROLL, 0, 0, error);
  if (!rg_studio_allowed (studio, RG_ACTION_OWN_PAY, 0, 0, error))
    return FALSE;
  *own_staff = g_strdup_printf ("%" G_GINT64_FORMAT, self);
  return TRUE;
}

/* The audit log's words for a report's period, with the defaults each
 * kind takes: "2026-03-01..2026-03-31", "as of 2026-03-31", "master: Anna". */
static char *
describe_period (RgStudio               *studio,
                 const char             *kind,
                 const RgReportOptions  *options)
{
  RgDate today = rg_date_today ();
  RgDate as_of = today, from, to;
  GString *detail = g_string_new (NULL);
  gint64 id = 0;

  if (options->as_of)
    rg_date_from_iso (options->as_of, &as_of);
  if (g_strcmp0 (kind, "liabilities") == 0 || g_strcmp0 (kind, "stock") == 0)
    {
      g_autofree char *day = rg_date_to_iso (as_of);

      g_string_append_printf (detail, "as of %s", day);
    }
  else
    {
      gboolean retention = g_strcmp0 (kind, "retention") == 0;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      from = retention ? (RgDate) { as_of.year, as_of.month, 1 } : (RgDate) { today.year, today.month, 1 };
      to = retention ? as_of : today;
      if (options->from)
        rg_date_from_iso (options->from, &from);
      if (options->to)
        rg_date_from_iso (options->to, &to);
      first = rg_date_to_iso (from);
      last = rg_date_to_iso (to);
      g_string_append_printf (detail, "%s..%s", first, last);
      if (retention && options->as_of)
        {
          g_autofree char *day = rg_date_to_iso (as_of);

          g_string_append_printf (detail, " as of %s", day);
        }
    }
  if (options->staff)
    {
      g_autofree char *name = NULL;

      if (resolve (rg_studio_get_store (studio), &staff_kind, options->staff, &id, &name, NULL) && name)
        g_string_append_printf (detail, " master: %s", name);
    }
  if (options->service)
    {
      g_autofree char *name = NULL;

      if (resolve (rg_studio_get_store (studio), &service_kind, options->service, &id, &name, NULL) && name)
        g_string_append_printf (detail, " service: %s", name);
    }
  return g_string_free (detail, FALSE);
}

/* The report of an open studio, for the command line (which opens it by
 * path with rg_studio_open()): checked against the signed-in role first,
 * and written to the audit log (kind, period) before it is shown. */
char *
rg_report_run_studio (RgStudio               *studio,
                      const char             *kind,
                      const RgReportOptions  *options,
                      GError                **error)
{
  g_autofree char *own_staff = NULL;
  g_autofree char *output = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) audit_error = NULL;
  RgReportOptions checked;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!report_allowed (studio, kind, options, &own_staff, error))
    return NULL;
  checked = *options;
  if (own_staff != NULL)
    checked.staff = own_staff;
  output = rg_report_run (rg_studio_get_store (studio), kind, &checked, error);
  if (output == NULL)
    return NULL;

  detail = describe_period (studio, kind, &checked);
  if (!rg_studio_audit (studio, RG_AUDIT_REPORT, kind, -1, NULL, detail, &audit_error))
    {
      g_set_error (error, audit_error->domain, audit_error->code,
                   _("The report is not shown, because the studio could not note it in its log: %s"),
                   audit_error->message);
      return NULL;
    }
  return g_steal_pointer (&output);
}

/* bench-export.c — exporting the reference studio's 100,000 clients to CSV
 * and vCard, and a month of its appointments to iCalendar, each against a
 * bare SELECT of the same rows printed to a file with stdio in the same run
 * (what SQLite and writing cost by themselves); the best of three.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "io/rg-export.h"
#include "model/rg-studio.h"

#define RUNS 3

static const char clients_sql[] =
  "SELECT address_as, full_name, phone, phone2, email, birth_day, birth_month, birth_year, gender, source, notes, "
  "(SELECT group_concat (t.name, ', ') FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = c.id) "
  "FROM clients c WHERE deleted_at IS NULL ORDER BY sort_key, id";

static const char appointments_sql[] =
  "SELECT a.id, a.starts_at, a.ends_at, a.status, a.price, c.address_as, s.display_name, a.note, "
  "(SELECT group_concat (sv.name, ', ') FROM appointment_services x JOIN services sv ON sv.id = x.service_id "
  " WHERE x.appointment_id = a.id) "
  "FROM appointments a JOIN clients c ON c.id = a.client_id JOIN staff s ON s.id = a.staff_id "
  "WHERE a.starts_at >= ?1 AND a.starts_at < ?2 AND a.deleted_at IS NULL ORDER BY a.starts_at";

/* The rows printed as they come, one line each. */
static double
bare (RgStore    *store,
      const char *sql,
      gint64      from,
      gint64      to,
      const char *path)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  FILE *fp = fopen (path, "w");
  gboolean row = TRUE;

  g_assert (stmt != NULL && fp != NULL);
  if (from || to)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }
  while (rg_store_step_row (store, stmt, &row, NULL) && row)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          fputs (text ? text : "", fp);
          fputc (';', fp);
        }
      fputs ("\r\n", fp);
    }
  fclose (fp);
  return (g_get_monotonic_time () - started) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = bench_reference_db ();
  g_autofree char *dir = g_dir_make_tmp ("regulars-bench-export-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "Clients.csv", NULL);
  g_autofree char *vcf = g_build_filename (dir, "Clients.vcf", NULL);
  g_autofree char *ics = g_build_filename (dir, "Month.ics", NULL);
  g_autofree char *plain = g_build_filename (dir, "bare.txt", NULL);
  g_autoptr(RgStudio) studio = rg_studio_open (db, RG_STUDIO_OPEN_EXISTING, &error);
  RgStore *store;
  double best_csv = G_MAXDOUBLE, best_vcf = G_MAXDOUBLE, best_ics = G_MAXDOUBLE;
  double best_bare = G_MAXDOUBLE, best_bare_ics = G_MAXDOUBLE;
  RgExportPeriod month;
  gint64 clients = 0, appointments = 0;

  if (studio == NULL)
    g_error ("%s", error->message);
  store = rg_studio_get_store (studio);
  /* The reference studio's last full month. */
  {
    RgDate today = rg_date_today ();
    RgDate first = { today.month == 1 ? today.year - 1 : today.year, today.month == 1 ? 12 : today.month - 1, 1 };

    month = (RgExportPeriod) { first, rg_date_add_days ((RgDate) { today.year, today.month, 1 }, -1), 0 };
  }

  for (int run = 0; run < RUNS; run++)
    {
      gint64 started;

      best_bare = MIN (best_bare, bare (store, clients_sql, 0, 0, plain));
      started = g_get_monotonic_time ();
      clients = rg_export_clients (studio, csv, RG_EXPORT_CSV, &error);
      g_assert_no_error (error);
      best_csv = MIN (best_csv, (g_get_monotonic_time () - started) / 1000.0);
      started = g_get_monotonic_time ();
      g_assert_cmpint (rg_export_clients (studio, vcf, RG_EXPORT_VCARD, &error), ==, clients);
      g_assert_no_error (error);
      best_vcf = MIN (best_vcf, (g_get_monotonic_time () - started) / 1000.0);

      best_bare_ics = MIN (best_bare_ics, bare (store, appointments_sql, rg_date_start (month.from),
                                                rg_date_end (month.to), plain));
      started = g_get_monotonic_time ();
      appointments = rg_export_appointments (studio, ics, &month, &error);
      g_assert_no_error (error);
      best_ics = MIN (best_ics, (g_get_monotonic_time () - started) / 1000.0);
    }

  printf ("# %" G_GINT64_FORMAT " clients, %" G_GINT64_FORMAT " appointments in a month\n", clients, appointments);
  bench_report ("export clients csv", best_csv, "ms", best_bare, 2.0, 2000);
  bench_report ("export clients vcard", best_vcf, "ms", best_bare, 4.0, 5000);
  bench_report ("export month ics", best_ics, "ms", best_bare_ics, 3.0, 2000);

  g_unlink (csv);
  g_unlink (vcf);
  g_unlink (ics);
  g_unlink (plain);
  g_rmdir (dir);
  return 0;
}

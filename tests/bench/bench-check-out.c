/* bench-check-out.c — opening the check-out for a client with 500 paid
 * visits: the dialog built, priced (the card's tier from the client's
 * whole spend, the day's promotions, the masters' rates) and laid out to
 * its first frame, against the bare SQL it reads in the same run. A
 * studio of its own, in a temporary folder, so the client is exactly as
 * described.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-common.h"
#include "model/rg-appointment.h"
#include "model/rg-client.h"
#include "model/rg-sale.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "store/rg-store.h"
#include "widgets/money/rg-check-out-dialog.h"

#define VISITS  500
#define ROUNDS  30
#define WIDTH   620
#define HEIGHT  760

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("%s\n", error ? error->message : "failed");
      exit (1);
    }
}

static void
lay_out_and_snapshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, WIDTH, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, WIDTH, HEIGHT }, -1);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
run (RgStore    *store,
     const char *sql,
     gint64      a,
     gint64      b)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while (rg_store_step_row (store, stmt, &row, NULL) && row)
    ;
}

/* What the check-out reads, as plain queries. */
static void
bare_queries (RgStore *store,
              gint64   appointment_id,
              gint64   client_id,
              gint64   staff_id,
              gint64   service_id)
{
  run (store, "SELECT client_id, staff_id, status FROM appointments WHERE id = ?1", appointment_id, 0);
  run (store, "SELECT service_id, price FROM appointment_services WHERE appointment_id = ?1", appointment_id, 0);
  run (store, "SELECT sum (l.price) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
              "WHERE s.client_id = ?1 AND l.kind <> 'tip'", client_id, 0);
  run (store, "SELECT name, threshold, percent FROM card_tiers ORDER BY threshold", 0, 0);
  run (store, "SELECT id, name, price FROM services WHERE archived = 0", 0, 0);
  run (store, "SELECT id, name, price FROM products WHERE archived = 0", 0, 0);
  run (store, "SELECT id, display_name FROM staff WHERE archived = 0", 0, 0);
  run (store, "SELECT name, price, materials_cost FROM services WHERE id = ?1", service_id, 0);
  run (store, "SELECT display_name, pay_rate, pay_per_visit FROM staff WHERE id = ?1", staff_id, 0);
  run (store, "SELECT address_as FROM clients WHERE id = ?1", client_id, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-bench-check-out-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new ("Марина", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) service = rg_service_new ("Маникюр", 60, 150000);
  g_autoptr(RgClient) client = NULL;
  g_autoptr(RgAppointment) today = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start = rg_store_now () - (gint64) VISITS * 7 * 86400 - 86400;
  gint64 client_id, staff_id, service_id;

  gtk_init ();
  adw_init ();
  check (dir != NULL, error);
  db = g_build_filename (dir, "studio.db", NULL);
  store = rg_store_open (db, RG_STORE_OPEN_DEFAULT, &error);
  check (store != NULL, error);
  studio = rg_studio_new (store);

  /* A master on 40 %, a service, a client with 500 visits checked out and
   * paid, and one visit of today that she has come to. */
  check (rg_store_begin (store, &error), error);
  g_object_set (staff, "pay-rate", 4000, NULL);
  check (rg_studio_save (studio, staff, &error), error);
  check (rg_studio_save (studio, service, &error), error);
  client = rg_client_new ("Анна", "+7 912 345-67-89");
  check (rg_studio_save (studio, client, &error), error);
  client_id = rg_record_get_id (RG_RECORD (client));
  staff_id = rg_record_get_id (RG_RECORD (staff));
  service_id = rg_record_get_id (RG_RECORD (service));
  for (int i = 0; i <= VISITS; i++)
    {
      gint64 at = i < VISITS ? start + (gint64) i * 7 * 86400 : rg_store_now () - 1800;
      g_autoptr(RgAppointment) a = rg_appointment_new (client_id, staff_id, at, at + 3600);
      g_autoptr(RgSaleDraft) draft = NULL;

      rg_appointment_set_status (a, RG_APPOINTMENT_ARRIVED);
      check (rg_studio_save (studio, a, &error), error);
      if (i == VISITS)
        {
          today = g_object_ref (a);
          break;
        }
      draft = rg_sale_draft_new (client_id, rg_record_get_id (RG_RECORD (a)));
      rg_sale_draft_add_line (draft, RG_SALE_LINE_SERVICE, service_id, staff_id, 1, -1);
      draft->sold_at = at + 3600;
      {
        /* By card, what the card's tier leaves due. */
        g_autoptr(RgSaleQuote) quote = rg_studio_quote_sale (studio, draft, &error);

        check (quote != NULL, error);
        rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, quote->total);
      }
      check (rg_studio_check_out (studio, draft, NULL, &error), error);
    }
  check (rg_store_commit (store, &error), error);

  /* Warm up: the first dialog loads the styles and icons. */
  {
    RgCheckOutDialog *dialog = rg_check_out_dialog_new (NULL, studio, rg_record_get_id (RG_RECORD (today)), 0, &error);

    check (dialog != NULL, error);
    lay_out_and_snapshot (GTK_WIDGET (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  for (int i = 0; i < ROUNDS; i++)
    {
      RgCheckOutDialog *dialog;
      gint64 t0;
      double a, b;

      t0 = g_get_monotonic_time ();
      dialog = rg_check_out_dialog_new (NULL, studio, rg_record_get_id (RG_RECORD (today)), 0, &error);
      check (dialog != NULL, error);
      lay_out_and_snapshot (GTK_WIDGET (dialog));
      a = (g_get_monotonic_time () - t0) / 1000.0;
      gtk_window_destroy (GTK_WINDOW (dialog));

      t0 = g_get_monotonic_time ();
      bare_queries (store, rg_record_get_id (RG_RECORD (today)), client_id, staff_id, service_id);
      b = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (open_ms, a);
      g_array_append_val (bare_ms, b);
    }

  printf ("# a client with %d paid visits, %d rounds (the figure: built, priced, laid out and drawn once)\n",
          VISITS, ROUNDS);
  bench_report ("check-out-open-p95", bench_percentile (open_ms, 95), "ms",
                bench_percentile (bare_ms, 95), 0, 16.0);

  g_clear_object (&today);
  g_clear_object (&studio);
  g_clear_object (&store);
  {
    g_autofree char *photos = g_build_filename (dir, "photos", NULL);
    const char *names[] = { "studio.db", "studio.db-wal", "studio.db-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);
        g_remove (path);
      }
    g_rmdir (photos);
    g_rmdir (dir);
  }
  return 0;
}

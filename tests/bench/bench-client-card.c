/* bench-client-card.c — opening the card of a client with 500 visits and
 * 100 timeline entries: choosing the client, filling the card, its layout
 * and snapshot (the first frame of the filled card), against the bare SQL
 * the card needs (the client's row, visit figures, history, timeline,
 * fields and medical marks) in the same run. A studio of its own, in a
 * temporary folder, so the client is exactly as described.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-common.h"
#include "model/rg-appointment.h"
#include "model/rg-client.h"
#include "model/rg-custom-field.h"
#include "model/rg-interaction.h"
#include "model/rg-rating.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "widgets/client/rg-client-card.h"

#define VISITS        500
#define INTERACTIONS  100
#define ROUNDS        40
#define WIDTH         400
#define HEIGHT        900

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-bench-card-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new ("Марина", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) service = rg_service_new ("Стрижка", 60, 250000);
  g_autoptr(RgClient) busy = NULL;
  g_autoptr(RgClient) other = NULL;
  g_autoptr(RgCustomField) field = rg_custom_field_new ("Тип волос", RG_FIELD_TEXT);
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  RgClientCard *card;
  gint64 start = 1640000000;

  gtk_init ();
  adw_init ();
  check (dir != NULL, error);
  db = g_build_filename (dir, "studio.db", NULL);
  store = rg_store_open (db, RG_STORE_OPEN_DEFAULT, &error);
  check (store != NULL, error);
  studio = rg_studio_new (store);

  /* The studio: a master, a service, a custom field, two clients; the
   * busy one with 500 done, rated visits and 100 timeline entries. */
  check (rg_store_begin (store, &error), error);
  check (rg_studio_save (studio, staff, &error), error);
  check (rg_studio_save (studio, service, &error), error);
  check (rg_studio_save (studio, field, &error), error);
  busy = rg_client_new ("Анна", "+7 912 345-67-89");
  g_object_set (busy, "full-name", "Смирнова Анна Петровна", "notes", "Кофе без сахара", NULL);
  check (rg_studio_save (studio, busy, &error), error);
  other = rg_client_new ("Ольга", "+7 912 000-00-01");
  check (rg_studio_save (studio, other, &error), error);
  for (int i = 0; i < VISITS; i++)
    {
      g_autoptr(RgAppointment) a = rg_appointment_new (rg_record_get_id (RG_RECORD (busy)),
                                                       rg_record_get_id (RG_RECORD (staff)),
                                                       start + i * 7 * 86400, start + i * 7 * 86400 + 3600);
      g_autoptr(RgRating) r = NULL;

      rg_appointment_set_status (a, RG_APPOINTMENT_DONE);
      check (rg_studio_save (studio, a, &error), error);
      r = rg_rating_new (rg_record_get_id (RG_RECORD (a)), 1 + i % 5);
      check (rg_studio_save (studio, r, &error), error);
    }
  for (int i = 0; i < INTERACTIONS; i++)
    {
      g_autofree char *body = g_strdup_printf ("Звонок %d: договорились о записи", i);
      g_autoptr(RgInteraction) entry = rg_interaction_new (rg_record_get_id (RG_RECORD (busy)),
                                                           RG_INTERACTION_CALL, body);
      check (rg_studio_save (studio, entry, &error), error);
    }
  check (rg_client_fields_set (studio, rg_record_get_id (RG_RECORD (busy)), field, "Вьющиеся", &error), error);
  check (rg_store_commit (store, &error), error);

  window = gtk_window_new ();
  card = g_object_new (RG_TYPE_CLIENT_CARD, NULL);
  rg_client_card_set_studio (card, studio);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (card));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* Warm up: the card's rows are built on first use. */
  rg_studio_set_selected_client (studio, other);
  lay_out_and_snapshot (GTK_WIDGET (card));

  for (int i = 0; i < ROUNDS; i++)
    {
      gint64 t0;
      double a, b;

      rg_studio_set_selected_client (studio, other);
      lay_out_and_snapshot (GTK_WIDGET (card));

      t0 = g_get_monotonic_time ();
      rg_studio_set_selected_client (studio, busy);
      lay_out_and_snapshot (GTK_WIDGET (card));
      a = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      bench_card_queries (store, rg_record_get_id (RG_RECORD (busy)));
      b = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (open_ms, a);
      g_array_append_val (bare_ms, b);
    }

  printf ("# a client with %d visits and %d timeline entries, %d rounds\n", VISITS, INTERACTIONS, ROUNDS);
  bench_report ("client-card-open-p95", bench_percentile (open_ms, 95), "ms",
                bench_percentile (bare_ms, 95), 0, 16.0);

  gtk_window_destroy (GTK_WINDOW (window));
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

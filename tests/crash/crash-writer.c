/* crash-writer.c — the desk at work, to be killed: opens a studio and writes
 * through the model's commands in a loop (new clients, appointments booked,
 * moved, their statuses changed; an import of a batch of clients where the
 * model has one), until it is killed. crash-test kills it with SIGKILL at
 * random moments and checks the file.
 *
 *   crash-writer PATH SEED STAFF_ID,STAFF_ID,... SERVICE_ID
 *
 * It tells what it does on stdout, one line per event, each in a single
 * write(2) so that a kill never leaves half a line out of order:
 *
 *   ready                                      the studio is open
 *   begin client NAME                          a write starts (before any check)
 *   ack client ID NAME                         ... and was committed
 *   begin book CLIENT STAFF STARTS ENDS
 *   ack book ID CLIENT STAFF STARTS ENDS STATUS
 *   begin move ID STAFF STARTS ENDS
 *   ack move ID STAFF STARTS ENDS
 *   begin status ID STATUS
 *   ack status ID STATUS
 *   begin import MARKER N                      N clients whose notes are MARKER
 *   ack import MARKER N
 *   refused KIND MESSAGE                       the model said no (a conflict); nothing written
 *
 * An acknowledgement is printed only after the model's command returned,
 * that is after its transaction committed. The writer only touches the
 * appointments it booked itself in this run, so what earlier runs
 * acknowledged stays as they left it. Anything but a refusal ends it with
 * status 1 and the error on stderr.
 *
 * To add an action: a function that prints "begin ...", calls one model
 * command and prints "ack ..."; one line in the table `actions`; and its
 * check in crash-test.c's apply_line().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crash-writer"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/rg-appointment.h"
#include "model/rg-booking.h"
#include "model/rg-client.h"
#include "model/rg-studio.h"
#ifdef RG_HAVE_IMPORT
#include "model/rg-import.h"
#endif

#include "crash-common.h"

typedef struct {
  RgStudio  *studio;
  GRand     *rand;
  guint32    seed;
  guint      counter;       /* names and markers unique within the run */
  GArray    *staff;         /* of gint64 */
  gint64     service_id;
  GArray    *clients;       /* of gint64: the ones this run saved */
  GPtrArray *appointments;  /* of RgAppointment: the ones this run booked */
} Writer;

/* One line on stdout in one write(2). */
static void G_GNUC_PRINTF (1, 2)
say (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  va_list args;
  gsize len, done = 0;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  line = g_strconcat (text, "\n", NULL);
  len = strlen (line);

  while (done < len)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (1);
      done += n;
    }
}

static void G_GNUC_NORETURN
fail (const char *what,
      GError     *error)
{
  g_printerr ("crash-writer: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* A refusal by the rules (a conflict, a status that cannot change) is part
 * of the game; anything else ends the writer. */
static void
refused_or_fail (const char *kind,
                 GError     *error)
{
  if (g_error_matches (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_CONFLICT) ||
      g_error_matches (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID))
    {
      g_autofree char *flat = g_strdelimit (g_strdup (error->message), "\n", ' ');
      say ("refused %s %s", kind, flat);
      return;
    }
  fail (kind, error);
}

static gint64
random_start (Writer *w)
{
  return CRASH_FIRST_DAY + (gint64) g_rand_int_range (w->rand, 0, CRASH_SLOTS) * CRASH_SLOT_SECONDS;
}

static gint64
random_staff (Writer *w)
{
  return g_array_index (w->staff, gint64, g_rand_int_range (w->rand, 0, w->staff->len));
}

/* Actions ------------------------------------------------------------------ */

static void
new_client (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Crash-%u-%u", w->seed, w->counter++);
  g_autofree char *phone = g_strdup_printf ("+7 9%02u %03u %04u", g_rand_int_range (w->rand, 0, 100),
                                            g_rand_int_range (w->rand, 0, 1000),
                                            g_rand_int_range (w->rand, 0, 10000));
  g_autoptr(RgClient) client = rg_client_new (name, phone);
  gint64 id;

  say ("begin client %s", name);
  if (!rg_studio_save (w->studio, client, &error))
    {
      refused_or_fail ("client", error);
      return;
    }
  id = rg_record_get_id (RG_RECORD (client));
  g_array_append_val (w->clients, id);
  say ("ack client %" G_GINT64_FORMAT " %s", id, name);
}

static void
book (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();
  RgAppointment *appointment;

  draft->client_id = g_array_index (w->clients, gint64, g_rand_int_range (w->rand, 0, w->clients->len));
  draft->staff_id = random_staff (w);
  draft->starts_at = random_start (w);
  rg_booking_draft_add_service (draft, w->service_id, CRASH_MINUTES, CRASH_PRICE);

  say ("begin book %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
       draft->client_id, draft->staff_id, draft->starts_at, rg_booking_draft_get_ends_at (draft));
  appointment = rg_booking_save (w->studio, draft, &error);
  if (appointment == NULL)
    {
      refused_or_fail ("book", error);
      return;
    }
  g_ptr_array_add (w->appointments, appointment);
  say ("ack book %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
       " %" G_GINT64_FORMAT " %s",
       rg_record_get_id (RG_RECORD (appointment)), rg_appointment_get_client_id (appointment),
       rg_appointment_get_staff_id (appointment), rg_appointment_get_starts_at (appointment),
       rg_appointment_get_ends_at (appointment),
       crash_status_name (rg_appointment_get_status (appointment)));
}

static RgAppointment *
random_appointment (Writer *w)
{
  return g_ptr_array_index (w->appointments, g_rand_int_range (w->rand, 0, w->appointments->len));
}

static void
move (Writer *w)
{
  g_autoptr(GError) error = NULL;
  RgAppointment *appointment = random_appointment (w);
  gint64 id = rg_record_get_id (RG_RECORD (appointment));
  gint64 staff = random_staff (w);
  gint64 starts = random_start (w);
  gint64 ends = starts + CRASH_MINUTES * 60;

  say ("begin move %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
       id, staff, starts, ends);
  if (!rg_booking_move (w->studio, appointment, staff, starts, ends, &error))
    {
      refused_or_fail ("move", error);
      return;
    }
  say ("ack move %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
       id, rg_appointment_get_staff_id (appointment), rg_appointment_get_starts_at (appointment),
       rg_appointment_get_ends_at (appointment));
}

static void
change_status (Writer *w)
{
  g_autoptr(GError) error = NULL;
  RgAppointment *appointment = random_appointment (w);
  gint64 id = rg_record_get_id (RG_RECORD (appointment));
  RgAppointmentStatus from = rg_appointment_get_status (appointment);
  RgAppointmentStatus choices[RG_APPOINTMENT_NO_SHOW + 1];
  RgAppointmentStatus to;
  guint n = 0;

  for (RgAppointmentStatus s = RG_APPOINTMENT_BOOKED; s <= RG_APPOINTMENT_NO_SHOW; s++)
    if (s != from && rg_booking_status_can_change (from, s))
      choices[n++] = s;
  if (n == 0)
    return;  /* done, cancelled or no-show: nothing more happens to it */
  to = choices[g_rand_int_range (w->rand, 0, n)];

  say ("begin status %" G_GINT64_FORMAT " %s", id, crash_status_name (to));
  if (!rg_booking_set_status (w->studio, appointment, to, &error))
    {
      refused_or_fail ("status", error);
      return;
    }
  say ("ack status %" G_GINT64_FORMAT " %s", id, crash_status_name (rg_appointment_get_status (appointment)));
}

#ifdef RG_HAVE_IMPORT
/* A batch of clients in one model command: whole or absent after a kill.
 * Each row's notes carry the batch's marker. */
static void
import_clients (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_client_import_row_free);
  g_autoptr(RgClientImport) plan = NULL;
  g_autofree char *marker = g_strdup_printf ("crash-import-%u-%u", w->seed, w->counter++);
  guint n = g_rand_int_range (w->rand, CRASH_IMPORT_MIN, CRASH_IMPORT_MAX + 1);
  RgImportCounts done = { 0 };

  for (guint i = 0; i < n; i++)
    {
      RgClientImportRow *row = rg_client_import_row_new (i + 2);

      row->address_as = g_strdup_printf ("%s-%u", marker, i);
      row->phone = g_strdup_printf ("+7 9%02u %03u %04u", g_rand_int_range (w->rand, 0, 100),
                                    g_rand_int_range (w->rand, 0, 1000), i);
      row->notes = g_strdup (marker);
      g_ptr_array_add (rows, row);
    }

  say ("begin import %s %u", marker, n);
  plan = rg_client_import_new (w->studio, g_steal_pointer (&rows), &error);
  if (plan == NULL)
    fail ("import plan", error);
  rg_client_import_set_duplicates (plan, -1, RG_IMPORT_DUPLICATES_CREATE);
  if (!rg_studio_import_clients (w->studio, plan, "crash.csv", &done, NULL, &error))
    {
      refused_or_fail ("import", error);
      return;
    }
  if (done.created != n)
    {
      g_printerr ("crash-writer: the import of %u rows created %u clients\n", n, done.created);
      exit (1);
    }
  say ("ack import %s %u", marker, n);
}
#endif

typedef struct {
  void  (*run) (Writer *w);
  guint weight;
  gboolean needs_clients;
  gboolean needs_appointments;
} Action;

static const Action actions[] = {
  { new_client,     15, FALSE, FALSE },
  { book,           35, TRUE,  FALSE },
  { move,           25, TRUE,  TRUE },
  { change_status,  20, TRUE,  TRUE },
#ifdef RG_HAVE_IMPORT
  { import_clients,  5, FALSE, FALSE },
#endif
};

static void
run_one (Writer *w)
{
  guint total = 0, pick;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    total += actions[i].weight;

  for (;;)
    {
      const Action *a = NULL;

      pick = g_rand_int_range (w->rand, 0, total);
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        {
          if (pick < actions[i].weight)
            {
              a = &actions[i];
              break;
            }
          pick -= actions[i].weight;
        }
      if ((a->needs_clients && w->clients->len == 0) ||
          (a->needs_appointments && w->appointments->len == 0))
        continue;
      a->run (w);
      return;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) staff = NULL;
  Writer w = { 0 };
  gint64 deadline;

  if (argc != 5)
    {
      g_printerr ("usage: crash-writer PATH SEED STAFF_ID,STAFF_ID,... SERVICE_ID\n");
      return 2;
    }

  w.seed = (guint32) g_ascii_strtoull (argv[2], NULL, 10);
  w.rand = g_rand_new_with_seed (w.seed);
  w.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff = g_strsplit (argv[3], ",", -1);
  for (guint i = 0; staff[i]; i++)
    {
      gint64 id = g_ascii_strtoll (staff[i], NULL, 10);
      g_array_append_val (w.staff, id);
    }
  w.service_id = g_ascii_strtoll (argv[4], NULL, 10);
  w.clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.appointments = g_ptr_array_new_with_free_func (g_object_unref);

  w.studio = rg_studio_open (argv[1], RG_STUDIO_OPEN_EXISTING, &error);
  if (w.studio == NULL)
    fail ("open", error);
  say ("ready");

  /* Killed long before; a writer left behind by a dead driver stops. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    run_one (&w);

  g_printerr ("crash-writer: nobody killed me in 60 s\n");
  return 3;
}

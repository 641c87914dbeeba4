/* test-export.c — the exports: the bytes written, read back by foreign
 * readers (Python's csv and icalendar, EVCard, libical), the filters, the
 * audit log, and what a failed export leaves behind.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS
#include <libical/ical.h>

#include "io/rg-export.h"
#include "io/rg-export-command.h"
#include "model/rg-appointment.h"
#include "model/rg-audit.h"
#include "model/rg-booking.h"
#include "model/rg-custom-field.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "test-util.h"

#define PYTHON "/usr/bin/python3"

typedef struct {
  char     *dir;
  RgStudio *studio;
  gint64    anna;          /* Иванова Анна Петровна */
  gint64    boris;
  gint64    deleted;
  gint64    master_anna;   /* staff */
  gint64    master_oleg;
  gint64    a1, a2, a3, a4, a5;  /* appointments; a4 in April, a5 deleted */
} Fixture;

/* The note that needs every rule of RFC 4180: the separator, quotes and a
 * line break. */
#define NOTE "Любит чай; без сахара\n\"Зелёный\", не чёрный"

static gint64
add_staff (RgStudio   *studio,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new (name, RG_STAFF_ROLE_MASTER);

  g_assert_true (rg_studio_save (studio, staff, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (staff));
}

static gint64
add_service (RgStudio   *studio,
             const char *name,
             int         minutes,
             gint64      price)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgService) service = rg_service_new (name, minutes, price);

  g_assert_true (rg_studio_save (studio, service, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (service));
}

static gint64
book (RgStudio   *studio,
      gint64      client,
      gint64      staff,
      RgDate      day,
      int         minute,
      gint64      service1,
      gint64      service2,
      const char *note)
{
  g_autoptr(GError) error = NULL;
  RgBookingDraft *draft = rg_booking_draft_new ();
  g_autoptr(RgAppointment) appointment = NULL;

  draft->client_id = client;
  draft->staff_id = staff;
  rg_booking_draft_set_local_start (draft, day, minute);
  rg_booking_draft_add_service (draft, service1, 60, 150000);
  if (service2)
    rg_booking_draft_add_service (draft, service2, 30, 50000);
  rg_booking_draft_set_note (draft, note);
  appointment = rg_booking_save (studio, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (appointment);
  rg_booking_draft_free (draft);
  return rg_record_get_id (RG_RECORD (appointment));
}

static void
set_status (RgStudio            *studio,
            gint64               id,
            RgAppointmentStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) appointment = rg_studio_lookup (studio, RG_TYPE_APPOINTMENT, id, &error);

  g_assert_no_error (error);
  g_assert_true (rg_booking_set_status (studio, appointment, status, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RgClient) anna = NULL;
  g_autoptr(RgClient) boris = NULL;
  g_autoptr(RgClient) deleted = NULL;
  g_autoptr(RgCustomField) hair = NULL;
  const char *tags[] = { "VIP", "Окрашивание", NULL };
  gint64 cut, styling, colour;
  g_autoptr(RgAppointment) a5 = NULL;

  f->dir = g_dir_make_tmp ("regulars-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);

  hair = rg_custom_field_new ("Тип волос", RG_FIELD_TEXT);
  g_assert_true (rg_studio_save (f->studio, hair, &error));
  g_assert_no_error (error);

  anna = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  rg_client_set_full_name (anna, "Иванова Анна Петровна");
  rg_client_set_phone2 (anna, "+7 343 222-33-44");
  rg_client_set_email (anna, "anna@example.com");
  rg_client_set_birthday (anna, 12, 3, 1990);
  rg_client_set_gender (anna, RG_GENDER_FEMALE);
  g_object_set (anna, "source", "Instagram", NULL);
  rg_client_set_notes (anna, NOTE);
  g_assert_true (rg_studio_save (f->studio, anna, &error));
  g_assert_no_error (error);
  f->anna = rg_record_get_id (RG_RECORD (anna));
  g_assert_true (rg_studio_set_client_tags (f->studio, f->anna, tags, &error));
  g_assert_no_error (error);
  g_assert_true (rg_client_fields_set (f->studio, f->anna, hair, "Тонкие, вьющиеся", &error));
  g_assert_no_error (error);

  /* A note a spreadsheet would run as a formula; a birthday without a year. */
  boris = test_add_client (f->studio, "Boris", "+7 900 000-00-01");
  rg_client_set_notes (boris, "=HYPERLINK(\"http://example.com\")");
  rg_client_set_birthday (boris, 5, 7, 0);
  rg_client_set_gender (boris, RG_GENDER_MALE);
  g_assert_true (rg_studio_save (f->studio, boris, &error));
  g_assert_no_error (error);
  f->boris = rg_record_get_id (RG_RECORD (boris));

  deleted = test_add_client (f->studio, "Deleted", "+7 900 000-00-02");
  f->deleted = rg_record_get_id (RG_RECORD (deleted));

  f->master_anna = add_staff (f->studio, "Мастер Анна");
  f->master_oleg = add_staff (f->studio, "Олег");
  cut = add_service (f->studio, "Стрижка", 60, 150000);
  styling = add_service (f->studio, "Укладка", 30, 50000);
  colour = add_service (f->studio, "Окрашивание", 60, 150000);

  f->a1 = book (f->studio, f->anna, f->master_anna, (RgDate) { 2025, 3, 10 }, 600, cut, styling, "Принести фото");
  f->a2 = book (f->studio, f->boris, f->master_oleg, (RgDate) { 2025, 3, 11 }, 660, cut, 0, NULL);
  set_status (f->studio, f->a2, RG_APPOINTMENT_CONFIRMED);
  f->a3 = book (f->studio, f->anna, f->master_oleg, (RgDate) { 2025, 3, 31 }, 1380, colour, 0, NULL);
  set_status (f->studio, f->a3, RG_APPOINTMENT_CANCELLED);
  f->a4 = book (f->studio, f->boris, f->master_oleg, (RgDate) { 2025, 4, 1 }, 600, cut, 0, NULL);
  f->a5 = book (f->studio, f->deleted, f->master_anna, (RgDate) { 2025, 3, 12 }, 600, cut, 0, NULL);
  a5 = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, f->a5, &error);
  g_assert_true (rg_studio_delete (f->studio, a5, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_delete (f->studio, deleted, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Only @name (and the studio) in the folder: no temporary file left. */
static void
assert_folder_holds (const char *dir,
                     const char *name)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (folder);
  while ((entry = g_dir_read_name (folder)))
    {
      if (g_str_has_prefix (entry, "studio.db"))
        continue;
      if (g_strcmp0 (entry, name) != 0)
        g_error ("Left behind in the folder: %s", entry);
    }
}

static RgAuditEntry *
newest_audit (RgStudio *studio,
              guint     expected_count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = rg_studio_list_audit (studio, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, expected_count);
  if (expected_count == 0)
    return NULL;
  return g_ptr_array_steal_index (entries, 0);
}

/* @script runs with the file as sys.argv[1] and prints JSON. */
static JsonNode *
run_python (const char *script,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { PYTHON, "-c", script, path, NULL };
  int status = 0;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python failed: %s", err);
  return json_from_string (out, &error);
}

/* CSV ----------------------------------------------------------------------- */

#define CSV_HEADER "Address as;Full name;Phone;Second phone;E-mail;Birthday;Gender;Source;Tags;Notes;Тип волос\r\n"
#define CSV_ANNA "Анна;Иванова Анна Петровна;+7 912 345-67-89;+7 343 222-33-44;anna@example.com;12.03.1990;female;" \
                 "Instagram;VIP, Окрашивание;\"Любит чай; без сахара\n\"\"Зелёный\"\", не чёрный\";Тонкие, вьющиеся\r\n"
#define CSV_BORIS "Boris;;+7 900 000-00-01;;;05.07;male;;;\"'=HYPERLINK(\"\"http://example.com\"\")\";\r\n"

static void
test_csv_bytes (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Clients.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(RgAuditEntry) audit = NULL;
  gint64 rows;

  rows = rg_export_clients (f->studio, path, RG_EXPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 2);
  text = read_text (path);
  /* The BOM, ';', CRLF; the note quoted, its quotes doubled, its line
   * break kept inside the quotes; the formula guarded; the deleted client
   * left out. Boris (Latin) sorts before Анна. */
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF" CSV_HEADER CSV_BORIS CSV_ANNA);
  assert_folder_holds (f->dir, "Clients.csv");

  audit = newest_audit (f->studio, 1);
  g_assert_cmpstr (audit->action, ==, RG_AUDIT_EXPORT);
  g_assert_cmpstr (audit->what, ==, "clients");
  g_assert_cmpint (audit->rows, ==, 2);
  g_assert_cmpstr (audit->file, ==, "Clients.csv");
  g_assert_cmpstr (audit->detail, ==, "csv");
  g_assert_cmpstr (audit->actor, ==, g_get_user_name ());
}

static void
test_csv_comma (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "clients.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(RgAuditEntry) audit = NULL;

  g_assert_cmpint (rg_export_clients (f->studio, path, RG_EXPORT_CSV_COMMA, &error), ==, 2);
  g_assert_no_error (error);
  text = read_text (path);
  /* No BOM; a cell with a comma is quoted now, one with ';' no longer. */
  g_assert_cmpstr (text, ==,
                   "Address as,Full name,Phone,Second phone,E-mail,Birthday,Gender,Source,Tags,Notes,Тип волос\r\n"
                   "Boris,,+7 900 000-00-01,,,05.07,male,,,\"'=HYPERLINK(\"\"http://example.com\"\")\",\r\n"
                   "Анна,Иванова Анна Петровна,+7 912 345-67-89,+7 343 222-33-44,anna@example.com,12.03.1990,female,"
                   "Instagram,\"VIP, Окрашивание\",\"Любит чай; без сахара\n\"\"Зелёный\"\", не чёрный\","
                   "\"Тонкие, вьющиеся\"\r\n");
  audit = newest_audit (f->studio, 1);
  g_assert_cmpstr (audit->detail, ==, "csv-comma");
}

static void
test_csv_cells (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "+7 912 345-67-89", "+7 912 345-67-89" },   /* a phone stays a phone */
    { "-15", "-15" },
    { "+1 (555) 010-0000", "+1 (555) 010-0000" },
    { "=1+1", "'=1+1" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "- likes tea", "'- likes tea" },
    { "\t=1", "'\t=1" },
    { "a;b", "\"a;b\"" },
    { "=a;b", "\"'=a;b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      rg_export_csv_append_cell (out, cases[i].in, ';');
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* Python's csv module reads it as Excel would: every cell back, the note's
 * line break and quotes too. */
static void
test_csv_python (Fixture       *f,
                 gconstpointer  data)
{
  static const char script[] =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    print(json.dumps(list(csv.reader(f, delimiter=';'))))\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Clients.csv", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *rows, *anna, *boris;

  g_assert_cmpint (rg_export_clients (f->studio, path, RG_EXPORT_CSV, &error), ==, 2);
  g_assert_no_error (error);
  if ((node = run_python (script, path)) == NULL)
    {
      g_test_skip ("No " PYTHON);
      return;
    }
  rows = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, 0)), ==, 11);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 0), ==, "Address as");
  boris = json_array_get_array_element (rows, 1);
  anna = json_array_get_array_element (rows, 2);
  g_assert_cmpuint (json_array_get_length (anna), ==, 11);
  g_assert_cmpstr (json_array_get_string_element (anna, 1), ==, "Иванова Анна Петровна");
  g_assert_cmpstr (json_array_get_string_element (anna, 2), ==, "+7 912 345-67-89");
  g_assert_cmpstr (json_array_get_string_element (anna, 5), ==, "12.03.1990");
  g_assert_cmpstr (json_array_get_string_element (anna, 8), ==, "VIP, Окрашивание");
  g_assert_cmpstr (json_array_get_string_element (anna, 9), ==, NOTE);
  g_assert_cmpstr (json_array_get_string_element (anna, 10), ==, "Тонкие, вьющиеся");
  g_assert_cmpstr (json_array_get_string_element (boris, 9), ==, "'=HYPERLINK(\"http://example.com\")");
}

/* vCard --------------------------------------------------------------------- */

static EVCard *
find_card (GPtrArray  *cards,
           const char *fn)
{
  for (guint i = 0; i < cards->len; i++)
    {
      EVCardAttribute *attr = e_vcard_get_attribute (cards->pdata[i], EVC_FN);
      g_autofree char *value = attr ? e_vcard_attribute_get_value (attr) : NULL;

      if (g_strcmp0 (value, fn) == 0)
        return cards->pdata[i];
    }
  g_error ("No card %s", fn);
  return NULL;
}

static char *
card_value (EVCard     *card,
            const char *name)
{
  EVCardAttribute *attr = e_vcard_get_attribute (card, name);
  g_autoptr(GString) out = NULL;

  if (attr == NULL)
    return NULL;
  if (!e_vcard_attribute_is_single_valued (attr))
    {
      /* N: its parts joined as the file has them. */
      out = g_string_new (NULL);
      for (GList *l = e_vcard_attribute_get_values (attr); l; l = l->next)
        g_string_append_printf (out, "%s%s", out->len || l != e_vcard_attribute_get_values (attr) ? ";" : "",
                                (const char *) l->data);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  return e_vcard_attribute_get_value (attr);
}

static void
test_vcard (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Clients.vcf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RgAuditEntry) audit = NULL;
  g_auto(GStrv) parts = NULL;
  EVCard *anna, *boris;
  GList *values;
  guint phones = 0;
  g_autofree char *n = NULL;
  g_autofree char *bday = NULL;
  g_autofree char *note = NULL;
  g_autofree char *boris_bday = NULL;
  g_autofree char *gender = NULL;

  RgExportFormat format = GPOINTER_TO_INT (data);
  gboolean v4 = format == RG_EXPORT_VCARD;

  g_assert_cmpint (rg_export_clients (f->studio, path, format, &error), ==, 2);
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, v4 ? "BEGIN:VCARD\r\nVERSION:4.0\r\n" : "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));

  /* One file, a card after another: EVCard reads each. */
  parts = g_strsplit (text, "END:VCARD\r\n", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      {
        g_autofree char *one = g_strconcat (parts[i], "END:VCARD\r\n", NULL);

        g_ptr_array_add (cards, e_vcard_new_from_string (one));
      }
  g_assert_cmpuint (cards->len, ==, 2);

  anna = find_card (cards, "Иванова Анна Петровна");
  n = card_value (anna, EVC_N);
  g_assert_cmpstr (n, ==, "Иванова;Анна;Петровна;;");
  for (GList *l = e_vcard_get_attributes (anna); l; l = l->next)
    if (g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), EVC_TEL) == 0)
      {
        g_autofree char *tel = e_vcard_attribute_get_value (l->data);

        g_assert_true (g_strcmp0 (tel, "+7 912 345-67-89") == 0 || g_strcmp0 (tel, "+7 343 222-33-44") == 0);
        /* has_type folds case: the text says which case was written. */
        g_assert_true (e_vcard_attribute_has_type (l->data, phones == 0 ? "CELL" : "VOICE"));
        g_assert_nonnull (strstr (text, v4 ? "TEL;TYPE=cell:" : "TEL;TYPE=CELL:"));
        phones++;
      }
  g_assert_cmpuint (phones, ==, 2);
  bday = card_value (anna, EVC_BDAY);
  g_assert_cmpstr (bday, ==, v4 ? "19900312" : "1990-03-12");
  note = card_value (anna, EVC_NOTE);
  g_assert_cmpstr (note, ==, NOTE);
  values = e_vcard_attribute_get_values (e_vcard_get_attribute (anna, EVC_CATEGORIES));
  g_assert_cmpuint (g_list_length (values), ==, 2);
  g_assert_cmpstr (values->data, ==, "VIP");
  g_assert_cmpstr (values->next->data, ==, "Окрашивание");
  gender = card_value (anna, "GENDER");
  g_assert_cmpstr (gender, ==, "F");
  g_assert_nonnull (e_vcard_get_attribute (anna, EVC_NICKNAME));

  boris = find_card (cards, "Boris");
  boris_bday = card_value (boris, EVC_BDAY);
  g_assert_cmpstr (boris_bday, ==, v4 ? "--0705" : "--07-05");
  g_assert_null (e_vcard_get_attribute (boris, EVC_NICKNAME));
  g_assert_null (e_vcard_get_attribute (boris, EVC_CATEGORIES));

  audit = newest_audit (f->studio, 1);
  g_assert_cmpstr (audit->file, ==, "Clients.vcf");
  g_assert_cmpstr (audit->detail, ==, v4 ? "vcard" : "vcard3");
  g_assert_cmpint (audit->rows, ==, 2);
}

/* iCalendar ----------------------------------------------------------------- */

typedef struct {
  char   *uid;
  gint64  start;
  gint64  end;
  char   *summary;
  char   *description;
  char   *status;
} Event;

static void
event_clear (gpointer data)
{
  Event *e = data;

  g_free (e->uid);
  g_free (e->summary);
  g_free (e->description);
  g_free (e->status);
}

static GArray *
parse_ics (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  GArray *events = g_array_new (FALSE, TRUE, sizeof (Event));

  g_array_set_clear_func (events, event_clear);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");
  g_assert_nonnull (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY));
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      Event e = { 0 };
      struct icaltimetype start = icalcomponent_get_dtstart (c);
      struct icaltimetype end = icalcomponent_get_dtend (c);

      g_assert_true (icaltime_is_utc (start));
      g_assert_true (icaltime_is_utc (end));
      g_assert_nonnull (icalcomponent_get_first_property (c, ICAL_DTSTAMP_PROPERTY));
      e.uid = g_strdup (icalcomponent_get_uid (c));
      e.start = icaltime_as_timet (start);
      e.end = icaltime_as_timet (end);
      e.summary = g_strdup (icalcomponent_get_summary (c));
      e.description = g_strdup (icalcomponent_get_description (c));
      e.status = g_strdup (icalproperty_status_to_string (icalcomponent_get_status (c)));
      g_array_append_val (events, e);
    }
  icalcomponent_free (calendar);
  return events;
}

static char *
uid_of (gint64 id)
{
  return g_strdup_printf ("appointment-%" G_GINT64_FORMAT "@regulars", id);
}

static void
test_ics (Fixture       *f,
          gconstpointer  data)
{
  static const char script[] =
    "import icalendar, json, sys\n"
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "out = []\n"
    "for e in cal.walk('VEVENT'):\n"
    "    start = e.decoded('DTSTART')\n"
    "    out.append([str(e['UID']), start.strftime('%Y-%m-%dT%H:%M:%S'), str(start.tzinfo), str(e['SUMMARY']),\n"
    "                str(e['STATUS']), e.decoded('DTEND').strftime('%Y-%m-%dT%H:%M:%S')])\n"
    "print(json.dumps(out))\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "March.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(RgAuditEntry) audit = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *uid1 = uid_of (f->a1);
  g_autofree char *uid2 = uid_of (f->a2);
  g_autofree char *uid3 = uid_of (f->a3);
  RgExportPeriod period = { { 2025, 3, 1 }, { 2025, 3, 31 }, 0 };
  Event *e;

  g_assert_cmpint (rg_export_appointments (f->studio, path, &period, &error), ==, 3);
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));

  /* libical reads it back: the deleted one and April's left out; the last
   * day's late appointment (23:00) in. */
  events = parse_ics (text);
  g_assert_cmpuint (events->len, ==, 3);
  e = &g_array_index (events, Event, 0);
  g_assert_cmpstr (e->uid, ==, uid1);
  g_assert_cmpint (e->start, ==, rg_time_from_local ((RgDate) { 2025, 3, 10 }, 600));
  g_assert_cmpint (e->end - e->start, ==, 90 * 60);
  g_assert_cmpstr (e->summary, ==, "Анна — Стрижка, Укладка");
  g_assert_nonnull (strstr (e->description, "Master: Мастер Анна"));
  g_assert_nonnull (strstr (e->description, "Price: 2,000"));
  g_assert_nonnull (strstr (e->description, "Note: Принести фото"));
  g_assert_cmpstr (e->status, ==, "TENTATIVE");
  e = &g_array_index (events, Event, 1);
  g_assert_cmpstr (e->uid, ==, uid2);
  g_assert_cmpstr (e->summary, ==, "Boris — Стрижка");
  g_assert_cmpstr (e->status, ==, "CONFIRMED");
  e = &g_array_index (events, Event, 2);
  g_assert_cmpstr (e->uid, ==, uid3);
  g_assert_cmpstr (e->status, ==, "CANCELLED");

  audit = newest_audit (f->studio, 1);
  g_assert_cmpstr (audit->what, ==, "appointments");
  g_assert_cmpint (audit->rows, ==, 3);
  g_assert_cmpstr (audit->file, ==, "March.ics");
  g_assert_cmpstr (audit->detail, ==, "ics 2025-03-01..2025-03-31");

  /* Python's icalendar reads the same: UTC times, the summary, the status. */
  if ((node = run_python (script, path)) == NULL)
    {
      g_test_skip ("No " PYTHON);
      return;
    }
  {
    JsonArray *rows = json_node_get_array (node);
    JsonArray *first = json_array_get_array_element (rows, 0);
    JsonArray *third = json_array_get_array_element (rows, 2);

    g_assert_cmpuint (json_array_get_length (rows), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (first, 0), ==, uid1);
    g_assert_cmpstr (json_array_get_string_element (first, 1), ==, "2025-03-10T10:00:00");  /* TZ=UTC */
    g_assert_cmpstr (json_array_get_string_element (first, 2), ==, "UTC");
    g_assert_cmpstr (json_array_get_string_element (first, 3), ==, "Анна — Стрижка, Укладка");
    g_assert_cmpstr (json_array_get_string_element (first, 4), ==, "TENTATIVE");
    g_assert_cmpstr (json_array_get_string_element (first, 5), ==, "2025-03-10T11:30:00");
    g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 0), ==, uid2);
    g_assert_cmpstr (json_array_get_string_element (third, 0), ==, uid3);
    g_assert_cmpstr (json_array_get_string_element (third, 1), ==, "2025-03-31T23:00:00");
    g_assert_cmpstr (json_array_get_string_element (third, 4), ==, "CANCELLED");
  }
}

static void
test_ics_master (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Oleg.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(RgAuditEntry) audit = NULL;
  g_autofree char *uid2 = uid_of (f->a2);
  g_autofree char *uid3 = uid_of (f->a3);
  g_autofree char *uid4 = uid_of (f->a4);
  RgExportPeriod period = { { 2025, 3, 1 }, { 2025, 4, 30 }, f->master_oleg };

  g_assert_cmpint (rg_export_appointments (f->studio, path, &period, &error), ==, 3);
  g_assert_no_error (error);
  text = read_text (path);
  events = parse_ics (text);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (g_array_index (events, Event, 0).uid, ==, uid2);
  g_assert_cmpstr (g_array_index (events, Event, 1).uid, ==, uid3);
  g_assert_cmpstr (g_array_index (events, Event, 2).uid, ==, uid4);
  audit = newest_audit (f->studio, 1);
  g_assert_cmpstr (audit->detail, ==, "ics 2025-03-01..2025-04-30 master: Олег");

  /* One day: only what starts on it. */
  period = (RgExportPeriod) { { 2025, 3, 11 }, { 2025, 3, 11 }, 0 };
  g_assert_cmpint (rg_export_appointments (f->studio, path, &period, &error), ==, 1);
  g_assert_no_error (error);

  /* A period the wrong way round is refused, nothing written. */
  period = (RgExportPeriod) { { 2025, 3, 12 }, { 2025, 3, 11 }, 0 };
  g_assert_cmpint (rg_export_appointments (f->studio, path, &period, &error), ==, -1);
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  /* Two lines: rows 3 and 1 (the log's order within a second is not
   * kept: its rows are ordered by their random ids). */
  {
    g_autoptr(GPtrArray) entries = rg_studio_list_audit (f->studio, 0, &error);
    gint64 a, b;

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 2);
    a = ((RgAuditEntry *) entries->pdata[0])->rows;
    b = ((RgAuditEntry *) entries->pdata[1])->rows;
    g_assert_cmpint (MIN (a, b), ==, 1);
    g_assert_cmpint (MAX (a, b), ==, 3);
  }
}

/* Failures ------------------------------------------------------------------ */

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *path = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no such folder", "Clients.csv", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "A folder.csv", NULL);
  g_autofree char *existing = g_build_filename (f->dir, "Clients.csv", NULL);
  g_autofree char *text = NULL;

  /* A folder nobody may write to (root may write anywhere but /sys). */
  if (geteuid () == 0)
    path = g_strdup ("/sys/Clients.csv");
  else
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      path = g_build_filename (locked, "Clients.csv", NULL);
    }
  g_assert_cmpint (rg_export_clients (f->studio, path, RG_EXPORT_CSV, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (rg_export_clients (f->studio, missing, RG_EXPORT_CSV, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* A folder where the file would go: refused, nothing left beside it. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (rg_export_clients (f->studio, folder, RG_EXPORT_VCARD, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_rmdir (folder);
  if (geteuid () != 0)
    g_rmdir (locked);
  assert_folder_holds (f->dir, NULL);

  /* No line in the log for an export that did not happen. */
  g_assert_null (newest_audit (f->studio, 0));

  /* An earlier file is replaced whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_cmpint (rg_export_clients (f->studio, existing, RG_EXPORT_CSV, &error), ==, 2);
  g_assert_no_error (error);
  text = read_text (existing);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" CSV_HEADER));
  assert_folder_holds (f->dir, "Clients.csv");
}

/* Asynchronously: on a reader in a thread, the same bytes, one audit line. */

typedef struct {
  GMainLoop *loop;
  gint64     rows;
  GError    *error;
} Wait;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Wait *wait = data;

  wait->rows = rg_export_finish (RG_STUDIO (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Clients.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RgAuditEntry) audit = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), 0, NULL };

  rg_export_clients_async (f->studio, path, RG_EXPORT_CSV, NULL, exported_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_cmpint (wait.rows, ==, 2);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF" CSV_HEADER CSV_BORIS CSV_ANNA);
  audit = newest_audit (f->studio, 1);
  g_assert_cmpint (audit->rows, ==, 2);
  g_unlink (path);

  /* Cancelled: no file, no temporary file, no line. */
  g_cancellable_cancel (cancellable);
  rg_export_clients_async (f->studio, path, RG_EXPORT_VCARD, cancellable, exported_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  assert_folder_holds (f->dir, NULL);
  g_clear_pointer (&audit, rg_audit_entry_free);
  audit = newest_audit (f->studio, 1);

  /* A format clients are not written in. */
  rg_export_clients_async (f->studio, path, RG_EXPORT_ICS, NULL, exported_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_error (wait.error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&wait.error);
  g_main_loop_unref (wait.loop);
}

/* The command line's work ----------------------------------------------------- */

static void
test_command (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vcf = g_build_filename (f->dir, "Phone.vcf", NULL);
  g_autofree char *ics = g_build_filename (f->dir, "Oleg.ics", NULL);
  g_autofree char *said = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RgAuditEntry) audit = NULL;
  RgExportCommand command = { "clients", vcf, NULL, NULL, NULL, NULL, FALSE };
  JsonObject *object;

  /* The format from the extension. */
  said = rg_export_command_run (f->studio, &command, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (said, ==, "Exported 2 clients to Phone.vcf (vCard 4.0).");
  audit = newest_audit (f->studio, 1);
  g_assert_cmpstr (audit->detail, ==, "vcard");

  command = (RgExportCommand) { "appointments", ics, NULL, "2025-03-01", "2025-04-30", "оле", TRUE };
  json = rg_export_command_run (f->studio, &command, &error);
  g_assert_no_error (error);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "appointments");
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, ics);
  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "ics");

  /* Refusals, in words. */
  command = (RgExportCommand) { "appointments", ics, NULL, NULL, NULL, "Нет такого", FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Мастер Анна"));
  g_clear_error (&error);
  command = (RgExportCommand) { "appointments", ics, NULL, NULL, NULL, "е", FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  command = (RgExportCommand) { "clients", vcf, "xls", NULL, NULL, NULL, FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  command = (RgExportCommand) { "clients", vcf, NULL, "2025-03-01", NULL, NULL, FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  command = (RgExportCommand) { "appointments", ics, NULL, "1 March", NULL, NULL, FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  command = (RgExportCommand) { "staff", ics, NULL, NULL, NULL, NULL, FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  command = (RgExportCommand) { "clients", NULL, NULL, NULL, NULL, NULL, FALSE };
  g_assert_null (rg_export_command_run (f->studio, &command, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);

  /* Two exports, two lines. */
  g_clear_pointer (&audit, rg_audit_entry_free);
  audit = newest_audit (f->studio, 2);
}

static void
test_formats (void)
{
  RgExportFormat format = RG_EXPORT_ICS;

  g_assert_true (rg_export_format_for_file ("/a/b/Clients.CSV", &format));
  g_assert_cmpint (format, ==, RG_EXPORT_CSV);
  g_assert_true (rg_export_format_for_file ("x.vcf", &format));
  g_assert_cmpint (format, ==, RG_EXPORT_VCARD);
  g_assert_true (rg_export_format_for_file ("x.ics", &format));
  g_assert_cmpint (format, ==, RG_EXPORT_ICS);
  g_assert_false (rg_export_format_for_file ("/a.b/clients", &format));
  g_assert_false (rg_export_format_for_file ("clients.txt", &format));
  for (RgExportFormat f = RG_EXPORT_CSV; f <= RG_EXPORT_ICS; f++)
    {
      RgExportFormat back;

      g_assert_true (rg_export_format_from_string (rg_export_format_to_string (f), &back));
      g_assert_cmpint (back, ==, f);
    }
  g_assert_false (rg_export_format_from_string ("xlsx", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/csv/cells", test_csv_cells);
  g_test_add ("/export/csv/bytes", Fixture, NULL, fixture_set_up, test_csv_bytes, fixture_tear_down);
  g_test_add ("/export/csv/comma", Fixture, NULL, fixture_set_up, test_csv_comma, fixture_tear_down);
  g_test_add ("/export/csv/python", Fixture, NULL, fixture_set_up, test_csv_python, fixture_tear_down);
  g_test_add ("/export/vcard", Fixture, GINT_TO_POINTER (RG_EXPORT_VCARD), fixture_set_up, test_vcard,
              fixture_tear_down);
  g_test_add ("/export/vcard3", Fixture, GINT_TO_POINTER (RG_EXPORT_VCARD3), fixture_set_up, test_vcard,
              fixture_tear_down);
  g_test_add ("/export/ics", Fixture, NULL, fixture_set_up, test_ics, fixture_tear_down);
  g_test_add ("/export/ics/master", Fixture, NULL, fixture_set_up, test_ics_master, fixture_tear_down);
  g_test_add ("/export/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/export/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/export/command", Fixture, NULL, fixture_set_up, test_command, fixture_tear_down);

  return g_test_run ();
}

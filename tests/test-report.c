/* test-report.c — the report module on the demo studio: each figure set as
 * text and JSON (the same as `regulars --report` prints), and the
 * satisfaction page as PNG, PDF and SVG files.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "report/rg-report.h"
#include "report/rg-report-page.h"
#include "report/rg-report-retention.h"
#include "report/rg-report-satisfaction.h"
#include "test-util.h"

#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

static char *demo_path;

static RgStore *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  RgStore *store = rg_store_open (demo_path, RG_STORE_OPEN_NO_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

/* November 2026 of the demo, as the panel and --report count it. */
static RgSatisfaction *
count_november (RgStore *store)
{
  g_autoptr(GError) error = NULL;
  RgSatisfactionQuery query = { 0 };
  RgSatisfaction *s;

  query.from = (RgDate) { 2026, 11, 1 };
  query.to = (RgDate) { 2026, 11, 30 };
  query.step = RG_SATISFACTION_BY_WEEK;
  s = rg_satisfaction_compute (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_satisfaction_text_and_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = open_demo ();
  g_autoptr(RgSatisfaction) s = count_november (store);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = rg_report_satisfaction_json (s);
  g_autofree char *text = rg_report_satisfaction_text (s, NULL, NULL);
  g_autofree char *cli_json = NULL;
  g_autofree char *cli_text = NULL;
  RgReportOptions opts = { "2026-11-01", "2026-11-30", NULL, NULL, NULL, TRUE };
  JsonObject *root;

  g_assert_cmpuint (s->total.ratings, >, 0);

  /* --report prints what the report module writes. */
  cli_json = rg_report_run (store, "satisfaction", &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cli_json, ==, json);
  opts.json = FALSE;
  cli_text = rg_report_run (store, "satisfaction", &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cli_text, ==, text);

  root = parse_object (parser, json);
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-11-01");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "2026-11-30");
  g_assert_cmpint (json_object_get_int_member (root, "visits"), ==, s->visits);
  g_assert_cmpint (json_object_get_int_member (root, "ratings"), ==, s->total.ratings);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "trend")), ==, s->buckets->len);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "by_staff")), ==, s->by_staff->len);

  g_assert_true (g_str_has_prefix (text, "Satisfaction, 2026-11-01 to 2026-11-30\n\n"));
  g_assert_nonnull (strstr (text, "\nBy master\n"));
  /* A master's name, as the heading names the filter. */
  {
    g_autofree char *named = rg_report_satisfaction_text (s, "Anna", "Manicure");

    g_assert_true (g_str_has_prefix (named, "Satisfaction, 2026-11-01 to 2026-11-30 · Anna · Manicure\n"));
  }
}

static void
test_retention_text_and_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = open_demo ();
  g_autoptr(RgDashboard) d = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *cli_json = NULL;
  g_autofree char *cli_text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  RgReportOptions opts = { "2026-11-01", "2026-11-28", NULL, NULL, "2026-11-28", TRUE };
  RgDate from = { 2026, 11, 1 }, to = { 2026, 11, 28 };
  JsonObject *root;

  /* First through --report, which sets the studio's currency for money. */
  cli_json = rg_report_run (store, "retention", &opts, &error);
  g_assert_no_error (error);
  opts.json = FALSE;
  cli_text = rg_report_run (store, "retention", &opts, &error);
  g_assert_no_error (error);

  d = rg_dashboard_compute (store, from, to, to, NULL, &error);
  g_assert_no_error (error);
  json = rg_report_retention_json (d);
  text = rg_report_retention_text (d);
  g_assert_cmpstr (cli_json, ==, json);
  g_assert_cmpstr (cli_text, ==, text);

  root = parse_object (parser, json);
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-11-28");
  g_assert_cmpint (json_object_get_int_member (root, "clients"), ==, d->clients);
  g_assert_cmpint (json_object_get_int_member (root, "visits"), ==, d->visits);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "trend")), ==, RG_DASHBOARD_MONTHS);
  g_assert_true (g_str_has_prefix (text, "Retention on 2026-11-28, period 2026-11-01 to 2026-11-28"));
  g_assert_nonnull (strstr (text, "\nClients by status\n"));
}

/* Rows of @image with anything but white in them, between @top and
 * @bottom. */
static guint
inked_rows (cairo_surface_t *image,
            int              top,
            int              bottom)
{
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  guint rows = 0;

  for (int y = top; y < bottom; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if (row[x] != 0xffffffff)
          {
            rows++;
            break;
          }
    }
  return rows;
}

static void
test_satisfaction_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = open_demo ();
  g_autoptr(RgSatisfaction) s = count_november (store);
  g_autofree char *dir = g_dir_make_tmp ("regulars-report-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "page.svg", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  double height = rg_report_satisfaction_page_height (s);
  int width_px, height_px;
  gsize length = 0;

  g_assert_no_error (error);
  /* Header and margins, and every chart two to a line: four lines with
   * the questionnaire's, each at least 280 high. */
  g_assert_cmpuint (s->questionnaires, >, 0);
  g_assert_cmpfloat (height, >=, 40 + 110 + 40 + 4 * (280 + 24));

  g_assert_true (rg_report_satisfaction_write_page (s, "November 2026 · All Masters · All Services",
                                                    RG_CHART_PNG, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width_px = cairo_image_surface_get_width (image);
  height_px = cairo_image_surface_get_height (image);
  g_assert_cmpint (width_px, ==, (int) RG_REPORT_SATISFACTION_PAGE_WIDTH);
  g_assert_cmpint (height_px, ==, (int) ceil (height));
  cairo_surface_flush (image);
  /* Ink in the header (title, subtitle, figures) and down every line of
   * charts; the bottom margin is bare, so nothing fell off the page. */
  g_assert_cmpuint (inked_rows (image, 40, 150), >, 40);
  for (int line = 0; line < 4; line++)
    {
      int top = (int) (40 + 110) + line * (280 + 24);

      g_assert_cmpuint (inked_rows (image, top, top + 280), >, 100);
    }
  g_assert_cmpuint (inked_rows (image, height_px - 30, height_px), ==, 0);
  g_assert_cmpuint (inked_rows (image, 0, 30), ==, 0);
  cairo_surface_destroy (image);

  /* A PDF as wide as A4, the page scaled to it; an SVG the page's size. */
  g_assert_true (rg_report_satisfaction_write_page (s, "", RG_CHART_PDF, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (length, >, 1000);
  g_clear_pointer (&contents, g_free);
  g_assert_true (rg_report_satisfaction_write_page (s, "", RG_CHART_SVG, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"1000\""));

  test_remove_tree (dir);
}

/* Any cairo_t takes the page (a printer's): drawn on a recording surface,
 * it covers the page and draws no further. */
static void
test_satisfaction_page_on_any_cairo (void)
{
  g_autoptr(RgStore) store = open_demo ();
  g_autoptr(RgSatisfaction) s = count_november (store);
  double height = rg_report_satisfaction_page_height (s);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x, y, w, h;

  /* Past the white background, which fills whatever it is given. */
  cairo_rectangle (cr, 0, 0, RG_REPORT_SATISFACTION_PAGE_WIDTH, height);
  cairo_clip (cr);
  rg_report_satisfaction_draw_page (s, "November 2026", cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);
  g_assert_cmpfloat (w, ==, RG_REPORT_SATISFACTION_PAGE_WIDTH);
  g_assert_cmpfloat (fabs (h - height), <, 1);
  cairo_surface_destroy (recording);
}

static void
draw_nothing_cb (cairo_t  *cr,
                 gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static void
test_page_write_error (void)
{
  static const RgChartFormat formats[] = { RG_CHART_PNG, RG_CHART_PDF, RG_CHART_SVG };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      guint calls = 0;

      g_assert_false (rg_report_page_write (formats[i], "/nonexistent-folder/page", 100, 100,
                                            draw_nothing_cb, &calls, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "“page”"));
      g_assert_cmpuint (calls, ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  demo_path = test_make_demo ("report", "en", NOW);

  g_test_add_func ("/report/satisfaction/text-and-json", test_satisfaction_text_and_json);
  g_test_add_func ("/report/retention/text-and-json", test_retention_text_and_json);
  g_test_add_func ("/report/satisfaction/page", test_satisfaction_page);
  g_test_add_func ("/report/satisfaction/page-on-any-cairo", test_satisfaction_page_on_any_cairo);
  g_test_add_func ("/report/page/write-error", test_page_write_error);

  status = g_test_run ();
  test_remove_demo (demo_path);
  g_free (demo_path);
  return status;
}

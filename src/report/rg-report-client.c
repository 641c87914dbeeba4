/* rg-report-client.c — everything held about one client, as JSON (the
 * sections' keys, money in minor units, times in ISO 8601 with the
 * offset) or as an A4 PDF of as many pages as it needs (labels and
 * values in the reader's language).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "model/rg-audit.h"
#include "model/rg-format.h"
#include "model/rg-privacy.h"
#include "rg-json-private.h"
#include "rg-report-client.h"

#define A4_WIDTH   595.28   /* points */
#define A4_HEIGHT  841.89
#define MARGIN     48.0

static char *
iso_time (gint64 at)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (at);

  return local ? g_date_time_format_iso8601 (local) : g_strdup ("");
}

/* JSON ------------------------------------------------------------------------- */

static void
add_row (JsonBuilder *b,
         GArray      *fields)
{
  json_builder_begin_object (b);
  for (guint i = 0; i < fields->len; i++)
    {
      const RgAccessField *f = &g_array_index (fields, RgAccessField, i);

      json_builder_set_member_name (b, f->key);
      if (f->is_null)
        json_builder_add_null_value (b);
      else
        switch (f->type)
          {
          case RG_ACCESS_TEXT:
            json_builder_add_string_value (b, f->text);
            break;
          case RG_ACCESS_YES_NO:
            json_builder_add_boolean_value (b, f->number != 0);
            break;
          case RG_ACCESS_TIME:
            {
              g_autofree char *iso = iso_time (f->number);

              json_builder_add_string_value (b, iso);
            }
            break;
          case RG_ACCESS_NUMBER:
          case RG_ACCESS_MONEY:
          default:
            json_builder_add_int_value (b, f->number);
            break;
          }
    }
  json_builder_end_object (b);
}

static gboolean
write_json (GPtrArray   *sections,
            gint64       client_id,
            const char  *path,
            GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = iso_time (g_get_real_time () / G_USEC_PER_SEC);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "client-data");
  rg_json_add_int (b, "client", client_id);
  json_builder_set_member_name (b, "exported_at");
  json_builder_add_string_value (b, now);
  json_builder_set_member_name (b, "currency");
  json_builder_add_string_value (b, rg_format_get_currency ());
  for (guint s = 0; s < sections->len; s++)
    {
      const RgAccessSection *section = sections->pdata[s];

      json_builder_set_member_name (b, section->key);
      if (section->single)
        {
          if (section->rows->len > 0)
            add_row (b, section->rows->pdata[0]);
          else
            json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_array (b);
      for (guint r = 0; r < section->rows->len; r++)
        add_row (b, section->rows->pdata[r]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = rg_json_to_text (root);
  return g_file_set_contents (path, text, -1, error);
}

/* PDF ---------------------------------------------------------------------------- */

typedef struct {
  cairo_t *cr;
  double   y;
  guint    pages;
} Pages;

static char *
field_value (const RgAccessField *f)
{
  switch (f->type)
    {
    case RG_ACCESS_TEXT:    return g_strdup (f->shown ? f->shown : f->text);
    case RG_ACCESS_MONEY:   return rg_format_price (f->number);
    case RG_ACCESS_TIME:    return rg_format_date_time (f->number);
    case RG_ACCESS_YES_NO:  return g_strdup (f->number ? _("Yes") : _("No"));
    case RG_ACCESS_NUMBER:
    default:                return g_strdup_printf ("%" G_GINT64_FORMAT, f->number);
    }
}

/* One paragraph at the next place, on a new page when it does not fit. */
static void
paragraph (Pages      *p,
           const char *font,
           const char *text,
           double      space_before)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int width, height;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((A4_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  p->y += space_before;
  if (p->y + (double) height / PANGO_SCALE > A4_HEIGHT - MARGIN && p->y > MARGIN + space_before)
    {
      cairo_show_page (p->cr);
      p->pages++;
      p->y = MARGIN;
    }
  cairo_move_to (p->cr, MARGIN, p->y);
  pango_cairo_show_layout (p->cr, layout);
  p->y += (double) height / PANGO_SCALE;
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static char *
row_text (GArray   *fields,
          gboolean  one_per_line)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      const RgAccessField *f = &g_array_index (fields, RgAccessField, i);
      g_autofree char *value = NULL;

      if (f->is_null || (f->type == RG_ACCESS_TEXT && *f->text == '\0'))
        continue;
      value = field_value (f);
      if (text->len > 0)
        g_string_append (text, one_per_line ? "\n" : " · ");
      /* Translators: a field and its value in the export of everything about a client */
      g_string_append_printf (text, _("%s: %s"), f->label, value);
    }
  return g_string_free (text, FALSE);
}

static gboolean
write_pdf (GPtrArray   *sections,
           gint64       client_id,
           const char  *path,
           guint       *n_pages,
           GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  const RgAccessSection *card = sections->pdata[0];
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *now = rg_format_date_time (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, client_id);
  const char *name = NULL;
  cairo_status_t status;
  Pages p = { cairo_create (surface), MARGIN, 1 };

  if (card->rows->len > 0)
    {
      GArray *fields = card->rows->pdata[0];

      for (guint i = 0; i < fields->len; i++)
        if (g_str_equal (g_array_index (fields, RgAccessField, i).key, "address_as"))
          name = g_array_index (fields, RgAccessField, i).text;
    }
  /* Translators: the title of the export of everything about one client; %s is their name */
  title = g_strdup_printf (_("Everything the Studio Holds About %s"), name ? name : "");
  /* Translators: under that title: the client's number, and when it was written */
  subtitle = g_strdup_printf (_("Client number %s · written %s"), number, now);
  cairo_set_source_rgb (p.cr, 0, 0, 0);
  paragraph (&p, "Sans Bold 16", title, 0);
  paragraph (&p, "Sans 9", subtitle, 4);

  for (guint s = 0; s < sections->len; s++)
    {
      const RgAccessSection *section = sections->pdata[s];

      paragraph (&p, "Sans Bold 12", section->title, 16);
      if (section->rows->len == 0)
        paragraph (&p, "Sans 9", _("Nothing recorded."), 4);
      for (guint r = 0; r < section->rows->len; r++)
        {
          g_autofree char *text = row_text (section->rows->pdata[r], section->single);

          paragraph (&p, "Sans 9", text, 4);
        }
    }

  cairo_destroy (p.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *shown = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not write “%s”. Check that the folder exists and can be written to."), shown);
      return FALSE;
    }
  if (n_pages)
    *n_pages = p.pages;
  return TRUE;
}

gboolean
rg_report_client_data (RgStudio    *studio,
                       gint64       client_id,
                       const char  *path,
                       guint       *n_pages,
                       GError     **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *base = NULL;
  g_autofree char *detail = NULL;
  gboolean pdf, ok;
  guint pages = 1;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".json"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a file name ending in .pdf (to read or print) or .json (for a program)."));
      return FALSE;
    }
  sections = rg_studio_read_subject_access (studio, client_id, error);
  if (sections == NULL)
    return FALSE;
  ok = pdf ? write_pdf (sections, client_id, path, &pages, error)
           : write_json (sections, client_id, path, error);
  if (!ok)
    return FALSE;
  base = g_path_get_basename (path);
  detail = g_strdup_printf ("client %" G_GINT64_FORMAT, client_id);
  if (!rg_studio_audit (studio, RG_AUDIT_SUBJECT_ACCESS, "clients", 1, base, detail, error))
    return FALSE;
  if (n_pages)
    *n_pages = pages;
  return TRUE;
}

char *
rg_report_client_command (RgStudio    *studio,
                          gint64       client_id,
                          const char  *file,
                          gboolean     json,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *number = NULL;
  guint pages = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  if (client_id <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--export client-data needs --client and the client’s number."));
      return NULL;
    }
  if (file == NULL || *file == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--export client-data needs the file to write, such as Client.pdf or Client.json."));
      return NULL;
    }
  path = g_canonicalize_filename (file, NULL);
  if (!rg_report_client_data (studio, client_id, path, &pages, error))
    return NULL;
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, "client-data");
      rg_json_add_int (b, "client", client_id);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, path);
      rg_json_add_int (b, "pages", pages);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      return rg_json_to_text (root);
    }
  shown = g_filename_display_name (path);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, client_id);
  /* Translators: the client's number, the file's name */
  return g_strdup_printf (_("Wrote everything held about client %s to %s."), number, shown);
}

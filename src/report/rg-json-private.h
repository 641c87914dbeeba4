/* rg-json-private.h — the JSON figures of the reports, written
 * one way: a figure rounded to two decimals (null when there is nothing to
 * count), a whole number, a day; and the text, numbers as short as they
 * read back (rg-json.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <json-glib/json-glib.h>

#include "util/rg-time.h"

G_BEGIN_DECLS

static inline void
rg_json_add_figure (JsonBuilder *b,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (value * 100.0) / 100.0);
}

static inline void
rg_json_add_int (JsonBuilder *b,
                 const char  *name,
                 gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static inline void
rg_json_add_date (JsonBuilder *b,
                  const char  *name,
                  RgDate       date)
{
  g_autofree char *iso = rg_date_to_iso (date);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, iso);
}

char *rg_json_to_text (JsonNode *root) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* rg-hours-row.c — one weekday's working hours.
 *
 * An expander row per weekday: its switch says whether the person works
 * that day, its subtitle sums the hours up ("10:00–14:00, 15:00–19:00")
 * or says what is wrong with them (the start and end of a bad span turn red),
 * and expanded it shows one row per span with the start and end, plus
 * "Add a Break", which cuts an hour out of the middle of the longest span.
 * Nothing is written here: the staff editor reads the spans when it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-hours-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-hours-row.h"
#include "widgets/common/rg-time-spin.h"

#define DEFAULT_START (10 * 60)
#define DEFAULT_END   (19 * 60)
#define BREAK_MINUTES 60

struct _RgHoursRow
{
  AdwExpanderRow  parent_instance;

  int             weekday;       /* ISO, 1 = Monday */
  GArray         *spans;         /* RgSpan, kept while the day is off */
  GPtrArray      *rows;          /* the rows added to the expander */
  GPtrArray      *spins;         /* start and end spin of each span */
  gboolean        rebuilding;
};

G_DEFINE_FINAL_TYPE (RgHoursRow, rg_hours_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_WEEKDAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (RgHoursRow *self);

/* The weekday's name as a title: "Monday", "Понедельник". */
char *
rg_hours_row_dup_day_name (int weekday)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) dt = g_date_time_new_local (2024, 1, CLAMP (weekday, 1, 7), 12, 0, 0);
  g_autofree char *name = g_date_time_format (dt, "%A");
  gunichar first;

  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%d", weekday);

  first = g_unichar_totitle (g_utf8_get_char (name));
  {
    char buf[8] = { 0 };

    g_unichar_to_utf8 (first, buf);
    return g_strconcat (buf, g_utf8_next_char (name), NULL);
  }
}

static gboolean
span_is_bad (RgHoursRow *self,
             guint       i)
{
  const RgSpan *s = &g_array_index (self->spans, RgSpan, i);

  if (s->end_minute <= s->start_minute)
    return TRUE;

  for (guint j = 0; j < self->spans->len; j++)
    {
      const RgSpan *o = &g_array_index (self->spans, RgSpan, j);

      if (j != i && s->start_minute < o->end_minute && o->start_minute < s->end_minute)
        return TRUE;
    }

  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const RgSpan *x = a, *y = b;
  return x->start_minute - y->start_minute;
}

/* Where a break would go: an hour from the middle of the longest span that
 * leaves at least half an hour on each side; FALSE when none is that long. */
static gboolean
find_break (RgHoursRow *self,
            guint      *index,
            int        *break_start)
{
  int best = -1, best_len = 0;

  for (guint i = 0; i < self->spans->len; i++)
    {
      const RgSpan *s = &g_array_index (self->spans, RgSpan, i);
      int len = s->end_minute - s->start_minute;

      if (len > best_len)
        {
          best = i;
          best_len = len;
        }
    }

  if (best < 0 || best_len < BREAK_MINUTES + 60)
    return FALSE;

  {
    const RgSpan *s = &g_array_index (self->spans, RgSpan, best);
    int start = s->start_minute + (best_len - BREAK_MINUTES) / 2;

    start -= start % 30;
    start = MAX (start, s->start_minute + 30);
    *index = best;
    *break_start = start;
  }

  return TRUE;
}

static void
update_summary (RgHoursRow *self)
{
  gboolean works = adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint index;
  int start;

  if (!works || self->spans->len == 0)
    g_string_append (summary, _("Day off"));

  for (guint i = 0; works && i < self->spans->len; i++)
    {
      const RgSpan *s = &g_array_index (self->spans, RgSpan, i);
      g_autofree char *from = rg_time_spin_format (s->start_minute, RG_TIME_SPIN_CLOCK);
      g_autofree char *to = rg_time_spin_format (s->end_minute, RG_TIME_SPIN_CLOCK);

      if (i > 0)
        /* Translators: between two spans of working hours, as in "10:00–14:00, 15:00–19:00" */
        g_string_append (summary, _(", "));
      /* Translators: a span of working hours, as in "10:00–14:00" */
      g_string_append_printf (summary, _("%s–%s"), from, to);
    }

  /* Hours the studio would refuse say why, right away. */
  if (works && !rg_schedule_check_hours ((const RgSpan *) self->spans->data, self->spans->len, &error))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), error->message);
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary->str);

  for (guint i = 0; i < self->spins->len; i++)
    {
      GtkWidget *spin = g_ptr_array_index (self->spins, i);

      if (span_is_bad (self, i / 2))
        gtk_widget_add_css_class (spin, "error");
      else
        gtk_widget_remove_css_class (spin, "error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hours.add-break", find_break (self, &index, &start));
}

static void
spin_value_changed_cb (RgHoursRow    *self,
                       GtkSpinButton *spin)
{
  guint i;

  if (self->rebuilding || !g_ptr_array_find (self->spins, spin, &i) || i / 2 >= self->spans->len)
    return;

  if (i % 2 == 0)
    g_array_index (self->spans, RgSpan, i / 2).start_minute = gtk_spin_button_get_value_as_int (spin);
  else
    g_array_index (self->spans, RgSpan, i / 2).end_minute = gtk_spin_button_get_value_as_int (spin);

  update_summary (self);
}

static GtkWidget *
new_spin (RgHoursRow *self,
          int         minutes,
          const char *accessible_label)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (minutes, 0, RG_MINUTES_PER_DAY, 15, 60, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 0);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  rg_time_spin_setup (GTK_SPIN_BUTTON (spin), RG_TIME_SPIN_CLOCK);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self);
  g_ptr_array_add (self->spins, spin);
  return spin;
}

static GtkWidget *
new_span_row (RgHoursRow   *self,
              guint         index,
              const RgSpan *span)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: before the start time of working hours, as in "From 10:00 to 14:00" */
  gtk_box_append (GTK_BOX (box), gtk_label_new (C_("hours", "From")));
  gtk_box_append (GTK_BOX (box), new_spin (self, span->start_minute, _("Start")));
  /* Translators: before the end time of working hours, as in "From 10:00 to 14:00" */
  gtk_box_append (GTK_BOX (box), gtk_label_new (C_("hours", "to")));
  gtk_box_append (GTK_BOX (box), new_spin (self, span->end_minute, _("End")));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), box);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove These Hours"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "hours.remove-span");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild (RgHoursRow *self)
{
  GtkWidget *add_break;
  GtkWidget *icon;

  self->rebuilding = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->spins, 0);

  g_array_sort (self->spans, compare_spans);
  for (guint i = 0; i < self->spans->len; i++)
    {
      GtkWidget *row = new_span_row (self, i, &g_array_index (self->spans, RgSpan, i));

      g_ptr_array_add (self->rows, row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }

  add_break = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_break), _("Add a Break"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (add_break), _("Splits the longest hours with an hour off"));
  icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (add_break), icon);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_break), "hours.add-break");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_break), TRUE);
  g_ptr_array_add (self->rows, add_break);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), add_break);

  self->rebuilding = FALSE;
  update_summary (self);
}

static void
add_break_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgHoursRow *self = RG_HOURS_ROW (widget);
  guint index;
  int start;

  if (!find_break (self, &index, &start))
    return;

  {
    RgSpan *s = &g_array_index (self->spans, RgSpan, index);
    RgSpan after = { start + BREAK_MINUTES, s->end_minute };

    s->end_minute = start;
    g_array_append_val (self->spans, after);
  }

  rebuild (self);
}

static void
remove_span_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgHoursRow *self = RG_HOURS_ROW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= self->spans->len)
    return;

  g_array_remove_index (self->spans, index);
  if (self->spans->len == 0)
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), FALSE);
  rebuild (self);
}

static void
enable_expansion_changed_cb (RgHoursRow *self)
{
  if (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self)) && self->spans->len == 0)
    {
      RgSpan span = { DEFAULT_START, DEFAULT_END };

      g_array_append_val (self->spans, span);
      rebuild (self);
      return;
    }

  update_summary (self);
}

int
rg_hours_row_get_weekday (RgHoursRow *self)
{
  g_return_val_if_fail (RG_IS_HOURS_ROW (self), 0);
  return self->weekday;
}

/* No spans make the day a day off. */
void
rg_hours_row_set_spans (RgHoursRow   *self,
                        const RgSpan *spans,
                        guint         n_spans)
{
  g_return_if_fail (RG_IS_HOURS_ROW (self));
  g_return_if_fail (spans != NULL || n_spans == 0);

  g_array_set_size (self->spans, 0);
  if (n_spans > 0)
    g_array_append_vals (self->spans, spans, n_spans);

  self->rebuilding = TRUE;
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), n_spans > 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), FALSE);
  self->rebuilding = FALSE;
  rebuild (self);
}

/* The spans of the day as shown, in order; empty on a day off. */
GArray *
rg_hours_row_get_spans (RgHoursRow *self)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RgSpan));

  g_return_val_if_fail (RG_IS_HOURS_ROW (self), spans);

  if (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self)))
    g_array_append_vals (spans, self->spans->data, self->spans->len);
  g_array_sort (spans, compare_spans);
  return spans;
}

static void
rg_hours_row_constructed (GObject *object)
{
  RgHoursRow *self = RG_HOURS_ROW (object);
  g_autofree char *name = rg_hours_row_dup_day_name (self->weekday);

  G_OBJECT_CLASS (rg_hours_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  rebuild (self);
}

static void
rg_hours_row_finalize (GObject *object)
{
  RgHoursRow *self = RG_HOURS_ROW (object);

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_hours_row_parent_class)->finalize (object);
}

static void
rg_hours_row_dispose (GObject *object)
{
  RgHoursRow *self = RG_HOURS_ROW (object);

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->spins, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_HOURS_ROW);

  G_OBJECT_CLASS (rg_hours_row_parent_class)->dispose (object);
}

static void
rg_hours_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RgHoursRow *self = RG_HOURS_ROW (object);

  switch (prop_id)
    {
    case PROP_WEEKDAY:
      g_value_set_int (value, self->weekday);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_hours_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RgHoursRow *self = RG_HOURS_ROW (object);

  switch (prop_id)
    {
    case PROP_WEEKDAY:
      self->weekday = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_hours_row_class_init (RgHoursRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_hours_row_constructed;
  object_class->dispose = rg_hours_row_dispose;
  object_class->finalize = rg_hours_row_finalize;
  object_class->get_property = rg_hours_row_get_property;
  object_class->set_property = rg_hours_row_set_property;

  properties[PROP_WEEKDAY] =
    g_param_spec_int ("weekday", NULL, NULL, 1, 7, 1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-hours-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, enable_expansion_changed_cb);

  gtk_widget_class_install_action (widget_class, "hours.add-break", NULL, add_break_activated);
  gtk_widget_class_install_action (widget_class, "hours.remove-span", "u", remove_span_activated);
}

static void
rg_hours_row_init (RgHoursRow *self)
{
  self->weekday = 1;
  self->spans = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  self->rows = g_ptr_array_new ();
  self->spins = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rg_hours_row_new (int weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  return g_object_new (RG_TYPE_HOURS_ROW, "weekday", weekday, NULL);
}

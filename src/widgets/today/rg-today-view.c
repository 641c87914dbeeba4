/* rg-today-view.c — whom to call today and why.
 *
 * The list comes from src/analytics (every client's rhythm, then the call
 * list) in a thread on a reader connection, again after commits that touch
 * visits, the timeline or the clients (rg-recount). A row's Call opens the
 * call (rg-call-dialog); its logged outcome takes the client off the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-today"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-counts.h"
#include "analytics/rg-studio-figures.h"
#include "model/rg-format.h"
#include "model/rg-interaction.h"
#include "widgets/common/rg-accessible.h"
#include "rg-call-dialog.h"
#include "widgets/common/rg-recount.h"
#include "model/rg-sale.h"
#include "rg-today-subscriptions.h"
#include "rg-today-view.h"
#include "widgets/stock/rg-low-stock.h"

#define REFRESH_DELAY_MS 300
/* The work of one frame when the list changes: a new row costs 4, a row
 * given new texts 1 (its labels are measured again); 48 is about 12 new
 * rows, some 10 ms made and 25 ms laid out on the reference studio. */
#define FRAME_BUDGET     48
#define NEW_ROW_COST     4

struct _RgTodayView {
  GtkWidget     parent_instance;

  RgStudio     *studio;
  RgDate        day;
  gboolean      fixed_day;
  RgRecount    *recount;
  GdkFrameClock *first_paint_clock;
  gulong        first_paint_id;
  GPtrArray    *entries;
  guint         limits[RG_CALL_N_REASONS];   /* rows a section shows before "Show N More" */
  guint         fill_id;                     /* a tick: more rows still to make */

  GtkWidget    *box;                         /* template children */
  GtkWidget    *title;
  GtkWidget    *subtitle;
  GtkWidget    *spinner;
  GtkWidget    *stack;
  GtkWidget    *desk_heading;
  GtkWidget    *desk_list;
  gboolean      desk_dirty;   /* money or visits changed while hidden */
  GtkWidget    *low_stock;    /* RgLowStock, after the desk */
  GtkWidget    *subscriptions;          /* rg-today-subscriptions.c */
  gboolean      subscriptions_dirty;
  GtkWidget    *headings[RG_CALL_N_REASONS];  /* by RgCallReason */
  GtkWidget    *lists[RG_CALL_N_REASONS];
};

G_DEFINE_FINAL_TYPE (RgTodayView, rg_today_view, GTK_TYPE_WIDGET)

/* Computing ---------------------------------------------------------------------- */

static void call_clicked_cb (GtkButton *button, RgTodayView *self);
static void done_clicked_cb (GtkButton *button, RgTodayView *self);

static const char *
reason_icon (RgCallReason reason)
{
  switch (reason)
    {
    case RG_CALL_TASK: return "alarm-symbolic";
    case RG_CALL_DUE: return "appointment-soon-symbolic";
    case RG_CALL_NEW: return "contact-new-symbolic";
    case RG_CALL_BIRTHDAY: return "emoji-objects-symbolic";
    case RG_CALL_SLEEPING: return "weather-clear-night-symbolic";
    case RG_CALL_N_REASONS:
    default: return "call-start-symbolic";
    }
}

/* A row of the list: what its buttons act on, and the parts a new entry
 * changes. Rows are kept and given the next count's entries in place: a
 * refresh after a logged call changes a few texts instead of building a
 * hundred rows again (which would hold the window for a few frames). */
typedef struct {
  gint64     key;          /* entry_key() */
  gint64     client_id;
  gint64     task_id;
  GtkWidget *gift;
  GtkWidget *done;
} Row;

/* A row is kept for the same call: the client, or the task in its section. */
static gint64
entry_key (const RgCallEntry *e)
{
  return e->reason == RG_CALL_TASK ? e->task_id : e->client_id;
}

static Row *
row_data (GtkWidget *widget)
{
  GtkWidget *row = GTK_IS_LIST_BOX_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row ? g_object_get_data (G_OBJECT (row), "today-row") : NULL;
}

static void show_more (RgTodayView *self, GtkListBox *list, GtkListBoxRow *more);

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  Row *data = row_data (GTK_WIDGET (row));

  if (data == NULL)
    {
      show_more (user_data, list, row);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-client", "x", data->client_id);
}

/* The whole text of a label a narrow window cut, and no tooltip for one
 * that shows whole. */
static gboolean
cut_text_tooltip_cb (GtkLabel   *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* An action row's title and subtitle (its documented CSS nodes, box.title
 * > label.title, label.subtitle) on one line each, cut with an ellipsis:
 * wrapped labels are measured for every width the list tries, three times
 * the layout of a long list. */
static void
single_line_texts (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      (gtk_widget_has_css_class (widget, "title") || gtk_widget_has_css_class (widget, "subtitle")))
    {
      gtk_label_set_wrap (GTK_LABEL (widget), FALSE);
      gtk_label_set_lines (GTK_LABEL (widget), -1);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (cut_text_tooltip_cb), NULL);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    single_line_texts (c);
}

/* TRUE: its texts changed. */
static gboolean
entry_row_update (GtkWidget         *row,
                  const RgCallEntry *e)
{
  Row *data = row_data (row);
  g_autofree char *title = e->phone ? g_strdup_printf ("%s · %s", e->client, e->phone) : g_strdup (e->client);
  gboolean changed = FALSE;

  data->key = entry_key (e);
  data->client_id = e->client_id;
  data->task_id = e->task_id;
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      changed = TRUE;
    }
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), e->why) != 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), e->why);
      changed = TRUE;
    }
  if (data->gift)
    gtk_widget_set_visible (data->gift, e->gift);
  return changed;
}

/* A row has the parts of its section (a section's rows all have one
 * reason): the gift mark in birthdays, the done button in tasks. Every
 * part costs: a row with all three took some 43 KB, and Today keeps up to
 * 125 rows. */
static GtkWidget *
entry_row (RgTodayView       *self,
           const RgCallEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *call = gtk_button_new_from_icon_name ("call-start-symbolic");
  Row *data = g_new0 (Row, 1);

  g_object_set_data_full (G_OBJECT (row), "today-row", data, g_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  single_line_texts (row);
  rg_accessible_row_icon (row, reason_icon (e->reason), rg_call_reason_to_string (e->reason));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (e->reason == RG_CALL_BIRTHDAY)
    {
      data->gift = gtk_image_new_from_icon_name ("starred-symbolic");
      gtk_widget_set_tooltip_text (data->gift, _("Spent enough for a birthday gift"));
      gtk_widget_add_css_class (data->gift, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), data->gift);
    }

  if (e->reason == RG_CALL_TASK)
    {
      data->done = gtk_button_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_tooltip_text (data->done, _("Mark the Task Done"));
      gtk_widget_set_valign (data->done, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (data->done, "flat");
      g_signal_connect (data->done, "clicked", G_CALLBACK (done_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), data->done);
    }

  gtk_widget_set_tooltip_text (call, _("Call, with the Script"));
  gtk_widget_set_valign (call, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (call, "flat");
  g_signal_connect (call, "clicked", G_CALLBACK (call_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), call);

  entry_row_update (row, e);
  return row;
}

static void
more_row_update (GtkWidget *row,
                 guint      left)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More", "Show %u More", left), left);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

static GtkWidget *
more_row (guint left)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "show-more");
  more_row_update (row, left);
  return row;
}

/* Fills @list with the entries of @reason: @limit rows at most, then a
 * "Show N More" row. The row of a call still on the list is kept (a
 * logged call removes one row, the others keep their size and need no
 * layout); rows for new calls are made, @budget of them at most, the
 * others removed. FALSE: the budget ran out before the section was
 * complete (its "Show N More" waits for it). */
static gboolean
fill_section (RgTodayView  *self,
              GtkListBox   *list,
              RgCallReason  reason,
              guint         limit,
              guint        *budget)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *child, *more = NULL;
  guint shown = 0, left = 0;

  for (guint i = 0, n = 0; i < self->entries->len; i++)
    {
      RgCallEntry *e = self->entries->pdata[i];

      if (e->reason == reason && n++ < limit)
        g_hash_table_add (wanted, e->reason == RG_CALL_TASK ? &e->task_id : &e->client_id);   /* entry_key() */
    }
  child = gtk_widget_get_first_child (GTK_WIDGET (list));
  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      Row *data = row_data (child);

      if (data == NULL)
        more = child;
      else if (g_hash_table_contains (wanted, &data->key))
        g_hash_table_insert (rows, &data->key, child);
      else
        gtk_list_box_remove (list, child);
      child = next;
    }

  child = gtk_widget_get_first_child (GTK_WIDGET (list));
  for (guint i = 0; i < self->entries->len; i++)
    {
      const RgCallEntry *e = self->entries->pdata[i];
      gint64 key = entry_key (e);
      GtkWidget *row;

      if (e->reason != reason)
        continue;
      if (shown == limit)
        {
          left++;
          continue;
        }
      if (*budget == 0)
        return FALSE;
      row = g_hash_table_lookup (rows, &key);
      if (row == NULL)
        {
          gtk_list_box_insert (list, entry_row (self, e), (int) shown);
          *budget -= MIN (*budget, NEW_ROW_COST);
        }
      else
        {
          if (row == child)
            child = gtk_widget_get_next_sibling (child);
          else
            {
              /* Further down before: moved up here. */
              g_object_ref (row);
              gtk_list_box_remove (list, row);
              gtk_list_box_insert (list, row, (int) shown);
              g_object_unref (row);
            }
          if (entry_row_update (row, e))
            (*budget)--;
        }
      shown++;
    }

  if (left && more)
    more_row_update (more, left);
  else if (left)
    gtk_list_box_append (list, more_row (left));
  else if (more)
    gtk_list_box_remove (list, more);
  return TRUE;
}

/* The sections' rows, top first, FRAME_BUDGET's worth a frame: the
 * first list of a large studio, or a new day's, where every row is new,
 * is drawn in a few frames instead of holding one for 200 ms. Without a
 * frame clock (not shown yet), all at once. FALSE: more to make. */
static gboolean
fill_some (RgTodayView *self)
{
  guint budget = gtk_widget_get_realized (GTK_WIDGET (self)) ? FRAME_BUDGET : G_MAXUINT;
  gboolean complete = TRUE;

  for (guint r = 0; r < RG_CALL_N_REASONS && complete; r++)
    if (gtk_widget_get_visible (self->lists[r]))
      complete = fill_section (self, GTK_LIST_BOX (self->lists[r]), r, self->limits[r], &budget);
  return complete;
}

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  RgTodayView *self = RG_TODAY_VIEW (widget);

  if (!fill_some (self))
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* Shown, the rows are made in the frames' update phase: made here, they
 * would add to the next frame the first chunk that frame makes again. */
static void
fill_sections (RgTodayView *self)
{
  if (self->fill_id != 0)
    return;
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    fill_some (self);
  else
    self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
}

static void
stop_filling (RgTodayView *self)
{
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
}

/* "Show N More": the section's next rows, a hundred at a time. */
static void
show_more (RgTodayView   *self,
           GtkListBox    *list,
           GtkListBoxRow *more)
{
  RgCallReason reason = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), "reason"));

  self->limits[reason] += 100;
  fill_sections (self);
}

static void
show_entries (RgTodayView *self)
{
  guint counts[RG_CALL_N_REASONS] = { 0 };
  g_autofree char *date = rg_format_day (self->day);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    counts[((RgCallEntry *) self->entries->pdata[i])->reason]++;

  /* A long section shows its first rows, and more on request: a studio of
   * 100,000 clients may have thousands to call. A section opened further
   * stays open as far when the list is counted again. */
  for (guint r = 0; r < RG_CALL_N_REASONS; r++)
    {
      GtkListBox *list = GTK_LIST_BOX (self->lists[r]);
      g_autofree char *text = NULL;

      gtk_widget_set_visible (self->headings[r], counts[r] > 0);
      gtk_widget_set_visible (self->lists[r], counts[r] > 0);
      if (counts[r] == 0)
        {
          GtkWidget *child;

          while ((child = gtk_widget_get_first_child (self->lists[r])))
            gtk_list_box_remove (list, child);
          self->limits[r] = RG_TODAY_VIEW_SECTION_ROWS;
          continue;
        }
      /* Translators: a section of today's call list with its number of rows, "Due for a Visit (12)" */
      text = g_strdup_printf (_("%s (%u)"), rg_call_reason_to_string (r), counts[r]);
      gtk_label_set_text (GTK_LABEL (self->headings[r]), text);
    }
  fill_sections (self);

  gtk_label_set_text (GTK_LABEL (self->title), date);
  summary = self->entries->len
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call to make", "%u calls to make", self->entries->len),
                             self->entries->len)
          : g_strdup ("");
  gtk_label_set_text (GTK_LABEL (self->subtitle), summary);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->entries->len ? "list" : "empty");
}

static void
set_loading (GtkWidget *owner,
             gboolean   loading)
{
  RgTodayView *self = RG_TODAY_VIEW (owner);

  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  /* The first count: the day, and that the list is on its way. */
  if (loading && self->entries == NULL)
    {
      g_autofree char *date = rg_format_day (self->day);

      gtk_label_set_text (GTK_LABEL (self->title), date);
      gtk_label_set_text (GTK_LABEL (self->subtitle), _("Counting today’s calls…"));
    }
}

static void
counted (GtkWidget *owner,
         gpointer   result)
{
  RgTodayView *self = RG_TODAY_VIEW (owner);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = result;
  show_entries (self);
}

/* A frame clock disposed with its window has dropped its handlers. */
static void
stop_waiting_for_paint (RgTodayView *self)
{
  if (self->first_paint_clock && self->first_paint_id &&
      g_signal_handler_is_connected (self->first_paint_clock, self->first_paint_id))
    g_signal_handler_disconnect (self->first_paint_clock, self->first_paint_id);
  self->first_paint_id = 0;
  g_clear_object (&self->first_paint_clock);
}

#define DESK_ROWS 8

/* The desk's list: today's visits still to check out, each with its
 * button; read straight away (an index range of one day). */
static void
update_desk (RgTodayView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  GtkWidget *child;

  self->desk_dirty = FALSE;
  while ((child = gtk_widget_get_first_child (self->desk_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->desk_list), child);
  if (self->studio == NULL)
    return;
  visits = rg_studio_list_open_visits (self->studio, self->day, &error);
  if (visits == NULL)
    {
      g_warning ("Could not read today's visits: %s", error->message);
      visits = g_array_new (FALSE, FALSE, sizeof (RgOpenVisit));
    }

  /* Who is at the desk now, in time order: those who arrived and those
   * whose time has come or comes within the hour (a visit left open
   * earlier in the day stays until it is checked out); a big studio's
   * later bookings are in the calendar, and the list stays a glance (and
   * cheap to draw: DESK_ROWS at most). */
  {
    gint64 soon = rg_time_now () + 3600;
    guint kept = 0;

    for (guint i = 0; i < visits->len; i++)
      {
        RgOpenVisit *visit = &g_array_index (visits, RgOpenVisit, i);

        if (visit->arrived || visit->starts_at <= soon)
          {
            if (kept != i)
              {
                RgOpenVisit tmp = g_array_index (visits, RgOpenVisit, kept);

                g_array_index (visits, RgOpenVisit, kept) = *visit;
                *visit = tmp;
              }
            kept++;
          }
      }
    g_array_set_size (visits, kept);
  }

  for (guint i = 0; i < visits->len && i < DESK_ROWS; i++)
    {
      const RgOpenVisit *visit = &g_array_index (visits, RgOpenVisit, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Check _Out…"));
      g_autofree char *clock = rg_format_clock (rg_time_minute_of_day (visit->starts_at));
      g_autofree char *title = g_strdup_printf ("%s · %s", clock, visit->client);
      g_autofree char *subtitle = NULL;

      /* Translators: a visit at the desk: its services, the master and the status */
      subtitle = g_strdup_printf (_("%s with %s · %s"), visit->services ? visit->services : _("Visit"),
                                  visit->master, visit->status);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (visit->appointment_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.check-out");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (self->desk_list), row);
    }

  if (visits->len > DESK_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more visit: see the Calendar",
                                                            "%u more visits: see the Calendar",
                                                            visits->len - DESK_ROWS),
                                               visits->len - DESK_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->desk_list), row);
    }

  {
    /* Translators: Today's list of the day's visits to check out, with their number, "At the Desk (5)" */
    g_autofree char *heading = g_strdup_printf (_("At the Desk (%u)"), visits->len);

    gtk_label_set_text (GTK_LABEL (self->desk_heading), heading);
  }
  gtk_widget_set_visible (self->desk_heading, visits->len > 0);
  gtk_widget_set_visible (self->desk_list, visits->len > 0);
}

/* Subscriptions running out: read when Today shows, as the desk. */
static void
update_subscriptions (RgTodayView *self)
{
  self->subscriptions_dirty = FALSE;
  if (self->studio)
    rg_today_subscriptions_update (self->subscriptions, self->studio, rg_time_now ());
}

static void
subscriptions_changes_cb (RgTodayView *self,
                          RgChanges    changes)
{
  if ((changes & (RG_CHANGES_MONEY | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS)) == 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->subscriptions_dirty = TRUE;
  else
    update_subscriptions (self);
}

static void
desk_changes_cb (RgTodayView *self,
                 RgChanges    changes)
{
  if ((changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_MONEY | RG_CHANGES_CLIENTS | RG_CHANGES_STAFF)) == 0)
    return;
  /* Hidden behind another view: read when Today shows again, not at
   * every change made elsewhere. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->desk_dirty = TRUE;
  else
    update_desk (self);
}

static void
refresh (GtkWidget *owner)
{
  RgTodayView *self = RG_TODAY_VIEW (owner);

  stop_waiting_for_paint (self);
  if (self->studio == NULL)
    return;
  if (!self->fixed_day)
    self->day = rg_date_today ();
  update_desk (self);
  update_subscriptions (self);
  rg_recount_start (self->recount, g_memdup2 (&self->day, sizeof self->day), g_free);
}

static void
first_paint_cb (RgTodayView   *self,
                GdkFrameClock *clock)
{
  stop_waiting_for_paint (self);
  rg_recount_schedule (self->recount, 1);
}

static void
map_cb (RgTodayView *self)
{
  if (self->desk_dirty)
    update_desk (self);
  if (self->subscriptions_dirty)
    update_subscriptions (self);
  /* Past midnight, or changed while hidden. */
  if (rg_recount_is_dirty (self->recount) || self->entries == NULL ||
      (!self->fixed_day && rg_date_compare (self->day, rg_date_today ()) != 0))
    {
      if (self->entries == NULL && (rg_recount_is_busy (self->recount) || self->first_paint_id != 0))
        return;   /* the first count is on its way */
      if (self->entries == NULL)
        {
          /* The first count starts after the window's first frame (the
           * thread would compete with it), not from a source below the
           * redraw's priority: that would never run while the spinner
           * asks for frames that take longer than a frame to draw. */
          GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

          set_loading (GTK_WIDGET (self), TRUE);
          if (clock)
            {
              self->first_paint_clock = g_object_ref (clock);
              self->first_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (first_paint_cb), self);
            }
          else
            rg_recount_schedule (self->recount, 50);
        }
      else
        refresh (GTK_WIDGET (self));
    }
}

/* Rows' buttons ------------------------------------------------------------------ */

/* A call logged from a row (or its task done): the client leaves the list
 * at once, as the count that follows says, not a second later when it is
 * done. A task is done when its call is logged; a birthday stays. */
static void
call_logged_cb (RgTodayView *self,
                gint64       client_id,
                gint64       task_id)
{
  guint before;

  if (self->entries == NULL)
    return;
  before = self->entries->len;
  for (guint i = self->entries->len; i > 0; i--)
    {
      const RgCallEntry *e = self->entries->pdata[i - 1];

      if ((e->client_id == client_id && client_id != 0 &&
           (e->reason == RG_CALL_DUE || e->reason == RG_CALL_NEW || e->reason == RG_CALL_SLEEPING)) ||
          (e->reason == RG_CALL_TASK && task_id != 0 && e->task_id == task_id))
        g_ptr_array_remove_index (self->entries, i - 1);
    }
  if (self->entries->len != before)
    show_entries (self);
}

static void
call_clicked_cb (GtkButton   *button,
                 RgTodayView *self)
{
  const Row *row = row_data (GTK_WIDGET (button));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RgCallDialog *call = rg_call_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->studio,
                                           row->client_id, row->task_id);

  g_signal_connect_object (call, "logged", G_CALLBACK (call_logged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (call));
}

static void
done_clicked_cb (GtkButton   *button,
                 RgTodayView *self)
{
  gint64 task_id = row_data (GTK_WIDGET (button))->task_id;   /* the row may go while saving */
  g_autoptr(RgInteraction) task = rg_studio_lookup (self->studio, RG_TYPE_INTERACTION, task_id, NULL);
  g_autoptr(GError) error = NULL;

  if (task == NULL)
    return;
  if (!rg_task_mark_done (self->studio, task_id, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
  else
    call_logged_cb (self, 0, task_id);
}

/* The widget --------------------------------------------------------------------- */

static void
rg_today_view_dispose (GObject *object)
{
  RgTodayView *self = RG_TODAY_VIEW (object);

  stop_waiting_for_paint (self);
  stop_filling (self);
  g_clear_pointer (&self->recount, rg_recount_free);
  g_clear_object (&self->studio);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_TODAY_VIEW);
  G_OBJECT_CLASS (rg_today_view_parent_class)->dispose (object);
}

/* The template's heading and list of each reason, by RgCallReason. */
static const struct {
  const char *heading;
  const char *list;
} section_ids[RG_CALL_N_REASONS] = {
  { "heading_task", "list_task" },
  { "heading_due", "list_due" },
  { "heading_new", "list_new" },
  { "heading_birthday", "list_birthday" },
  { "heading_sleeping", "list_sleeping" },
};

static void
rg_today_view_class_init (RgTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_today_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "today");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, box);
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, title);
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, desk_heading);
  gtk_widget_class_bind_template_child (widget_class, RgTodayView, desk_list);
  for (guint r = 0; r < RG_CALL_N_REASONS; r++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, section_ids[r].heading, FALSE,
                                                 G_STRUCT_OFFSET (RgTodayView, headings) + r * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, section_ids[r].list, FALSE,
                                                 G_STRUCT_OFFSET (RgTodayView, lists) + r * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
rg_today_view_init (RgTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint r = 0; r < RG_CALL_N_REASONS; r++)
    {
      self->limits[r] = RG_TODAY_VIEW_SECTION_ROWS;
      g_object_set_data (G_OBJECT (self->lists[r]), "reason", GINT_TO_POINTER (r));
    }

  /* Under the desk's list. */
  self->subscriptions = rg_today_subscriptions_new ();
  gtk_widget_insert_after (self->subscriptions, gtk_widget_get_parent (self->desk_list), self->desk_list);
  /* Under the subscriptions. */
  self->low_stock = rg_low_stock_new ();
  gtk_widget_insert_after (self->low_stock, gtk_widget_get_parent (self->desk_list), self->subscriptions);

  self->day = rg_date_today ();
  {
    RgChanges watch = RG_CHANGES_APPOINTMENTS | RG_CHANGES_TIMELINE | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS;

    self->recount = rg_recount_new (GTK_WIDGET (self), watch, REFRESH_DELAY_MS, rg_count_calls,
                                    (GDestroyNotify) g_ptr_array_unref, refresh, counted, set_loading);
  }
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (stop_waiting_for_paint), NULL);
}

void
rg_today_view_set_studio (RgTodayView *self,
                          RgStudio    *studio)
{
  g_return_if_fail (RG_IS_TODAY_VIEW (self));
  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (self->studio == NULL);

  self->studio = g_object_ref (studio);
  g_signal_connect_object (studio, "changes", G_CALLBACK (desk_changes_cb), self, G_CONNECT_SWAPPED);
  rg_low_stock_set_studio (RG_LOW_STOCK (self->low_stock), studio);
  g_signal_connect_object (studio, "changes", G_CALLBACK (subscriptions_changes_cb), self, G_CONNECT_SWAPPED);
  rg_recount_set_studio (self->recount, studio);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

void
rg_today_view_set_day (RgTodayView *self,
                       RgDate       day)
{
  g_return_if_fail (RG_IS_TODAY_VIEW (self));

  self->day = day;
  self->fixed_day = TRUE;
  rg_recount_mark_dirty (self->recount);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

gboolean
rg_today_view_is_loading (RgTodayView *self)
{
  g_return_val_if_fail (RG_IS_TODAY_VIEW (self), FALSE);
  return rg_recount_is_busy (self->recount) || self->first_paint_id != 0 || self->entries == NULL ||
         self->fill_id != 0;
}

GPtrArray *
rg_today_view_get_entries (RgTodayView *self)
{
  g_return_val_if_fail (RG_IS_TODAY_VIEW (self), NULL);
  return self->entries;
}

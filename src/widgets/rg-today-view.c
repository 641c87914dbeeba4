/* rg-today-view.c — whom to call today and why; the call itself.
 *
 * The list comes from src/analytics (every client's rhythm, then the call
 * list) in a thread on a reader connection, again after commits that touch
 * visits, the timeline or the clients (rg-recount). A call opens its script with the
 * client's name, last service, master and visit filled in; one click logs
 * the outcome in the client's timeline: booked (the editor opens with
 * their usual service and master at the first free slot), call back on a
 * day and time (a task), not interested (with a reason), no answer (a task
 * for tomorrow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-today"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-counts.h"
#include "analytics/rg-studio-figures.h"
#include "model/rg-client.h"
#include "model/rg-format.h"
#include "model/rg-interaction.h"
#include "rg-accessible.h"
#include "model/rg-studio-identity.h"
#include "rg-recount.h"
#include "rg-time-spin.h"
#include "rg-today-view.h"
#include "rg-window.h"
#include "widgets/rg-appointment-editor.h"

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

  GtkWidget    *box;
  GtkWidget    *title;
  GtkWidget    *subtitle;
  GtkWidget    *spinner;
  GtkWidget    *stack;
  GtkWidget    *groups;
  GtkWidget    *headings[RG_CALL_N_REASONS];
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

static void
refresh (GtkWidget *owner)
{
  RgTodayView *self = RG_TODAY_VIEW (owner);

  stop_waiting_for_paint (self);
  if (self->studio == NULL)
    return;
  if (!self->fixed_day)
    self->day = rg_date_today ();
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
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (rg_today_view_parent_class)->dispose (object);
}

static void
rg_today_view_class_init (RgTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_today_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "today");
}

static void
rg_today_view_init (RgTodayView *self)
{
  GtkWidget *scrolled, *clamp, *content, *head, *titles, *empty;

  for (guint r = 0; r < RG_CALL_N_REASONS; r++)
    self->limits[r] = RG_TODAY_VIEW_SECTION_ROWS;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  self->subtitle = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_box_append (GTK_BOX (titles), self->title);
  gtk_box_append (GTK_BOX (titles), self->subtitle);
  gtk_box_append (GTK_BOX (head), titles);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_tooltip_text (self->spinner, _("Counting…"));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (head), self->spinner);
  gtk_box_append (GTK_BOX (content), head);

  self->stack = gtk_stack_new ();
  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_stack_add_named (GTK_STACK (self->stack), self->groups, "list");
  for (guint r = 0; r < RG_CALL_N_REASONS; r++)
    {
      self->headings[r] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->headings[r], "heading");
      gtk_label_set_xalign (GTK_LABEL (self->headings[r]), 0);
      gtk_widget_set_margin_top (self->headings[r], 12);
      gtk_widget_set_visible (self->headings[r], FALSE);
      gtk_box_append (GTK_BOX (self->groups), self->headings[r]);
      self->lists[r] = gtk_list_box_new ();
      gtk_widget_add_css_class (self->lists[r], "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->lists[r]), GTK_SELECTION_NONE);
      g_object_set_data (G_OBJECT (self->lists[r]), "reason", GINT_TO_POINTER (r));
      g_signal_connect (self->lists[r], "row-activated", G_CALLBACK (row_activated_cb), self);
      gtk_widget_set_visible (self->lists[r], FALSE);
      gtk_box_append (GTK_BOX (self->groups), self->lists[r]);
    }
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nobody to Call Today"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Clients who become due, new clients who do not come back, regulars who go "
                                     "quiet, birthdays and tasks show here."));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_box_append (GTK_BOX (content), self->stack);

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (self->box), scrolled);

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

/* The call ------------------------------------------------------------------------ */

static guint call_dialog_logged;

struct _RgCallDialog {
  AdwWindow      parent_instance;

  RgStudio      *studio;
  RgClient      *client;
  gint64         task_id;
  RgClientUsual  usual;
  char          *script;
  gboolean       booked;

  AdwToastOverlay *toasts;
  GtkCalendar   *back_day;
  GtkSpinButton *back_time;
  GtkEditable   *reason;
};

G_DEFINE_FINAL_TYPE (RgCallDialog, rg_call_dialog, ADW_TYPE_WINDOW)

const char *
rg_call_dialog_get_script (RgCallDialog *self)
{
  g_return_val_if_fail (RG_IS_CALL_DIALOG (self), NULL);
  return self->script;
}

static void
fill_call (RgCallDialog *self,
           RgCall       *call)
{
  call->client_id = rg_record_get_id (RG_RECORD (self->client));
  call->task_id = self->task_id;
  call->staff_id = self->usual.staff_id;
}

static void
booking_saved_cb (RgCallDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The editor logged the call with the booking (rg_call_book()). */
  self->booked = TRUE;
  g_signal_emit (self, call_dialog_logged, 0, rg_record_get_id (RG_RECORD (self->client)), self->task_id);
  if (parent)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("The call is in the client’s timeline."));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
booking_closed_cb (RgCallDialog *self)
{
  /* Closed without a booking: nothing was written; the call is still
   * open, to log another way. */
  if (!self->booked)
    gtk_window_present (GTK_WINDOW (self));
}

/* Booked: the editor opens for the client with their usual service and
 * master at the first free time; the call is logged when the booking is
 * saved, in its transaction. */
static gboolean
open_booking (RgCallDialog  *self,
              GError       **error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  RgAppointmentEditor *editor;
  RgCall call;

  if (!RG_IS_WINDOW (parent))
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("Open the call from the main window to book."));
      return FALSE;
    }

  fill_call (self, &call);
  editor = rg_window_book_client (RG_WINDOW (parent), self->client, self->usual.service_id, self->usual.staff_id,
                                  &call);
  if (editor == NULL)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("The calendar cannot book yet: add a master in the studio settings first."));
      return FALSE;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (booking_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (booking_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

gboolean
rg_call_dialog_log (RgCallDialog   *self,
                    RgCallOutcome   outcome,
                    gint64          when,
                    const char     *reason,
                    GError        **error)
{
  RgCall call;

  g_return_val_if_fail (RG_IS_CALL_DIALOG (self), FALSE);

  if (outcome == RG_CALL_OUTCOME_BOOKED)
    return open_booking (self, error);

  fill_call (self, &call);
  if (!rg_call_log (self->studio, &call, outcome, when, reason, error))
    return FALSE;

  g_signal_emit (self, call_dialog_logged, 0, rg_record_get_id (RG_RECORD (self->client)), self->task_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
outcome_done (RgCallDialog  *self,
              RgCallOutcome  outcome,
              gint64         when,
              const char    *reason)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_object_ref (self);
  if (!rg_call_dialog_log (self, outcome, when, reason, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else if (parent && outcome != RG_CALL_OUTCOME_BOOKED)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("The call is in the client’s timeline."));
  g_object_unref (self);
}

static void
booked_cb (RgCallDialog *self)
{
  outcome_done (self, RG_CALL_OUTCOME_BOOKED, 0, NULL);
}

static void
no_answer_cb (RgCallDialog *self)
{
  outcome_done (self, RG_CALL_OUTCOME_NO_ANSWER, 0, NULL);
}

static void
not_interested_cb (RgCallDialog *self)
{
  outcome_done (self, RG_CALL_OUTCOME_NOT_INTERESTED, 0, gtk_editable_get_text (self->reason));
}

static void
call_back_cb (RgCallDialog *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->back_day);
  RgDate day = { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };

  outcome_done (self, RG_CALL_OUTCOME_CALL_BACK,
                rg_time_from_local (day, gtk_spin_button_get_value_as_int (self->back_time)), NULL);
}

static void
dial_cb (GtkButton    *button,
         RgCallDialog *self)
{
  const char *phone = rg_client_get_phone (self->client);
  g_autoptr(GString) uri = g_string_new ("tel:");

  for (const char *p = phone; p && *p; p++)
    if (g_ascii_isdigit (*p) || *p == '+')
      g_string_append_c (uri, *p);
  gtk_show_uri (GTK_WINDOW (self), uri->str, GDK_CURRENT_TIME);
}

static void
rg_call_dialog_dispose (GObject *object)
{
  RgCallDialog *self = RG_CALL_DIALOG (object);

  rg_client_usual_clear (&self->usual);
  g_clear_pointer (&self->script, g_free);
  g_clear_object (&self->client);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_call_dialog_parent_class)->dispose (object);
}

static void
rg_call_dialog_class_init (RgCallDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_call_dialog_dispose;

  /* RgCallDialog::logged: (client id, task id or 0) the call's outcome is
   * saved; the dialog closes next. */
  call_dialog_logged = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_call_dialog_init (RgCallDialog *self)
{
}

static GtkWidget *
outcome_row (const char *title,
             const char *subtitle,
             const char *icon)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The title says it; the icons are decoration. */
  rg_accessible_row_icon (row, icon, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  rg_accessible_describe (arrow, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

RgCallDialog *
rg_call_dialog_new (GtkWindow *parent,
                    RgStudio  *studio,
                    gint64     client_id,
                    gint64     task_id)
{
  RgCallDialog *self;
  GtkWidget *box, *header, *page, *group, *row, *label, *button, *expander, *save, *times;
  g_autofree char *template_text = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_CALL_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 700,
                       NULL);
  self->studio = g_object_ref (studio);
  self->task_id = task_id;
  self->client = rg_studio_lookup (studio, RG_TYPE_CLIENT, client_id, NULL);
  g_return_val_if_fail (self->client != NULL, self);
  if (!rg_studio_client_usual (studio, client_id, &self->usual, NULL))
    memset (&self->usual, 0, sizeof self->usual);
  template_text = rg_studio_dup_call_script (studio);
  {
    g_autofree char *studio_name = rg_studio_dup_name (studio);

    self->script = rg_call_script_fill (template_text, rg_client_get_address_as (self->client), studio_name,
                                        &self->usual);
  }
  gtk_window_set_title (GTK_WINDOW (self), rg_client_get_address_as (self->client));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();

  /* The number, to dial from here or by hand. */
  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_client_get_phone (self->client));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Phone"));
  gtk_widget_add_css_class (row, "property");
  button = gtk_button_new_from_icon_name ("call-start-symbolic");
  gtk_widget_set_tooltip_text (button, _("Call"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (dial_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The script. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What to Say"));
  label = gtk_label_new (self->script);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "call-script");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The outcome, in one click. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("How Did It Go?"));
  row = outcome_row (_("_Booked"), _("Open the calendar with their usual service and master"), "x-office-calendar-symbolic");
  g_signal_connect_swapped (row, "activated", G_CALLBACK (booked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("_Call Back"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), TRUE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("On a day and time they choose: a task"));
  rg_accessible_row_icon (expander, "alarm-symbolic", NULL);
  times = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (times, 6);
  gtk_widget_set_margin_bottom (times, 6);
  gtk_widget_set_margin_start (times, 12);
  gtk_widget_set_margin_end (times, 12);
  self->back_day = GTK_CALENDAR (gtk_calendar_new ());
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    gtk_calendar_select_day (self->back_day, tomorrow);
  }
  gtk_box_append (GTK_BOX (times), GTK_WIDGET (self->back_day));
  self->back_time = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 24 * 60 - 15, 15));
  rg_time_spin_setup (self->back_time, RG_TIME_SPIN_CLOCK);
  gtk_spin_button_set_value (self->back_time, 15 * 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_time), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time"), -1);
  gtk_box_append (GTK_BOX (times), GTK_WIDGET (self->back_time));
  save = gtk_button_new_with_mnemonic (_("_Set the Call Back"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (call_back_cb), self);
  gtk_box_append (GTK_BOX (times), save);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), times);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("_Not Interested"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), TRUE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("With their reason, if they gave one"));
  rg_accessible_row_icon (expander, "action-unavailable-symbolic", NULL);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (not_interested_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (not_interested_cb), self);
  self->reason = GTK_EDITABLE (row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  row = outcome_row (_("No _Answer"), _("Try again tomorrow at this time"), "call-missed-symbolic");
  g_signal_connect_swapped (row, "activated", G_CALLBACK (no_answer_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

/* A new task ---------------------------------------------------------------------- */

typedef struct {
  RgStudio    *studio;
  gint64       client_id;
  GtkEditable *text;
  GtkDropDown *when;
  GtkWidget   *on_day;
  GtkCalendar *day;
  GtkSpinButton *time;
} TaskForm;

static void
task_form_free (TaskForm *form)
{
  g_clear_object (&form->studio);
  g_free (form);
}

static void
when_changed_cb (GtkDropDown *when,
                 GParamSpec  *pspec,
                 TaskForm    *form)
{
  gtk_widget_set_visible (form->on_day, gtk_drop_down_get_selected (when) == 4);
}

static void
task_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  TaskForm         *form)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  guint choice = gtk_drop_down_get_selected (form->when);
  gint64 due;

  if (!g_str_equal (response, "create"))
    return;
  if (choice < 4)
    due = rg_task_when_to_time ((RgTaskWhen) choice, rg_time_now ());
  else
    {
      g_autoptr(GDateTime) dt = gtk_calendar_get_date (form->day);
      RgDate day = { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };

      due = rg_time_from_local (day, gtk_spin_button_get_value_as_int (form->time));
    }
  if (!rg_task_create (form->studio, form->client_id, gtk_editable_get_text (form->text), due, &error))
    {
      if (parent)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", error->message);
      return;
    }
  if (parent)
    {
      g_autofree char *when = rg_format_date_time (due);
      /* Translators: after creating a task; %s is a day and time */
      g_autofree char *message = g_strdup_printf (_("Task set for %s"), when);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
    }
}

/* "Call back tomorrow afternoon", for @client_id, from anywhere. */
GtkWidget *
rg_task_dialog_new (GtkWindow *parent,
                    RgStudio  *studio,
                    gint64     client_id)
{
  g_autoptr(RgClient) client = rg_studio_lookup (studio, RG_TYPE_CLIENT, client_id, NULL);
  /* Translators: under "New Task": who it is for */
  g_autofree char *body = g_strdup_printf (_("For %s"), client ? rg_client_get_address_as (client) : "");
  GtkWidget *dialog = adw_message_dialog_new (parent, _("New Task"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new ((const char *[]) {
    _("This evening, 18:00"), _("Tomorrow morning, 10:00"), _("Tomorrow afternoon, 15:00"), _("In a week"),
    _("On a day…"), NULL });
  TaskForm *form = g_new0 (TaskForm, 1);

  form->studio = g_object_ref (studio);
  form->client_id = client_id;
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Call back"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What to do"), -1);
  form->text = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (box), entry);
  form->when = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL));
  gtk_drop_down_set_selected (form->when, RG_TASK_TOMORROW_AFTERNOON);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->when));
  form->on_day = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  form->day = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (form->on_day), GTK_WIDGET (form->day));
  form->time = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 24 * 60 - 15, 15));
  rg_time_spin_setup (form->time, RG_TIME_SPIN_CLOCK);
  gtk_spin_button_set_value (form->time, 11 * 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->time), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time"), -1);
  gtk_box_append (GTK_BOX (form->on_day), GTK_WIDGET (form->time));
  gtk_widget_set_visible (form->on_day, FALSE);
  gtk_box_append (GTK_BOX (box), form->on_day);
  g_signal_connect (form->when, "notify::selected", G_CALLBACK (when_changed_cb), form);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) task_form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (task_response_cb), form);
  return dialog;
}

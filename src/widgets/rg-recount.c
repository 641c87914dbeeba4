/* rg-recount.c — a view's figures counted in a thread, again after commits.
 *
 * Today, Retention and Satisfaction count for up to a second on a large
 * studio; each asks this helper to count on a reader connection in a
 * background thread (src/model/rg-background), drops a count made stale
 * by a newer one, and counts again a moment after a commit that touched
 * one of its tables, when shown (a hidden view catches up when mapped: its
 * owner sees rg_recount_is_dirty()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "model/rg-background.h"
#include "rg-recount.h"

struct _RgRecount {
  GtkWidget        *owner;         /* not a reference: it owns us */
  RgStudio         *studio;
  gulong            changes_id;
  RgChanges         watch;         /* the changes that count again */
  guint             delay_ms;
  RgRecountFunc     count;
  GDestroyNotify    result_free;
  RgRecountRefresh  refresh;
  RgRecountDone     done;
  RgRecountLoading  loading;

  gboolean          dirty;
  gboolean          counting;
  guint             timeout_id;
  GCancellable     *cancellable;
};

typedef struct {
  RgRecount      *recount;        /* valid unless the task was cancelled */
  GtkWidget      *owner;          /* a reference */
  RgStore        *reader;
  gpointer        job;
  GDestroyNotify  job_free;
  RgRecountFunc   count;
  GDestroyNotify  result_free;
} Task;

static void
task_free (Task *t)
{
  if (t->job_free && t->job)
    t->job_free (t->job);
  g_clear_object (&t->reader);
  g_clear_object (&t->owner);
  g_free (t);
}

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Task *t = task_data;
  GError *error = NULL;
  gpointer result = t->count (t->reader, t->job, cancellable, &error);

  if (result)
    g_task_return_pointer (task, result, t->result_free);
  else
    g_task_return_error (task, error);
}

static void
set_counting (RgRecount *self,
              gboolean   counting)
{
  self->counting = counting;
  if (self->loading)
    self->loading (self->owner, counting);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Task *t = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);
  RgRecount *self;

  /* Cancelled: a newer count, or the owner went away (and this helper
   * with it). */
  if (value == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = t->recount;
  set_counting (self, FALSE);
  if (value == NULL)
    {
      g_warning ("Could not count the figures of %s: %s", G_OBJECT_TYPE_NAME (self->owner), error->message);
      return;
    }
  self->done (self->owner, value);
}

static gboolean
timeout_cb (gpointer data)
{
  RgRecount *self = data;

  self->timeout_id = 0;
  self->refresh (self->owner);
  return G_SOURCE_REMOVE;
}

/* A change shows a moment later; a burst of commits counts once. */
static void
changes_cb (RgRecount *self,
            RgChanges  changes)
{
  if ((changes & self->watch) == 0)
    return;
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (self->owner) && self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, timeout_cb, self);
}

RgRecount *
rg_recount_new (GtkWidget          *owner,
                RgChanges           watch,
                guint               delay_ms,
                RgRecountFunc       count,
                GDestroyNotify      result_free,
                RgRecountRefresh    refresh,
                RgRecountDone       done,
                RgRecountLoading    loading)
{
  RgRecount *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (count != NULL && refresh != NULL && done != NULL, NULL);

  self = g_new0 (RgRecount, 1);
  self->owner = owner;
  self->watch = watch;
  self->delay_ms = delay_ms;
  self->count = count;
  self->result_free = result_free;
  self->refresh = refresh;
  self->done = done;
  self->loading = loading;
  self->dirty = TRUE;
  return self;
}

void
rg_recount_free (RgRecount *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_object (&self->studio);
  g_free (self);
}

void
rg_recount_set_studio (RgRecount *self,
                       RgStudio  *studio)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (self->studio == NULL);

  self->studio = g_object_ref (studio);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  self->dirty = TRUE;
}

/* Counts @job now; a count still running is cancelled and never shown. */
void
rg_recount_start (RgRecount      *self,
                  gpointer        job,
                  GDestroyNotify  job_free)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = NULL;
  gboolean in_thread;
  Task *t;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->studio != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->dirty = FALSE;
  set_counting (self, TRUE);

  t = g_new0 (Task, 1);
  t->recount = self;
  t->owner = g_object_ref (self->owner);
  t->job = job;
  t->job_free = job_free;
  t->count = self->count;
  t->result_free = self->result_free;
  task = g_task_new (NULL, self->cancellable, counted_cb, NULL);
  g_task_set_task_data (task, t, (GDestroyNotify) task_free);
  g_task_set_name (task, "[regulars] recount");

  store = rg_studio_counting_store (self->studio, &in_thread);
  if (in_thread)
    t->reader = g_steal_pointer (&store);
  else
    {
      /* A store in memory: at once; the result still arrives from the
       * main loop, like a thread's. */
      gpointer result = self->count (store, job, self->cancellable, &error);

      if (result)
        g_task_return_pointer (task, result, self->result_free);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rg_task_run_in_background (task, count_thread);
}

/* Asks the owner to count again after @delay_ms (0: from the main loop
 * at once), unless a count is already waiting to start. */
void
rg_recount_schedule (RgRecount *self,
                     guint      delay_ms)
{
  g_return_if_fail (self != NULL);

  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (delay_ms, timeout_cb, self);
}

/* Counting, or about to. */
gboolean
rg_recount_is_busy (RgRecount *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->counting || self->timeout_id != 0;
}

/* Something the owner shows changed since its last count started. */
gboolean
rg_recount_is_dirty (RgRecount *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dirty;
}

void
rg_recount_mark_dirty (RgRecount *self)
{
  g_return_if_fail (self != NULL);
  self->dirty = TRUE;
}

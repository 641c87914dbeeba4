/* rg-recount.c — a view's figures counted in a thread, again after commits.
 *
 * Today, Retention and Satisfaction count for up to a second on a large
 * studio. Each gives this helper a count of src/analytics; the helper asks
 * the studio to run it on a reader connection in a background thread
 * (rg_studio_count_async()), drops a count made stale by a newer one, shows
 * the owner's spinner meanwhile, and counts again a moment after a commit
 * that changed what the owner shows (RgStudio::changes), when shown (a
 * hidden view catches up when mapped: its owner sees
 * rg_recount_is_dirty()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-recount"

#include "config.h"

#include "rg-recount.h"

struct _RgRecount {
  GtkWidget        *owner;         /* not a reference: it owns us */
  RgStudio         *studio;
  gulong            changes_id;
  RgChanges         watch;         /* the changes that count again */
  guint             delay_ms;
  RgCountFunc       count;
  GDestroyNotify    result_free;
  RgRecountRefresh  refresh;
  RgRecountDone     done;
  RgRecountLoading  loading;
  GtkWidget        *spinner;       /* not a reference: the owner's child */

  gboolean          dirty;
  gboolean          counting;
  guint             timeout_id;
  GCancellable     *cancellable;
};

static void
set_counting (RgRecount *self,
              gboolean   counting)
{
  self->counting = counting;
  if (self->spinner)
    {
      gtk_widget_set_visible (self->spinner, counting);
      gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), counting);
    }
  if (self->loading)
    self->loading (self->owner, counting);
}

/* What a pending count calls back: the helper, valid unless the count was
 * cancelled, and a reference on its owner. */
typedef struct {
  RgRecount *recount;
  GtkWidget *owner;
} Pending;

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GtkWidget) owner = pending->owner;
  RgRecount *self = pending->recount;
  g_autoptr(GError) error = NULL;
  gpointer value = rg_studio_count_finish (RG_STUDIO (source), result, &error);

  g_free (pending);
  /* Cancelled: a newer count, or the owner went away (and this helper
   * with it). */
  if (value == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
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
                RgCountFunc         count,
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
  Pending *pending;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->studio != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->dirty = FALSE;
  set_counting (self, TRUE);

  pending = g_new0 (Pending, 1);
  pending->recount = self;
  pending->owner = g_object_ref (self->owner);
  rg_studio_count_async (self->studio, self->count, job, job_free, self->result_free,
                         self->cancellable, counted_cb, pending);
}

/* @spinner (a GtkSpinner of the owner's) shows while a count runs. */
void
rg_recount_set_spinner (RgRecount *self,
                        GtkWidget *spinner)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  self->spinner = spinner;
  gtk_widget_set_visible (spinner, self->counting);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), self->counting);
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

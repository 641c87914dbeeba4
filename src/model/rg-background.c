/* rg-background.c — counting in the background at a lower priority.
 *
 * GLib's shared pool runs its threads at the window's priority; a count
 * that keeps a processor busy for a moment then competes with drawing
 * (on two processors under software rendering, a frame every 70–140 ms
 * instead of 17). A thread of its own can be made to give way without
 * touching the pool's threads, whose priority could not be raised again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "rg-background.h"

#define BACKGROUND_NICE 10

typedef struct {
  GTask           *task;
  GTaskThreadFunc  func;
} Work;

static gboolean
unref_task_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static gpointer
background_thread (gpointer data)
{
  Work *work = data;

#ifdef __linux__
  /* On Linux, a thread's own nice value (its thread id as the process). */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), BACKGROUND_NICE) != 0)
    g_debug ("Could not lower the background thread's priority");
#endif
  work->func (work->task, g_task_get_source_object (work->task), g_task_get_task_data (work->task),
              g_task_get_cancellable (work->task));
  rg_background_give_back ();
  /* The last reference may be this one: dropped where the task was made,
   * so that its source object (a list, a view) is never finalized here. */
  g_main_context_invoke_full (g_task_get_context (work->task), G_PRIORITY_DEFAULT,
                              unref_task_cb, work->task, NULL);
  g_free (work);
  return NULL;
}

/* Gives the memory a count freed back to the system. A count allocates
 * and frees tens of MB in its thread's arena, and glibc keeps freed space
 * that is not at an arena's top: after a walk of the window on a large
 * studio, some 30 MB of the process's memory was free space of this kind.
 * Called at the end of a count, in its thread (it takes a few ms). */
void
rg_background_give_back (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

void
rg_task_run_in_background (GTask           *task,
                           GTaskThreadFunc  func)
{
  Work *work;
  GThread *thread;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  work = g_new0 (Work, 1);
  work->task = g_object_ref (task);
  work->func = func;
  thread = g_thread_try_new ("rg-background", background_thread, work, &error);
  if (thread == NULL)
    {
      /* No thread to be had: GLib's pool. */
      g_warning ("Could not start a background thread: %s", error->message);
      g_object_unref (work->task);
      g_free (work);
      g_task_run_in_thread (task, func);
      return;
    }
  g_thread_unref (thread);
}

/* rg-recount.h — a view's figures counted in a thread, again after commits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef struct _RgRecount RgRecount;

/* The owner starts a count (rg_recount_start()) with what it shows now. */
typedef void     (*RgRecountRefresh) (GtkWidget     *owner);
/* A count arrived on the main thread; the owner takes @result. */
typedef void     (*RgRecountDone)    (GtkWidget     *owner,
                                      gpointer       result);
/* The owner's loading state changed (beyond the spinner, if it has one). */
typedef void     (*RgRecountLoading) (GtkWidget     *owner,
                                      gboolean       loading);

RgRecount *rg_recount_new         (GtkWidget          *owner,
                                   RgChanges           watch,
                                   guint               delay_ms,
                                   RgCountFunc         count,
                                   GDestroyNotify      result_free,
                                   RgRecountRefresh    refresh,
                                   RgRecountDone       done,
                                   RgRecountLoading    loading);
void       rg_recount_free        (RgRecount          *self);
void       rg_recount_set_studio  (RgRecount          *self,
                                   RgStudio           *studio);
void       rg_recount_set_spinner (RgRecount          *self,
                                   GtkWidget          *spinner);
void       rg_recount_start       (RgRecount          *self,
                                   gpointer            job,
                                   GDestroyNotify      job_free);
void       rg_recount_schedule    (RgRecount          *self,
                                   guint               delay_ms);
gboolean   rg_recount_is_busy     (RgRecount          *self);
gboolean   rg_recount_is_dirty    (RgRecount          *self);
void       rg_recount_mark_dirty  (RgRecount          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgRecount, rg_recount_free)

G_END_DECLS

/* rg-time-grid.h — the time grid under the day and the week views.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-day-layout.h"
#include "model/rg-studio.h"
#include "rg-appointment-card.h"

G_BEGIN_DECLS

/* The hours down the side and the pixels of a minute: the same in every
 * grid, so that the day and the week line up. */
#define RG_TIME_GRID_GUTTER_WIDTH      56
#define RG_TIME_GRID_PIXELS_PER_MINUTE 1.25

#define RG_TYPE_TIME_GRID (rg_time_grid_get_type ())
G_DECLARE_DERIVABLE_TYPE (RgTimeGrid, rg_time_grid, RG, TIME_GRID, GtkWidget)

/* What one frame of the grid is drawn with; handed to the subclass's
 * drawing. */
typedef struct {
  int     width;
  int     height;
  double  dx;             /* content to widget: minus the scroll */
  double  dy;
  double  columns_right;  /* the last column's right edge, in the widget */
  int     today;          /* today's column, or -1 */
  GdkRGBA bg;
  GdkRGBA header_bg;
  GdkRGBA fg;
  GdkRGBA line;
  GdkRGBA faint;
  GdkRGBA shade;
  GdkRGBA dim;
  GdkRGBA accent;
  GdkRGBA accent_bg;
} RgTimeGridFrame;

struct _RgTimeGridClass
{
  GtkWidgetClass parent_class;

  /* Set in class_init. */
  int      header_height;     /* the column titles along the top */
  int      min_column_width;  /* narrower, the grid scrolls sideways */
  int      min_card_width;
  int      min_card_height;

  /* The working hours (RgSpan) of @column, or NULL: nothing shaded. */
  GArray  *(*column_spans)           (RgTimeGrid            *self,
                                      guint                  column);
  /* The column that is today, tinted; NULL: none. */
  int      (*today_column)           (RgTimeGrid            *self);
  /* The adjustments moved; @in_allocate: from size_allocate. The
   * default queues an allocation. */
  void     (*scrolled)               (RgTimeGrid            *self,
                                      gboolean               in_allocate);
  /* Over the grid, under the body's clip: the cards and what goes on
   * them ("now", a drag). */
  void     (*snapshot_body)          (RgTimeGrid            *self,
                                      GtkSnapshot           *snapshot,
                                      const RgTimeGridFrame *frame);
  /* A column's title at @x, in the header's clip. */
  void     (*snapshot_column_header) (RgTimeGrid            *self,
                                      GtkSnapshot           *snapshot,
                                      guint                  column,
                                      double                 x,
                                      const RgTimeGridFrame *frame);
};

const RgDayLayout *rg_time_grid_get_layout        (RgTimeGrid    *self);
void               rg_time_grid_set_n_columns     (RgTimeGrid    *self,
                                                   guint          n_columns);
double             rg_time_grid_get_hvalue        (RgTimeGrid    *self);
double             rg_time_grid_get_vvalue        (RgTimeGrid    *self);
void               rg_time_grid_queue_scroll_to_work (RgTimeGrid *self);
void               rg_time_grid_scroll_to         (RgTimeGrid    *self,
                                                   int            column,
                                                   int            minute,
                                                   double         minutes);
gboolean           rg_time_grid_in_body           (RgTimeGrid    *self,
                                                   double         x,
                                                   double         y);
RgAppointmentCard *rg_time_grid_card_at           (RgTimeGrid    *self,
                                                   double         x,
                                                   double         y);
RgAppointmentCard *rg_time_grid_take_card         (RgTimeGrid    *self,
                                                   RgStudio      *studio);
void               rg_time_grid_release_card      (RgTimeGrid        *self,
                                                   RgAppointmentCard *card);
void               rg_time_grid_place_card        (RgTimeGrid    *self,
                                                   GtkWidget     *card,
                                                   int            column,
                                                   int            start_minute,
                                                   int            end_minute,
                                                   guint          lane,
                                                   guint          n_lanes);

void               rg_time_grid_activate_appointment (RgTimeGrid    *self,
                                                      RgAppointment *appointment);
gboolean           rg_time_grid_can_activate      (RgTimeGrid    *self);
void               rg_time_grid_refused           (RgTimeGrid    *self,
                                                   const char    *message);

G_END_DECLS

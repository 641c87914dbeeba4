/* rg-appointment-card.c — one appointment in the calendar.
 *
 * Shows the time, how to address the client, the services, and badges:
 * status, first visit, birthday this week, allergy warning, note. Tinted
 * with the staff member's colour; cancelled and no-show appointments fade.
 * The view that holds cards places them (see RgDayView); a card follows
 * its appointment and client live, and can be rebound to another one as
 * the calendar scrolls.
 *
 * A card is one widget that draws its text and badges itself: a day of a
 * big studio shows a hundred cards at once, and a card made of labels and
 * images would be a dozen widgets, each with its style and accessible object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-card"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-booking.h"
#include "util/rg-time.h"
#include "rg-appointment-card.h"
#include "rg-calendar-draw.h"

struct _RgAppointmentCard
{
  GtkWidget      parent_instance;

  RgStudio      *studio;
  RgAppointment *appointment;
  RgClient      *client;
  char          *services;      /* "Haircut, Styling" */
  char          *conditions;    /* the medical card's marks: "Latex, Pregnancy" */
  char          *description;   /* for the tooltip and the accessible label */
  gboolean       first_visit;
  GdkRGBA        color;
  gboolean       selected;

  char          *time_text;     /* "10:00–11:00" */
  char          *preview_text;  /* the time being dragged to, shown instead */
  char          *title_text;    /* how to address the client */
  PangoLayout   *time_layout;   /* made on first draw, dropped on change */
  PangoLayout   *title_layout;
  PangoLayout   *detail_layout;
  GArray        *badges;        /* Badge, in drawing order */
};

typedef struct {
  const char *icon;
  char       *meaning;          /* the tooltip */
  graphene_rect_t bounds;       /* where it was drawn, for the tooltip */
} Badge;

#define PADDING_START 8
#define PADDING_END   4
#define PADDING_TOP   2
#define BADGE_SIZE    12
#define BADGE_GAP     2
/* Narrower than this, a card is its colour; the details are in its tooltip. */
#define COMPACT_WIDTH 48

G_DEFINE_FINAL_TYPE (RgAppointmentCard, rg_appointment_card, GTK_TYPE_WIDGET)

static const char *
status_icon (RgAppointmentStatus status)
{
  switch (status)
    {
    case RG_APPOINTMENT_CONFIRMED: return "object-select-symbolic";
    case RG_APPOINTMENT_ARRIVED:   return "user-available-symbolic";
    case RG_APPOINTMENT_DONE:      return "emblem-ok-symbolic";
    case RG_APPOINTMENT_CANCELLED: return "process-stop-symbolic";
    case RG_APPOINTMENT_NO_SHOW:   return "appointment-missed-symbolic";
    case RG_APPOINTMENT_BOOKED:
    default:                       return NULL;
    }
}

static void
badge_clear (gpointer data)
{
  g_clear_pointer (&((Badge *) data)->meaning, g_free);
}

static void
add_badge (RgAppointmentCard *self,
           const char        *icon,
           const char        *meaning)
{
  Badge badge = { icon, g_strdup (meaning), GRAPHENE_RECT_INIT (0, 0, 0, 0) };

  g_array_append_val (self->badges, badge);
}

static void
drop_layouts (RgAppointmentCard *self)
{
  g_clear_object (&self->time_layout);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->detail_layout);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  RgAppointmentCard *self = RG_APPOINTMENT_CARD (widget);
  const char *meaning = NULL;

  for (guint i = 0; i < self->badges->len && !keyboard; i++)
    {
      const Badge *badge = &g_array_index (self->badges, Badge, i);

      if (graphene_rect_contains_point (&badge->bounds, &GRAPHENE_POINT_INIT (x, y)))
        meaning = badge->meaning;
    }

  if (meaning)
    gtk_tooltip_set_text (tooltip, meaning);
  else if (self->description)
    gtk_tooltip_set_text (tooltip, self->description);
  else
    return FALSE;

  return TRUE;
}

/* Whether the client's birthday falls in the week (Monday to Sunday) of
 * the appointment. */
static gboolean
birthday_this_week (RgClient *client,
                    gint64    starts_at)
{
  RgDate monday = rg_date_week_start (rg_date_from_time (starts_at));
  int day, month;

  rg_client_get_birthday (client, &day, &month, NULL);
  if (day == 0 || month == 0)
    return FALSE;

  for (int i = 0; i < 7; i++)
    {
      RgDate d = rg_date_add_days (monday, i);

      if (d.day == day && d.month == month)
        return TRUE;
      /* 29 February in a year without it: the 28th. */
      if (day == 29 && month == 2 && d.month == 2 && d.day == 28 &&
          !g_date_is_leap_year (d.year))
        return TRUE;
    }

  return FALSE;
}

static void
update (RgAppointmentCard *self)
{
  RgAppointment *a = self->appointment;
  RgAppointmentStatus status;
  g_autofree char *description = NULL;
  const char *icon;
  gint64 start, end;
  int s, e;

  g_array_set_size (self->badges, 0);
  drop_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (a == NULL)
    return;

  status = rg_appointment_get_status (a);
  start = rg_appointment_get_starts_at (a);
  end = rg_appointment_get_ends_at (a);
  s = rg_time_minute_of_day (start);
  e = rg_time_minute_of_day (end);

  g_free (self->time_text);
  self->time_text = g_strdup_printf ("%02d:%02d–%02d:%02d", s / 60, s % 60, e / 60, e % 60);
  g_free (self->title_text);
  self->title_text = g_strdup (self->client ? rg_client_get_address_as (self->client) : "");

  if ((icon = status_icon (status)))
    add_badge (self, icon, rg_booking_status_to_string (status));
  if (self->first_visit && status != RG_APPOINTMENT_CANCELLED && status != RG_APPOINTMENT_NO_SHOW)
    add_badge (self, "starred-symbolic", _("First visit"));
  if (self->client && birthday_this_week (self->client, start))
    add_badge (self, "emoji-activities-symbolic", _("Birthday this week"));
  if (self->conditions || (self->client && rg_client_get_medical_notes (self->client)))
    {
      const char *notes = self->client ? rg_client_get_medical_notes (self->client) : NULL;
      g_autofree char *warning = g_strjoin (self->conditions && notes ? ". " : "",
                                            self->conditions ? self->conditions : "", notes ? notes : "", NULL);

      add_badge (self, "dialog-warning-symbolic", warning);
    }
  if (rg_appointment_get_note (a))
    add_badge (self, "chat-message-new-symbolic", rg_appointment_get_note (a));

  if (status == RG_APPOINTMENT_CANCELLED || status == RG_APPOINTMENT_NO_SHOW)
    gtk_widget_add_css_class (GTK_WIDGET (self), "inactive");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "inactive");
  if (status == RG_APPOINTMENT_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "done");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "done");

  description = g_strdup_printf ("%s, %s, %s. %s", self->time_text, self->title_text,
                                 self->services ? self->services : "",
                                 rg_booking_status_to_string (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_free (self->description);
  self->description = g_steal_pointer (&description);
}

static PangoLayout *
make_layout (RgAppointmentCard *self,
             const char        *text,
             gboolean           bold,
             gboolean           small,
             int                width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
append_layout (GtkSnapshot *snapshot,
               PangoLayout *layout,
               double       x,
               double       y,
               GdkRGBA     *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
icon_theme_changed_cb (GtkIconTheme *theme,
                       GHashTable   *icons)
{
  g_hash_table_remove_all (icons);
}

/* The badge icons, looked up once per icon theme (a screenful of cards
 * draws a few hundred of them) and forgotten when the theme changes. */
static GtkIconPaintable *
badge_icon (GtkIconTheme     *theme,
            const char       *name,
            int               scale,
            GtkTextDirection  direction)
{
  GHashTable *icons = g_object_get_data (G_OBJECT (theme), "rg-badge-icons");
  g_autofree char *key = g_strdup_printf ("%s %d %d", name, scale, direction);
  GtkIconPaintable *icon;

  if (icons == NULL)
    {
      icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_data_full (G_OBJECT (theme), "rg-badge-icons", icons, (GDestroyNotify) g_hash_table_unref);
      g_signal_connect (theme, "changed", G_CALLBACK (icon_theme_changed_cb), icons);
    }

  icon = g_hash_table_lookup (icons, key);
  if (icon == NULL)
    {
      icon = gtk_icon_theme_lookup_icon (theme, name, NULL, BADGE_SIZE, scale, direction, 0);
      g_hash_table_insert (icons, g_steal_pointer (&key), icon);
    }
  return icon;
}

/* Time and badges on the first line, the client on the second, the
 * services on the third, as far as the height allows. */
static void
snapshot_content (RgAppointmentCard *self,
                  GtkSnapshot       *snapshot,
                  int                width,
                  int                height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  int text_width = width - PADDING_START - PADDING_END;
  int badges_width = self->badges->len * (BADGE_SIZE + BADGE_GAP);
  GdkRGBA fg;
  double y = PADDING_TOP;
  int line;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  if (self->time_layout == NULL)
    {
      self->time_layout = make_layout (self, self->preview_text ? self->preview_text : self->time_text,
                                       FALSE, TRUE, text_width - badges_width);
      self->title_layout = make_layout (self, self->title_text, TRUE, FALSE, text_width);
      self->detail_layout = make_layout (self, self->services ? self->services : "", FALSE, TRUE, text_width);
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  append_layout (snapshot, self->time_layout, PADDING_START, y, &fg);
  pango_layout_get_pixel_size (self->time_layout, NULL, &line);

  /* Badges at the right of the first line. */
  for (guint i = 0; i < self->badges->len; i++)
    {
      Badge *badge = &g_array_index (self->badges, Badge, i);
      double x = width - PADDING_END - (self->badges->len - i) * (BADGE_SIZE + BADGE_GAP);
      GtkIconPaintable *icon = badge_icon (theme, badge->icon, gtk_widget_get_scale_factor (widget),
                                           gtk_widget_get_direction (widget));

      badge->bounds = GRAPHENE_RECT_INIT (x, y + (line - BADGE_SIZE) / 2.0, BADGE_SIZE, BADGE_SIZE);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &badge->bounds.origin);
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), GDK_SNAPSHOT (snapshot),
                                                BADGE_SIZE, BADGE_SIZE, &fg, 1);
      gtk_snapshot_restore (snapshot);
    }
  y += line;

  /* Only lines that fit whole. */
  pango_layout_get_pixel_size (self->title_layout, NULL, &line);
  if (y + line <= height)
    {
      append_layout (snapshot, self->title_layout, PADDING_START, y, &fg);
      y += line;
    }
  pango_layout_get_pixel_size (self->detail_layout, NULL, &line);
  if (y + line <= height && self->services && *self->services)
    append_layout (snapshot, self->detail_layout, PADDING_START, y, &fg);

  gtk_snapshot_pop (snapshot);
}

static void
rg_appointment_card_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RgAppointmentCard *self = RG_APPOINTMENT_CARD (widget);

  /* The text is laid out for a width. */
  if (self->time_layout &&
      pango_layout_get_width (self->title_layout) != MAX (width - PADDING_START - PADDING_END, 1) * PANGO_SCALE)
    drop_layouts (self);
}

static void
rg_appointment_card_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rg_appointment_card_parent_class)->css_changed (widget, change);
  drop_layouts (RG_APPOINTMENT_CARD (widget));
}

static void
rg_appointment_card_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RgAppointmentCard *self = RG_APPOINTMENT_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = rg_calendar_is_dark (widget);
  GskRoundedRect outline;
  GdkRGBA fill = self->color;
  GdkRGBA stripe = self->color;

  fill.alpha = dark ? 0.35 : 0.22;
  /* A visit that happened is history: paler than one still to come, so
   * Done and Confirmed do not look alike at a glance. */
  if (self->appointment && rg_appointment_get_status (self->appointment) == RG_APPOINTMENT_DONE)
    {
      fill.alpha = dark ? 0.16 : 0.09;
      stripe.alpha = 0.45;
    }
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 6);

  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (0, 0, 4, height));
  gtk_snapshot_pop (snapshot);

  if (self->selected)
    {
      GdkRGBA accent;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4];

      accent = rg_calendar_named_color (widget, "accent_color", "#3584e4");
      for (int i = 0; i < 4; i++)
        colors[i] = accent;
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  if (self->appointment && width >= COMPACT_WIDTH)
    snapshot_content (self, snapshot, width, height);
}

void
rg_appointment_card_set_selected (RgAppointmentCard *self,
                                  gboolean           selected)
{
  g_return_if_fail (RG_IS_APPOINTMENT_CARD (self));

  if (self->selected == !!selected)
    return;
  self->selected = !!selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rg_appointment_card_get_selected (RgAppointmentCard *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_CARD (self), FALSE);
  return self->selected;
}

void
rg_appointment_card_set_color (RgAppointmentCard *self,
                               const char        *color)
{
  g_return_if_fail (RG_IS_APPOINTMENT_CARD (self));

  if (color == NULL || !gdk_rgba_parse (&self->color, color))
    gdk_rgba_parse (&self->color, "#3584e4");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RgAppointment *
rg_appointment_card_get_appointment (RgAppointmentCard *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_CARD (self), NULL);
  return self->appointment;
}

RgClient *
rg_appointment_card_get_client (RgAppointmentCard *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_CARD (self), NULL);
  return self->client;
}

static void
unbind (RgAppointmentCard *self)
{
  g_clear_object (&self->appointment);
  g_clear_object (&self->client);
  g_clear_pointer (&self->services, g_free);
  g_clear_pointer (&self->conditions, g_free);
  self->first_visit = FALSE;
  drop_layouts (self);
}

/* Shows @appointment, with details the caller looked up for many cards at
 * once (see rg_appointment_list_load_details()): a card can be reused for
 * another appointment. NULL leaves the card empty. The card does not
 * watch the appointment or its client: the view binds it again when its
 * list reports the appointment changed or a client was written. */
void
rg_appointment_card_bind (RgAppointmentCard    *self,
                          RgAppointment        *appointment,
                          RgAppointmentDetails *details)
{
  gint64 id, client_id;

  g_return_if_fail (RG_IS_APPOINTMENT_CARD (self));
  g_return_if_fail (appointment == NULL || RG_IS_APPOINTMENT (appointment));

  unbind (self);
  if (appointment == NULL)
    return;

  id = rg_record_get_id (RG_RECORD (appointment));
  client_id = rg_appointment_get_client_id (appointment);
  self->appointment = g_object_ref (appointment);
  self->client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, client_id, NULL);
  self->services = g_strdup (rg_appointment_details_get_services (details, id));
  self->conditions = g_strdup (rg_appointment_details_get_conditions (details, client_id));
  self->first_visit = rg_appointment_details_is_first_visit (details, id);

  update (self);
}

/* What the card says, as its tooltip and accessible label read it:
 * "10:00–11:00, Anna, Haircut. Booked". */
const char *
rg_appointment_card_get_description (RgAppointmentCard *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_CARD (self), NULL);
  return self->description;
}

/* An empty card, to bind later. */
RgAppointmentCard *
rg_appointment_card_new_empty (RgStudio *studio)
{
  RgAppointmentCard *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_APPOINTMENT_CARD, NULL);
  self->studio = g_object_ref (studio);
  return self;
}

static void
rg_appointment_card_dispose (GObject *object)
{
  RgAppointmentCard *self = RG_APPOINTMENT_CARD (object);

  unbind (self);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->time_text, g_free);
  g_clear_pointer (&self->preview_text, g_free);
  g_clear_pointer (&self->title_text, g_free);
  g_clear_pointer (&self->badges, g_array_unref);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_appointment_card_parent_class)->dispose (object);
}

static void
rg_appointment_card_class_init (RgAppointmentCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_appointment_card_dispose;
  widget_class->snapshot = rg_appointment_card_snapshot;
  widget_class->size_allocate = rg_appointment_card_size_allocate;
  widget_class->css_changed = rg_appointment_card_css_changed;
  gtk_widget_class_set_css_name (widget_class, "appointmentcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rg_appointment_card_init (RgAppointmentCard *self)
{
  gdk_rgba_parse (&self->color, "#3584e4");
  self->badges = g_array_new (FALSE, TRUE, sizeof (Badge));
  g_array_set_clear_func (self->badges, badge_clear);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/* While the card is dragged or resized: the time it would take, "11:15–12:15",
 * shown instead of its booking's; 0 and 0 show the booking's again. */
void
rg_appointment_card_set_preview (RgAppointmentCard *self,
                                 gint64             starts_at,
                                 gint64             ends_at)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RG_IS_APPOINTMENT_CARD (self));

  if (starts_at != 0 || ends_at != 0)
    {
      int s = rg_time_minute_of_day (starts_at), e = rg_time_minute_of_day (ends_at);

      text = g_strdup_printf ("%02d:%02d–%02d:%02d", s / 60, s % 60, e / 60, e % 60);
    }
  if (g_strcmp0 (text, self->preview_text) == 0)
    return;
  g_free (self->preview_text);
  self->preview_text = g_steal_pointer (&text);
  drop_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The time the card shows: its booking's, or the one it is dragged to. */
const char *
rg_appointment_card_get_time_text (RgAppointmentCard *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_CARD (self), NULL);
  return self->preview_text ? self->preview_text : self->time_text;
}

/* rg-appointment-card.c — one appointment in the calendar.
 *
 * Shows the time, how to address the client, the services, and badges:
 * status, first visit, birthday this week, allergy warning, note. Tinted
 * with the staff member's colour; cancelled and no-show appointments fade.
 * The view that holds cards places them (see RgDayView); a card follows
 * its appointment and client live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-card"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-booking.h"
#include "model/rg-time.h"
#include "rg-appointment-card.h"

struct _RgAppointmentCard
{
  GtkWidget      parent_instance;

  RgStudio      *studio;
  RgAppointment *appointment;
  RgClient      *client;
  char          *services;      /* "Haircut, Styling" */
  char          *description;   /* for the tooltip and the accessible label */
  gboolean       first_visit;
  GdkRGBA        color;
  gboolean       selected;

  GtkWidget     *box;
  GtkLabel      *time_label;
  GtkLabel      *title_label;
  GtkLabel      *detail_label;
  GtkWidget     *badges;
  GtkImage      *status_badge;
  GtkImage      *first_badge;
  GtkImage      *birthday_badge;
  GtkImage      *allergy_badge;
  GtkImage      *note_badge;
};

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

/* Badges are made once per card and shown or hidden: cards are rebound
 * to other appointments as the calendar scrolls. */
static GtkImage *
make_badge (RgAppointmentCard *self,
            const char        *icon)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 12);
  gtk_widget_set_visible (image, FALSE);
  gtk_box_append (GTK_BOX (self->badges), image);
  return GTK_IMAGE (image);
}

/* The badge's meaning is kept on it for the tooltip, which is built only
 * when asked for: setting a tooltip costs a round trip to the display on
 * X11, too much for cards rebound on every scroll. */
static void
show_badge (GtkImage   *badge,
            const char *icon,
            const char *meaning)
{
  gboolean visible = meaning != NULL;

  if (visible && icon)
    gtk_image_set_from_icon_name (badge, icon);
  g_object_set_data_full (G_OBJECT (badge), "rg-meaning", g_strdup (meaning), g_free);
  gtk_widget_set_visible (GTK_WIDGET (badge), visible);
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
  GtkWidget *picked = keyboard ? NULL : gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  const char *meaning = picked && GTK_IS_IMAGE (picked) ? g_object_get_data (G_OBJECT (picked), "rg-meaning") : NULL;

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
  g_autofree char *services = NULL;
  g_autofree char *time = NULL;
  const char *icon;
  gint64 start, end;
  int s, e;

  if (a == NULL)
    return;

  status = rg_appointment_get_status (a);
  start = rg_appointment_get_starts_at (a);
  end = rg_appointment_get_ends_at (a);
  s = rg_time_minute_of_day (start);
  e = rg_time_minute_of_day (end);
  time = g_strdup_printf ("%02d:%02d–%02d:%02d", s / 60, s % 60, e / 60, e % 60);
  gtk_label_set_label (self->time_label, time);

  gtk_label_set_label (self->title_label, self->client ? rg_client_get_address_as (self->client) : "");

  services = g_strdup (self->services ? self->services : "");
  gtk_label_set_label (self->detail_label, services);

  icon = status_icon (status);
  show_badge (self->status_badge, icon, icon ? rg_booking_status_to_string (status) : NULL);
  show_badge (self->first_badge, NULL,
              self->first_visit && status != RG_APPOINTMENT_CANCELLED && status != RG_APPOINTMENT_NO_SHOW
              ? _("First visit") : NULL);
  show_badge (self->birthday_badge, NULL,
              self->client && birthday_this_week (self->client, start) ? _("Birthday this week") : NULL);
  show_badge (self->allergy_badge, NULL, self->client ? rg_client_get_medical_notes (self->client) : NULL);
  show_badge (self->note_badge, NULL, rg_appointment_get_note (a));

  if (status == RG_APPOINTMENT_CANCELLED || status == RG_APPOINTMENT_NO_SHOW)
    gtk_widget_add_css_class (GTK_WIDGET (self), "inactive");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "inactive");

  {
    g_autofree char *description = g_strdup_printf ("%s, %s, %s. %s", time,
                                                    gtk_label_get_label (self->title_label),
                                                    services ? services : "",
                                                    rg_booking_status_to_string (status));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    g_free (self->description);
    self->description = g_steal_pointer (&description);
  }
}

static void
notify_cb (RgAppointmentCard *self)
{
  update (self);
}

static void
rg_appointment_card_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RgAppointmentCard *self = RG_APPOINTMENT_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GskRoundedRect outline;
  GdkRGBA fill = self->color;
  GdkRGBA stripe = self->color;

  fill.alpha = dark ? 0.35 : 0.22;
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

      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
        gdk_rgba_parse (&accent, "#3584e4");
      for (int i = 0; i < 4; i++)
        colors[i] = accent;
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  GTK_WIDGET_CLASS (rg_appointment_card_parent_class)->snapshot (widget, snapshot);
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
  if (self->appointment)
    g_signal_handlers_disconnect_by_func (self->appointment, notify_cb, self);
  if (self->client)
    g_signal_handlers_disconnect_by_func (self->client, notify_cb, self);
  g_clear_object (&self->appointment);
  g_clear_object (&self->client);
  g_clear_pointer (&self->services, g_free);
  self->first_visit = FALSE;
}

/* Shows @appointment, with details the caller looked up for many cards at
 * once (see rg_appointment_list_load_details()): a card can be reused for
 * another appointment. NULL leaves the card empty. */
void
rg_appointment_card_bind (RgAppointmentCard *self,
                          RgAppointment     *appointment,
                          const char        *services,
                          gboolean           first_visit)
{
  g_return_if_fail (RG_IS_APPOINTMENT_CARD (self));
  g_return_if_fail (appointment == NULL || RG_IS_APPOINTMENT (appointment));

  unbind (self);
  if (appointment == NULL)
    return;

  self->appointment = g_object_ref (appointment);
  self->client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, rg_appointment_get_client_id (appointment), NULL);
  self->services = g_strdup (services);
  self->first_visit = first_visit;

  g_signal_connect_object (appointment, "notify", G_CALLBACK (notify_cb), self, G_CONNECT_SWAPPED);
  if (self->client)
    g_signal_connect_object (self->client, "notify", G_CALLBACK (notify_cb), self, G_CONNECT_SWAPPED);

  update (self);
}

/* Refreshes what depends on other rows (services, first visit), asking the
 * store for this card alone. */
void
rg_appointment_card_refresh (RgAppointmentCard *self)
{
  gint64 id;

  g_return_if_fail (RG_IS_APPOINTMENT_CARD (self));

  if (self->appointment == NULL)
    return;

  id = rg_record_get_id (RG_RECORD (self->appointment));
  g_free (self->services);
  self->services = rg_studio_describe_services (self->studio, id);
  self->first_visit = rg_studio_is_first_visit (self->studio, rg_appointment_get_client_id (self->appointment),
                                                rg_appointment_get_starts_at (self->appointment));
  update (self);
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

/* A card that looks up its own details. */
RgAppointmentCard *
rg_appointment_card_new (RgStudio      *studio,
                         RgAppointment *appointment)
{
  RgAppointmentCard *self;

  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), NULL);

  self = rg_appointment_card_new_empty (studio);
  rg_appointment_card_bind (self, appointment, NULL, FALSE);
  rg_appointment_card_refresh (self);
  return self;
}

static void
rg_appointment_card_dispose (GObject *object)
{
  RgAppointmentCard *self = RG_APPOINTMENT_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  unbind (self);
  g_clear_pointer (&self->description, g_free);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "appointmentcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static GtkLabel *
card_label (const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (label, TRUE);
  if (css_class)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  return label;
}

static void
rg_appointment_card_init (RgAppointmentCard *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gdk_rgba_parse (&self->color, "#3584e4");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (self->box, 8);
  gtk_widget_set_margin_end (self->box, 4);
  gtk_widget_set_margin_top (self->box, 2);
  gtk_widget_set_valign (self->box, GTK_ALIGN_START);

  self->time_label = card_label ("caption");
  gtk_widget_set_hexpand (GTK_WIDGET (self->time_label), TRUE);
  self->badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  self->status_badge = make_badge (self, "object-select-symbolic");
  self->first_badge = make_badge (self, "starred-symbolic");
  self->birthday_badge = make_badge (self, "emoji-activities-symbolic");
  self->allergy_badge = make_badge (self, "dialog-warning-symbolic");
  self->note_badge = make_badge (self, "chat-message-new-symbolic");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->time_label));
  gtk_box_append (GTK_BOX (top), self->badges);

  self->title_label = card_label ("heading");
  self->detail_label = card_label ("caption");

  gtk_box_append (GTK_BOX (self->box), top);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->detail_label));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/* rg-appointment-editor-private.h — the editor's insides, for its own files
 * and for tests that drive its fields as a person would.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-booking.h"
#include "model/rg-record-list.h"
#include "rg-appointment-editor.h"

G_BEGIN_DECLS

struct _RgAppointmentEditor
{
  AdwWindow             parent_instance;

  RgStudio             *studio;
  RgAppointment        *appointment;     /* NULL: a new one */
  gboolean              became_done;     /* the last save marked it done */
  gboolean              early_confirmed; /* "done before it starts" was answered yes */
  RgClient             *client;          /* the client booked, or NULL */
  RgCall               *call;            /* the call the booking is made in, or NULL */
  RgClient             *duplicate;       /* a client who has the phone typed inline */
  RgRecordList         *staff;           /* who takes bookings */
  RgRecordList         *services;        /* to choose from */
  GArray               *chosen;          /* of RgBookingService */
  GPtrArray            *service_rows;    /* AdwActionRow per chosen service */
  GPtrArray            *plan;            /* of RgBookingOccurrence, on the series page */
  GArray               *statuses;        /* of RgAppointmentStatus, as the status row lists them */
  RgDate                date;
  RgDate                until;
  int                   length_hint;     /* minutes, while no service is chosen */
  gint64                price;           /* the total typed over the services' sum */
  gboolean              price_override;
  gboolean              staff_chosen;    /* by the user or a prefill: the client's master does not replace it */
  gboolean              updating;        /* fields set by code, not by the user */
  gboolean              dirty;
  gboolean              has_conflict;
  gboolean              within_hours;
  gulong                committed_id;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *save_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *pages;
  GtkStack             *client_stack;
  GtkSearchEntry       *client_entry;
  GtkListBox           *client_list;
  AdwActionRow         *client_row;
  AdwAvatar            *client_avatar;
  AdwActionRow         *medical_row;
  AdwEntryRow          *new_name_row;
  AdwEntryRow          *new_phone_row;
  GtkLabel             *new_client_error;
  GtkListBox           *duplicate_list;
  AdwActionRow         *duplicate_row;
  GtkButton            *duplicate_button;
  GtkListBox           *services_list;
  AdwActionRow         *add_service_row;
  GtkMenuButton        *add_service_button;
  GtkPopover           *service_popover;
  GtkSearchEntry       *service_entry;
  GtkListBox           *service_pick_list;
  AdwActionRow         *total_row;
  GtkButton            *reset_price_button;
  GtkEntry             *total_entry;
  AdwComboRow          *staff_row;
  AdwActionRow         *date_row;
  GtkMenuButton        *date_button;
  GtkCalendar          *date_calendar;
  AdwActionRow         *time_row;
  GtkSpinButton        *start_spin;
  GtkSwitch            *overlap_switch;
  GtkLabel             *conflict_label;
  GtkLabel             *hours_label;
  AdwPreferencesGroup  *when_group;       /* says where a new booking was put */
  AdwPreferencesGroup  *repeat_group;
  AdwExpanderRow       *repeat_row;
  GtkSpinButton        *every_spin;
  GtkLabel             *every_label;
  GtkMenuButton        *until_button;
  GtkCalendar          *until_calendar;
  AdwPreferencesGroup  *status_group;
  AdwComboRow          *status_row;
  AdwEntryRow          *note_row;
  AdwPreferencesGroup  *series_group;
  GtkListBox           *series_list;
};

/* The chosen services' duration and price fields, by position. */
GtkSpinButton *rg_appointment_editor_get_duration_spin (RgAppointmentEditor *self,
                                                        guint                index);
GtkEditable   *rg_appointment_editor_get_price_entry   (RgAppointmentEditor *self,
                                                        guint                index);
/* The draft the fields make now (NULL when a price does not parse). */
RgBookingDraft *rg_appointment_editor_build_draft      (RgAppointmentEditor *self,
                                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Runs the client search now instead of after the typing delay. */
void           rg_appointment_editor_search_now        (RgAppointmentEditor *self);
void           rg_appointment_editor_set_status        (RgAppointmentEditor *self,
                                                        RgAppointmentStatus  status);
void           rg_appointment_editor_set_repeat        (RgAppointmentEditor *self,
                                                        int                  every_weeks,
                                                        RgDate               until);

/* Shared by the editor's files; in rg-appointment-editor.c: */
char               *rg_appointment_editor_format_length       (int                  minutes) G_GNUC_WARN_UNUSED_RESULT;
void                rg_appointment_editor_show_error          (RgAppointmentEditor *self,
                                                               const char          *message);
void                rg_appointment_editor_hide_error          (RgAppointmentEditor *self);
void                rg_appointment_editor_mark_dirty          (RgAppointmentEditor *self);
int                 rg_appointment_editor_get_start_minute    (RgAppointmentEditor *self);
gint64              rg_appointment_editor_get_staff_id        (RgAppointmentEditor *self);
const char         *rg_appointment_editor_get_staff_name      (RgAppointmentEditor *self);
void                rg_appointment_editor_set_staff           (RgAppointmentEditor *self,
                                                               gint64               id);
RgAppointmentStatus rg_appointment_editor_get_chosen_status   (RgAppointmentEditor *self);
gboolean            rg_appointment_editor_is_repeating        (RgAppointmentEditor *self);
void                rg_appointment_editor_revalidate          (RgAppointmentEditor *self);
void                rg_appointment_editor_clear_list          (GtkListBox          *list);
void                rg_appointment_editor_finish              (RgAppointmentEditor *self,
                                                               RgAppointment       *appointment);
void                rg_appointment_editor_cancel              (RgAppointmentEditor *self);

/* rg-appointment-editor-client.c: the client picker */
void                rg_appointment_editor_client_class_init   (GtkWidgetClass      *widget_class);
void                rg_appointment_editor_update_client       (RgAppointmentEditor *self);

/* rg-appointment-editor-services.c: the chosen services and the picker */
void                rg_appointment_editor_services_class_init (GtkWidgetClass      *widget_class);
void                rg_appointment_editor_services_init       (RgAppointmentEditor *self);
void                rg_appointment_editor_rebuild_services    (RgAppointmentEditor *self);
void                rg_appointment_editor_fill_service_picker (RgAppointmentEditor *self);

/* rg-appointment-editor-save.c: saving, and the page that lists a series */
void                rg_appointment_editor_save_class_init     (GtkWidgetClass      *widget_class);
void                rg_appointment_editor_show_form           (RgAppointmentEditor *self);

G_END_DECLS

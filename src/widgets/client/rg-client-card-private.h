/* rg-client-card-private.h — the client card's parts, shared by its files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-photo.h"
#include "model/rg-record-list.h"
#include "rg-client-card.h"
#include "widgets/common/rg-text-row.h"

G_BEGIN_DECLS

struct _RgClientCard
{
  AdwBin                parent_instance;

  RgStudio             *studio;
  RgClient             *client;
  RgRecordList         *staff;          /* for the preferred master */
  gboolean              folded;
  gboolean              stats_dirty;
  gboolean              updating;       /* filling the rows: not an edit */
  gulong                selection_id;
  gulong                client_notify_id;
  gulong                changes_id;     /* RgStudio::changes */

  GtkStack             *stack;

  /* The content, built when the first client is shown. */
  GtkWidget            *content;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *full_name_label;
  GtkLabel             *tags_label;
  GtkToggleButton      *edit_button;
  AdwPreferencesGroup  *suggest_group;
  AdwActionRow         *suggest_row;
  GtkWidget            *suggested;      /* the row the suggestion points at */
  AdwPreferencesGroup  *warning_group;
  AdwActionRow         *medical_row;
  AdwActionRow         *complaint_row;
  AdwActionRow         *rhythm_row;
  AdwPreferencesGroup  *contacts_group;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *phone2_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *call_time_row;
  AdwPreferencesGroup  *visits_group;
  AdwActionRow         *visits_row;
  AdwActionRow         *next_row;
  AdwActionRow         *spent_row;
  AdwExpanderRow       *history_row;
  GPtrArray            *history_rows;
  AdwExpanderRow       *sales_row;
  GPtrArray            *sales_rows;
  AdwPreferencesGroup  *about_group;
  AdwEntryRow          *address_row;
  AdwEntryRow          *full_name_row;
  AdwEntryRow          *birthday_row;
  AdwComboRow          *gender_row;
  AdwComboRow          *master_row;
  AdwEntryRow          *tags_row;
  AdwEntryRow          *referred_row;
  AdwEntryRow          *source_row;
  GtkSwitch            *consent_switch;
  GtkSwitch            *minimal_switch;
  AdwPreferencesGroup  *medical_group;
  AdwExpanderRow       *conditions_row;
  GPtrArray            *condition_rows;
  GtkWidget            *hold_widget;     /* kept where it is on screen through the next layout */
  double                hold_y;
  gint64                hold_until;      /* frame time, µs */
  RgTextRow            *medical_notes_row;   /* several lines */
  AdwPreferencesGroup  *fields_group;
  GPtrArray            *field_rows;
  AdwPreferencesGroup  *photos_group;
  GtkFlowBox           *photos_box;
  GtkNativeDialog      *photo_chooser;
  AdwPreferencesGroup  *notes_group;
  AdwEntryRow          *preferences_row;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *timeline_group;
  AdwEntryRow          *note_row;
  GtkDropDown          *note_kind;
  GtkListBox           *timeline_list;
  gboolean              timeline_all;   /* "Show Earlier Entries" pressed */
  AdwPreferencesGroup  *balances_group; /* rg-client-card-balances.c */
  GPtrArray            *balance_rows;
};

void rg_client_card_show_error    (RgClientCard *self,
                                   GtkWidget    *row,
                                   const char   *message);
void rg_client_card_update_lists  (RgClientCard *self);
void rg_client_card_setup_lists   (RgClientCard *self);
void rg_client_card_clear_lists   (RgClientCard *self);
void rg_client_card_setup_balances  (RgClientCard *self);
void rg_client_card_update_balances (RgClientCard *self);
void rg_client_card_clear_balances  (RgClientCard *self);
void rg_client_card_add_photo     (RgClientCard *self,
                                   RgPhotoKind   kind);

void rg_client_card_complaint_status_activated (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);
void rg_client_card_refusal_activated          (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);
/* rg-client-card-privacy.c */
void rg_client_card_update_privacy        (RgClientCard *self);
void rg_client_card_consent_changed_cb    (GtkSwitch    *widget,
                                           GParamSpec   *pspec,
                                           RgClientCard *self);
void rg_client_card_export_data_activated (GtkWidget    *widget,
                                           const char   *action_name,
                                           GVariant     *parameter);
void rg_client_card_erase_activated       (GtkWidget    *widget,
                                           const char   *action_name,
                                           GVariant     *parameter);

G_END_DECLS

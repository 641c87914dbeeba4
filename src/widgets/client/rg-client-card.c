/* rg-client-card.c — the pane that shows the selected client.
 *
 * It follows the studio's shared selection and shows what a master reads
 * before the client sits down: how to address them, contacts with call and
 * e-mail links, the allergy warning first, visits and spending, the details
 * the studio knows. Every detail is edited in place — an entry row saved
 * with its apply button or Enter, a drop-down, a switch — and checked by
 * the model: a refused value stays in the row, marked, with the reason in
 * a toast. Empty details are hidden until "Fill In Details" is on; one
 * missing detail worth asking at this visit is suggested at the top.
 * Everything updates live: the client object notifies, and visits, fields
 * and the timeline are read again after any commit that touched them
 * (rg-client-card-lists.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-client-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analytics/rg-studio-figures.h"
#include "analytics/rg-client-stats.h"
#include "analytics/rg-retention.h"
#include "model/rg-booking.h"
#include "model/rg-condition.h"
#include "model/rg-format.h"
#include "model/rg-record-list.h"
#include "model/rg-staff.h"
#include "util/rg-phone.h"
#include "model/rg-client-reads.h"
#include "model/rg-sale.h"
#include "rg-client-card-private.h"
#include "rg-merge-dialog.h"
#include "widgets/rg-window.h"

G_DEFINE_FINAL_TYPE (RgClientCard, rg_client_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STUDIO,
  PROP_CLIENT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows @row with @value as its title, or hides it when there is none. */
static gboolean
show_row (AdwActionRow *row,
          const char   *value)
{
  gboolean visible = value != NULL && *value != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), visible ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), visible);
  return visible;
}

static gboolean
filling_in (RgClientCard *self)
{
  return gtk_toggle_button_get_active (self->edit_button);
}

/* Puts @value in an entry row (unless someone is typing in it) and shows
 * the row when it has a value or while filling in. Returns whether it
 * shows. */
static gboolean
set_entry (RgClientCard *self,
           AdwEntryRow  *row,
           const char   *value)
{
  gboolean visible = (value && *value) || filling_in (self);

  if (!(gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
    }
  else
    visible = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (row), visible);
  return visible;
}

/* A refused value: the row keeps it, marked, and a toast says why. */
void
rg_client_card_show_error (RgClientCard *self,
                           GtkWidget    *row,
                           const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (row)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
    }
  if (RG_IS_WINDOW (root))
    rg_window_add_toast (RG_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* Saves the client after a change in place; on refusal the object is read
 * back from the studio (the row keeps what was typed) and the error shown. */
static gboolean
save_client (RgClientCard *self,
             GtkWidget    *row)
{
  g_autoptr(GError) error = NULL;

  if (rg_studio_save (self->studio, self->client, &error))
    return TRUE;

  rg_studio_reload (self->studio, self->client, NULL);
  rg_client_card_show_error (self, row, error->message);
  return FALSE;
}

/* The text details: each entry row saves its property on apply. */
static void
text_applied_cb (AdwEntryRow  *row,
                 RgClientCard *self)
{
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->client == NULL || self->updating)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_object_set (self->client, property, *text ? text : NULL, NULL);
  save_client (self, GTK_WIDGET (row));
}

/* The medical note, several lines, saved with its button or Ctrl+Enter. */
static void
medical_notes_applied_cb (RgTextRow    *row,
                          RgClientCard *self)
{
  g_autofree char *text = NULL;

  if (self->client == NULL || self->updating)
    return;
  text = g_strstrip (rg_text_row_get_text (row));
  g_object_set (self->client, "medical-notes", *text ? text : NULL, NULL);
  save_client (self, GTK_WIDGET (row));
}

/* As set_entry(), for a row of several lines. */
static gboolean
set_text_row (RgClientCard *self,
              RgTextRow    *row,
              const char   *value)
{
  gboolean visible = (value && *value) || filling_in (self);

  if (!(gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    rg_text_row_set_text (row, value);
  else
    visible = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (row), visible);
  return visible;
}

/* "12.03", "12.03.1990", "12/3" or empty (no birthday). */
static gboolean
parse_birthday (const char *text,
                int        *day,
                int        *month,
                int        *year)
{
  int d = 0, m = 0, y = 0;
  char a = 0, b = 0, rest = 0;
  int n;

  *day = *month = *year = 0;
  if (*text == '\0')
    return TRUE;

  n = sscanf (text, "%d%c%d%c%d%c", &d, &a, &m, &b, &y, &rest);
  if (n == 3 || (n == 4 && b == '\0'))
    y = 0;
  else if (n != 5 || a != b)
    return FALSE;
  if (!strchr (".-/ ", a) || m < 1 || m > 12 || d < 1 || d > 31)
    return FALSE;
  if (y > 0 && y < 100)
    y += y > 30 ? 1900 : 2000;

  *day = d;
  *month = m;
  *year = y;
  return TRUE;
}

static void
birthday_applied_cb (AdwEntryRow  *row,
                     RgClientCard *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int day, month, year;

  if (self->client == NULL || self->updating)
    return;

  if (!parse_birthday (text, &day, &month, &year))
    {
      rg_client_card_show_error (self, GTK_WIDGET (row),
                                 _("Enter the birthday as day and month, like 12.03, or with the year, like 12.03.1990."));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  rg_client_set_birthday (self->client, day, month, year);
  save_client (self, GTK_WIDGET (row));
}

static void
tags_applied_cb (AdwEntryRow  *row,
                 RgClientCard *self)
{
  g_auto(GStrv) tags = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (row)), ",;", -1);
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || self->updating)
    return;
  if (!rg_studio_set_client_tags (self->studio, rg_record_get_id (RG_RECORD (self->client)),
                                  (const char * const *) tags, &error))
    rg_client_card_show_error (self, GTK_WIDGET (row), error->message);
}

/* "Referred by": the one client the typed name or phone finds; empty
 * clears it. */
static void
referred_applied_cb (AdwEntryRow  *row,
                     RgClientCard *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 me, found = 0;

  if (self->client == NULL || self->updating)
    return;
  me = rg_record_get_id (RG_RECORD (self->client));

  /* The name shown, applied again: no change. */
  if (*text && rg_client_get_referred_by_id (self->client))
    {
      g_autoptr(RgClient) current = rg_studio_lookup (self->studio, RG_TYPE_CLIENT,
                                                      rg_client_get_referred_by_id (self->client), NULL);

      if (current && g_strcmp0 (rg_client_get_address_as (current), text) == 0)
        return;
    }

  if (*text && !rg_studio_search_clients (self->studio, text, 3, ids, &error))
    {
      rg_client_card_show_error (self, GTK_WIDGET (row), error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != me)
      {
        if (found)
          {
            rg_client_card_show_error (self, GTK_WIDGET (row),
                                       _("Several clients match. Type more of the name, or the phone."));
            return;
          }
        found = g_array_index (ids, gint64, i);
      }
  if (*text && found == 0)
    {
      rg_client_card_show_error (self, GTK_WIDGET (row), _("No other client matches."));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_object_set (self->client, "referred-by-id", found, NULL);
  save_client (self, GTK_WIDGET (row));
}

static void
gender_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    RgClientCard *self)
{
  static const RgGender genders[] = { RG_GENDER_UNSET, RG_GENDER_FEMALE, RG_GENDER_MALE, RG_GENDER_OTHER };
  guint selected = adw_combo_row_get_selected (row);

  if (self->client == NULL || self->updating || selected >= G_N_ELEMENTS (genders))
    return;
  rg_client_set_gender (self->client, genders[selected]);
  save_client (self, GTK_WIDGET (row));
}

/* The masters to prefer, after "nobody". */
static void
fill_masters (RgClientCard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  /* Translators: no preferred master */
  gtk_string_list_append (names, C_("master", "Anyone"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      gtk_string_list_append (names, rg_staff_get_display_name (staff));
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->master_row, G_LIST_MODEL (names));
  self->updating = FALSE;
}

static void
master_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    RgClientCard *self)
{
  guint selected = adw_combo_row_get_selected (row);
  gint64 staff_id = 0;

  if (self->client == NULL || self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), selected - 1);
      staff_id = staff ? rg_record_get_id (RG_RECORD (staff)) : 0;
    }
  rg_client_set_preferred_staff_id (self->client, staff_id);
  save_client (self, GTK_WIDGET (row));
}

static void
switch_changed_cb (GtkSwitch    *widget,
                   GParamSpec   *pspec,
                   RgClientCard *self)
{
  const char *property = g_object_get_data (G_OBJECT (widget), "property");

  if (self->client == NULL || self->updating)
    return;
  g_object_set (self->client, property, gtk_switch_get_active (widget), NULL);
  save_client (self, GTK_WIDGET (widget));
}

static void update (RgClientCard *self);

static void
edit_toggled_cb (RgClientCard *self)
{
  update (self);
  rg_client_card_update_lists (self);
}

/* The card's rows are built on first use: until a client is chosen the
 * pane only shows its empty state, and the window opens sooner. */
static void
ensure_content (RgClientCard *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkStringList) genders = NULL;
  const struct { AdwEntryRow **row; const char *property; } texts[] = {
    { &self->phone_row, "phone" }, { &self->phone2_row, "phone2" }, { &self->email_row, "email" },
    { &self->call_time_row, "call-time" }, { &self->address_row, "address-as" },
    { &self->full_name_row, "full-name" }, { &self->source_row, "source" },
    { &self->preferences_row, "preferences" },
    { &self->notes_row, "notes" },
  };

  if (self->content)
    return;

  g_type_ensure (RG_TYPE_TEXT_ROW);
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/rg-client-card-content.ui");
#define GET(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  GET (content);
  GET (avatar);
  GET (name_label);
  GET (full_name_label);
  GET (tags_label);
  GET (edit_button);
  GET (suggest_group);
  GET (suggest_row);
  GET (warning_group);
  GET (medical_row);
  GET (complaint_row);
  GET (rhythm_row);
  GET (contacts_group);
  GET (phone_row);
  GET (phone2_row);
  GET (email_row);
  GET (call_time_row);
  GET (visits_group);
  GET (visits_row);
  GET (next_row);
  GET (spent_row);
  GET (history_row);
  GET (sales_row);
  GET (about_group);
  GET (address_row);
  GET (full_name_row);
  GET (birthday_row);
  GET (gender_row);
  GET (master_row);
  GET (tags_row);
  GET (referred_row);
  GET (source_row);
  GET (consent_switch);
  GET (minimal_switch);
  GET (medical_group);
  GET (conditions_row);
  GET (medical_notes_row);
  GET (fields_group);
  GET (photos_group);
  GET (photos_box);
  GET (notes_group);
  GET (preferences_row);
  GET (notes_row);
  GET (timeline_group);
  GET (note_row);
  GET (note_kind);
  GET (timeline_list);
#undef GET

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_object_set_data (G_OBJECT (*texts[i].row), "property", (gpointer) texts[i].property);
      g_signal_connect (*texts[i].row, "apply", G_CALLBACK (text_applied_cb), self);
    }
  adw_entry_row_set_input_purpose (self->phone_row, GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (self->phone2_row, GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (self->email_row, GTK_INPUT_PURPOSE_EMAIL);
  g_signal_connect (self->medical_notes_row, "apply", G_CALLBACK (medical_notes_applied_cb), self);
  g_signal_connect (self->birthday_row, "apply", G_CALLBACK (birthday_applied_cb), self);
  g_signal_connect (self->tags_row, "apply", G_CALLBACK (tags_applied_cb), self);
  g_signal_connect (self->referred_row, "apply", G_CALLBACK (referred_applied_cb), self);

  genders = gtk_string_list_new ((const char *[]) {
    /* Translators: gender not given */
    C_("gender", "Not given"), C_("gender", "Female"), C_("gender", "Male"), C_("gender", "Other"), NULL });
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (genders));
  g_signal_connect (self->gender_row, "notify::selected", G_CALLBACK (gender_selected_cb), self);

  fill_masters (self);
  g_signal_connect (self->master_row, "notify::selected", G_CALLBACK (master_selected_cb), self);

  g_object_set_data (G_OBJECT (self->consent_switch), "property", (gpointer) "consent-messages");
  g_object_set_data (G_OBJECT (self->minimal_switch), "property", (gpointer) "minimal-contact");
  g_signal_connect (self->consent_switch, "notify::active", G_CALLBACK (rg_client_card_consent_changed_cb), self);
  g_signal_connect (self->minimal_switch, "notify::active", G_CALLBACK (switch_changed_cb), self);

  g_signal_connect_swapped (self->edit_button, "toggled", G_CALLBACK (edit_toggled_cb), self);

  gtk_stack_add_named (self->stack, self->content, "card");
  rg_client_card_setup_lists (self);
}

/* The cumulative card under the total spent: the tier and what is left to
 * the next; and the till's button for a sale without a visit. */
static void
update_card_tier (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(RgClientCardTier) tier = { 0 };
  g_autoptr(GString) subtitle = g_string_new (_("Total spent"));
  gint64 id = rg_record_get_id (RG_RECORD (self->client));

  if (adw_preferences_group_get_header_suffix (self->visits_group) == NULL)
    {
      GtkWidget *sell = gtk_button_new_with_mnemonic (_("_Sell…"));

      gtk_widget_add_css_class (sell, "flat");
      gtk_widget_set_tooltip_text (sell, _("Sell products to the client without a visit"));
      /* The target first: the action's name checks it. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (sell), g_variant_new_int64 (id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (sell), "win.sell");
      adw_preferences_group_set_header_suffix (self->visits_group, sell);
    }
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (adw_preferences_group_get_header_suffix (self->visits_group)),
                                          g_variant_new_int64 (id));

  if (!rg_studio_read_card_tier (self->studio, id, &tier, &error))
    {
      g_warning ("Could not read the client's card: %s", error->message);
      return;
    }
  if (tier.tier)
    {
      g_autofree char *card = rg_pricing_describe_tier (tier.tier, tier.percent);

      g_string_append_printf (subtitle, " · %s", card);
    }
  if (tier.next_tier)
    {
      g_autofree char *to_next = rg_format_price (tier.to_next_tier);

      g_string_append (subtitle, " · ");
      /* Translators: what is left to spend to the next card tier, e.g. "25,000 ₽ to Gold" */
      g_string_append_printf (subtitle, _("%s to %s"), to_next, tier.next_tier);
    }
  adw_action_row_set_subtitle (self->spent_row, subtitle->str);
}

/* The client's status by BRIEF 4, with how it is counted. */
static void
update_rhythm (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  RgClientRhythm r;

  if (!rg_studio_client_rhythm (self->studio, rg_record_get_id (RG_RECORD (self->client)),
                                 rg_date_today (), &r, &error))
    {
      g_warning ("Could not tell the client's status: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->rhythm_row), FALSE);
      return;
    }
  if (r.visits == 0 && r.status != RG_CLIENT_BOOKED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->rhythm_row), FALSE);
      return;
    }

  interval = rg_format_interval (r.interval);
  if (r.visits == 0)
    subtitle = g_strdup (rg_client_status_explain (r.status));
  else if (r.status == RG_CLIENT_DUE || r.status == RG_CLIENT_ON_TRACK || r.status == RG_CLIENT_SLEEPING)
    {
      g_autofree char *expected = rg_format_day (r.expected);

      /* Translators: under a client's status: "usually every 4 weeks · next visit expected Tue, 24 November 2026" */
      subtitle = g_strdup_printf (_("%s · next visit expected %s"), interval, expected);
    }
  else
    subtitle = g_strdup (interval);

  {
    const char *source = r.interval_source == RG_INTERVAL_MEDIAN ? _("the median gap between their visits")
                       : r.interval_source == RG_INTERVAL_SERVICE ? _("the repeat interval of their last visit’s main service")
                       : _("the studio’s default interval");
    /* Translators: a client status's tooltip: what the status means, then where the typical interval comes from */
    tooltip = g_strdup_printf (_("%s The typical interval is %s."), rg_client_status_explain (r.status), source);
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rhythm_row), rg_client_status_to_string (r.status));
  adw_action_row_set_subtitle (self->rhythm_row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rhythm_row), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->rhythm_row), TRUE);
}

static void
update_stats (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *visits = NULL;
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  g_autofree char *spent = NULL;
  RgClientStats stats;

  self->stats_dirty = FALSE;
  if (self->client == NULL)
    return;
  ensure_content (self);

  if (!rg_studio_client_stats (self->studio,
                                rg_record_get_id (RG_RECORD (self->client)),
                                g_get_real_time () / G_USEC_PER_SEC, &stats, &error))
    {
      g_warning ("Could not count visits: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->visits_group), FALSE);
      return;
    }

  if (stats.visits == 0)
    visits = g_strdup (_("No visits yet"));
  else
    /* Translators: the number of a client's visits */
    visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits", stats.visits),
                              stats.visits);
  show_row (self->visits_row, visits);

  if (stats.last_visit_at)
    {
      g_autofree char *date = rg_format_date (stats.last_visit_at);
      /* Translators: %s is a date */
      last = g_strdup_printf (_("Last visit %s"), date);
    }
  adw_action_row_set_subtitle (self->visits_row, last ? last : "");

  if (stats.next_booking_at)
    next = rg_format_date_time (stats.next_booking_at);
  show_row (self->next_row, next);

  if (stats.total_spent > 0)
    spent = rg_format_price (stats.total_spent);
  show_row (self->spent_row, spent);
  update_card_tier (self);

  update_rhythm (self);

  /* Nobody booked yet: no history to open ("No visits yet" says it). */
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), stats.appointments > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->visits_group), TRUE);
}

/* The staged profile: one missing detail worth asking now, in the order a
 * relationship fills them (seed 003): the birthday from the second visit,
 * then the convenient time to call, the preferred master, how they found
 * us, an e-mail. */
static GtkWidget *
next_to_ask (RgClientCard *self,
             const char  **what)
{
  RgClient *c = self->client;
  int day, month, year;

  rg_client_get_birthday (c, &day, &month, &year);
  if (day == 0)
    {
      *what = _("Birthday");
      return GTK_WIDGET (self->birthday_row);
    }
  if (rg_client_get_call_time (c) == NULL && !rg_client_get_minimal_contact (c))
    {
      *what = _("Convenient time to call");
      return GTK_WIDGET (self->call_time_row);
    }
  if (rg_client_get_preferred_staff_id (c) == 0)
    {
      *what = _("Preferred master");
      return GTK_WIDGET (self->master_row);
    }
  if (rg_client_get_source (c) == NULL)
    {
      *what = _("How they found us");
      return GTK_WIDGET (self->source_row);
    }
  if (rg_client_get_email (c) == NULL && rg_client_get_consent_messages (c))
    {
      *what = _("E-mail");
      return GTK_WIDGET (self->email_row);
    }
  return NULL;
}

static void
update (RgClientCard *self)
{
  RgClient *c = self->client;
  g_autofree char *birthday = NULL;
  g_autofree char *tags_text = NULL;
  g_autofree char *medical = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean any_tags;
  const char *what = NULL;
  int day, month, year;
  gboolean any;

  if (c == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ensure_content (self);
  gtk_stack_set_visible_child_name (self->stack, "card");
  self->updating = TRUE;

  adw_avatar_set_text (self->avatar, rg_client_get_address_as (c));
  gtk_label_set_label (self->name_label, rg_client_get_address_as (c));
  gtk_label_set_label (self->full_name_label, rg_client_get_full_name (c) ? rg_client_get_full_name (c) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->full_name_label), rg_client_get_full_name (c) != NULL);

  tags = rg_studio_list_client_tags (self->studio, rg_record_get_id (RG_RECORD (c)), NULL);
  if (tags && tags[0])
    tags_text = g_strjoinv (" · ", tags);
  {
    g_autofree char *editable = tags && tags[0] ? g_strjoinv (", ", tags) : NULL;

    any_tags = set_entry (self, self->tags_row, editable);
  }
  gtk_label_set_label (self->tags_label, tags_text ? tags_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags_text != NULL);

  medical = rg_client_medical_summary (self->studio, c);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_group),
                          show_row (self->medical_row, medical) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->complaint_row)));

  any = set_entry (self, self->phone_row, rg_client_get_phone (c));
  any |= set_entry (self, self->phone2_row, rg_client_get_phone2 (c));
  any |= set_entry (self, self->email_row, rg_client_get_email (c));
  any |= set_entry (self, self->call_time_row, rg_client_get_call_time (c));
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), any);

  rg_client_get_birthday (c, &day, &month, &year);
  if (day && month)
    birthday = year ? g_strdup_printf ("%02d.%02d.%04d", day, month, year) : g_strdup_printf ("%02d.%02d", day, month);
  set_entry (self, self->address_row, rg_client_get_address_as (c));
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), filling_in (self));
  any = set_entry (self, self->full_name_row, rg_client_get_full_name (c));
  any |= set_entry (self, self->birthday_row, birthday);
  if (birthday)
    {
      g_autofree char *shown = rg_format_birthday (day, month, year);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->birthday_row), shown);
    }

  switch (rg_client_get_gender (c))
    {
    case RG_GENDER_FEMALE: adw_combo_row_set_selected (self->gender_row, 1); break;
    case RG_GENDER_MALE:   adw_combo_row_set_selected (self->gender_row, 2); break;
    case RG_GENDER_OTHER:  adw_combo_row_set_selected (self->gender_row, 3); break;
    case RG_GENDER_UNSET:
    default:               adw_combo_row_set_selected (self->gender_row, 0); break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gender_row),
                          filling_in (self) || rg_client_get_gender (c) != RG_GENDER_UNSET);

  {
    guint position = 0;

    if (rg_client_get_preferred_staff_id (c) &&
        rg_record_list_find (self->staff, rg_client_get_preferred_staff_id (c), &position))
      position++;
    else
      position = 0;
    adw_combo_row_set_selected (self->master_row, position);
    gtk_widget_set_visible (GTK_WIDGET (self->master_row), filling_in (self) || position > 0);
    any |= position > 0 || rg_client_get_gender (c) != RG_GENDER_UNSET;
  }

  any |= any_tags;
  {
    g_autoptr(RgClient) referrer = rg_client_get_referred_by_id (c)
      ? rg_studio_lookup (self->studio, RG_TYPE_CLIENT, rg_client_get_referred_by_id (c), NULL) : NULL;

    any |= set_entry (self, self->referred_row, referrer ? rg_client_get_address_as (referrer) : NULL);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.open-referrer", referrer != NULL);
  }
  any |= set_entry (self, self->source_row, rg_client_get_source (c));
  gtk_switch_set_active (self->consent_switch, rg_client_get_consent_messages (c));
  gtk_switch_set_active (self->minimal_switch, rg_client_get_minimal_contact (c));
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->consent_switch), ADW_TYPE_ACTION_ROW),
                          filling_in (self) || rg_client_get_consent_messages (c));
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->minimal_switch), ADW_TYPE_ACTION_ROW),
                          filling_in (self) || rg_client_get_minimal_contact (c));
  any |= rg_client_get_consent_messages (c) || rg_client_get_minimal_contact (c);
  gtk_widget_set_visible (GTK_WIDGET (self->about_group), any || filling_in (self));

  any = set_entry (self, self->preferences_row, rg_client_get_preferences (c));
  any |= set_entry (self, self->notes_row, rg_client_get_notes (c));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), any);

  set_text_row (self, self->medical_notes_row, rg_client_get_medical_notes (c));
  gtk_widget_set_visible (GTK_WIDGET (self->medical_group), filling_in (self));

  /* One thing to ask, never a form wall; not while filling in anyway. */
  self->suggested = filling_in (self) ? NULL : next_to_ask (self, &what);
  if (self->suggested)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggest_row), what);
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_group), self->suggested != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.email", rg_client_get_email (c) != NULL);
  rg_client_card_update_privacy (self);
  self->updating = FALSE;
}

static void
client_notify_cb (RgClientCard *self)
{
  update (self);
}

/* After a commit: the figures (visits, status, tags, medical marks) and
 * the lists (history, timeline, photos, fields) if what they show changed. */
static void
changes_cb (RgClientCard *self,
            RgChanges     changes)
{
  if (self->client == NULL)
    return;
  if (changes & RG_CHANGES_SESSION)
    rg_client_card_update_privacy (self);
  if (changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS | RG_CHANGES_MONEY))
    {
      update (self);
      update_stats (self);
    }
  if (changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_TIMELINE | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS |
                 RG_CHANGES_RATINGS | RG_CHANGES_MONEY))
    rg_client_card_update_lists (self);
}

typedef struct {
  RgStudio *studio;
  RgClient *client;
  GArray   *cancelled;   /* of RgBookingStatusChange */
  gpointer  card;        /* weak: where a refusal is told */
} DeleteUndo;

static void
delete_undo_free (gpointer data)
{
  DeleteUndo *undo = data;

  g_clear_object (&undo->studio);
  g_clear_object (&undo->client);
  g_clear_pointer (&undo->cancelled, g_array_unref);
  g_clear_weak_pointer (&undo->card);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast   *toast,
                DeleteUndo *undo)
{
  g_autoptr(GError) error = NULL;
  guint lost = 0;

  if (!rg_booking_restore_client (undo->studio, undo->client, undo->cancelled, &lost, &error))
    {
      if (undo->card)
        rg_client_card_show_error (undo->card, NULL, error->message);
      else
        g_message ("Could not bring the client back: %s", error->message);
      return;
    }
  rg_studio_set_selected_client (undo->studio, undo->client);
  /* The toast's button had the focus, and it is gone. */
  if (undo->card)
    gtk_widget_activate_action (undo->card, "win.focus-content", NULL);
  if (lost > 0 && undo->card)
    {
      /* Translators: after undoing the delete of a client, some of whose bookings were given to others */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u booking stayed cancelled: its time was taken meanwhile",
                                                            "%u bookings stayed cancelled: their time was taken meanwhile",
                                                            lost), lost);
      rg_client_card_show_error (undo->card, NULL, text);
    }
}

/* Deletes the card and cancels the client's bookings from now on, with an
 * undo that restores both exactly. */
static void
delete_client (RgClientCard *self,
               RgClient     *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cancelled = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DeleteUndo *undo;
  AdwToast *toast;

  if (!rg_booking_delete_client (self->studio, client, rg_time_now (), &cancelled, &error))
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }

  if (cancelled->len > 0)
    /* Translators: a toast after deleting a client card that had bookings */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” deleted, %u booking cancelled",
                                          "“%s” deleted, %u bookings cancelled", cancelled->len),
                             rg_client_get_address_as (client), cancelled->len);
  else
    /* Translators: a toast after deleting a client card */
    title = g_strdup_printf (_("“%s” deleted"), rg_client_get_address_as (client));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (DeleteUndo, 1);
  undo->studio = g_object_ref (self->studio);
  undo->client = g_object_ref (client);
  undo->cancelled = g_steal_pointer (&cancelled);
  g_set_weak_pointer (&undo->card, self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo,
                         (GClosureNotify) (void (*) (void)) delete_undo_free, 0);
  if (RG_IS_WINDOW (root))
    rg_window_add_undo_toast (RG_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
  /* The card went away with the menu that had the focus. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-content", NULL);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RgClientCard     *self)
{
  RgClient *client = g_object_get_data (G_OBJECT (dialog), "client");

  if (g_str_equal (response, "delete"))
    delete_client (self, client);
}

/* A client with bookings to come: say how many, and that they will be
 * cancelled, before deleting; without any, delete at once (the toast
 * undoes it). */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  g_autoptr(RgClient) client = self->client ? g_object_ref (self->client) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  gint64 next = 0;
  guint n = 0;

  if (client == NULL)
    return;
  if (!rg_booking_count_future (self->studio, rg_record_get_id (RG_RECORD (client)), rg_time_now (),
                                &n, &next, &error))
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }
  if (n == 0)
    {
      delete_client (self, client);
      return;
    }

  day = rg_format_day (rg_date_from_time (next));
  clock = rg_format_clock (rg_time_minute_of_day (next));
  /* Translators: the client's name */
  heading = g_strdup_printf (_("Delete “%s”?"), rg_client_get_address_as (client));
  /* Translators: the client's name, how many bookings, the date and the time of the first */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s has %u booking to come, on %s at %s. It will be cancelled and its "
                                       "time becomes free; Undo brings back the card and the booking.",
                                       "%s has %u bookings to come, the first on %s at %s. They will be "
                                       "cancelled and their time becomes free; Undo brings back the card and "
                                       "the bookings.", n),
                          rg_client_get_address_as (client), n, day, clock);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: deletes the client and cancels their bookings */
                                    "delete", g_dngettext (GETTEXT_PACKAGE, "_Delete and Cancel the Booking",
                                                           "_Delete and Cancel Bookings", n),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "client", g_steal_pointer (&client), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  RgStudio *studio;
  GBytes   *changes;
  gpointer  card;      /* weak: where a refusal is told */
} MergeUndo;

static void
merge_undo_free (gpointer data)
{
  MergeUndo *undo = data;

  g_clear_object (&undo->studio);
  g_clear_pointer (&undo->changes, g_bytes_unref);
  g_clear_weak_pointer (&undo->card);
  g_free (undo);
}

static void
undo_merge_cb (AdwToast  *toast,
               MergeUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!rg_client_merge_undo (undo->studio, undo->changes, &error))
    {
      if (undo->card)
        rg_client_card_show_error (undo->card, NULL, error->message);
      else
        g_message ("Could not undo the merge: %s", error->message);
    }
}

static void
merged_cb (const RgMergeCounts *moved,
           GBytes              *undo,
           const GError        *error,
           gpointer             data)
{
  RgClientCard *self = data;
  g_autofree char *text = NULL;
  MergeUndo *undo_data;
  GtkRoot *root;
  AdwToast *toast;

  if (error)
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }
  {
    /* Translators: what a merge of two cards moved, part of "Cards merged: %s and %s moved" */
    g_autofree char *visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits",
                                                            moved->appointments), moved->appointments);
    /* Translators: what a merge of two cards moved, part of "Cards merged: %s and %s moved" */
    g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u timeline entry",
                                                             "%u timeline entries", moved->interactions),
                                                moved->interactions);

    /* Translators: after merging two cards: "3 visits" and "1 timeline entry" */
    text = g_strdup_printf (_("Cards merged: %s and %s moved"), visits, entries);
  }
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo_data = g_new0 (MergeUndo, 1);
  undo_data->studio = g_object_ref (self->studio);
  undo_data->changes = g_bytes_ref (undo);
  g_set_weak_pointer (&undo_data->card, self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_merge_cb), undo_data,
                         (GClosureNotify) (void (*) (void)) merge_undo_free, 0);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (RG_IS_WINDOW (root))
    rg_window_add_undo_toast (RG_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
merge_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->client == NULL)
    return;
  rg_merge_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->studio, self->client,
                           merged_cb, self);
}

/* The client who referred this one, on the card. */
static void
open_referrer_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  g_autoptr(RgClient) referrer = NULL;

  if (self->client == NULL || rg_client_get_referred_by_id (self->client) == 0)
    return;
  referrer = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, rg_client_get_referred_by_id (self->client), NULL);
  if (referrer)
    rg_studio_set_selected_client (self->studio, referrer);
}

static void
add_photo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *kind = g_variant_get_string (parameter, NULL);

  rg_client_card_add_photo (RG_CLIENT_CARD (widget),
                            g_str_equal (kind, "before") ? RG_PHOTO_BEFORE
                            : g_str_equal (kind, "after") ? RG_PHOTO_AFTER : RG_PHOTO_OTHER);
}

/* Opens the suggested detail for editing. */
static void
fill_suggested_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  GtkWidget *row = self->suggested;

  if (row == NULL)
    return;
  gtk_toggle_button_set_active (self->edit_button, TRUE);
  gtk_widget_grab_focus (row);
}

static void
set_client (RgClientCard *self,
            RgClient     *client)
{
  if (self->client == client)
    return;

  if (self->client)
    g_clear_signal_handler (&self->client_notify_id, self->client);
  g_set_object (&self->client, client);
  if (client)
    self->client_notify_id = g_signal_connect_object (client, "notify", G_CALLBACK (client_notify_cb),
                                                      self, G_CONNECT_SWAPPED);

  if (client && self->content)
    {
      gtk_toggle_button_set_active (self->edit_button, FALSE);
      adw_expander_row_set_expanded (self->history_row, FALSE);
      adw_expander_row_set_expanded (self->sales_row, FALSE);
      adw_expander_row_set_expanded (self->conditions_row, FALSE);
      /* A new client's entry starts as a note, whatever the last one was. */
      gtk_drop_down_set_selected (self->note_kind, 0);
    }
  self->timeline_all = FALSE;
  update (self);
  update_stats (self);
  if (client)
    rg_client_card_update_lists (self);
  else if (self->content)
    rg_client_card_clear_lists (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
selection_changed_cb (RgClientCard *self)
{
  set_client (self, rg_studio_get_selected_client (self->studio));
}

static void
launch_uri (RgClientCard *self,
            const char   *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
call_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  const char *phone;
  g_autofree char *uri = NULL;
  GString *digits;

  if (self->client == NULL)
    return;

  phone = g_str_equal (which, "phone2") ? rg_client_get_phone2 (self->client)
                                        : rg_client_get_phone (self->client);
  if (phone == NULL)
    return;

  /* tel: takes the number as dialled: digits and a leading plus. */
  digits = g_string_new ("tel:");
  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && digits->len == 4))
      g_string_append_c (digits, *p);
  uri = g_string_free (digits, FALSE);

  launch_uri (self, uri);
}

static void
email_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (self->client == NULL || rg_client_get_email (self->client) == NULL)
    return;

  escaped = g_uri_escape_string (rg_client_get_email (self->client), "@", FALSE);
  uri = g_strconcat ("mailto:", escaped, NULL);
  launch_uri (self, uri);
}

RgClient *
rg_client_card_get_client (RgClientCard *self)
{
  g_return_val_if_fail (RG_IS_CLIENT_CARD (self), NULL);
  return self->client;
}

RgStudio *
rg_client_card_get_studio (RgClientCard *self)
{
  g_return_val_if_fail (RG_IS_CLIENT_CARD (self), NULL);
  return self->studio;
}

static void
staff_changed_cb (RgClientCard *self)
{
  if (self->content == NULL)
    return;
  fill_masters (self);
  update (self);
}

static void
disconnect_studio (RgClientCard *self)
{
  if (self->studio)
    {
      g_clear_signal_handler (&self->selection_id, self->studio);
      g_clear_signal_handler (&self->changes_id, self->studio);
    }
  set_client (self, NULL);
  g_clear_object (&self->staff);
  g_clear_object (&self->studio);
}

void
rg_client_card_set_studio (RgClientCard *self,
                           RgStudio     *studio)
{
  g_return_if_fail (RG_IS_CLIENT_CARD (self));
  g_return_if_fail (studio == NULL || RG_IS_STUDIO (studio));

  if (self->studio == studio)
    return;

  disconnect_studio (self);

  if (studio)
    {
      self->studio = g_object_ref (studio);
      self->staff = rg_record_list_new_staff (studio, FALSE);
      g_signal_connect_object (self->staff, "items-changed", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
      self->selection_id = g_signal_connect_swapped (studio, "notify::selected-client",
                                                     G_CALLBACK (selection_changed_cb), self);
      self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);

      /* The medical card's list, filled with the common conditions once. */
      {
        g_autoptr(GError) error = NULL;

        if (!rg_conditions_ensure_defaults (studio, &error))
          g_warning ("Could not fill the list of conditions: %s", error->message);
      }
      selection_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDIO]);
}

static void
rg_client_card_dispose (GObject *object)
{
  RgClientCard *self = RG_CLIENT_CARD (object);

  disconnect_studio (self);
  g_clear_object (&self->hold_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_CLIENT_CARD);

  G_OBJECT_CLASS (rg_client_card_parent_class)->dispose (object);
}

static void
rg_client_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgClientCard *self = RG_CLIENT_CARD (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_client_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RgClientCard *self = RG_CLIENT_CARD (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      rg_client_card_set_studio (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The pane keeps to a sidebar's width: wrapped labels (notes, the empty
 * state) would otherwise ask for a line's whole width and take half the
 * window from the calendar. */
#define PANE_NATURAL_WIDTH 360

static void
rg_client_card_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GTK_WIDGET_CLASS (rg_client_card_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                           minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, PANE_NATURAL_WIDTH));
}

static void
rg_client_card_class_init (RgClientCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_client_card_dispose;
  object_class->get_property = rg_client_card_get_property;
  object_class->set_property = rg_client_card_set_property;
  widget_class->measure = rg_client_card_measure;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RG_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-client-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RgClientCard, stack);

  gtk_widget_class_install_action (widget_class, "card.call", "s", call_activated);
  gtk_widget_class_install_action (widget_class, "card.email", NULL, email_activated);
  gtk_widget_class_install_action (widget_class, "card.fill-suggested", NULL, fill_suggested_activated);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "card.merge", NULL, merge_activated);
  gtk_widget_class_install_action (widget_class, "card.add-photo", "s", add_photo_activated);
  gtk_widget_class_install_action (widget_class, "card.open-referrer", NULL, open_referrer_activated);
  gtk_widget_class_install_action (widget_class, "card.complaint-status", "(xs)", rg_client_card_complaint_status_activated);
  gtk_widget_class_install_action (widget_class, "card.refusal", NULL, rg_client_card_refusal_activated);
  gtk_widget_class_install_action (widget_class, "card.export-data", NULL, rg_client_card_export_data_activated);
  gtk_widget_class_install_action (widget_class, "card.erase", NULL, rg_client_card_erase_activated);

  gtk_widget_class_set_css_name (widget_class, "clientcard");
}

static void
rg_client_card_init (RgClientCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/* rg-staff-editor.c — the page for one staff member.
 *
 * Shown as a subpage of the Studio window. The editor works on a draft: the
 * fields, the seven weekdays of hours and the days off ahead stay in the
 * widgets until Save, which checks the hours first, then writes the person,
 * their hours and days off in one transaction. A refused save (no name,
 * overlapping hours) writes nothing, puts the live record back as it was
 * and leaves everything typed where it is, with the reason in a toast.
 *
 * A new staff member is an unsaved RgStaff (id 0) with a free colour, at
 * the end of the calendar's order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-staff-editor"

#include "config.h"

#include "rg-studio-window.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/rg-booking.h"
#include "model/rg-format.h"
#include "model/rg-money-settings.h"
#include "model/rg-pricing.h"
#include "model/rg-service.h"
#include "util/rg-money.h"
#include "model/rg-record-list.h"
#include "model/rg-schedule.h"
#include "rg-hours-row.h"
#include "model/rg-staff-schedule.h"
#include "rg-staff-editor.h"

/* How far ahead days off are listed. */
#define DAYS_OFF_AHEAD (5 * 366)

struct _RgStaffEditor
{
  AdwBin               parent_instance;

  RgStudio            *studio;
  RgStaff             *staff;
  GArray              *days_off_saved;  /* RgDayOff from today on, as stored */
  GArray              *days_off;        /* RgDayOff, as edited, by date */
  GPtrArray           *day_off_rows;
  RgHoursRow          *hours[7];
  RgDate               today;
  GArray              *rates;           /* RgServiceRate, as edited */
  GPtrArray           *rate_rows;
  RgRecordList        *services;        /* every service, for the names */
  GArray              *offered_ids;     /* the services the drop-down offers */
  GtkDropDown         *rate_service;
  GtkEditable         *rate_percent;
  GtkWidget           *add_rate_row;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  GtkWidget           *color_button;
  AdwEntryRow         *phone_row;
  GtkWidget           *pay_group;
  AdwEntryRow         *pay_rate_row;
  AdwEntryRow         *pay_per_visit_row;
  AdwPreferencesGroup *rates_group;
  AdwPreferencesGroup *hours_group;
  AdwPreferencesGroup *days_off_group;
  GtkWidget           *no_days_off_row;
  GtkMenuButton       *add_day_off_button;
  GtkCalendar         *day_off_calendar;
  GtkSpinButton       *day_off_length;
  GtkEditable         *day_off_reason;
  GtkWidget           *manage_group;
  GtkWidget           *archive_button;
  GtkWidget           *restore_button;
  GtkWidget           *delete_button;
};

G_DEFINE_FINAL_TYPE (RgStaffEditor, rg_staff_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STUDIO,
  PROP_STAFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The GNOME palette, as the demo studio uses it: primary shades first. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a", "#77767b",
  "#1c71d8", "#2ec27e", "#f5c211", "#e66100", "#c01c28", "#813d9c", "#865e3c", "#5e5c64",
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f", "#9a9996",
  "#1a5fb4", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583", "#63452c", "#3d3846",
};

/* Days off ------------------------------------------------------------------ */

static void
clear_day_off (gpointer data)
{
  RgDayOff *day_off = data;

  g_clear_pointer (&day_off->reason, g_free);
}

static GArray *
new_days_off (void)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (RgDayOff));

  g_array_set_clear_func (days, clear_day_off);
  return days;
}

static int
find_day_off (GArray *days,
              RgDate  date)
{
  for (guint i = 0; i < days->len; i++)
    if (rg_date_compare (g_array_index (days, RgDayOff, i).date, date) == 0)
      return i;
  return -1;
}

static int
compare_days_off (gconstpointer a,
                  gconstpointer b)
{
  return rg_date_compare (((const RgDayOff *) a)->date, ((const RgDayOff *) b)->date);
}

static char *
format_date (RgDate   date,
             gboolean with_year)
{
  return rg_format_birthday (date.day, date.month, with_year ? date.year : 0);
}

/* The bookings of the person on days off from @first to @last, as
 * RgBookingConflict; NULL for someone not saved yet or on an error. */
static GPtrArray *
bookings_in_days (RgStaffEditor *self,
                  RgDate         first,
                  RgDate         last)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rg_record_get_id (RG_RECORD (self->staff));
  GPtrArray *found;

  if (id == 0)
    return NULL;
  found = rg_booking_find_in_days (self->studio, id, first, last, &error);
  if (found == NULL)
    g_warning ("Could not look for bookings on the days off: %s", error->message);
  return found;
}

static GtkWidget *
new_day_off_row (RgDate      first,
                 RgDate      last,
                 const char *reason,
                 GPtrArray  *bookings)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  int n = rg_date_days_between (first, last) + 1;
  g_autofree char *title = NULL;
  g_autofree char *length = NULL;
  g_autofree char *first_iso = rg_date_to_iso (first);
  g_autofree char *last_iso = rg_date_to_iso (last);

  if (n == 1)
    title = format_date (first, TRUE);
  else
    {
      g_autofree char *a = format_date (first, first.year != last.year);
      g_autofree char *b = format_date (last, TRUE);

      /* Translators: a range of days off, as in "24 November – 1 December 2026" */
      title = g_strdup_printf (_("%s – %s"), a, b);
    }

  length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (reason && *reason)
    {
      /* Translators: why and how long someone is off, as in "Vacation · 7 days" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), reason, length);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), length);

  /* Bookings left on those days: named in the tooltip, to move or cancel. */
  if (bookings && bookings->len > 0)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autoptr(GString) tip = g_string_new (NULL);

      gtk_widget_add_css_class (warning, "warning");
      g_string_append_printf (tip, g_dngettext (GETTEXT_PACKAGE, "%u booking on these days:",
                                                "%u bookings on these days:", bookings->len), bookings->len);
      for (guint i = 0; i < bookings->len; i++)
        g_string_append_printf (tip, "\n%s", ((RgBookingConflict *) bookings->pdata[i])->message);
      gtk_widget_set_tooltip_text (warning, tip->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL, tip->str, -1);
      gtk_widget_add_css_class (row, "has-bookings");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-days-off");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)", first_iso, last_iso);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* One row per run of consecutive days with the same reason. */
static void
update_days_off (RgStaffEditor *self)
{
  for (guint i = 0; i < self->day_off_rows->len; i++)
    adw_preferences_group_remove (self->days_off_group, g_ptr_array_index (self->day_off_rows, i));
  g_ptr_array_set_size (self->day_off_rows, 0);

  for (guint i = 0; i < self->days_off->len;)
    {
      const RgDayOff *first = &g_array_index (self->days_off, RgDayOff, i);
      guint j = i + 1;
      GtkWidget *row;

      while (j < self->days_off->len)
        {
          const RgDayOff *next = &g_array_index (self->days_off, RgDayOff, j);
          const RgDayOff *prev = &g_array_index (self->days_off, RgDayOff, j - 1);

          if (rg_date_days_between (prev->date, next->date) != 1 ||
              g_strcmp0 (first->reason, next->reason) != 0)
            break;
          j++;
        }

      {
        RgDate last = g_array_index (self->days_off, RgDayOff, j - 1).date;
        g_autoptr(GPtrArray) bookings = bookings_in_days (self, first->date, last);

        row = new_day_off_row (first->date, last, first->reason, bookings);
      }
      g_ptr_array_add (self->day_off_rows, row);
      adw_preferences_group_add (self->days_off_group, row);
      i = j;
    }

  gtk_widget_set_visible (self->no_days_off_row, self->days_off->len == 0);
}

static void
day_off_popover_show_cb (RgStaffEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->day_off_calendar, now);
  gtk_spin_button_set_value (self->day_off_length, 1);
  gtk_editable_set_text (self->day_off_reason, "");
}

/* A day off does not move anyone's booking: the ones on those days are
 * named at once, to move or cancel in the calendar. */
static void
tell_bookings (RgStaffEditor *self,
               RgDate         first,
               RgDate         last)
{
  g_autoptr(GPtrArray) bookings = bookings_in_days (self, first, last);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  guint shown = MIN (bookings ? bookings->len : 0, 8);

  if (bookings == NULL || bookings->len == 0)
    return;

  /* Translators: a master given days off that have bookings; %s is the master */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Has a Booking on These Days",
                                          "%s Has Bookings on These Days", bookings->len),
                             rg_staff_get_display_name (self->staff));
  for (guint i = 0; i < shown; i++)
    g_string_append_printf (body, "%s\n", ((RgBookingConflict *) bookings->pdata[i])->message);
  if (bookings->len > shown)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more\n", "and %u more\n",
                                               bookings->len - shown), bookings->len - shown);
  g_string_append_c (body, '\n');
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "The day off does not move it: move it to another master or day, or cancel "
                                      "it, in the calendar.",
                                      "The day off does not move them: move them to another master or day, or "
                                      "cancel them, in the calendar.", bookings->len));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body->str));
  adw_message_dialog_add_response (dialog, "ok", _("_OK"));
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "ok");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_days_off_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (widget);
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->day_off_calendar);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->day_off_reason)));
  int n = gtk_spin_button_get_value_as_int (self->day_off_length);
  RgDate first = { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };

  for (int k = 0; k < n; k++)
    {
      RgDate date = rg_date_add_days (first, k);
      int i = find_day_off (self->days_off, date);

      if (i >= 0)
        {
          RgDayOff *existing = &g_array_index (self->days_off, RgDayOff, i);

          g_free (existing->reason);
          existing->reason = *reason ? g_strdup (reason) : NULL;
        }
      else
        {
          RgDayOff day_off = { date, *reason ? g_strdup (reason) : NULL };

          g_array_append_val (self->days_off, day_off);
        }
    }

  g_array_sort (self->days_off, compare_days_off);
  gtk_menu_button_popdown (self->add_day_off_button);
  update_days_off (self);
  tell_bookings (self, first, rg_date_add_days (first, n - 1));
}

static void
remove_days_off_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (widget);
  const char *first_iso, *last_iso;
  RgDate first, last;

  g_variant_get (parameter, "(&s&s)", &first_iso, &last_iso);
  if (!rg_date_from_iso (first_iso, &first) || !rg_date_from_iso (last_iso, &last))
    return;

  for (guint i = self->days_off->len; i > 0; i--)
    {
      RgDate date = g_array_index (self->days_off, RgDayOff, i - 1).date;

      if (rg_date_compare (date, first) >= 0 && rg_date_compare (date, last) <= 0)
        g_array_remove_index (self->days_off, i - 1);
    }

  update_days_off (self);
}

/* Saving ---------------------------------------------------------------------- */

static void
color_to_hex (const GdkRGBA *rgba,
              char           hex[8])
{
  g_snprintf (hex, 8, "#%02x%02x%02x",
              (guint) CLAMP (rgba->red * 255 + 0.5, 0, 255),
              (guint) CLAMP (rgba->green * 255 + 0.5, 0, 255),
              (guint) CLAMP (rgba->blue * 255 + 0.5, 0, 255));
}

static void
apply_fields (RgStaffEditor *self,
              RgStaff       *staff)
{
  g_autofree char *phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  guint role = adw_combo_row_get_selected (self->role_row);
  GdkRGBA rgba;
  char hex[8];

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color_to_hex (&rgba, hex);

  g_object_freeze_notify (G_OBJECT (staff));
  rg_staff_set_display_name (staff, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rg_staff_set_color (staff, hex);
  if (role != GTK_INVALID_LIST_POSITION)
    rg_staff_set_role (staff, (RgStaffRole) role);
  rg_staff_set_phone (staff, *phone ? phone : NULL);
  g_object_thaw_notify (G_OBJECT (staff));
}

/* After a refused write: the live record back as stored, or a new draft in
 * place of one whose insert was rolled back. */
static void
revert (RgStaffEditor *self,
        gboolean       was_new)
{
  if (!was_new)
    {
      g_autoptr(GError) error = NULL;

      if (!rg_studio_reload (self->studio, self->staff, &error))
        g_debug ("Could not reload the staff member: %s", error->message);
    }
  else if (rg_record_get_id (RG_RECORD (self->staff)) != 0)
    {
      RgStaff *draft = rg_staff_new (rg_staff_get_display_name (self->staff),
                                     rg_staff_get_role (self->staff));

      rg_staff_set_position (draft, rg_staff_get_position (self->staff));
      g_set_object (&self->staff, draft);
      g_object_unref (draft);
    }
}

static GArray *
copy_days_off (GArray *days)
{
  GArray *copy = new_days_off ();

  for (guint i = 0; i < days->len; i++)
    {
      const RgDayOff *d = &g_array_index (days, RgDayOff, i);
      RgDayOff c = { d->date, g_strdup (d->reason) };

      g_array_append_val (copy, c);
    }

  return copy;
}


/* Writes the draft: the person, the hours of every weekday and the days off
 * ahead, all or nothing. */
gboolean
rg_staff_editor_save (RgStaffEditor  *self,
                      GError        **error)
{
  GArray *hours[7] = { NULL };
  gboolean was_new, ok = FALSE;
  int pay_rate = 0;
  gint64 pay_per_visit = 0;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RG_IS_STAFF_EDITOR (self), FALSE);

  was_new = rg_record_get_id (RG_RECORD (self->staff)) == 0;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");

  for (int wd = 1; wd <= 7; wd++)
    {
      g_autoptr(GError) local_error = NULL;

      hours[wd - 1] = rg_hours_row_get_spans (self->hours[wd - 1]);
      if (!rg_schedule_check_hours ((const RgSpan *) hours[wd - 1]->data, hours[wd - 1]->len, &local_error))
        {
          g_autofree char *day = rg_hours_row_dup_day_name (wd);

          /* The row says what is wrong; a toast has room for little. */
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->hours[wd - 1]), TRUE);
          /* Translators: %s is a weekday, as in "Check the working hours: Monday." */
          g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID, _("Check the working hours: %s."), day);
          goto out;
        }
    }

  {
    const char *rate_text = gtk_editable_get_text (GTK_EDITABLE (self->pay_rate_row));
    const char *fixed_text = gtk_editable_get_text (GTK_EDITABLE (self->pay_per_visit_row));

    /* Empty: nothing. */
    if (*rate_text != '\0' && !rg_percent_parse (rate_text, &pay_rate, error))
      {
        gtk_widget_add_css_class (GTK_WIDGET (self->pay_rate_row), "error");
        goto out;
      }
    if (*fixed_text != '\0' && !rg_money_parse (fixed_text, &pay_per_visit, error))
      {
        gtk_widget_add_css_class (GTK_WIDGET (self->pay_per_visit_row), "error");
        goto out;
      }
  }

  apply_fields (self, self->staff);
  rg_staff_set_pay_rate (self->staff, pay_rate);
  rg_staff_set_pay_per_visit (self->staff, pay_per_visit);

  /* The person, the weekdays, the days off ahead and the rates by
   * service: one command. */
  {
    RgStaffSchedule schedule = { { NULL }, self->days_off, self->today,
                                 rg_date_add_days (self->today, DAYS_OFF_AHEAD), self->rates };

    for (int i = 0; i < 7; i++)
      schedule.hours[i] = hours[i];
    if (!rg_staff_save_with_schedule (self->studio, self->staff, &schedule, error))
      {
        revert (self, was_new);
        goto out;
      }
  }

  g_clear_pointer (&self->days_off_saved, g_array_unref);
  self->days_off_saved = copy_days_off (self->days_off);
  ok = TRUE;

out:
  for (int i = 0; i < 7; i++)
    g_clear_pointer (&hours[i], g_array_unref);
  return ok;
}

/* Actions --------------------------------------------------------------------- */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!rg_staff_editor_save (self, &error))
    {
      rg_studio_window_show_error (GTK_WIDGET (self), error);
      return;
    }

  rg_studio_window_close_page (GTK_WIDGET (self));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rg_studio_window_close_page (widget);
}

static void
entry_activated_cb (RgStaffEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
name_changed_cb (RgStaffEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
pay_changed_cb (RgStaffEditor *self,
                GtkWidget     *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/* Rates by service ---------------------------------------------------------------- */

static const char *
service_name (RgStaffEditor *self,
              gint64         service_id)
{
  RgService *service = rg_record_list_find (self->services, service_id, NULL);

  return service ? rg_service_get_name (service) : "";
}

static void
rebuild_rates (RgStaffEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->services));

  for (guint i = 0; i < self->rate_rows->len; i++)
    adw_preferences_group_remove (self->rates_group, self->rate_rows->pdata[i]);
  g_ptr_array_set_size (self->rate_rows, 0);

  for (guint i = 0; i < self->rates->len; i++)
    {
      const RgServiceRate *rate = &g_array_index (self->rates, RgServiceRate, i);
      g_autofree char *percent = rg_pricing_format_percent (rate->pay_rate);
      g_autofree char *subtitle = g_strdup_printf ("%s %%", percent);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), service_name (self, rate->service_id));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Rate for This Service"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-rate");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (rate->service_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->rates_group, row);
      g_ptr_array_add (self->rate_rows, row);
    }

  /* The row that adds one comes last. */
  g_object_ref (self->add_rate_row);
  adw_preferences_group_remove (self->rates_group, self->add_rate_row);
  adw_preferences_group_add (self->rates_group, self->add_rate_row);
  g_object_unref (self->add_rate_row);

  /* The drop-down offers the active services without a rate yet. */
  g_array_set_size (self->offered_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgService) service = g_list_model_get_item (G_LIST_MODEL (self->services), i);
      gint64 id = rg_record_get_id (RG_RECORD (service));
      gboolean has = FALSE;

      if (rg_service_get_archived (service))
        continue;
      for (guint j = 0; j < self->rates->len && !has; j++)
        has = g_array_index (self->rates, RgServiceRate, j).service_id == id;
      if (has)
        continue;
      gtk_string_list_append (names, rg_service_get_name (service));
      g_array_append_val (self->offered_ids, id);
    }
  gtk_drop_down_set_model (self->rate_service, G_LIST_MODEL (names));
  gtk_widget_set_visible (self->add_rate_row, self->offered_ids->len > 0);
}

static void
add_rate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (widget);
  guint selected = gtk_drop_down_get_selected (self->rate_service);
  g_autoptr(GError) error = NULL;
  RgServiceRate rate = { 0 };

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->offered_ids->len)
    return;
  if (!rg_percent_parse (gtk_editable_get_text (self->rate_percent), &rate.pay_rate, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rate_percent), "error");
      rg_studio_window_show_error (widget, error);
      return;
    }
  rate.service_id = g_array_index (self->offered_ids, gint64, selected);
  g_array_append_val (self->rates, rate);
  gtk_editable_set_text (self->rate_percent, "");
  rebuild_rates (self);
}

static void
remove_rate_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, RgServiceRate, i).service_id == id)
      {
        g_array_remove_index (self->rates, i);
        break;
      }
  rebuild_rates (self);
}

static void
rate_percent_changed_cb (GtkWidget *entry)
{
  gtk_widget_remove_css_class (entry, "error");
}

static void
rate_percent_activate_cb (GtkWidget *entry)
{
  gtk_widget_activate_action (entry, "editor.add-rate", NULL);
}

static void
setup_rates (RgStaffEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Another Rate"));
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_set_hexpand (entry, FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("%"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pay rate, %"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Service"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (rate_percent_changed_cb), NULL);
  g_signal_connect (entry, "activate", G_CALLBACK (rate_percent_activate_cb), NULL);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add the Rate"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add-rate");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  adw_preferences_group_add (self->rates_group, row);

  self->add_rate_row = row;
  self->rate_service = GTK_DROP_DOWN (drop_down);
  self->rate_percent = GTK_EDITABLE (entry);
}

/* A room or a piece of equipment earns nothing. */
static void
role_changed_cb (RgStaffEditor *self)
{
  gboolean earns = adw_combo_row_get_selected (self->role_row) != RG_STAFF_ROLE_RESOURCE;

  gtk_widget_set_visible (self->pay_group, earns);
  gtk_widget_set_visible (GTK_WIDGET (self->rates_group), earns);
}

static void
load_pay (RgStaffEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rates = NULL;
  gint64 id = rg_record_get_id (RG_RECORD (self->staff));
  int rate = rg_staff_get_pay_rate (self->staff);
  gint64 fixed = rg_staff_get_pay_per_visit (self->staff);
  g_autofree char *rate_text = rg_pricing_format_percent (rate);
  g_autofree char *fixed_text = rg_format_money_editable (fixed);

  gtk_editable_set_text (GTK_EDITABLE (self->pay_rate_row), rate ? rate_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->pay_per_visit_row), fixed ? fixed_text : "");

  self->services = rg_record_list_new_services (self->studio, TRUE);
  if (id != 0)
    {
      rates = rg_studio_list_staff_rates (self->studio, id, &error);
      if (rates == NULL)
        g_warning ("Could not read the pay rates: %s", error->message);
      else
        g_array_append_vals (self->rates, rates->data, rates->len);
    }
  rebuild_rates (self);
}

/* Filling in ------------------------------------------------------------------- */

static void
load_hours (RgStaffEditor *self)
{
  gint64 id = rg_record_get_id (RG_RECORD (self->staff));

  for (int wd = 1; wd <= 7; wd++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) spans = NULL;

      if (id != 0)
        {
          spans = rg_staff_load_hours (self->studio, id, wd, &error);
          if (spans == NULL)
            g_warning ("Could not read the working hours: %s", error->message);
        }
      else if (wd <= 5)
        {
          /* A new person works 10:00–19:00 on weekdays until told otherwise. */
          RgSpan span = { 10 * 60, 19 * 60 };

          spans = g_array_new (FALSE, FALSE, sizeof (RgSpan));
          g_array_append_val (spans, span);
        }

      if (spans)
        rg_hours_row_set_spans (self->hours[wd - 1], (const RgSpan *) spans->data, spans->len);
      else
        rg_hours_row_set_spans (self->hours[wd - 1], NULL, 0);
    }
}

static void
load_days_off (RgStaffEditor *self)
{
  gint64 id = rg_record_get_id (RG_RECORD (self->staff));
  g_autoptr(GError) error = NULL;

  if (id != 0)
    {
      GArray *days = rg_staff_load_days_off (self->studio, id, self->today,
                                             rg_date_add_days (self->today, DAYS_OFF_AHEAD), &error);
      if (days == NULL)
        g_warning ("Could not read the days off: %s", error->message);
      else
        {
          g_array_unref (self->days_off_saved);
          self->days_off_saved = days;
        }
    }

  g_clear_pointer (&self->days_off, g_array_unref);
  self->days_off = copy_days_off (self->days_off_saved);
  update_days_off (self);
}

static void
setup_palette (RgStaffEditor *self)
{
  GdkRGBA colors[G_N_ELEMENTS (palette)];

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    gdk_rgba_parse (&colors[i], palette[i]);

  /* Only the calendar's palette, without GTK's default one. */
  gtk_color_chooser_add_palette (GTK_COLOR_CHOOSER (self->color_button), GTK_ORIENTATION_HORIZONTAL,
                                 0, 0, NULL);
  gtk_color_chooser_add_palette (GTK_COLOR_CHOOSER (self->color_button), GTK_ORIENTATION_HORIZONTAL,
                                 8, G_N_ELEMENTS (colors), colors);
}

/* A new staff member goes after everyone else, in the first colour of the
 * palette nobody in the calendar has. */
static RgStaff *
new_draft (RgStaffEditor *self)
{
  g_autoptr(RgRecordList) staff = rg_record_list_new_staff (self->studio, TRUE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (staff));
  const char *color = palette[n % G_N_ELEMENTS (palette)];
  RgStaff *draft = rg_staff_new ("", RG_STAFF_ROLE_MASTER);
  int last = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) member = g_list_model_get_item (G_LIST_MODEL (staff), i);
      last = MAX (last, rg_staff_get_position (member));
    }

  for (guint c = 0; c < G_N_ELEMENTS (palette); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(RgStaff) member = g_list_model_get_item (G_LIST_MODEL (staff), i);
          used = !rg_staff_get_archived (member) &&
                 g_ascii_strcasecmp (rg_staff_get_color (member), palette[c]) == 0;
        }
      if (!used)
        {
          color = palette[c];
          break;
        }
    }

  rg_staff_set_color (draft, color);
  rg_staff_set_position (draft, last + 1);
  return draft;
}

static void
rg_staff_editor_constructed (GObject *object)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (object);
  gboolean is_new, archived;
  GVariant *target;
  const char *phone;
  GdkRGBA rgba;

  G_OBJECT_CLASS (rg_staff_editor_parent_class)->constructed (object);

  g_assert (self->studio != NULL);

  if (self->staff == NULL)
    self->staff = new_draft (self);
  is_new = rg_record_get_id (RG_RECORD (self->staff)) == 0;
  archived = rg_staff_get_archived (self->staff);
  target = g_variant_ref_sink (g_variant_new_int64 (rg_record_get_id (RG_RECORD (self->staff))));
  phone = rg_staff_get_phone (self->staff);

  adw_window_title_set_title (self->window_title, is_new ? _("New Staff Member") : _("Staff Member"));
  if (!is_new)
    adw_window_title_set_subtitle (self->window_title, rg_staff_get_display_name (self->staff));
  gtk_button_set_label (GTK_BUTTON (self->save_button), is_new ? _("_Add") : _("_Save"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rg_staff_get_display_name (self->staff)
                                                        ? rg_staff_get_display_name (self->staff) : "");
  adw_combo_row_set_selected (self->role_row, rg_staff_get_role (self->staff));
  if (gdk_rgba_parse (&rgba, rg_staff_get_color (self->staff)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone ? phone : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->archive_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->restore_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);
  gtk_widget_set_visible (self->manage_group, !is_new);
  gtk_widget_set_visible (self->archive_button, !archived);
  gtk_widget_set_visible (self->restore_button, archived);

  load_hours (self);
  load_days_off (self);
  load_pay (self);
  role_changed_cb (self);
}

static gboolean
focus_name_cb (gpointer data)
{
  RgStaffEditor *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return G_SOURCE_REMOVE;
}

/* A new one starts at its name, once the window has moved the focus into
 * the page as it slides in. */
static void
rg_staff_editor_map (GtkWidget *widget)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (widget);

  GTK_WIDGET_CLASS (rg_staff_editor_parent_class)->map (widget);

  if (rg_record_get_id (RG_RECORD (self->staff)) == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_name_cb, g_object_ref (self), g_object_unref);
}

static void
rg_staff_editor_dispose (GObject *object)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (object);

  if (self->day_off_rows)
    g_ptr_array_set_size (self->day_off_rows, 0);
  if (self->rate_rows)
    g_ptr_array_set_size (self->rate_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_STAFF_EDITOR);
  g_clear_object (&self->services);
  g_clear_object (&self->staff);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_staff_editor_parent_class)->dispose (object);
}

static void
rg_staff_editor_finalize (GObject *object)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (object);

  g_clear_pointer (&self->days_off, g_array_unref);
  g_clear_pointer (&self->days_off_saved, g_array_unref);
  g_clear_pointer (&self->day_off_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rates, g_array_unref);
  g_clear_pointer (&self->rate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->offered_ids, g_array_unref);

  G_OBJECT_CLASS (rg_staff_editor_parent_class)->finalize (object);
}

static void
rg_staff_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_staff_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RgStaffEditor *self = RG_STAFF_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      self->studio = g_value_dup_object (value);
      break;
    case PROP_STAFF:
      self->staff = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_staff_editor_class_init (RgStaffEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_staff_editor_constructed;
  object_class->dispose = rg_staff_editor_dispose;
  object_class->finalize = rg_staff_editor_finalize;
  object_class->get_property = rg_staff_editor_get_property;
  object_class->set_property = rg_staff_editor_set_property;

  widget_class->map = rg_staff_editor_map;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, RG_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-staff-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, pay_group);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, pay_rate_row);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, pay_per_visit_row);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, rates_group);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, hours_group);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, days_off_group);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, no_days_off_row);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, add_day_off_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, day_off_calendar);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, day_off_length);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, day_off_reason);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, manage_group);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, archive_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, restore_button);
  gtk_widget_class_bind_template_child (widget_class, RgStaffEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pay_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_off_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-days-off", NULL, add_days_off_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-rate", NULL, add_rate_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove-rate", "x", remove_rate_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove-days-off", "(ss)", remove_days_off_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rg_staff_editor_init (RgStaffEditor *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  self->today = rg_date_today ();
  self->days_off_saved = new_days_off ();
  self->days_off = new_days_off ();
  self->day_off_rows = g_ptr_array_new ();
  self->rates = g_array_new (FALSE, FALSE, sizeof (RgServiceRate));
  self->rate_rows = g_ptr_array_new ();
  self->offered_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_rates (self);

  for (RgStaffRole role = RG_STAFF_ROLE_MASTER; role <= RG_STAFF_ROLE_RESOURCE; role++)
    gtk_string_list_append (roles, rg_staff_role_to_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (role_changed_cb), self);

  for (int wd = 1; wd <= 7; wd++)
    {
      self->hours[wd - 1] = RG_HOURS_ROW (rg_hours_row_new (wd));
      adw_preferences_group_add (self->hours_group, GTK_WIDGET (self->hours[wd - 1]));
    }

  setup_palette (self);
}

/* @staff: the person to edit, or NULL for a new one. */
GtkWidget *
rg_staff_editor_new (RgStudio *studio,
                     RgStaff  *staff)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (staff == NULL || RG_IS_STAFF (staff), NULL);

  return g_object_new (RG_TYPE_STAFF_EDITOR, "studio", studio, "staff", staff, NULL);
}

RgStaff *
rg_staff_editor_get_staff (RgStaffEditor *self)
{
  g_return_val_if_fail (RG_IS_STAFF_EDITOR (self), NULL);
  return self->staff;
}

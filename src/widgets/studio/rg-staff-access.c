/* rg-staff-access.c — the Studio window's Staff Access page.
 *
 * For each member of staff, a combo of their profile's role (none,
 * director, administrator, master) and a button to set or reset their
 * PIN; choosing a role for someone without a profile asks their PIN
 * first (the first profile is the director's, made with the director's
 * own PIN); "none" removes the profile. The model decides (only a
 * director changes roles; the only director stays one) and its refusals
 * are shown in a toast, the rows read back. Below, the lock's minutes
 * and the thresholds above which discounts and refunds are written to
 * the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-staff-access"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-record-list.h"
#include "model/rg-roles.h"
#include "model/rg-staff.h"
#include "model/rg-studio-settings.h"
#include "util/rg-money.h"
#include "widgets/lock/rg-lock-util.h"
#include "widgets/lock/rg-pin-dialog.h"
#include "rg-staff-access.h"
#include "rg-studio-rows.h"

struct _RgStaffAccess
{
  AdwPreferencesPage    parent_instance;

  RgStudio             *studio;
  RgRecordList         *staff;
  AdwPreferencesGroup  *people_group;
  GPtrArray            *rows;           /* the people's rows, to remove on a rebuild */
  GHashTable           *role_rows;      /* staff id → AdwComboRow */
  GHashTable           *pin_buttons;    /* staff id → GtkButton */
  GtkSpinButton        *lock_minutes;
  AdwEntryRow          *audit_discount;
  AdwEntryRow          *audit_refund;
  guint                 rebuild_id;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (RgStaffAccess, rg_staff_access, ADW_TYPE_PREFERENCES_PAGE)

/* The combo's order: RgRole's, "none" first. */
static const RgRole combo_roles[] = { RG_ROLE_NONE, RG_ROLE_DIRECTOR, RG_ROLE_ADMINISTRATOR, RG_ROLE_MASTER };

static void rebuild (RgStaffAccess *self);

static void
toast (RgStaffAccess *self,
       const char    *message)
{
  GError error = { 0, 0, (char *) message };

  rg_studio_error_toast (GTK_WIDGET (self), &error);
}

static GtkWindow *
parent_window (RgStaffAccess *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
rebuild_cb (gpointer data)
{
  RgStaffAccess *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* After a combo's own signal: the rows are rebuilt in an idle. */
static void
rebuild_later (RgStaffAccess *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

typedef struct {
  RgStaffAccess *self;
  gint64         staff_id;
  RgRole         role;       /* RG_ROLE_NONE: a PIN reset */
} PinJob;

static void
pin_job_free (gpointer data)
{
  PinJob *job = data;

  rebuild_later (job->self);
  g_object_unref (job->self);
  g_free (job);
}

static gboolean
save_pin (const char  *pin,
          gpointer     data,
          GError     **error)
{
  PinJob *job = data;

  if (job->role == RG_ROLE_NONE)
    return rg_studio_reset_pin (job->self->studio, job->staff_id, pin, error);
  if (!rg_studio_save_profile (job->self->studio, job->staff_id, job->role, pin, error))
    return FALSE;
  rg_studio_announce (job->self->studio, RG_CHANGES_SESSION);
  return TRUE;
}

static void
ask_pin (RgStaffAccess *self,
         gint64         staff_id,
         const char    *name,
         RgRole         role)
{
  PinJob *job = g_new0 (PinJob, 1);
  g_autofree char *title = NULL;
  const char *body;

  job->self = g_object_ref (self);
  job->staff_id = staff_id;
  job->role = role;
  if (role == RG_ROLE_NONE)
    {
      /* Translators: a dialog's title, with a staff member's name */
      title = g_strdup_printf (_("A New PIN for %s"), name);
      body = _("The old PIN stops working, and a profile locked by wrong PINs opens again.");
    }
  else if (!rg_studio_has_profiles (self->studio))
    {
      title = g_strdup_printf (_("%s’s PIN as Director"), name);
      body = _("From now on everyone signs in with a PIN and sees what their role allows. "
               "You are signed in as the director.");
    }
  else
    {
      /* Translators: a dialog's title: "Marina’s PIN" */
      title = g_strdup_printf (_("%s’s PIN"), name);
      body = _("They sign in with it. Tell it to them, not to anyone else.");
    }
  rg_pin_dialog_present (parent_window (self), title, body, save_pin, job, pin_job_free);
}

static void
role_chosen_cb (AdwComboRow   *row,
                GParamSpec    *pspec,
                RgStaffAccess *self)
{
  g_autoptr(GError) error = NULL;
  gint64 staff_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "rg-staff-id"));
  RgRole was = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "rg-role"));
  guint selected = adw_combo_row_get_selected (row);
  RgRole role;

  if (self->loading || selected >= G_N_ELEMENTS (combo_roles))
    return;
  role = combo_roles[selected];
  if (role == was)
    return;
  if (role == RG_ROLE_NONE)
    {
      if (!rg_studio_remove_profile (self->studio, staff_id, &error))
        toast (self, error->message);
      else
        rg_studio_announce (self->studio, RG_CHANGES_SESSION);
    }
  else if (was == RG_ROLE_NONE)
    {
      if (!rg_studio_has_profiles (self->studio) && role != RG_ROLE_DIRECTOR)
        toast (self, _("The first profile is the director’s: they give everyone else theirs."));
      else
        ask_pin (self, staff_id, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), role);
    }
  else if (!rg_studio_save_profile (self->studio, staff_id, role, NULL, &error))
    toast (self, error->message);
  else
    rg_studio_announce (self->studio, RG_CHANGES_SESSION);
  rebuild_later (self);
}

static void
pin_clicked_cb (GtkButton     *button,
                RgStaffAccess *self)
{
  gint64 staff_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "rg-staff-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "rg-name");

  ask_pin (self, staff_id, name, RG_ROLE_NONE);
}

static const RgProfile *
find_profile (GArray *profiles,
              gint64  staff_id)
{
  for (guint i = 0; profiles && i < profiles->len; i++)
    if (g_array_index (profiles, RgProfile, i).staff_id == staff_id)
      return &g_array_index (profiles, RgProfile, i);
  return NULL;
}

static void
rebuild (RgStaffAccess *self)
{
  g_autoptr(GArray) profiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean may = !rg_studio_has_profiles (self->studio) || rg_studio_may (self->studio, RG_ACTION_ROLES);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->role_rows);
  g_hash_table_remove_all (self->pin_buttons);

  profiles = rg_studio_list_profiles (self->studio, &error);
  if (profiles == NULL)
    toast (self, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (combo_roles); i++)
    gtk_string_list_append (names, combo_roles[i] == RG_ROLE_NONE ? C_("role", "No Profile")
                                                                   : rg_role_to_string (combo_roles[i]));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->staff)); i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      gint64 staff_id = rg_record_get_id (RG_RECORD (staff));
      const RgProfile *profile = find_profile (profiles, staff_id);
      GtkWidget *row, *button;
      g_autofree char *subtitle = NULL;

      if (rg_staff_get_role (staff) == RG_STAFF_ROLE_RESOURCE)
        continue;
      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_staff_get_display_name (staff));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      if (profile == NULL)
        subtitle = g_strdup (profiles && profiles->len ? _("No profile: cannot sign in")
                                                       : _("Nobody has a profile yet: no PIN is asked"));
      else if (profile->locked_until > now)
        {
          g_autofree char *when = rg_format_date_time (profile->locked_until);

          subtitle = g_strdup_printf (_("Locked after wrong PINs until %s"), when);
        }
      else
        subtitle = g_strdup (profile->has_pin ? _("Has a PIN") : _("No PIN yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), rg_lock_dot_new (rg_staff_get_color (staff), 16));
      for (guint r = 0; r < G_N_ELEMENTS (combo_roles); r++)
        if (combo_roles[r] == (profile ? profile->role : RG_ROLE_NONE))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), r);
      g_object_set_data (G_OBJECT (row), "rg-staff-id", GSIZE_TO_POINTER ((gsize) staff_id));
      g_object_set_data (G_OBJECT (row), "rg-role", GINT_TO_POINTER (profile ? profile->role : RG_ROLE_NONE));
      g_signal_connect (row, "notify::selected", G_CALLBACK (role_chosen_cb), self);

      button = gtk_button_new_with_mnemonic (profile && profile->has_pin ? _("Reset _PIN…") : _("Set _PIN…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (button, profile != NULL);
      g_object_set_data (G_OBJECT (button), "rg-staff-id", GSIZE_TO_POINTER ((gsize) staff_id));
      g_object_set_data_full (G_OBJECT (button), "rg-name", g_strdup (rg_staff_get_display_name (staff)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (pin_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_widget_set_sensitive (row, may);

      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->role_rows, g_memdup2 (&staff_id, sizeof staff_id), row);
      g_hash_table_insert (self->pin_buttons, g_memdup2 (&staff_id, sizeof staff_id), button);
    }
  adw_preferences_group_set_description (self->people_group,
                                         may ? _("Each person signs in with their PIN and sees what their role "
                                                 "allows. A studio where nobody has a profile asks for no PIN.")
                                             : _("Only a director changes roles and PINs."));

  gtk_spin_button_set_value (self->lock_minutes, rg_studio_get_number (self->studio, RG_STUDIO_LOCK_MINUTES));
  {
    gint64 bp = rg_studio_get_number (self->studio, RG_STUDIO_AUDIT_DISCOUNT);
    g_autofree char *percent = bp % 100 ? g_strdup_printf ("%lld.%02lld", (long long) bp / 100, (long long) bp % 100)
                                        : g_strdup_printf ("%lld", (long long) bp / 100);
    g_autofree char *money = rg_format_money_editable (rg_studio_get_number (self->studio, RG_STUDIO_AUDIT_REFUND));

    gtk_editable_set_text (GTK_EDITABLE (self->audit_discount), percent);
    gtk_editable_set_text (GTK_EDITABLE (self->audit_refund), money);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_minutes), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->audit_discount), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->audit_refund), may);
  self->loading = FALSE;
}

static void
set_number (RgStaffAccess  *self,
            RgStudioNumber  number,
            gint64          value,
            GtkWidget      *row)
{
  g_autoptr(GError) error = NULL;

  if (!rg_studio_set_number (self->studio, number, value, &error))
    {
      gtk_widget_add_css_class (row, "error");
      toast (self, error->message);
    }
}

static void
lock_minutes_cb (RgStaffAccess *self)
{
  if (!self->loading)
    set_number (self, RG_STUDIO_LOCK_MINUTES, gtk_spin_button_get_value_as_int (self->lock_minutes),
                GTK_WIDGET (self->lock_minutes));
}

static void
audit_discount_cb (RgStaffAccess *self)
{
  g_autoptr(GError) error = NULL;
  int bp = 0;

  if (!rg_percent_parse (gtk_editable_get_text (GTK_EDITABLE (self->audit_discount)), &bp, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->audit_discount), "error");
      toast (self, error->message);
      return;
    }
  set_number (self, RG_STUDIO_AUDIT_DISCOUNT, bp, GTK_WIDGET (self->audit_discount));
}

static void
audit_refund_cb (RgStaffAccess *self)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  if (!rg_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->audit_refund)), &minor, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->audit_refund), "error");
      toast (self, error->message);
      return;
    }
  set_number (self, RG_STUDIO_AUDIT_REFUND, minor, GTK_WIDGET (self->audit_refund));
}

static void
changes_cb (RgStaffAccess *self,
            RgChanges      changes)
{
  if (changes & (RG_CHANGES_SESSION | RG_CHANGES_STAFF | RG_CHANGES_SETTINGS))
    rebuild_later (self);
}

AdwComboRow *
rg_staff_access_get_role_row (RgStaffAccess *self,
                              gint64         staff_id)
{
  g_return_val_if_fail (RG_IS_STAFF_ACCESS (self), NULL);
  return g_hash_table_lookup (self->role_rows, &staff_id);
}

GtkWidget *
rg_staff_access_get_pin_button (RgStaffAccess *self,
                                gint64         staff_id)
{
  g_return_val_if_fail (RG_IS_STAFF_ACCESS (self), NULL);
  return g_hash_table_lookup (self->pin_buttons, &staff_id);
}

static void
rg_staff_access_dispose (GObject *object)
{
  RgStaffAccess *self = RG_STAFF_ACCESS (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->staff);
  g_clear_object (&self->studio);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_hash_table_unref);
  g_clear_pointer (&self->pin_buttons, g_hash_table_unref);
  G_OBJECT_CLASS (rg_staff_access_parent_class)->dispose (object);
}

static void
rg_staff_access_class_init (RgStaffAccessClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_staff_access_dispose;
}

static void
rg_staff_access_init (RgStaffAccess *self)
{
  self->rows = g_ptr_array_new ();
  self->role_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pin_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

RgStaffAccess *
rg_staff_access_new (RgStudio *studio)
{
  RgStaffAccess *self;
  GtkWidget *group, *row;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_STAFF_ACCESS,
                       "name", "access",
                       "title", _("Staff _Access"),
                       "use-underline", TRUE,
                       "icon-name", "system-lock-screen-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);
  self->staff = rg_record_list_new_staff (studio, FALSE);

  self->people_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->people_group, _("Roles and PINs"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->people_group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Lock and Audit Log"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Lock After Minutes Without Input"));
  self->lock_minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 240, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->lock_minutes), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->lock_minutes));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->lock_minutes));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->audit_discount = rg_studio_entry_row (_("Log Discounts Above, %"), TRUE);
  adw_entry_row_set_show_apply_button (self->audit_discount, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->audit_discount));
  self->audit_refund = rg_studio_entry_row (_("Log Refunds Above (0: Every Refund)"), TRUE);
  adw_entry_row_set_show_apply_button (self->audit_refund, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->audit_refund));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  rebuild (self);
  g_signal_connect_swapped (self->lock_minutes, "value-changed", G_CALLBACK (lock_minutes_cb), self);
  g_signal_connect_swapped (self->audit_discount, "apply", G_CALLBACK (audit_discount_cb), self);
  g_signal_connect_swapped (self->audit_refund, "apply", G_CALLBACK (audit_refund_cb), self);
  g_signal_connect_object (studio, "changes", G_CALLBACK (changes_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff, "items-changed", G_CALLBACK (rebuild_later), self, G_CONNECT_SWAPPED);
  return self;
}

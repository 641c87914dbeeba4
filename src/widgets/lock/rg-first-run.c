/* rg-first-run.c — the first-run assistant of a new studio.
 *
 * One window over the new studio's: the studio's name, your name (the
 * first member of staff, the calendar's first column), and either
 * "Protect with a PIN" (you become the director, with a PIN typed twice:
 * the studio has profiles from now on and locks) or "Work without PINs"
 * (a solo master: no profile, nothing asked). "Later" leaves the studio
 * as it is; everything is in the Studio window afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-first-run"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-record-list.h"
#include "model/rg-roles.h"
#include "model/rg-staff.h"
#include "model/rg-studio-identity.h"
#include "rg-first-run.h"
#include "rg-lock-util.h"

struct _RgFirstRun
{
  AdwWindow             parent_instance;

  RgStudio             *studio;
  gint64                staff_id;     /* once made: a second Start does not make another */
  AdwEntryRow          *studio_row;
  AdwEntryRow          *name_row;
  GtkCheckButton       *protect;
  GtkCheckButton       *solo;
  GtkWidget            *pin_group;
  AdwPasswordEntryRow  *pin_row;
  AdwPasswordEntryRow  *again_row;
  GtkLabel             *message;
};

G_DEFINE_FINAL_TYPE (RgFirstRun, rg_first_run, ADW_TYPE_WINDOW)

static void
say (RgFirstRun *self,
     const char *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text && *text);
}

static void
start (RgFirstRun *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *studio_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->studio_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean protect = gtk_check_button_get_active (self->protect);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  if (*name == '\0')
    {
      say (self, _("Your name is needed: it heads your column in the calendar."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (protect && !rg_pin_is_valid (pin))
    {
      say (self, _("A PIN is 4 to 8 digits."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }
  if (protect && g_strcmp0 (pin, gtk_editable_get_text (GTK_EDITABLE (self->again_row))) != 0)
    {
      say (self, _("The two PINs differ: type the same one twice."));
      gtk_editable_set_text (GTK_EDITABLE (self->again_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->again_row));
      return;
    }

  if (*studio_name)
    {
      g_autofree char *address = rg_studio_dup_address (self->studio);
      g_autofree char *tax_number = rg_studio_dup_tax_number (self->studio);
      g_autofree char *currency = rg_studio_dup_currency (self->studio);

      if (!rg_studio_set_identity (self->studio, studio_name, address, tax_number, currency, &error))
        {
          say (self, error->message);
          return;
        }
    }
  if (self->staff_id == 0)
    {
      g_autoptr(RgStaff) staff = rg_staff_new (name, protect ? RG_STAFF_ROLE_DIRECTOR : RG_STAFF_ROLE_MASTER);

      if (!rg_studio_save (self->studio, staff, &error))
        {
          say (self, error->message);
          return;
        }
      self->staff_id = rg_record_get_id (RG_RECORD (staff));
    }
  if (protect)
    {
      /* The first profile: the director's; whoever makes it is signed in. */
      if (!rg_studio_save_profile (self->studio, self->staff_id, RG_ROLE_DIRECTOR, pin, &error))
        {
          say (self, error->message);
          return;
        }
      rg_studio_announce (self->studio, RG_CHANGES_SESSION);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choice_cb (RgFirstRun *self)
{
  gtk_widget_set_visible (self->pin_group, gtk_check_button_get_active (self->protect));
}

void
rg_first_run_fill (RgFirstRun *self,
                   const char *studio_name,
                   const char *your_name,
                   const char *pin,
                   const char *pin_again)
{
  g_return_if_fail (RG_IS_FIRST_RUN (self));

  gtk_editable_set_text (GTK_EDITABLE (self->studio_row), studio_name ? studio_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), your_name ? your_name : "");
  gtk_check_button_set_active (pin ? self->protect : self->solo, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), pin ? pin : "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_row), pin_again ? pin_again : "");
  start (self);
}

const char *
rg_first_run_get_message (RgFirstRun *self)
{
  g_return_val_if_fail (RG_IS_FIRST_RUN (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : "";
}

gboolean
rg_first_run_wanted (RgStudio *studio)
{
  g_autoptr(RgRecordList) staff = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (rg_studio_has_profiles (studio))
    return FALSE;
  staff = rg_record_list_new_staff (studio, TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (staff)) == 0;
}

static void
rg_first_run_dispose (GObject *object)
{
  RgFirstRun *self = RG_FIRST_RUN (object);

  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_first_run_parent_class)->dispose (object);
}

static void
rg_first_run_class_init (RgFirstRunClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_first_run_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
choice_row (const char     *title,
            const char     *subtitle,
            GtkCheckButton *check)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (GTK_WIDGET (check), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (check));
  return row;
}

static void
rg_first_run_init (RgFirstRun *self)
{
  GtkWidget *box, *header, *later, *ok, *body, *group, *label, *scrolled, *clamp;

  gtk_window_set_title (GTK_WINDOW (self), _("Welcome to Regulars"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_widget_add_css_class (GTK_WIDGET (self), "first-run");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  later = gtk_button_new_with_mnemonic (_("_Later"));
  gtk_widget_set_tooltip_text (later, _("Everything here is also in the Studio window"));
  g_signal_connect_swapped (later, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), later);
  ok = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (ok, "suggested-action");
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (start), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), ok);
  gtk_box_append (GTK_BOX (box), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  label = gtk_label_new (_("A New Studio"));
  gtk_widget_add_css_class (label, "title-2");
  gtk_box_append (GTK_BOX (body), label);
  label = gtk_label_new (_("Three things to begin with; the rest is in the Studio window whenever you like."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (body), label);

  group = adw_preferences_group_new ();
  self->studio_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->studio_row), _("The Studio’s Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->studio_row));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Your Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  gtk_box_append (GTK_BOX (body), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Who Works at This Computer"));
  self->protect = GTK_CHECK_BUTTON (gtk_check_button_new ());
  self->solo = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_group (self->solo, self->protect);
  gtk_check_button_set_active (self->protect, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (_("Protect with a PIN"),
                                         _("Several people: each signs in and sees what their role allows. "
                                           "You are the director and give the others their PINs."),
                                         self->protect));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (_("Work without PINs"),
                                         _("You alone: nothing is asked. A PIN can be set later."),
                                         self->solo));
  g_signal_connect_swapped (self->protect, "toggled", G_CALLBACK (choice_cb), self);
  gtk_box_append (GTK_BOX (body), group);

  self->pin_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->pin_group), _("Your PIN as Director"));
  self->pin_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row), _("New PIN, 4 to 8 digits"));
  rg_lock_digits_only (GTK_EDITABLE (self->pin_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->pin_group), GTK_WIDGET (self->pin_row));
  self->again_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->again_row), _("The same PIN again"));
  rg_lock_digits_only (GTK_EDITABLE (self->again_row));
  g_signal_connect_swapped (self->again_row, "entry-activated", G_CALLBACK (start), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->pin_group), GTK_WIDGET (self->again_row));
  gtk_box_append (GTK_BOX (body), self->pin_group);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->message));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 480);
  adw_clamp_set_child (ADW_CLAMP (clamp), body);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

RgFirstRun *
rg_first_run_present (GtkWindow *parent,
                      RgStudio  *studio)
{
  RgFirstRun *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_FIRST_RUN, NULL);
  self->studio = g_object_ref (studio);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->studio_row));
  return self;
}

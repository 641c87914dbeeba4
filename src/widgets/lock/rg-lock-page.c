/* rg-lock-page.c — the lock screen: "Who are you?", the staff with
 * profiles as big buttons in their colours; one chosen, their PIN.
 *
 * The page only signs in (rg_studio_sign_in); whoever shows it (the
 * window's lock, rg-window-lock.c) hides it when the studio announces a
 * session. A wrong PIN says so under the entry; the model makes the next
 * try wait (2, 4, 8, 16 s) and the page counts that wait down with the
 * entry off; the fifth wrong PIN locks the profile, and the page says
 * until when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-lock"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-roles.h"
#include "model/rg-studio-identity.h"
#include "util/rg-time.h"
#include "rg-lock-page.h"
#include "rg-lock-util.h"

/* A wait longer than this is a locked profile: said with its end, not
 * counted down. */
#define COUNTDOWN_MAX_S 60

struct _RgLockPage
{
  GtkWidget       parent_instance;

  RgStudio       *studio;
  GArray         *profiles;       /* of RgProfile */
  gint64          chosen;         /* staff id; 0 on the list */
  gint64          wait_until;     /* Unix seconds: the entry is off until then */
  guint           countdown_id;

  GtkWidget      *box;            /* the only child */
  AdwWindowTitle *title;
  GtkStack       *stack;
  GtkFlowBox     *people;
  GtkWidget      *who_empty;
  GtkBox         *pin_head;       /* the dot, name and role of the chosen */
  GtkWidget      *entry;
  GtkWidget      *sign_in_button;
  GtkLabel       *message;
};

G_DEFINE_FINAL_TYPE (RgLockPage, rg_lock_page, GTK_TYPE_WIDGET)

static const RgProfile *
find_profile (RgLockPage *self,
              gint64      staff_id)
{
  for (guint i = 0; self->profiles && i < self->profiles->len; i++)
    if (g_array_index (self->profiles, RgProfile, i).staff_id == staff_id)
      return &g_array_index (self->profiles, RgProfile, i);
  return NULL;
}

static void
read_profiles (RgLockPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->profiles, g_array_unref);
  self->profiles = rg_studio_list_profiles (self->studio, &error);
  if (self->profiles == NULL)
    {
      g_warning ("The lock screen cannot read the profiles: %s", error->message);
      self->profiles = g_array_new (FALSE, TRUE, sizeof (RgProfile));
      g_array_set_clear_func (self->profiles, (GDestroyNotify) rg_profile_clear);
    }
}

static void
set_message (RgLockPage *self,
             const char *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text && *text);
}

static void
set_entry_on (RgLockPage *self,
              gboolean    on)
{
  /* Not insensitive: the entry keeps the focus (GTK 4.8 warns about a
   * focused GtkText made insensitive), it only takes no input. */
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), on);
  gtk_widget_set_sensitive (self->sign_in_button, on);
  if (on)
    gtk_widget_grab_focus (self->entry);
}

/* Says how long is left to wait, or that the profile is locked until a
 * time; the entry is off until then. FALSE once the wait is over. */
static gboolean
say_wait (RgLockPage *self)
{
  gint64 left = self->wait_until - rg_time_now ();

  if (left <= 0)
    return FALSE;
  if (left > COUNTDOWN_MAX_S)
    {
      g_autofree char *when = rg_format_date_time (self->wait_until);
      g_autofree char *text = g_strdup_printf (_("Too many wrong PINs: this profile is locked until %s, "
                                                 "or until a director resets its PIN."), when);

      set_message (self, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrong PIN. Try again in %lld second.",
                                                            "Wrong PIN. Try again in %lld seconds.", (gulong) left),
                                               (long long) left);

      set_message (self, text);
    }
  return TRUE;
}

static gboolean
countdown_cb (gpointer data)
{
  RgLockPage *self = data;

  if (say_wait (self))
    return G_SOURCE_CONTINUE;
  self->countdown_id = 0;
  set_message (self, _("Enter your PIN again."));
  set_entry_on (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Reads the chosen profile's wait from the model and, if there is one,
 * turns the entry off and counts it down. */
static void
start_wait (RgLockPage *self)
{
  const RgProfile *profile;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  read_profiles (self);
  profile = find_profile (self, self->chosen);
  self->wait_until = profile ? profile->locked_until : 0;
  if (!say_wait (self))
    {
      set_entry_on (self, TRUE);
      return;
    }
  set_entry_on (self, FALSE);
  self->countdown_id = g_timeout_add_seconds (1, countdown_cb, self);
}

static void
sign_in (RgLockPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;

  if (self->chosen == 0 || !gtk_editable_get_editable (GTK_EDITABLE (self->entry)))
    return;
  pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (*pin == '\0')
    {
      set_message (self, _("Enter your PIN."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  if (rg_studio_sign_in (self->studio, self->chosen, pin, &error))
    {
      set_message (self, NULL);
      return;
    }
  /* With a wait to count down, the countdown says it; without one
   * (the profile is gone, say), the model's words. */
  start_wait (self);
  if (self->countdown_id == 0)
    set_message (self, error->message);
}

static void
fill_head (RgLockPage      *self,
           const RgProfile *profile)
{
  GtkWidget *child, *label;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pin_head))))
    gtk_box_remove (self->pin_head, child);
  gtk_box_append (self->pin_head, rg_lock_dot_new (profile->color, 56));
  label = gtk_label_new (profile->name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "title-2");
  gtk_box_append (self->pin_head, label);
  label = gtk_label_new (rg_role_to_string (profile->role));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->pin_head, label);
}

gboolean
rg_lock_page_choose (RgLockPage *self,
                     gint64      staff_id)
{
  const RgProfile *profile;

  g_return_val_if_fail (RG_IS_LOCK_PAGE (self), FALSE);

  read_profiles (self);
  if ((profile = find_profile (self, staff_id)) == NULL)
    return FALSE;
  self->chosen = staff_id;
  fill_head (self, profile);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  set_message (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "pin");
  start_wait (self);
  return TRUE;
}

static void
person_clicked_cb (GtkButton  *button,
                   RgLockPage *self)
{
  gint64 *staff_id = g_object_get_data (G_OBJECT (button), "rg-staff-id");

  rg_lock_page_choose (self, *staff_id);
}

static GtkWidget *
person_button (RgLockPage      *self,
               const RgProfile *profile)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  g_autofree char *described = g_strdup_printf ("%s, %s", profile->name, rg_role_to_string (profile->role));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), rg_lock_dot_new (profile->color, 48));
  label = gtk_label_new (profile->name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (rg_role_to_string (profile->role));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_size_request (button, 150, -1);
  gtk_widget_add_css_class (button, "lock-person");
  gtk_widget_set_tooltip_text (button, described);
  g_object_set_data_full (G_OBJECT (button), "rg-staff-id", g_memdup2 (&profile->staff_id, sizeof (gint64)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (person_clicked_cb), self);
  return button;
}

void
rg_lock_page_reset (RgLockPage *self)
{
  GtkWidget *child;
  g_autofree char *name = NULL;

  g_return_if_fail (RG_IS_LOCK_PAGE (self));

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  self->chosen = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  set_message (self, NULL);
  read_profiles (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people))))
    gtk_flow_box_remove (self->people, child);
  for (guint i = 0; i < self->profiles->len; i++)
    {
      GtkWidget *button = person_button (self, &g_array_index (self->profiles, RgProfile, i));

      gtk_flow_box_append (self->people, button);
      /* Tab lands on the button itself, so that Enter and Space choose. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  /* As many columns as people (up to four), so that they stand centred. */
  gtk_flow_box_set_max_children_per_line (self->people, CLAMP (self->profiles->len, 1, 4));
  gtk_flow_box_set_min_children_per_line (self->people, MIN (self->profiles->len, 2));
  gtk_widget_set_visible (self->who_empty, self->profiles->len == 0);
  name = rg_studio_dup_name (self->studio);
  adw_window_title_set_subtitle (self->title, name ? name : "");
  gtk_stack_set_visible_child_name (self->stack, "who");
}

static void
back_clicked_cb (RgLockPage *self)
{
  rg_lock_page_reset (self);
  /* The keyboard back on the people. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->people)))
    gtk_widget_child_focus (GTK_WIDGET (self->people), GTK_DIR_TAB_FORWARD);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  RgLockPage *self = RG_LOCK_PAGE (widget);

  if (self->chosen == 0)
    return FALSE;
  back_clicked_cb (self);
  return TRUE;
}

gint64
rg_lock_page_get_chosen (RgLockPage *self)
{
  g_return_val_if_fail (RG_IS_LOCK_PAGE (self), 0);
  return self->chosen;
}

GtkWidget *
rg_lock_page_get_entry (RgLockPage *self)
{
  g_return_val_if_fail (RG_IS_LOCK_PAGE (self), NULL);
  return self->entry;
}

const char *
rg_lock_page_get_message (RgLockPage *self)
{
  g_return_val_if_fail (RG_IS_LOCK_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : "";
}

static void
rg_lock_page_dispose (GObject *object)
{
  RgLockPage *self = RG_LOCK_PAGE (object);

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->profiles, g_array_unref);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_lock_page_parent_class)->dispose (object);
}

static void
rg_lock_page_class_init (RgLockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_lock_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lockpage");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
rg_lock_page_init (RgLockPage *self)
{
  GtkWidget *header, *scrolled, *clamp, *who, *label, *image, *pin, *buttons, *back;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Regulars"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (self->box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  /* Who are you? */
  who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (who, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (who, 24);
  gtk_widget_set_margin_bottom (who, 24);
  gtk_widget_set_margin_start (who, 12);
  gtk_widget_set_margin_end (who, 12);
  image = gtk_image_new_from_icon_name ("system-lock-screen-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 64);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_box_append (GTK_BOX (who), image);
  label = gtk_label_new (_("Who Are You?"));
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (who), label);
  label = gtk_label_new (_("Choose yourself, then enter your PIN."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (who), label);
  self->people = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->people, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->people, TRUE);
  gtk_flow_box_set_max_children_per_line (self->people, 4);
  gtk_flow_box_set_column_spacing (self->people, 12);
  gtk_flow_box_set_row_spacing (self->people, 12);
  gtk_widget_set_halign (GTK_WIDGET (self->people), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->people), 18);
  gtk_box_append (GTK_BOX (who), GTK_WIDGET (self->people));
  self->who_empty = gtk_label_new (_("Nobody has a profile."));
  gtk_widget_set_visible (self->who_empty, FALSE);
  gtk_box_append (GTK_BOX (who), self->who_empty);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), who);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "who");

  /* Their PIN. */
  pin = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (pin, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (pin, 24);
  gtk_widget_set_margin_bottom (pin, 24);
  gtk_widget_set_margin_start (pin, 12);
  gtk_widget_set_margin_end (pin, 12);
  self->pin_head = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (pin), GTK_WIDGET (self->pin_head));
  self->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->entry), TRUE);
  g_object_set (self->entry, "placeholder-text", _("PIN"), NULL);
  gtk_widget_set_halign (self->entry, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->entry, 220, -1);
  gtk_widget_set_margin_top (self->entry, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("PIN"), -1);
  rg_lock_digits_only (GTK_EDITABLE (self->entry));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (sign_in), self);
  gtk_box_append (GTK_BOX (pin), self->entry);
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_justify (self->message, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->message, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (pin), GTK_WIDGET (self->message));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (buttons, 6);
  back = gtk_button_new_with_mnemonic (_("_Back"));
  gtk_widget_add_css_class (back, "pill");
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), back);
  self->sign_in_button = gtk_button_new_with_mnemonic (_("_Sign In"));
  gtk_widget_add_css_class (self->sign_in_button, "pill");
  gtk_widget_add_css_class (self->sign_in_button, "suggested-action");
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (sign_in), self);
  gtk_box_append (GTK_BOX (buttons), self->sign_in_button);
  gtk_box_append (GTK_BOX (pin), buttons);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 400);
  adw_clamp_set_child (ADW_CLAMP (clamp), pin);
  gtk_stack_add_named (self->stack, clamp, "pin");
}

GtkWidget *
rg_lock_page_new (RgStudio *studio)
{
  RgLockPage *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_LOCK_PAGE, NULL);
  self->studio = g_object_ref (studio);
  rg_lock_page_reset (self);
  return GTK_WIDGET (self);
}

/* rg-window-lock.c — the main window's lock.
 *
 * The window's content and the lock page are the two pages of a stack:
 * while a studio with profiles has nobody signed in, the lock page is
 * shown and nothing of the studio is. Locking signs out; a sign-in (on
 * the lock page, or anywhere: the studio announces RG_CHANGES_SESSION)
 * shows the content again.
 *
 * Input is watched on the window (and on the dialogs over it) by a
 * capture-phase controller that only stores the time; a coarse timer
 * compares it with the studio's lock minutes, so that pointer motion
 * costs one clock read, never a timer re-armed.
 *
 * Dialogs over the window are separate windows: on locking they are
 * hidden, and shown again when the same person signs back in; for
 * anyone else they are closed, unsaved input and all, since what they
 * show was not theirs to see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-lock"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-roles.h"
#include "model/rg-studio-settings.h"
#include "rg-lock-page.h"
#include "rg-window-lock.h"

#define INPUT_WATCHED "rg-lock-input-watched"

struct _RgWindowLock
{
  AdwApplicationWindow *window;      /* not owned: the lock is the window's */
  RgStudio             *studio;
  GtkStack             *stack;
  GtkWidget            *page;
  GtkApplication       *app;         /* watched for screensaver-active */
  gulong                changes_id;
  gulong                app_id;
  gulong                screensaver_id;
  guint                 tick_id;
  guint                 timeout_s;   /* 0: the studio's setting */
  gint64                last_input;  /* monotonic µs */
  gboolean              locked;
  GPtrArray            *hidden;      /* of GtkWindow **: weak pointers to the dialogs hidden */
  gint64                hidden_for;  /* who was signed in when they were hidden */
};

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          RgWindowLock             *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  /* Locked, the window's shortcuts (new appointment, sell, the views)
   * are not anyone's: only the lock page's own keys go through (and
   * copy, cut, paste and select-all in its PIN entry). */
  if (self->locked && (type == GDK_KEY_PRESS || type == GDK_KEY_RELEASE) &&
      (gdk_event_get_modifier_state (event) & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));
      guint key = gdk_keyval_to_lower (gdk_key_event_get_keyval (event));
      gboolean editing = focus && gtk_widget_is_ancestor (focus, self->page) &&
                         (key == GDK_KEY_a || key == GDK_KEY_c || key == GDK_KEY_v || key == GDK_KEY_x);

      if (!editing)
        return GDK_EVENT_STOP;
    }
  switch (type)
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
      self->last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_input (RgWindowLock *self,
             GtkWindow    *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), INPUT_WATCHED))
    return;
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), INPUT_WATCHED, controller);
}

static gboolean
over_window (GtkWindow *dialog,
             GtkWindow *window)
{
  for (GtkWindow *w = gtk_window_get_transient_for (dialog); w; w = gtk_window_get_transient_for (w))
    if (w == window)
      return TRUE;
  return FALSE;
}

/* The dialogs over the window now (a new list). */
static GPtrArray *
dialogs_over (RgWindowLock *self)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (self->window) && over_window (window, GTK_WINDOW (self->window)))
        g_ptr_array_add (found, g_steal_pointer (&window));
    }
  return found;
}

static void
weak_slot_free (gpointer data)
{
  GtkWindow **slot = data;

  if (*slot)
    g_object_remove_weak_pointer (G_OBJECT (*slot), (gpointer *) slot);
  g_free (slot);
}

static void
hide_dialogs (RgWindowLock *self)
{
  g_autoptr(GPtrArray) dialogs = dialogs_over (self);

  self->hidden_for = rg_studio_get_session_staff (self->studio);
  for (guint i = 0; i < dialogs->len; i++)
    {
      GtkWindow *dialog = g_ptr_array_index (dialogs, i);
      GtkWindow **slot;

      if (!gtk_widget_get_visible (GTK_WIDGET (dialog)))
        continue;
      slot = g_new (GtkWindow *, 1);
      *slot = dialog;
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) slot);
      g_ptr_array_add (self->hidden, slot);
      gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
    }
}

/* Back for the one who left them; closed for anyone else. */
static void
bring_back_dialogs (RgWindowLock *self)
{
  gboolean same = self->hidden_for != 0 && self->hidden_for == rg_studio_get_session_staff (self->studio);
  g_autoptr(GPtrArray) hidden = g_steal_pointer (&self->hidden);

  self->hidden = g_ptr_array_new_with_free_func (weak_slot_free);
  self->hidden_for = 0;
  for (guint i = 0; i < hidden->len; i++)
    {
      GtkWindow **slot = g_ptr_array_index (hidden, i);

      if (*slot == NULL)
        continue;
      if (same)
        gtk_window_present (*slot);
      else
        gtk_window_destroy (*slot);
    }
}

static void
show_page (RgWindowLock *self)
{
  rg_lock_page_reset (RG_LOCK_PAGE (self->page));
  gtk_stack_set_visible_child_name (self->stack, "lock");
  gtk_widget_child_focus (self->page, GTK_DIR_TAB_FORWARD);
}

void
rg_window_lock_lock (RgWindowLock *self)
{
  g_return_if_fail (self != NULL);

  if (self->locked || !rg_studio_has_profiles (self->studio))
    return;
  g_debug ("Locking");
  hide_dialogs (self);
  /* The next person does not find the last one's client open. */
  rg_studio_set_selected_client (self->studio, NULL);
  self->locked = TRUE;
  show_page (self);
  if (rg_studio_get_session_staff (self->studio) != 0)
    rg_studio_sign_out (self->studio);
}

static void
unlock (RgWindowLock *self)
{
  g_debug ("Unlocked");
  self->locked = FALSE;
  self->last_input = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->stack, "content");
  rg_lock_page_reset (RG_LOCK_PAGE (self->page));
  bring_back_dialogs (self);
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.focus-content", NULL);
}

static void
sync_session (RgWindowLock *self)
{
  gboolean profiles = rg_studio_has_profiles (self->studio);
  gint64 staff = rg_studio_get_session_staff (self->studio);

  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.lock", profiles);
  if (!profiles)
    {
      if (self->locked)
        unlock (self);
    }
  else if (staff == 0 && !self->locked)
    rg_window_lock_lock (self);
  else if (staff != 0 && self->locked)
    unlock (self);
}

static void
changes_cb (RgWindowLock *self,
            RgChanges     changes)
{
  if (changes & RG_CHANGES_SESSION)
    sync_session (self);
}

static gint64
timeout_us (RgWindowLock *self)
{
  if (self->timeout_s)
    return (gint64) self->timeout_s * G_USEC_PER_SEC;
  return rg_studio_get_number (self->studio, RG_STUDIO_LOCK_MINUTES) * 60 * G_USEC_PER_SEC;
}

static gboolean
tick_cb (gpointer data)
{
  RgWindowLock *self = data;

  if (self->locked || rg_studio_get_session_staff (self->studio) == 0)
    return G_SOURCE_CONTINUE;
  /* Dialogs opened since: their input counts too. */
  {
    g_autoptr(GPtrArray) dialogs = dialogs_over (self);

    for (guint i = 0; i < dialogs->len; i++)
      watch_input (self, g_ptr_array_index (dialogs, i));
  }
  if (g_get_monotonic_time () - self->last_input >= timeout_us (self))
    rg_window_lock_lock (self);
  return G_SOURCE_CONTINUE;
}

static void
restart_tick (RgWindowLock *self)
{
  guint interval_ms;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  /* A quarter of the timeout, between a quarter of a second and 15 s:
   * late by at most that much. */
  interval_ms = (guint) CLAMP (timeout_us (self) / 4000, 250, 15000);
  self->tick_id = g_timeout_add (interval_ms, tick_cb, self);
}

void
rg_window_lock_set_timeout (RgWindowLock *self,
                            guint         seconds)
{
  g_return_if_fail (self != NULL);

  self->timeout_s = seconds;
  self->last_input = g_get_monotonic_time ();
  restart_tick (self);
}

static void
screensaver_cb (RgWindowLock *self)
{
  gboolean active = FALSE;

  g_object_get (self->app, "screensaver-active", &active, NULL);
  if (active)
    rg_window_lock_lock (self);
}

static void
application_cb (RgWindowLock *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));

  if (app == self->app)
    return;
  if (self->app)
    g_clear_signal_handler (&self->screensaver_id, self->app);
  self->app = app;
  /* GtkApplication tracks it with register-session set (rg-application.c). */
  if (app && g_object_class_find_property (G_OBJECT_GET_CLASS (app), "screensaver-active"))
    self->screensaver_id = g_signal_connect_swapped (app, "notify::screensaver-active",
                                                     G_CALLBACK (screensaver_cb), self);
}

RgWindowLock *
rg_window_lock_new (AdwApplicationWindow *window,
                    RgStudio             *studio)
{
  RgWindowLock *self;
  GtkWidget *content;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_new0 (RgWindowLock, 1);
  self->window = window;
  self->studio = g_object_ref (studio);
  self->hidden = g_ptr_array_new_with_free_func (weak_slot_free);
  self->last_input = g_get_monotonic_time ();

  content = g_object_ref (adw_application_window_get_content (window));
  adw_application_window_set_content (window, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (self->stack, content, "content");
  g_object_unref (content);
  self->page = rg_lock_page_new (studio);
  gtk_stack_add_named (self->stack, self->page, "lock");
  gtk_stack_set_visible_child_name (self->stack, "content");
  adw_application_window_set_content (window, GTK_WIDGET (self->stack));

  watch_input (self, GTK_WINDOW (window));
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  self->app_id = g_signal_connect_swapped (window, "notify::application", G_CALLBACK (application_cb), self);
  application_cb (self);
  restart_tick (self);
  sync_session (self);
  return self;
}

void
rg_window_lock_free (RgWindowLock *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  /* The controllers call back with this lock: gone with it. */
  {
    g_autoptr(GPtrArray) dialogs = dialogs_over (self);

    g_ptr_array_add (dialogs, g_object_ref (self->window));
    for (guint i = 0; i < dialogs->len; i++)
      {
        GObject *window = g_ptr_array_index (dialogs, i);
        GtkEventController *controller = g_object_get_data (window, INPUT_WATCHED);

        if (controller)
          {
            gtk_widget_remove_controller (GTK_WIDGET (window), controller);
            g_object_set_data (window, INPUT_WATCHED, NULL);
          }
      }
  }
  g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_signal_handler (&self->app_id, self->window);
  if (self->app)
    g_clear_signal_handler (&self->screensaver_id, self->app);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_object (&self->studio);
  g_free (self);
}

char *
rg_window_lock_describe_session (RgStudio *studio)
{
  g_autoptr(GArray) profiles = NULL;
  gint64 staff = rg_studio_get_session_staff (studio);
  char *described = NULL;

  if (staff == 0 || (profiles = rg_studio_list_profiles (studio, NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < profiles->len; i++)
    {
      RgProfile *profile = &g_array_index (profiles, RgProfile, i);

      /* Translators: who is signed in, in the window's subtitle: "Irina, Director" */
      if (profile->staff_id == staff && described == NULL)
        described = g_strdup_printf (_("%s, %s"), profile->name, rg_role_to_string (profile->role));
    }
  return described;
}

gboolean
rg_window_lock_get_locked (RgWindowLock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->locked;
}

GtkWidget *
rg_window_lock_get_page (RgWindowLock *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->page;
}

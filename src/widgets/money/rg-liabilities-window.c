/* rg-liabilities-window.c — what the studio owes its clients on a day.
 *
 * The four figures (deposits, gift certificates, subscriptions' unused
 * visits, bonus points) with what each counts and their total, then the
 * clients who hold a deposit or points. The day moves by the header's
 * arrows or a calendar; read in the background (rg_count_liabilities())
 * and again when money, clients or settings change. The words of the
 * figures are the report's (`--report liabilities`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-liabilities"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-counts.h"
#include "model/rg-format.h"
#include "report/rg-report-liabilities.h"
#include "rg-liabilities-window.h"

/* Rows made for the list of clients; the report lists them all. */
#define MAX_CLIENT_ROWS 300

struct _RgLiabilitiesWindow
{
  AdwWindow       parent_instance;

  RgStudio       *studio;
  RgDate          day;
  RgLiabilities  *liabilities;
  GCancellable   *cancellable;
  gboolean        loading;
  gulong          changes_id;

  AdwWindowTitle *title;
  GtkCalendar    *calendar;
  GtkMenuButton  *day_button;
  AdwActionRow   *figures[RG_N_LIABILITIES];
  GtkLabel       *amounts[RG_N_LIABILITIES];
  GtkWidget      *page;          /* the groups' box */
  GtkWidget      *clients;       /* the clients' group, remade on each read */
  GtkSpinner     *spinner;
};

G_DEFINE_FINAL_TYPE (RgLiabilitiesWindow, rg_liabilities_window, ADW_TYPE_WINDOW)

static void reload (RgLiabilitiesWindow *self);

/* Showing ------------------------------------------------------------------- */

static GtkWidget *
amount_label (gint64   amount,
              gboolean heading)
{
  g_autofree char *text = rg_format_price (amount);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
client_row (const RgLiabilityClient *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *deposit = rg_format_price (c->deposit);
  g_autofree char *value = rg_format_price (c->points_value);
  g_autofree char *points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld point", "%lld points",
                                                          (gulong) c->points),
                                             (long long) c->points);
  g_autofree char *subtitle = NULL;

  if (c->deposit > 0 && c->points > 0)
    /* Translators: a client's prepaid: "Deposit 1,200 ₽ · 350 points (350 ₽)" */
    subtitle = g_strdup_printf (_("Deposit %s · %s (%s)"), deposit, points, value);
  else if (c->deposit > 0)
    /* Translators: a client's prepaid: "Deposit 1,200 ₽" */
    subtitle = g_strdup_printf (_("Deposit %s"), deposit);
  else
    /* Translators: a client's prepaid: "350 points (350 ₽)" */
    subtitle = g_strdup_printf (_("%s (%s)"), points, value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label (c->deposit + c->points_value, FALSE));
  return row;
}

static void
show_liabilities (RgLiabilitiesWindow *self)
{
  const RgLiabilities *l = self->liabilities;
  GtkWidget *group = adw_preferences_group_new ();

  for (RgLiability i = 0; i < RG_N_LIABILITIES; i++)
    {
      g_autofree char *amount = rg_format_price (rg_liability_amount (l, i));
      g_autofree char *counts = rg_liability_counts (l, i);

      gtk_label_set_text (self->amounts[i], amount);
      if (counts)
        adw_action_row_set_subtitle (self->figures[i], counts);
    }

  if (self->clients)
    gtk_box_remove (GTK_BOX (self->page), self->clients);
  self->clients = group;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Clients With a Deposit or Points"));
  if (l->clients->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No client held a deposit or points at the end of this day."));
  for (guint i = 0; i < l->clients->len && i < MAX_CLIENT_ROWS; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), client_row (l->clients->pdata[i]));
  if (l->clients->len > MAX_CLIENT_ROWS)
    {
      guint more = l->clients->len - MAX_CLIENT_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more client: the report lists everyone "
                                                            "(regulars --report liabilities).",
                                                            "And %u more clients: the report lists everyone "
                                                            "(regulars --report liabilities).",
                                                            more),
                                               more);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
    }
  gtk_box_append (GTK_BOX (self->page), group);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(RgLiabilitiesWindow) self = data;
  g_autoptr(GError) error = NULL;
  RgLiabilities *liabilities = rg_studio_count_finish (RG_STUDIO (source), result, &error);

  if (liabilities == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not read what the studio owes: %s", error->message);
          self->loading = FALSE;
          gtk_spinner_stop (self->spinner);
        }
      return;
    }
  g_clear_pointer (&self->liabilities, rg_liabilities_free);
  self->liabilities = liabilities;
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  show_liabilities (self);
}

static void
reload (RgLiabilitiesWindow *self)
{
  RgDate *job = g_memdup2 (&self->day, sizeof self->day);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  rg_studio_count_async (self->studio, rg_count_liabilities, job, g_free, (GDestroyNotify) rg_liabilities_free,
                         self->cancellable, counted_cb, g_object_ref (self));
}

void
rg_liabilities_window_set_day (RgLiabilitiesWindow *self,
                               RgDate               day)
{
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) noon = NULL;

  g_return_if_fail (RG_IS_LIABILITIES_WINDOW (self));
  g_return_if_fail (rg_date_valid (day));

  self->day = day;
  text = rg_format_day (day);
  /* Translators: the subtitle of What the Studio Owes: a day, "Mon, 7 December 2026" */
  subtitle = g_strdup_printf (_("At the end of %s"), text);
  adw_window_title_set_subtitle (self->title, subtitle);
  noon = g_date_time_new_local (day.year, day.month, day.day, 12, 0, 0);
  if (noon)
    {
      g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_calendar_select_day (self->calendar, noon);
      g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  reload (self);
}

RgDate
rg_liabilities_window_get_day (RgLiabilitiesWindow *self)
{
  g_return_val_if_fail (RG_IS_LIABILITIES_WINDOW (self), (RgDate) { 0 });
  return self->day;
}

static void
previous_cb (RgLiabilitiesWindow *self)
{
  rg_liabilities_window_set_day (self, rg_date_add_days (self->day, -1));
}

static void
next_cb (RgLiabilitiesWindow *self)
{
  rg_liabilities_window_set_day (self, rg_date_add_days (self->day, 1));
}

static void
today_cb (RgLiabilitiesWindow *self)
{
  rg_liabilities_window_set_day (self, rg_date_today ());
}

static void
day_selected_cb (GtkCalendar         *calendar,
                 RgLiabilitiesWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  RgDate day = { g_date_time_get_year (date), g_date_time_get_month (date), g_date_time_get_day_of_month (date) };

  gtk_menu_button_popdown (self->day_button);
  if (rg_date_compare (day, self->day) != 0)
    rg_liabilities_window_set_day (self, day);
}

static void
changes_cb (RgLiabilitiesWindow *self,
            RgChanges            changes)
{
  if (changes & (RG_CHANGES_MONEY | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS))
    reload (self);
}

/* Building --------------------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             GCallback   clicked,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

static GtkWidget *
build_figures (RgLiabilitiesWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  for (RgLiability i = 0; i < RG_N_LIABILITIES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount = amount_label (0, i == RG_LIABILITY_TOTAL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_liability_label (i));
      gtk_widget_set_tooltip_text (row, rg_liability_definition (i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->figures[i] = ADW_ACTION_ROW (row);
      self->amounts[i] = GTK_LABEL (amount);
    }
  return group;
}

/* What each figure counts, in the report's words. */
static GtkWidget *
build_definitions (void)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("What the Figures Count"));
  for (RgLiability i = 0; i < RG_N_LIABILITIES; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_liability_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rg_liability_definition (i));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

static void
build (RgLiabilitiesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *day_button = gtk_menu_button_new ();
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_Today"));

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("What the Studio Owes"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("go-previous-symbolic", _("Previous Day"),
                                                                   G_CALLBACK (previous_cb), self));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icon_button ("go-next-symbolic", _("Next Day"),
                                                                   G_CALLBACK (next_cb), self));

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (day_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (day_button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (day_button, _("Choose a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (day_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Day"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), day_button);
  gtk_widget_set_tooltip_text (today, _("What the studio owes today"));
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (today_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), today);
  self->calendar = GTK_CALENDAR (calendar);
  self->day_button = GTK_MENU_BUTTON (day_button);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), self);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), build_figures (self));
  gtk_box_append (GTK_BOX (content), build_definitions ());
  self->page = content;
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
rg_liabilities_window_dispose (GObject *object)
{
  RgLiabilitiesWindow *self = RG_LIABILITIES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_liabilities_window_parent_class)->dispose (object);
}

static void
rg_liabilities_window_finalize (GObject *object)
{
  RgLiabilitiesWindow *self = RG_LIABILITIES_WINDOW (object);

  g_clear_pointer (&self->liabilities, rg_liabilities_free);
  G_OBJECT_CLASS (rg_liabilities_window_parent_class)->finalize (object);
}

static void
rg_liabilities_window_class_init (RgLiabilitiesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_liabilities_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = rg_liabilities_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_liabilities_window_init (RgLiabilitiesWindow *self)
{
}

RgLiabilitiesWindow *
rg_liabilities_window_new (GtkWindow *parent,
                           RgStudio  *studio)
{
  RgLiabilitiesWindow *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_LIABILITIES_WINDOW,
                       "transient-for", parent,
                       "title", _("What the Studio Owes"),
                       "default-width", 600,
                       "default-height", 720,
                       NULL);
  self->studio = g_object_ref (studio);
  build (self);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  rg_liabilities_window_set_day (self, rg_date_today ());
  return self;
}

gboolean
rg_liabilities_window_is_loading (RgLiabilitiesWindow *self)
{
  g_return_val_if_fail (RG_IS_LIABILITIES_WINDOW (self), FALSE);
  return self->loading;
}

gint64
rg_liabilities_window_get_total (RgLiabilitiesWindow *self)
{
  g_return_val_if_fail (RG_IS_LIABILITIES_WINDOW (self), 0);
  return self->liabilities ? self->liabilities->total : 0;
}

guint
rg_liabilities_window_get_n_clients (RgLiabilitiesWindow *self)
{
  g_return_val_if_fail (RG_IS_LIABILITIES_WINDOW (self), 0);
  return self->liabilities ? self->liabilities->clients->len : 0;
}

/* rg-client-card.c — the pane that shows the selected client.
 *
 * It follows the studio's shared selection and shows what a master reads
 * before the client sits down: how to address them, contacts with call and
 * e-mail links, the allergy warning first, visits and spending, the details
 * the studio knows. Empty details are not shown. Everything updates live:
 * the client object notifies, and visits are recounted after any commit
 * that touched appointments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-client-card"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-client-stats.h"
#include "model/rg-condition.h"
#include "model/rg-format.h"
#include "model/rg-staff.h"
#include "rg-client-card.h"

struct _RgClientCard
{
  AdwBin                parent_instance;

  RgStudio             *studio;
  RgClient             *client;
  gboolean              folded;
  gboolean              stats_dirty;
  gulong                selection_id;
  gulong                client_notify_id;
  gulong                store_changed_id;
  gulong                store_committed_id;

  GtkStack             *stack;

  /* The content, built when the first client is shown. */
  GtkWidget            *content;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *full_name_label;
  GtkLabel             *tags_label;
  AdwPreferencesGroup  *warning_group;
  AdwActionRow         *medical_row;
  AdwPreferencesGroup  *contacts_group;
  AdwActionRow         *phone_row;
  AdwActionRow         *phone2_row;
  AdwActionRow         *email_row;
  AdwActionRow         *call_time_row;
  AdwPreferencesGroup  *visits_group;
  AdwActionRow         *visits_row;
  AdwActionRow         *next_row;
  AdwActionRow         *spent_row;
  AdwPreferencesGroup  *about_group;
  AdwActionRow         *birthday_row;
  AdwActionRow         *master_row;
  AdwActionRow         *source_row;
  AdwActionRow         *contact_row;
  AdwPreferencesGroup  *notes_group;
  AdwActionRow         *preferences_row;
  AdwActionRow         *notes_row;
};

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

/* The card's rows are built on first use: until a client is chosen the
 * pane only shows its empty state, and the window opens sooner. */
static void
ensure_content (RgClientCard *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->content)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/rg-client-card-content.ui");
#define GET(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  GET (content);
  GET (avatar);
  GET (name_label);
  GET (full_name_label);
  GET (tags_label);
  GET (warning_group);
  GET (medical_row);
  GET (contacts_group);
  GET (phone_row);
  GET (phone2_row);
  GET (email_row);
  GET (call_time_row);
  GET (visits_group);
  GET (visits_row);
  GET (next_row);
  GET (spent_row);
  GET (about_group);
  GET (birthday_row);
  GET (master_row);
  GET (source_row);
  GET (contact_row);
  GET (notes_group);
  GET (preferences_row);
  GET (notes_row);
#undef GET

  gtk_stack_add_named (self->stack, self->content, "card");
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
  gboolean any = FALSE;

  self->stats_dirty = FALSE;
  if (self->client == NULL)
    return;
  ensure_content (self);

  if (!rg_client_stats_compute (rg_studio_get_store (self->studio),
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
  any |= show_row (self->visits_row, visits);

  if (stats.last_visit_at)
    {
      g_autofree char *date = rg_format_date (stats.last_visit_at);
      /* Translators: %s is a date */
      last = g_strdup_printf (_("Last visit %s"), date);
    }
  adw_action_row_set_subtitle (self->visits_row, last ? last : "");

  if (stats.next_booking_at)
    next = rg_format_date_time (stats.next_booking_at);
  any |= show_row (self->next_row, next);

  if (stats.total_spent > 0)
    spent = rg_format_money (stats.total_spent);
  any |= show_row (self->spent_row, spent);

  gtk_widget_set_visible (GTK_WIDGET (self->visits_group), any);
}

static void
update (RgClientCard *self)
{
  RgClient *c = self->client;
  g_autofree char *birthday = NULL;
  g_autofree char *master = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *tags_text = NULL;
  g_autofree char *medical = NULL;
  g_auto(GStrv) tags = NULL;
  int day, month, year;
  gboolean any;

  if (c == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ensure_content (self);
  gtk_stack_set_visible_child_name (self->stack, "card");

  adw_avatar_set_text (self->avatar, rg_client_get_address_as (c));
  gtk_label_set_label (self->name_label, rg_client_get_address_as (c));
  gtk_label_set_label (self->full_name_label, rg_client_get_full_name (c) ? rg_client_get_full_name (c) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->full_name_label), rg_client_get_full_name (c) != NULL);

  tags = rg_studio_list_client_tags (self->studio, rg_record_get_id (RG_RECORD (c)), NULL);
  if (tags && tags[0])
    tags_text = g_strjoinv (" · ", tags);
  gtk_label_set_label (self->tags_label, tags_text ? tags_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags_text != NULL);

  medical = rg_client_medical_summary (self->studio, c);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_group), show_row (self->medical_row, medical));

  any = show_row (self->phone_row, rg_client_get_phone (c));
  any |= show_row (self->phone2_row, rg_client_get_phone2 (c));
  any |= show_row (self->email_row, rg_client_get_email (c));
  any |= show_row (self->call_time_row, rg_client_get_call_time (c));
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), any);

  rg_client_get_birthday (c, &day, &month, &year);
  if (day && month)
    birthday = rg_format_birthday (day, month, year);
  if (rg_client_get_preferred_staff_id (c))
    {
      g_autoptr(RgStaff) staff = rg_studio_lookup (self->studio, RG_TYPE_STAFF,
                                                   rg_client_get_preferred_staff_id (c), NULL);
      if (staff)
        master = g_strdup (rg_staff_get_display_name (staff));
    }
  if (rg_client_get_minimal_contact (c))
    contact = g_strdup (_("Minimal contact: call only when needed"));
  else if (rg_client_get_consent_messages (c))
    contact = g_strdup (_("Agrees to receive messages"));

  any = show_row (self->birthday_row, birthday);
  any |= show_row (self->master_row, master);
  any |= show_row (self->source_row, rg_client_get_source (c));
  any |= show_row (self->contact_row, contact);
  gtk_widget_set_visible (GTK_WIDGET (self->about_group), any);

  any = show_row (self->preferences_row, rg_client_get_preferences (c));
  any |= show_row (self->notes_row, rg_client_get_notes (c));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), any);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.email", rg_client_get_email (c) != NULL);
}

static void
client_notify_cb (RgClientCard *self)
{
  update (self);
}

static void
store_changed_cb (RgClientCard *self,
                  const char   *table,
                  gint64        id,
                  RgChangeKind  kind)
{
  if (g_str_equal (table, "appointments") || g_str_equal (table, "client_tags") ||
      g_str_equal (table, "tags") || g_str_equal (table, "client_conditions") ||
      g_str_equal (table, "conditions"))
    self->stats_dirty = TRUE;
}

static void
store_committed_cb (RgClientCard *self)
{
  if (self->stats_dirty && self->client)
    {
      update (self);
      update_stats (self);
    }
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

  update (self);
  update_stats (self);
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
disconnect_studio (RgClientCard *self)
{
  if (self->studio)
    {
      RgStore *store = rg_studio_get_store (self->studio);

      g_clear_signal_handler (&self->selection_id, self->studio);
      g_clear_signal_handler (&self->store_changed_id, store);
      g_clear_signal_handler (&self->store_committed_id, store);
    }
  set_client (self, NULL);
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
      RgStore *store = rg_studio_get_store (studio);

      self->studio = g_object_ref (studio);
      self->selection_id = g_signal_connect_swapped (studio, "notify::selected-client",
                                                     G_CALLBACK (selection_changed_cb), self);
      self->store_changed_id = g_signal_connect_swapped (store, "changed",
                                                         G_CALLBACK (store_changed_cb), self);
      self->store_committed_id = g_signal_connect_swapped (store, "committed",
                                                           G_CALLBACK (store_committed_cb), self);
      selection_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDIO]);
}

static void
rg_client_card_dispose (GObject *object)
{
  RgClientCard *self = RG_CLIENT_CARD (object);

  disconnect_studio (self);
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

  gtk_widget_class_set_css_name (widget_class, "clientcard");
}

static void
rg_client_card_init (RgClientCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

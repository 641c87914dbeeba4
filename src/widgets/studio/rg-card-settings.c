/* rg-card-settings.c — the Studio window's "Client Card" page: the fields
 * the studio adds to every card and the list of allergies and
 * contraindications the medical card offers.
 *
 * A field has a name and a kind (text, number, date, a choice among
 * options); removing one archives it — the values stay in the database
 * and come back if it is restored. A condition is added by name as an
 * allergy or a contraindication and archived the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-card-settings"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "model/rg-condition.h"
#include "model/rg-custom-field.h"
#include "model/rg-record-list.h"
#include "model/rg-studio-settings.h"
#include "rg-card-settings.h"
#include "widgets/satisfaction/rg-rating-dialog.h"
#include "analytics/rg-call-list.h"

struct _RgCardSettings
{
  AdwPreferencesPage   parent_instance;

  RgStudio            *studio;
  RgRecordList        *fields;
  RgRecordList        *conditions;
  GPtrArray           *field_rows;
  GPtrArray           *condition_rows;

  AdwPreferencesGroup *fields_group;
  AdwEntryRow         *field_name_row;
  AdwComboRow         *field_kind_row;
  AdwEntryRow         *field_choices_row;
  AdwPreferencesGroup *conditions_group;
  GtkWidget           *questionnaire_switch;
  GtkTextView         *script_view;
  AdwEntryRow         *condition_name_row;
  AdwComboRow         *condition_kind_row;
};

G_DEFINE_FINAL_TYPE (RgCardSettings, rg_card_settings, ADW_TYPE_PREFERENCES_PAGE)

static void
error_toast (RgCardSettings *self,
             const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
clear (AdwPreferencesGroup *group,
       GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static const char *
kind_name (RgFieldKind kind)
{
  switch (kind)
    {
    case RG_FIELD_NUMBER: return _("Number");
    case RG_FIELD_DATE:   return _("Date");
    case RG_FIELD_CHOICE: return _("Choice");
    case RG_FIELD_TEXT:
    default:              return _("Text");
    }
}

static void
archive_clicked_cb (GtkButton      *button,
                    RgCardSettings *self)
{
  RgRecord *record = g_object_get_data (G_OBJECT (button), "record");
  g_autoptr(GError) error = NULL;

  g_object_set (record, "archived", TRUE, NULL);
  if (!rg_studio_save (self->studio, record, &error))
    {
      rg_studio_reload (self->studio, record, NULL);
      error_toast (self, error->message);
    }
}

static GtkWidget *
record_row (RgCardSettings *self,
            RgRecord       *record,
            const char     *title,
            const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: removes a custom field or a condition from the cards */
  gtk_widget_set_tooltip_text (remove, _("Remove From Cards"));
  g_object_set_data_full (G_OBJECT (remove), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (archive_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rebuild_fields (RgCardSettings *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));

  clear (self->fields_group, self->field_rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCustomField) field = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      g_auto(GStrv) choices = rg_custom_field_dup_choices (field);
      g_autofree char *options = g_strjoinv (", ", choices);
      g_autofree char *subtitle = choices[0] ? g_strdup_printf ("%s: %s", kind_name (rg_custom_field_get_kind (field)),
                                                                options)
                                             : g_strdup (kind_name (rg_custom_field_get_kind (field)));
      GtkWidget *row = record_row (self, RG_RECORD (field), rg_custom_field_get_name (field), subtitle);

      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
    }
}

static void
rebuild_conditions (RgCardSettings *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conditions));

  clear (self->conditions_group, self->condition_rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCondition) condition = g_list_model_get_item (G_LIST_MODEL (self->conditions), i);
      GtkWidget *row = record_row (self, RG_RECORD (condition), rg_condition_get_name (condition),
                                   rg_condition_get_kind (condition) == RG_CONDITION_ALLERGY
                                   ? _("Allergy") : _("Contraindication"));

      adw_preferences_group_add (self->conditions_group, row);
      g_ptr_array_add (self->condition_rows, row);
    }
}

static void
kind_changed_cb (RgCardSettings *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->field_choices_row),
                          adw_combo_row_get_selected (self->field_kind_row) == RG_FIELD_CHOICE);
}

static void
add_field_cb (RgCardSettings *self)
{
  g_autoptr(RgCustomField) field = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) choices = NULL;
  RgFieldKind kind = adw_combo_row_get_selected (self->field_kind_row);

  field = rg_custom_field_new (gtk_editable_get_text (GTK_EDITABLE (self->field_name_row)), kind);
  if (kind == RG_FIELD_CHOICE)
    {
      choices = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->field_choices_row)), ",;", -1);
      rg_custom_field_set_choices (field, (const char * const *) choices);
    }
  rg_custom_field_set_position (field, (int) g_list_model_get_n_items (G_LIST_MODEL (self->fields)));
  if (!rg_studio_save (self->studio, field, &error))
    {
      error_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->field_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->field_choices_row), "");
}

static void
add_condition_cb (RgCardSettings *self)
{
  g_autoptr(RgCondition) condition = NULL;
  g_autoptr(GError) error = NULL;

  condition = rg_condition_new (gtk_editable_get_text (GTK_EDITABLE (self->condition_name_row)),
                                adw_combo_row_get_selected (self->condition_kind_row) == 1
                                ? RG_CONDITION_CONTRAINDICATION : RG_CONDITION_ALLERGY);
  if (!rg_studio_save (self->studio, condition, &error))
    {
      error_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->condition_name_row), "");
}

static GtkWidget *
add_button (const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static void
questionnaire_toggled_cb (GtkSwitch      *toggle,
                          GParamSpec     *pspec,
                          RgCardSettings *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_studio_set_full_questionnaire (self->studio, gtk_switch_get_active (toggle), &error))
    error_toast (self, error->message);
}

static void
number_changed_cb (GtkSpinButton  *spin,
                   RgCardSettings *self)
{
  RgStudioNumber number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "number"));
  g_autoptr(GError) error = NULL;
  double value = gtk_spin_button_get_value (spin);

  if (number == RG_STUDIO_GIFT_THRESHOLD)
    value *= 100;   /* minor units */
  if (!rg_studio_set_number (self->studio, number, (gint64) llround (value), &error))
    error_toast (self, error->message);
}

static void
script_save_cb (RgCardSettings *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->script_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The default, unchanged, is not kept: it follows the language. */
  if (!rg_studio_set_call_script (self->studio, text, &error))
    error_toast (self, error->message);
}

static void
script_reset_cb (RgCardSettings *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->script_view), rg_call_script_default (), -1);
  script_save_cb (self);
}

/* The page for @studio's Studio window. */
RgCardSettings *
rg_card_settings_new (RgStudio *studio)
{
  RgCardSettings *self;
  GtkWidget *group;
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) condition_kinds = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_CARD_SETTINGS,
                       "name", "card",
                       "title", _("Client _Card"),
                       "use-underline", TRUE,
                       "icon-name", "contact-new-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);
  self->fields = rg_record_list_new_custom_fields (studio, FALSE);
  self->conditions = rg_record_list_new (studio, RG_TYPE_CONDITION, "WHERE archived = 0 ORDER BY kind, position, name");

  /* The studio's fields, and a form to add one. */
  self->fields_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->fields_group, _("Fields on Every Card"));
  adw_preferences_group_set_description (self->fields_group,
                                         _("What the studio wants to know about each client: “car brand” at a car "
                                           "wash, “hair type” in a salon."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->fields_group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Field"));
  self->field_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_name_row), _("Name"));
  kinds = gtk_string_list_new ((const char *[]) { _("Text"), _("Number"), _("Date"), _("Choice"), NULL });
  self->field_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_kind_row), _("Kind"));
  adw_combo_row_set_model (self->field_kind_row, G_LIST_MODEL (kinds));
  self->field_choices_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_choices_row), _("Options, separated by commas"));
  gtk_widget_set_visible (GTK_WIDGET (self->field_choices_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->field_name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->field_kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->field_choices_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_button (_("_Add Field"), G_CALLBACK (add_field_cb), self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* The medical card's list. */
  self->conditions_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->conditions_group, _("Allergies and Contraindications"));
  adw_preferences_group_set_description (self->conditions_group,
                                         _("Ticked on the medical card; a warning wherever the client is booked."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->conditions_group);

  group = adw_preferences_group_new ();
  self->condition_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->condition_name_row), _("New allergy or contraindication"));
  condition_kinds = gtk_string_list_new ((const char *[]) { _("Allergy"), _("Contraindication"), NULL });
  self->condition_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->condition_kind_row), _("Kind"));
  adw_combo_row_set_model (self->condition_kind_row, G_LIST_MODEL (condition_kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->condition_name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->condition_kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_button (_("A_dd"), G_CALLBACK (add_condition_cb), self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* After a visit: the rating always; the full questionnaire if wanted. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("After a Visit"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A visit marked done asks for the client’s rating: five faces and “Why?”."));
  {
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *toggle = gtk_switch_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Offer the _Full Questionnaire"));
    adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Comfort, services, result, staff, administrators, service, news; each 1–10 with “Why?”"));
    gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
    gtk_switch_set_active (GTK_SWITCH (toggle), rg_studio_get_full_questionnaire (studio));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
    g_signal_connect (toggle, "notify::active", G_CALLBACK (questionnaire_toggled_cb), self);
    self->questionnaire_switch = toggle;
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* The retention engine's few numbers. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Whom to Call"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Used by Today and the client statuses."));
  {
    static const struct {
      RgStudioNumber number;
      const char    *title;
      const char    *subtitle;
      double         lo, hi, step;
    } numbers[] = {
      { RG_STUDIO_DEFAULT_INTERVAL, N_("Usual Interval Between Visits, Days"),
        N_("For clients with fewer than three visits whose service has no repeat interval"), 1, 3650, 1 },
      { RG_STUDIO_BIRTHDAY_DAYS, N_("Birthdays Ahead, Days"), N_("How far ahead Today lists birthdays"), 0, 60, 1 },
      { RG_STUDIO_GIFT_THRESHOLD, N_("Birthday Gift After Spending"),
        N_("A client who has spent this much gets a gift on their birthday"), 0, 10000000, 100 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *spin = gtk_spin_button_new_with_range (numbers[i].lo, numbers[i].hi, numbers[i].step);
        double current = rg_studio_get_number (studio, numbers[i].number);

        /* Money is kept in minor units. */
        if (numbers[i].number == RG_STUDIO_GIFT_THRESHOLD)
          current /= 100.0;
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(numbers[i].title));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(numbers[i].subtitle));
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), current);
        gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(numbers[i].title), -1);
        g_object_set_data (G_OBJECT (spin), "number", GUINT_TO_POINTER (numbers[i].number));
        g_signal_connect (spin, "value-changed", G_CALLBACK (number_changed_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      }
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* The call script (seed 004), kept as the studio writes it. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Call Script"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What to say when calling a client from Today. {name}, {studio}, "
                                           "{service}, {master} and {last_visit} are filled in."));
  {
    GtkWidget *frame = gtk_frame_new (NULL);
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Keep the Script"));
    GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Default Script"));
    g_autofree char *text = rg_studio_dup_call_script (studio);

    self->script_view = GTK_TEXT_VIEW (gtk_text_view_new ());
    gtk_text_view_set_wrap_mode (self->script_view, GTK_WRAP_WORD_CHAR);
    gtk_text_view_set_top_margin (self->script_view, 8);
    gtk_text_view_set_bottom_margin (self->script_view, 8);
    gtk_text_view_set_left_margin (self->script_view, 8);
    gtk_text_view_set_right_margin (self->script_view, 8);
    gtk_widget_set_size_request (GTK_WIDGET (self->script_view), -1, 160);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->script_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Call Script"), -1);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->script_view), text, -1);
    gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->script_view));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
    gtk_widget_set_halign (buttons, GTK_ALIGN_END);
    gtk_widget_set_margin_top (buttons, 6);
    gtk_widget_add_css_class (save, "suggested-action");
    g_signal_connect_swapped (save, "clicked", G_CALLBACK (script_save_cb), self);
    g_signal_connect_swapped (reset, "clicked", G_CALLBACK (script_reset_cb), self);
    gtk_box_append (GTK_BOX (buttons), reset);
    gtk_box_append (GTK_BOX (buttons), save);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  g_signal_connect_swapped (self->field_kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_object (self->fields, "items-changed", G_CALLBACK (rebuild_fields), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conditions, "items-changed", G_CALLBACK (rebuild_conditions), self,
                           G_CONNECT_SWAPPED);
  rebuild_fields (self);
  rebuild_conditions (self);
  return self;
}

static void
rg_card_settings_dispose (GObject *object)
{
  RgCardSettings *self = RG_CARD_SETTINGS (object);

  g_clear_object (&self->fields);
  g_clear_object (&self->conditions);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_card_settings_parent_class)->dispose (object);
}

static void
rg_card_settings_finalize (GObject *object)
{
  RgCardSettings *self = RG_CARD_SETTINGS (object);

  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->condition_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_card_settings_parent_class)->finalize (object);
}

static void
rg_card_settings_class_init (RgCardSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_card_settings_dispose;
  object_class->finalize = rg_card_settings_finalize;
}

static void
rg_card_settings_init (RgCardSettings *self)
{
  self->field_rows = g_ptr_array_new ();
  self->condition_rows = g_ptr_array_new ();
}

/* rg-client-card-lists.c — the client card's rows that come from other
 * tables: the studio's custom fields, the medical card's conditions, the
 * visit history and the interaction timeline (newest first, a note added
 * in one step).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-client-card"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "analytics/rg-studio-figures.h"
#include "analytics/rg-client-stats.h"
#include "model/rg-booking.h"
#include "model/rg-permissions.h"
#include "model/rg-condition.h"
#include "model/rg-custom-field.h"
#include "model/rg-format.h"
#include "model/rg-interaction.h"
#include "model/rg-photo.h"
#include "model/rg-client-reads.h"
#include "widgets/common/rg-accessible.h"
#include "rg-model-enums.h"
#include "model/rg-staff.h"
#include "rg-client-card-private.h"
#include "widgets/satisfaction/rg-rating-dialog.h"
#include "widgets/money/rg-receipt-print.h"
#include "widgets/money/rg-refund-dialog.h"
#include "widgets/satisfaction/rg-survey-dialog.h"

#define HISTORY_LIMIT   100
#define TIMELINE_SHOWN  5     /* the latest; "Show Earlier Entries" for the rest */
#define TIMELINE_LIMIT  200

static gint64
client_id (RgClientCard *self)
{
  return self->client ? rg_record_get_id (RG_RECORD (self->client)) : 0;
}

static void
remove_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *parent = gtk_widget_get_parent (row);

      if (ADW_IS_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW)))
        adw_expander_row_remove (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW)), row);
      else if (ADW_IS_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)))
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                      row);
      else if (parent)
        gtk_widget_unparent (row);
    }
  g_ptr_array_set_size (rows, 0);
}

/* Custom fields ------------------------------------------------------------- */

static void
field_applied_cb (AdwEntryRow  *row,
                  RgClientCard *self)
{
  RgCustomField *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || self->updating)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!rg_client_fields_set (self->studio, client_id (self), field, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    rg_client_card_show_error (self, GTK_WIDGET (row), error->message);
}

static void
field_chosen_cb (AdwComboRow  *row,
                 GParamSpec   *pspec,
                 RgClientCard *self)
{
  RgCustomField *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GStrv) choices = NULL;

  if (self->client == NULL || self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  choices = rg_custom_field_dup_choices (field);
  if (!rg_client_fields_set (self->studio, client_id (self), field,
                             selected > 0 && selected <= g_strv_length (choices) ? choices[selected - 1] : NULL,
                             &error))
    rg_client_card_show_error (self, GTK_WIDGET (row), error->message);
}

static char *
shown_value (RgCustomField *field,
             const char    *value)
{
  int y, m, d;

  /* Dates are kept as YYYY-MM-DD and shown as the desk writes them. */
  if (value && rg_custom_field_get_kind (field) == RG_FIELD_DATE && sscanf (value, "%d-%d-%d", &y, &m, &d) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
  return g_strdup (value);
}

static void
update_fields (RgClientCard *self,
               gboolean      filling)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgRecordList) fields = rg_record_list_new_custom_fields (self->studio, FALSE);
  g_autoptr(GHashTable) values = rg_client_fields_load (self->studio, client_id (self), &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fields));
  gboolean any = FALSE;

  remove_rows (self->field_rows);
  if (values == NULL)
    {
      g_warning ("Could not read the client's fields: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->fields_group), FALSE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCustomField) field = g_list_model_get_item (G_LIST_MODEL (fields), i);
      gint64 id = rg_record_get_id (RG_RECORD (field));
      const char *value = g_hash_table_lookup (values, &id);
      GtkWidget *row;

      if (rg_custom_field_get_kind (field) == RG_FIELD_CHOICE)
        {
          g_auto(GStrv) choices = rg_custom_field_dup_choices (field);
          g_autoptr(GtkStringList) options = gtk_string_list_new (NULL);
          guint selected = 0;

          /* Translators: a choice field without a value */
          gtk_string_list_append (options, C_("field", "Not set"));
          for (guint j = 0; choices[j]; j++)
            {
              gtk_string_list_append (options, choices[j]);
              if (value && g_str_equal (value, choices[j]))
                selected = j + 1;
            }
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (options));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
          g_signal_connect (row, "notify::selected", G_CALLBACK (field_chosen_cb), self);
        }
      else
        {
          g_autofree char *shown = shown_value (field, value);

          row = adw_entry_row_new ();
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : "");
          if (rg_custom_field_get_kind (field) == RG_FIELD_NUMBER)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
          g_signal_connect (row, "apply", G_CALLBACK (field_applied_cb), self);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_custom_field_get_name (field));
      g_object_set_data_full (G_OBJECT (row), "field", g_object_ref (field), g_object_unref);
      gtk_widget_set_visible (row, value != NULL || filling);
      any |= value != NULL || filling;
      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fields_group), any);
}

/* Conditions ------------------------------------------------------------------ */

/* Where @widget is in its scrolled window's view. */
static gboolean
view_y (GtkWidget *widget,
        double    *y)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  if (scrolled == NULL || !gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  *y = point.y;
  return TRUE;
}

#define HOLD_US (400 * G_USEC_PER_SEC / 1000)

/* Each frame for a moment after the change (the write, the card's update
 * and its relayout take a few): puts the held widget back where it was. */
static gboolean
hold_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  GtkWidget *held = self->hold_widget;
  double y;

  if (held && gtk_widget_get_mapped (held) && view_y (held, &y) && y != self->hold_y)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (held, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + (y - self->hold_y));
    }
  if (held && gdk_frame_clock_get_frame_time (clock) < self->hold_until)
    return G_SOURCE_CONTINUE;
  g_clear_object (&self->hold_widget);
  return G_SOURCE_REMOVE;
}

/* Keeps @widget where it is on screen through the change about to be
 * made: a condition ticked adds a warning at the top of the card, which
 * pushed everything down under the pointer (the next click landed on
 * another condition). */
static void
hold_position (RgClientCard *self,
               GtkWidget    *widget)
{
  double y;

  if (!view_y (widget, &y))
    return;
  if (self->hold_widget == NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), hold_tick_cb, NULL, NULL);
  g_set_object (&self->hold_widget, widget);
  self->hold_y = y;
  self->hold_until = g_get_monotonic_time () + HOLD_US;
}

static void
condition_toggled_cb (GtkCheckButton *check,
                      RgClientCard   *self)
{
  RgCondition *condition = g_object_get_data (G_OBJECT (check), "condition");
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || self->updating)
    return;
  hold_position (self, GTK_WIDGET (check));
  if (!rg_client_conditions_set (self->studio, client_id (self), rg_record_get_id (RG_RECORD (condition)),
                                 gtk_check_button_get_active (check), &error))
    rg_client_card_show_error (self, NULL, error->message);
}

/* The rows are made when the expander opens: a closed one costs nothing
 * when a client is chosen. */
static void
update_conditions (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marked = rg_client_conditions_load (self->studio, client_id (self), &error);
  g_autoptr(GPtrArray) list = NULL;
  guint n_marked;

  if (marked == NULL)
    {
      g_warning ("Could not read the medical card: %s", error->message);
      remove_rows (self->condition_rows);
      return;
    }

  n_marked = marked->len;
  if (n_marked)
    {
      /* Translators: how many allergies and contraindications are marked */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u marked", "%u marked", n_marked),
                                                   n_marked);
      adw_expander_row_set_subtitle (self->conditions_row, subtitle);
    }
  else
    adw_expander_row_set_subtitle (self->conditions_row, _("None marked"));

  if (!adw_expander_row_get_expanded (self->conditions_row))
    {
      remove_rows (self->condition_rows);
      return;
    }
  list = rg_conditions_list (self->studio, &error);
  if (list == NULL)
    {
      g_warning ("Could not read the medical card: %s", error->message);
      remove_rows (self->condition_rows);
      return;
    }

  /* The same list as shown: the ticks change in place (rebuilt, the rows
   * would move under the pointer and lose the focus). */
  if (self->condition_rows->len == list->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < list->len; i++)
        same = g_object_get_data (self->condition_rows->pdata[i], "condition") == list->pdata[i];
      if (same)
        {
          gboolean updating = self->updating;

          self->updating = TRUE;
          for (guint i = 0; i < list->len; i++)
            {
              gint64 id = rg_record_get_id (RG_RECORD (list->pdata[i]));
              gboolean on = FALSE;

              for (guint j = 0; j < marked->len; j++)
                on |= g_array_index (marked, gint64, j) == id;
              gtk_check_button_set_active (g_object_get_data (self->condition_rows->pdata[i], "check"), on);
            }
          self->updating = updating;
          return;
        }
    }
  remove_rows (self->condition_rows);

  for (guint i = 0; i < list->len; i++)
    {
      RgCondition *condition = list->pdata[i];
      gint64 id = rg_record_get_id (RG_RECORD (condition));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean on = FALSE;

      for (guint j = 0; j < marked->len; j++)
        on |= g_array_index (marked, gint64, j) == id;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_condition_get_name (condition));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   rg_condition_get_kind (condition) == RG_CONDITION_ALLERGY
                                   ? _("Allergy") : _("Contraindication"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data_full (G_OBJECT (check), "condition", g_object_ref (condition), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (condition_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* The list's objects are the studio's live ones: the same next time. */
      g_object_set_data_full (G_OBJECT (row), "condition", g_object_ref (condition), g_object_unref);
      g_object_set_data (G_OBJECT (row), "check", check);
      adw_expander_row_add_row (self->conditions_row, row);
      g_ptr_array_add (self->condition_rows, row);
    }
}

/* History ---------------------------------------------------------------------- */

static const char *
status_text (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RG_TYPE_APPOINTMENT_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick ? nick : "");

  return value ? rg_booking_status_to_string (value->value) : "";
}

static void
rate_clicked_cb (GtkButton    *button,
                 RgClientCard *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "appointment-id");
  g_autoptr(RgAppointment) appointment = rg_studio_lookup (self->studio, RG_TYPE_APPOINTMENT, *id, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (appointment == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rg_rating_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        self->studio, appointment)));
}

static void
update_history (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;

  remove_rows (self->history_rows);
  /* Made when the expander opens (a regular has hundreds of visits). */
  if (!adw_expander_row_get_expanded (self->history_row))
    return;

  visits = rg_studio_client_history (self->studio, client_id (self), HISTORY_LIMIT, &error);
  if (visits == NULL)
    {
      g_warning ("Could not read the visit history: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
      return;
    }

  for (guint i = 0; i < visits->len; i++)
    {
      RgVisit *visit = visits->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = rg_format_date_time (visit->starts_at);
      g_autofree char *price = rg_format_price (visit->price);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: a visit in the history: the services and the master */
      g_string_append_printf (subtitle, _("%s with %s"), visit->services ? visit->services : "", visit->staff);
      g_string_append_printf (subtitle, " · %s · %s", price, status_text (visit->status));
      if (visit->score)
        {
          /* Translators: a visit's rating, 1 to 5 */
          g_string_append_printf (subtitle, " · %s %d/5", _("rated"), visit->score);
          if (visit->why && *visit->why)
            g_string_append_printf (subtitle, " — %s", visit->why);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (g_strcmp0 (visit->status, "booked") == 0 || g_strcmp0 (visit->status, "confirmed") == 0 ||
          g_strcmp0 (visit->status, "arrived") == 0)
        {
          /* A visit of today or before that is not done yet: the till. */
          RgDate day = rg_date_from_time (visit->starts_at);

          if (rg_date_compare (day, rg_date_today ()) <= 0)
            {
              GtkWidget *check_out = gtk_button_new_with_mnemonic (_("Check _Out…"));

              gtk_widget_set_valign (check_out, GTK_ALIGN_CENTER);
              gtk_actionable_set_action_target_value (GTK_ACTIONABLE (check_out),
                                                      g_variant_new_int64 (visit->appointment_id));
              gtk_actionable_set_action_name (GTK_ACTIONABLE (check_out), "win.check-out");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), check_out);
            }
        }
      if (g_strcmp0 (visit->status, "done") == 0)
        {
          /* A rating skipped at the desk is given here later. */
          GtkWidget *rate = gtk_button_new_from_icon_name (visit->score ? "starred-symbolic" : "non-starred-symbolic");

          gtk_widget_set_tooltip_text (rate, visit->score ? _("Change the Rating") : _("Rate the Visit"));
          gtk_widget_set_valign (rate, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (rate, "flat");
          g_object_set_data_full (G_OBJECT (rate), "appointment-id",
                                  g_memdup2 (&visit->appointment_id, sizeof (gint64)), g_free);
          g_signal_connect (rate, "clicked", G_CALLBACK (rate_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate);
        }
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

}

/* Receipts --------------------------------------------------------------------- */

static GtkWindow *
card_window (RgClientCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gint64
sale_of (GtkWidget *button)
{
  return *(const gint64 *) g_object_get_data (G_OBJECT (button), "sale-id");
}

static void
print_clicked_cb (GtkButton    *button,
                  RgClientCard *self)
{
  rg_receipt_print (card_window (self), self->studio, sale_of (GTK_WIDGET (button)));
}

static void
pdf_clicked_cb (GtkButton    *button,
                RgClientCard *self)
{
  rg_receipt_save_pdf (card_window (self), self->studio, sale_of (GTK_WIDGET (button)));
}

static void
refund_clicked_cb (GtkButton    *button,
                   RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  RgRefundDialog *dialog = rg_refund_dialog_new (card_window (self), self->studio, sale_of (GTK_WIDGET (button)),
                                                 &error);

  if (dialog == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  /* The dialog says where the money went, in the window's toast. */
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
sale_button (const char   *icon,
             const char   *tooltip,
             gint64        sale_id,
             GCallback     clicked,
             RgClientCard *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "sale-id", g_memdup2 (&sale_id, sizeof sale_id), g_free);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

/* The client's receipts, newest first, each printed, saved or refunded
 * from here. Read when the expander opens. */
static void
update_sales (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sales = NULL;

  remove_rows (self->sales_rows);
  /* The list is read when it opens (a regular has hundreds of receipts). */
  gtk_widget_set_visible (GTK_WIDGET (self->sales_row), rg_studio_client_has_sales (self->studio, client_id (self)));
  if (!adw_expander_row_get_expanded (self->sales_row))
    return;
  sales = rg_studio_list_client_sales (self->studio, client_id (self), &error);
  if (sales == NULL)
    {
      g_warning ("Could not read the client's receipts: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->sales_row), FALSE);
      return;
    }

  for (guint i = 0; i < sales->len && i < HISTORY_LIMIT; i++)
    {
      const RgSaleSummary *sale = &g_array_index (sales, RgSaleSummary, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = rg_format_date_time (sale->sold_at);
      g_autofree char *total = rg_format_price (sale->total);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      title = sale->refund
              /* Translators: a refund's receipt in the client's list, with its number and sum */
              ? g_strdup_printf (_("Refund No. %lld · %s"), (long long) sale->number, total)
              /* Translators: a receipt in the client's list, with its number and sum */
              : g_strdup_printf (_("Receipt No. %lld · %s"), (long long) sale->number, total);
      subtitle = sale->refunded ? g_strdup_printf ("%s · %s", when, _("refunded")) : g_strdup (when);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 sale_button ("document-print-symbolic", _("Print the Receipt"), sale->id,
                                              G_CALLBACK (print_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 sale_button ("document-save-symbolic", _("Save the Receipt as PDF"), sale->id,
                                              G_CALLBACK (pdf_clicked_cb), self));
      if (!sale->refund && !sale->refunded)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   sale_button ("edit-undo-symbolic", _("Refund…"), sale->id,
                                                G_CALLBACK (refund_clicked_cb), self));
      adw_expander_row_add_row (self->sales_row, row);
      g_ptr_array_add (self->sales_rows, row);
    }
}

/* Photos ------------------------------------------------------------------------ */

#define THUMBNAIL_SIZE 96

/* A picture scaled while it is decoded: a phone's photo is 4000 pixels
 * wide, the card shows a hundred. */
static GdkTexture *
load_scaled (GFile *file,
             int    size)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GdkPixbuf) pixbuf = path ? gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, NULL) : NULL;
  g_autoptr(GdkPixbuf) rotated = pixbuf ? gdk_pixbuf_apply_embedded_orientation (pixbuf) : NULL;

  return rotated ? gdk_texture_new_for_pixbuf (rotated) : NULL;
}

static const char *
photo_kind_text (RgPhotoKind kind)
{
  switch (kind)
    {
    case RG_PHOTO_BEFORE: return _("Before");
    case RG_PHOTO_AFTER:  return _("After");
    case RG_PHOTO_OTHER:
    default:              return "";
    }
}

static GtkWidget *
photo_picture (RgClientCard *self,
               RgPhoto      *photo,
               int           size)
{
  g_autoptr(GFile) file = rg_photo_get_file (self->studio, photo);
  g_autoptr(GdkTexture) texture = load_scaled (file, size);
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  return picture;
}

/* A visit's photos side by side, before and after, or one photo large. */
static void
show_photo (RgClientCard *self,
            RgPhoto      *photo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autoptr(GPtrArray) photos = rg_photo_list_for_client (self->studio, client_id (self), NULL);
  g_autofree char *title = rg_format_date (rg_photo_get_taken_at (photo));
  RgPhoto *before = NULL, *after = NULL;

  for (guint i = 0; photos && i < photos->len && rg_photo_get_appointment_id (photo); i++)
    if (rg_photo_get_appointment_id (photos->pdata[i]) == rg_photo_get_appointment_id (photo))
      {
        if (rg_photo_get_kind (photos->pdata[i]) == RG_PHOTO_BEFORE && before == NULL)
          before = photos->pdata[i];
        if (rg_photo_get_kind (photos->pdata[i]) == RG_PHOTO_AFTER)
          after = photos->pdata[i];
      }

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_margin_start (pair, 12);
  gtk_widget_set_margin_end (pair, 12);
  gtk_widget_set_margin_bottom (pair, 12);
  gtk_widget_set_vexpand (pair, TRUE);
  gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);

  if (before && after && (photo == before || photo == after))
    {
      RgPhoto *shown[] = { before, after };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        {
          GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *label = gtk_label_new (photo_kind_text (rg_photo_get_kind (shown[i])));
          GtkWidget *picture = photo_picture (self, shown[i], 1200);

          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_vexpand (picture, TRUE);
          gtk_box_append (GTK_BOX (column), label);
          gtk_box_append (GTK_BOX (column), picture);
          gtk_box_append (GTK_BOX (pair), column);
        }
    }
  else
    {
      GtkWidget *picture = photo_picture (self, photo, 1600);

      gtk_widget_set_vexpand (picture, TRUE);
      gtk_box_append (GTK_BOX (pair), picture);
    }
  gtk_box_append (GTK_BOX (box), pair);

  /* Translators: the title of the photo viewer: the client and the date */
  {
    g_autofree char *full = g_strdup_printf (_("%s, %s"), rg_client_get_address_as (self->client), title);
    gtk_window_set_title (GTK_WINDOW (window), full);
  }
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
photo_clicked_cb (GtkButton    *button,
                  RgClientCard *self)
{
  show_photo (self, g_object_get_data (G_OBJECT (button), "photo"));
}

static void
update_photos (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) photos = rg_photo_list_for_client (self->studio, client_id (self), &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos_box))))
    gtk_flow_box_remove (self->photos_box, child);
  if (photos == NULL)
    {
      g_warning ("Could not read the photos: %s", error->message);
      return;
    }

  /* Newest first. */
  for (guint i = photos->len; i > 0; i--)
    {
      RgPhoto *photo = photos->pdata[i - 1];
      GtkWidget *button = gtk_button_new ();
      GtkWidget *overlay = gtk_overlay_new ();
      GtkWidget *picture = photo_picture (self, photo, THUMBNAIL_SIZE * 2);
      const char *kind = photo_kind_text (rg_photo_get_kind (photo));
      g_autofree char *date = rg_format_date (rg_photo_get_taken_at (photo));
      g_autofree char *tooltip = *kind ? g_strdup_printf ("%s · %s", kind, date) : g_strdup (date);

      gtk_widget_set_size_request (picture, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);
      if (*kind)
        {
          GtkWidget *label = gtk_label_new (kind);

          gtk_widget_add_css_class (label, "osd");
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_set_halign (label, GTK_ALIGN_START);
          gtk_widget_set_valign (label, GTK_ALIGN_END);
          gtk_overlay_add_overlay (GTK_OVERLAY (overlay), label);
        }
      gtk_button_set_child (GTK_BUTTON (button), overlay);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "photo", g_object_ref (photo), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (photo_clicked_cb), self);
      gtk_flow_box_append (self->photos_box, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->photos_box), photos->len > 0);
}

/* Copies the chosen pictures into the studio, for the client's latest
 * visit (today's, usually). */
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RgClientCard    *self)
{
  RgPhotoKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));
  g_autoptr(GListModel) files = NULL;
  gint64 visit = 0;

  if (response != GTK_RESPONSE_ACCEPT || self->client == NULL)
    goto out;

  /* The visit under way or just over (half a day's grace), if any. */
  visit = rg_client_latest_visit (self->studio, client_id (self), g_get_real_time () / G_USEC_PER_SEC + 12 * 3600, NULL);

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgPhoto) photo = rg_photo_import (self->studio, client_id (self), visit, kind, file, &error);

      if (photo == NULL)
        rg_client_card_show_error (self, NULL, error->message);
    }

out:
  g_clear_object (&self->photo_chooser);
}

void
rg_client_card_add_photo (RgClientCard *self,
                          RgPhotoKind   kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->client == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Add Photos"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  g_clear_object (&self->photo_chooser);
  self->photo_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->photo_chooser);
}

/* Timeline -------------------------------------------------------------------- */

static const char *
kind_icon (RgInteractionKind kind)
{
  switch (kind)
    {
    case RG_INTERACTION_CALL:      return "call-start-symbolic";
    case RG_INTERACTION_COMPLAINT: return "dialog-warning-symbolic";
    case RG_INTERACTION_TASK:      return "alarm-symbolic";
    case RG_INTERACTION_GIFT:      return "emoji-objects-symbolic";
    case RG_INTERACTION_MESSAGE:   return "mail-unread-symbolic";
    case RG_INTERACTION_SYSTEM:    return "emblem-system-symbolic";
    case RG_INTERACTION_NOTE:
    default:                       return "document-edit-symbolic";
    }
}

/* What a timeline icon stands for. */
static const char *
kind_name (RgInteractionKind kind)
{
  switch (kind)
    {
    case RG_INTERACTION_CALL:      return C_("timeline", "Call");
    case RG_INTERACTION_COMPLAINT: return C_("timeline", "Complaint");
    case RG_INTERACTION_TASK:      return C_("timeline", "Task");
    case RG_INTERACTION_GIFT:      return C_("timeline", "Gift");
    case RG_INTERACTION_MESSAGE:   return C_("timeline", "Message");
    case RG_INTERACTION_SYSTEM:    return C_("timeline", "Recorded by the app");
    case RG_INTERACTION_NOTE:
    default:                       return C_("timeline", "Note");
    }
}

/* "24 November 2026, 14:30 · Open · about the visit of 20 November with
 * Olga — what was done" */
static char *
complaint_subtitle (RgClientCard  *self,
                    RgInteraction *complaint,
                    const char    *when)
{
  GString *text = g_string_new (when);
  RgComplaintStatus status = rg_interaction_get_complaint_status (complaint);
  const char *resolution = rg_interaction_get_resolution (complaint);

  if (status == RG_COMPLAINT_RESOLVED && rg_interaction_get_done_at (complaint))
    {
      g_autofree char *done = rg_format_date (rg_interaction_get_done_at (complaint));

      /* Translators: a complaint's status with the day it was resolved */
      g_string_append (text, " · ");
      g_string_append_printf (text, _("Resolved on %s"), done);
    }
  else
    g_string_append_printf (text, " · %s", rg_complaint_status_to_string (status));
  if (rg_interaction_get_appointment_id (complaint))
    {
      g_autoptr(RgAppointment) visit = rg_studio_lookup (self->studio, RG_TYPE_APPOINTMENT,
                                                         rg_interaction_get_appointment_id (complaint), NULL);
      g_autoptr(RgStaff) staff = rg_interaction_get_staff_id (complaint)
                               ? rg_studio_lookup (self->studio, RG_TYPE_STAFF,
                                                   rg_interaction_get_staff_id (complaint), NULL)
                               : NULL;

      if (visit)
        {
          g_autofree char *date = rg_format_date (rg_appointment_get_starts_at (visit));

          g_string_append (text, " · ");
          if (staff)
            /* Translators: what a complaint is about: the visit's day and its master */
            g_string_append_printf (text, _("about the visit of %s with %s"), date, rg_staff_get_display_name (staff));
          else
            /* Translators: what a complaint is about: the visit's day */
            g_string_append_printf (text, _("about the visit of %s"), date);
        }
    }
  if (resolution && *resolution)
    g_string_append_printf (text, " — %s", resolution);
  return g_string_free (text, FALSE);
}

static GtkWidget *
complaint_menu (RgInteraction *complaint)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  gint64 id = rg_record_get_id (RG_RECORD (complaint));
  RgComplaintStatus status = rg_interaction_get_complaint_status (complaint);
  GtkWidget *button = gtk_menu_button_new ();
  struct {
    RgComplaintStatus status;
    const char *label;
  } items[] = {
    { RG_COMPLAINT_RESOLVED, N_("Mark _Resolved…") },
    { RG_COMPLAINT_ESCALATED, N_("_Pass to the Director") },
    { RG_COMPLAINT_OPEN, N_("Re_open") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (items[i].status == status)
        continue;
      item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, "card.complaint-status",
                                               g_variant_new ("(xs)", id, rg_complaint_status_to_nick (items[i].status)));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Complaint Status"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* Unresolved complaints show at the top of the card, with the warnings. */
static void
update_open_complaints (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = NULL;
  guint n = rg_client_open_complaints (self->studio, client_id (self), &latest, &error);

  if (error)
    g_warning ("Could not read the complaints: %s", error->message);
  if (n > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "An open complaint",
                                                                "%u open complaints", n), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->complaint_row), latest ? latest : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->complaint_row), subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->complaint_row), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_group),
                          gtk_widget_get_visible (GTK_WIDGET (self->medical_row)) || n > 0);
}

static void
update_timeline (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = rg_client_timeline (self->studio, client_id (self),
                                                     self->timeline_all ? TIMELINE_LIMIT : TIMELINE_SHOWN + 1,
                                                     &error);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))))
    gtk_list_box_remove (self->timeline_list, child);

  if (entries == NULL)
    {
      g_warning ("Could not read the timeline: %s", error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      RgInteraction *entry = entries->pdata[i];
      GtkWidget *item;

      if (!self->timeline_all && n == TIMELINE_SHOWN)
        {
          /* More than fit: a row that shows them all. */
          item = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), _("Show Earlier Entries"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), TRUE);
          gtk_widget_add_css_class (item, "show-more");
          g_object_set_data (G_OBJECT (item), "show-more", GINT_TO_POINTER (TRUE));
          gtk_list_box_append (self->timeline_list, item);
          break;
        }
      g_autofree char *when = rg_format_date_time (rg_interaction_get_occurred_at (entry));
      const char *body = rg_interaction_get_body (entry);
      const char *outcome = rg_interaction_get_outcome (entry);
      g_autofree char *subtitle = NULL;

      item = adw_action_row_new ();

      if (rg_interaction_get_kind (entry) == RG_INTERACTION_COMPLAINT)
        {
          subtitle = complaint_subtitle (self, entry, when);
          adw_action_row_add_suffix (ADW_ACTION_ROW (item), complaint_menu (entry));
        }
      else
        subtitle = outcome ? g_strdup_printf ("%s · %s", when, rg_interaction_outcome_to_string (outcome))
                           : g_strdup (when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), body ? body : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (item), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), subtitle);
      /* A complaint warns while it is open; resolved, it is done. */
      if (rg_interaction_get_kind (entry) == RG_INTERACTION_COMPLAINT &&
          rg_interaction_get_complaint_status (entry) == RG_COMPLAINT_RESOLVED)
        rg_accessible_row_icon (item, "object-select-symbolic", _("Resolved complaint"));
      else
        rg_accessible_row_icon (item, kind_icon (rg_interaction_get_kind (entry)),
                                kind_name (rg_interaction_get_kind (entry)));
      gtk_list_box_append (self->timeline_list, item);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_list), n > 0);
  update_open_complaints (self);
}

static void
timeline_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       RgClientCard  *self)
{
  if (g_object_get_data (G_OBJECT (row), "show-more"))
    {
      self->timeline_all = TRUE;
      update_timeline (self);
    }
}

/* Who opened a client's medical card goes to the audit log, each time it
 * is opened. */
static void
note_medical_opened (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_studio_note_medical_opened (self->studio, client_id (self), &error))
    g_warning ("Could not note the medical card's opening: %s", error->message);
}

static void
conditions_expanded_cb (RgClientCard *self)
{
  gboolean open = self->client != NULL && adw_expander_row_get_expanded (self->conditions_row);

  if (open && self->medical_noted != client_id (self))
    note_medical_opened (self);
  self->medical_noted = open ? client_id (self) : 0;
}

static void
expanded_cb (RgClientCard *self)
{
  if (self->client == NULL)
    return;
  self->updating = TRUE;
  update_conditions (self);
  update_history (self);
  update_sales (self);
  self->updating = FALSE;
}

/* One step: what happened (a note, a call, a complaint, a gift, a
 * message), type, Enter, it is in the timeline. */
static void
note_applied_cb (AdwEntryRow  *row,
                 RgClientCard *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(RgInteraction) note = NULL;
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || *text == '\0')
    return;

  {
    static const RgInteractionKind kinds[] = {
      RG_INTERACTION_NOTE, RG_INTERACTION_CALL, RG_INTERACTION_COMPLAINT, RG_INTERACTION_GIFT,
      RG_INTERACTION_MESSAGE,
    };
    guint selected = gtk_drop_down_get_selected (self->note_kind);
    RgInteractionKind kind = selected < G_N_ELEMENTS (kinds) ? kinds[selected] : RG_INTERACTION_NOTE;

    if (kind == RG_INTERACTION_COMPLAINT)
      note = rg_complaint_new (self->studio, client_id (self), text, &error);
    else
      note = rg_interaction_new (client_id (self), kind, text);
  }
  if (note == NULL || !rg_studio_save (self->studio, note, &error))
    {
      rg_client_card_show_error (self, GTK_WIDGET (row), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* Complaints and refusals ---------------------------------------------------------- */

static void
save_complaint_status (RgClientCard      *self,
                       RgInteraction     *complaint,
                       RgComplaintStatus  status,
                       const char        *resolution)
{
  g_autoptr(GError) error = NULL;

  rg_interaction_set_complaint_status (complaint, status);
  if (resolution != NULL)
    g_object_set (complaint, "resolution", *resolution ? resolution : NULL, NULL);
  if (!rg_studio_save (self->studio, complaint, &error))
    rg_client_card_show_error (self, NULL, error->message);
}

static void
resolved_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RgClientCard     *self)
{
  RgInteraction *complaint = g_object_get_data (G_OBJECT (dialog), "complaint");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "resolve") || self->studio == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  save_complaint_status (self, complaint, RG_COMPLAINT_RESOLVED, text);
}

void
rg_client_card_complaint_status_activated (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  g_autoptr(RgInteraction) complaint = NULL;
  const char *nick = NULL;
  gint64 id = 0;
  RgComplaintStatus status;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  complaint = rg_studio_lookup (self->studio, RG_TYPE_INTERACTION, id, NULL);
  if (complaint == NULL || rg_interaction_get_kind (complaint) != RG_INTERACTION_COMPLAINT)
    return;
  status = rg_complaint_status_from_nick (nick);

  if (status == RG_COMPLAINT_RESOLVED)
    {
      /* What was done is part of the record. */
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Resolve the Complaint?"), rg_interaction_get_body (complaint));
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What was done (optional)"));
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      if (rg_interaction_get_resolution (complaint))
        gtk_editable_set_text (GTK_EDITABLE (entry), rg_interaction_get_resolution (complaint));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "resolve", _("_Resolved"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resolve", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resolve");
      g_object_set_data_full (G_OBJECT (dialog), "complaint", g_object_ref (complaint), g_object_unref);
      g_object_set_data (G_OBJECT (dialog), "entry", entry);
      g_signal_connect_object (dialog, "response", G_CALLBACK (resolved_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  save_complaint_status (self, complaint, status, NULL);
}

void
rg_client_card_refusal_activated (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->client == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rg_survey_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        self->studio, RG_SURVEY_REFUSAL, client_id (self), 0)));
}

/* API ---------------------------------------------------------------------------- */

void
rg_client_card_setup_lists (RgClientCard *self)
{
  self->field_rows = g_ptr_array_new ();
  self->condition_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->sales_rows = g_ptr_array_new ();
  rg_client_card_setup_balances (self);
  g_signal_connect (self->note_row, "apply", G_CALLBACK (note_applied_cb), self);
  g_signal_connect (self->note_row, "entry-activated", G_CALLBACK (note_applied_cb), self);
  g_signal_connect (self->timeline_list, "row-activated", G_CALLBACK (timeline_activated_cb), self);
  g_signal_connect_swapped (self->conditions_row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  g_signal_connect_swapped (self->conditions_row, "notify::expanded", G_CALLBACK (conditions_expanded_cb), self);
  g_signal_connect_swapped (self->history_row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  g_signal_connect_swapped (self->sales_row, "notify::expanded", G_CALLBACK (expanded_cb), self);
}

void
rg_client_card_update_lists (RgClientCard *self)
{
  gboolean filling;

  if (self->content == NULL || self->client == NULL)
    return;

  filling = gtk_toggle_button_get_active (self->edit_button);
  self->updating = TRUE;
  update_fields (self, filling);
  update_conditions (self);
  update_history (self);
  update_sales (self);
  rg_client_card_update_balances (self);
  update_timeline (self);
  update_photos (self);
  self->updating = FALSE;
}

void
rg_client_card_clear_lists (RgClientCard *self)
{
  remove_rows (self->field_rows);
  remove_rows (self->condition_rows);
  remove_rows (self->history_rows);
  remove_rows (self->sales_rows);
  rg_client_card_clear_balances (self);
}

/* rg-service-editor.c — the page for one service.
 *
 * Shown as a subpage of the Studio window; nothing is written until Save.
 * The category is typed or picked from the studio's categories; the
 * duration is a spin in 5-minute steps shown as h:mm; the price is read in
 * the user's language ("1 500,50" in Russian) into minor units. A refused
 * save (no name, no duration, a price that is not a number) writes nothing,
 * puts the live record back as stored and keeps what was typed.
 *
 * Materials: what one visit of the service uses of each material, in the
 * material's unit (30 ml of dye), written off when the visit is checked
 * out. They are a draft too, saved with the service in one transaction;
 * the group says what they cost per visit at their average purchase cost,
 * which the check-out's margin warning adds to the materials cost above.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-service-editor"

#include "config.h"

#include "model/rg-client-reads.h"
#include "rg-studio-window.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-record-list.h"
#include "model/rg-stock.h"
#include "rg-service-editor.h"
#include "util/rg-money.h"
#include "widgets/common/rg-time-spin.h"

struct _RgServiceEditor
{
  AdwBin          parent_instance;

  RgStudio       *studio;
  RgService      *service;
  GStrv           categories;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *category_row;
  GtkMenuButton  *category_button;
  GtkWidget      *duration_row;
  GtkSpinButton  *duration_spin;
  AdwEntryRow    *price_row;
  AdwEntryRow    *materials_row;
  GtkSpinButton  *repeat_spin;
  GtkWidget      *manage_group;
  GtkWidget      *archive_button;
  GtkWidget      *restore_button;
  GtkWidget      *delete_button;
  AdwPreferencesGroup *materials_group;
  AdwActionRow   *add_material_row;
  GtkDropDown    *material_drop_down;
  GtkSpinButton  *material_quantity_spin;
  GtkWidget      *add_material_button;

  GArray         *materials;        /* of RgServiceMaterial: the draft */
  GArray         *choices;          /* of RgStockItem: the materials one may add */
  GPtrArray      *material_rows;
};

G_DEFINE_FINAL_TYPE (RgServiceEditor, rg_service_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STUDIO,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
revert (RgServiceEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (rg_record_get_id (RG_RECORD (self->service)) == 0)
    return;
  if (!rg_studio_reload (self->studio, self->service, &error))
    g_debug ("Could not reload the service: %s", error->message);
}

/* Writes the draft; on a refusal nothing is written and the fields keep
 * what was typed. */
gboolean
rg_service_editor_save (RgServiceEditor  *self,
                        GError          **error)
{
  RgService *service;
  g_autofree char *name = NULL;
  g_autofree char *category = NULL;
  gint64 price = 0, materials = 0;
  const char *materials_text;
  int duration;

  g_return_val_if_fail (RG_IS_SERVICE_EDITOR (self), FALSE);

  service = self->service;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  category = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_row))));
  gtk_spin_button_update (self->duration_spin);
  gtk_spin_button_update (self->repeat_spin);
  duration = gtk_spin_button_get_value_as_int (self->duration_spin);

  if (*name == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  if (duration < 5)
    gtk_widget_add_css_class (GTK_WIDGET (self->duration_spin), "error");

  if (!rg_format_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->price_row)), &price))
    {
      g_autofree char *example = rg_format_money (150050);

      gtk_widget_add_css_class (GTK_WIDGET (self->price_row), "error");
      /* Translators: %s is an example amount, such as 1,500.50 */
      g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                   _("Enter the price as a number, such as %s."), example);
      return FALSE;
    }

  /* Empty: no materials to count. */
  materials_text = gtk_editable_get_text (GTK_EDITABLE (self->materials_row));
  if (*materials_text != '\0' && !rg_money_parse (materials_text, &materials, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->materials_row), "error");
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (service));
  rg_service_set_name (service, name);
  rg_service_set_materials_cost (service, materials);
  rg_service_set_category (service, category);
  rg_service_set_duration_minutes (service, duration);
  rg_service_set_price (service, price);
  rg_service_set_repeat_days (service, gtk_spin_button_get_value_as_int (self->repeat_spin));
  g_object_thaw_notify (G_OBJECT (service));

  if (!rg_studio_save_service_with_materials (self->studio, service,
                                              (const RgServiceMaterial *) self->materials->data,
                                              self->materials->len, error))
    {
      revert (self);
      return FALSE;
    }

  return TRUE;
}

/* Materials ------------------------------------------------------------------ */

static void rebuild_materials (RgServiceEditor *self);

static void
remove_material_cb (GtkButton       *button,
                    RgServiceEditor *self)
{
  gint64 product_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "product-id"));

  for (guint i = 0; i < self->materials->len; i++)
    if (g_array_index (self->materials, RgServiceMaterial, i).product_id == product_id)
      {
        g_array_remove_index (self->materials, i);
        break;
      }
  rebuild_materials (self);
}

static void
rebuild_materials (RgServiceEditor *self)
{
  gint64 total = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->material_rows->len; i++)
    adw_preferences_group_remove (self->materials_group, self->material_rows->pdata[i]);
  g_ptr_array_set_size (self->material_rows, 0);

  for (guint i = 0; i < self->materials->len; i++)
    {
      RgServiceMaterial *material = &g_array_index (self->materials, RgServiceMaterial, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *quantity = rg_stock_format_quantity (material->quantity, material->unit);
      g_autofree char *cost = rg_format_money (material->cost);
      /* Translators: a service's material: its quantity per visit, "30 ml", and what that costs */
      g_autofree char *subtitle = g_strdup_printf (_("%s per visit · %s"), quantity, cost);

      total += material->cost;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Material"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the Material"), -1);
      g_object_set_data (G_OBJECT (remove), "product-id", GSIZE_TO_POINTER ((gsize) material->product_id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_material_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
    }

  total_text = rg_format_money (total);
  if (self->materials->len == 0)
    description = g_strdup (_("What one visit uses of each material, written off from stock when the visit is "
                              "checked out."));
  else
    /* Translators: %s is an amount of money */
    description = g_strdup_printf (_("What one visit uses of each material, written off from stock when the visit "
                                     "is checked out. At their average purchase cost they cost %s per visit, "
                                     "which the check-out’s margin warning adds to the materials cost above."),
                                   total_text);
  adw_preferences_group_set_description (self->materials_group, description);
}

static void
add_material_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (widget);
  guint chosen = gtk_drop_down_get_selected (self->material_drop_down);
  const RgStockItem *item;
  RgServiceMaterial material = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->choices == NULL || chosen >= self->choices->len)
    return;
  item = &g_array_index (self->choices, RgStockItem, chosen);
  gtk_spin_button_update (self->material_quantity_spin);
  material.product_id = item->product_id;
  material.name = g_strdup (item->name);
  material.unit = item->unit;
  material.quantity = gtk_spin_button_get_value_as_int (self->material_quantity_spin);
  if (!rg_studio_get_material_cost (self->studio, material.product_id, material.quantity, &material.cost, &error))
    g_debug ("Could not read the material's cost: %s", error->message);

  for (guint i = 0; i < self->materials->len; i++)
    if (g_array_index (self->materials, RgServiceMaterial, i).product_id == material.product_id)
      {
        /* Named again: its new quantity. */
        g_array_remove_index (self->materials, i);
        break;
      }
  g_array_append_val (self->materials, material);
  rebuild_materials (self);
}

/* The draft from the stored list, and the studio's materials to choose from. */
static void
load_materials (RgServiceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 service_id = rg_record_get_id (RG_RECORD (self->service));
  g_autoptr(GArray) stock = rg_studio_list_stock (self->studio, 0, &error);

  if (service_id != 0)
    {
      g_autoptr(GArray) stored = rg_studio_list_service_materials (self->studio, service_id, &error);

      if (stored != NULL)
        {
          /* The draft owns the names now. */
          g_array_set_clear_func (stored, NULL);
          g_array_append_vals (self->materials, stored->data, stored->len);
        }
      else
        g_debug ("Could not read the service's materials: %s", error->message);
    }
  g_clear_error (&error);

  self->choices = g_array_new (FALSE, TRUE, sizeof (RgStockItem));
  g_array_set_clear_func (self->choices, (GDestroyNotify) rg_stock_item_clear);
  for (guint i = 0; stock != NULL && i < stock->len; i++)
    {
      RgStockItem *item = &g_array_index (stock, RgStockItem, i);
      g_autofree char *label = NULL;

      if (item->kind != RG_PRODUCT_MATERIAL)
        continue;
      /* Translators: a material to choose and its unit, "Hair dye (ml)" */
      label = g_strdup_printf (_("%s (%s)"), item->name, rg_product_unit_label (item->unit));
      gtk_string_list_append (names, label);
      g_array_append_val (self->choices, *item);
      /* The choice owns the strings now. */
      item->name = NULL;
      item->supplier = NULL;
    }
  gtk_drop_down_set_model (self->material_drop_down, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->material_drop_down), self->choices->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->material_quantity_spin), self->choices->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-material", self->choices->len > 0);
  if (self->choices->len == 0)
    adw_action_row_set_subtitle (self->add_material_row,
                                 _("Add materials on the Products page first (kind: material for services)"));
  rebuild_materials (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!rg_service_editor_save (self, &error))
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
set_category_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->category_row), g_variant_get_string (parameter, NULL));
}

/* Enter saves a service being edited. A new one has more to fill in than
 * its name: there Enter goes on to the next field, and only the last one,
 * the price, adds it (rather than adding "Manicure" at 1:00 and 0 the
 * moment its category is typed). */
static void
entry_activated_cb (RgServiceEditor *self,
                    AdwEntryRow     *row)
{
  gboolean is_new = self->service && rg_record_get_id (RG_RECORD (self->service)) == 0;

  if (is_new && row == self->name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
  else if (is_new && row == self->category_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->duration_spin));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
name_changed_cb (RgServiceEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
price_changed_cb (RgServiceEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->price_row), "error");
}

static void
materials_changed_cb (RgServiceEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->materials_row), "error");
}

static void
duration_changed_cb (RgServiceEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->duration_spin), "error");
}

RgService *
rg_service_editor_get_service (RgServiceEditor *self)
{
  g_return_val_if_fail (RG_IS_SERVICE_EDITOR (self), NULL);
  return self->service;
}

/* The studio's categories, for the menu; and for a new service, a draft
 * that goes after the others. */
static void
survey_services (RgServiceEditor *self)
{
  g_autoptr(RgRecordList) services = rg_record_list_new_services (self->studio, TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (services));
  int last = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgService) service = g_list_model_get_item (G_LIST_MODEL (services), i);
      const char *category = rg_service_get_category (service);

      last = MAX (last, rg_service_get_position (service));
      if (rg_service_get_archived (service) || category == NULL || *category == '\0' ||
          g_hash_table_contains (seen, category))
        continue;
      g_hash_table_add (seen, (gpointer) category);
      g_strv_builder_add (builder, category);
    }

  self->categories = g_strv_builder_end (builder);

  if (self->service == NULL)
    {
      self->service = rg_service_new ("", 60, 0);
      rg_service_set_position (self->service, last + 1);
    }
}

static void
rg_service_editor_constructed (GObject *object)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (object);
  RgService *service;
  gboolean is_new, archived;
  GVariant *target;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *price = NULL;
  gint64 minor;

  G_OBJECT_CLASS (rg_service_editor_parent_class)->constructed (object);

  g_assert (self->studio != NULL);
  survey_services (self);
  service = self->service;
  is_new = rg_record_get_id (RG_RECORD (service)) == 0;
  archived = rg_service_get_archived (service);
  target = g_variant_ref_sink (g_variant_new_int64 (rg_record_get_id (RG_RECORD (service))));

  adw_window_title_set_title (self->window_title, is_new ? _("New Service") : _("Service"));
  if (!is_new)
    adw_window_title_set_subtitle (self->window_title, rg_service_get_name (service));
  gtk_button_set_label (GTK_BUTTON (self->save_button), is_new ? _("_Add") : _("_Save"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rg_service_get_name (service) ? rg_service_get_name (service) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->category_row),
                         rg_service_get_category (service) ? rg_service_get_category (service) : "");
  gtk_spin_button_set_value (self->duration_spin, rg_service_get_duration_minutes (service));
  gtk_spin_button_set_value (self->repeat_spin, rg_service_get_repeat_days (service));

  /* The price as it reads back: "1500" or "1500.50" without grouping, so
   * it is easy to edit. */
  minor = rg_service_get_price (service);
  if (minor % 100 == 0)
    price = g_strdup_printf ("%" G_GINT64_FORMAT, minor / 100);
  else
    /* The decimal separator of rg_format_money(). */
    price = g_strdup_printf ("%" G_GINT64_FORMAT "%s%02d", minor / 100,
                             g_dpgettext2 (GETTEXT_PACKAGE, "money", "."), (int) (minor % 100));
  gtk_editable_set_text (GTK_EDITABLE (self->price_row), is_new && minor == 0 ? "" : price);
  {
    g_autofree char *materials = rg_format_money_editable (rg_service_get_materials_cost (service));

    gtk_editable_set_text (GTK_EDITABLE (self->materials_row),
                           rg_service_get_materials_cost (service) == 0 ? "" : materials);
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->price_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->duration_spin), "error");

  for (guint i = 0; self->categories && self->categories[i]; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->categories[i], NULL);

      g_menu_item_set_action_and_target (item, "editor.set-category", "s", self->categories[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->category_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->category_button), self->categories && self->categories[0]);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->archive_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->restore_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);
  gtk_widget_set_visible (self->manage_group, !is_new);
  load_materials (self);
  gtk_widget_set_visible (self->archive_button, !archived);
  gtk_widget_set_visible (self->restore_button, archived);
}

static gboolean
focus_name_cb (gpointer data)
{
  RgServiceEditor *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return G_SOURCE_REMOVE;
}

/* A new one starts at its name, once the window has moved the focus into
 * the page as it slides in. */
static void
rg_service_editor_map (GtkWidget *widget)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (widget);

  GTK_WIDGET_CLASS (rg_service_editor_parent_class)->map (widget);

  if (rg_record_get_id (RG_RECORD (self->service)) == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_name_cb, g_object_ref (self), g_object_unref);
}

static void
rg_service_editor_dispose (GObject *object)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_SERVICE_EDITOR);
  g_clear_object (&self->service);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_service_editor_parent_class)->dispose (object);
}

static void
rg_service_editor_finalize (GObject *object)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (object);

  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->materials, g_array_unref);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->material_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_service_editor_parent_class)->finalize (object);
}

static void
rg_service_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_service_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgServiceEditor *self = RG_SERVICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      self->studio = g_value_dup_object (value);
      break;
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_service_editor_class_init (RgServiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_service_editor_constructed;
  object_class->dispose = rg_service_editor_dispose;
  object_class->finalize = rg_service_editor_finalize;
  object_class->get_property = rg_service_editor_get_property;
  object_class->set_property = rg_service_editor_set_property;

  widget_class->map = rg_service_editor_map;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, RG_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-service-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, category_button);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, materials_row);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, repeat_spin);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, manage_group);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, archive_button);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, restore_button);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, materials_group);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, add_material_row);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, material_drop_down);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, material_quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, RgServiceEditor, add_material_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, price_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, materials_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "editor.set-category", "s", set_category_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-material", NULL, add_material_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rg_service_editor_init (RgServiceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->materials = g_array_new (FALSE, TRUE, sizeof (RgServiceMaterial));
  g_array_set_clear_func (self->materials, (GDestroyNotify) rg_service_material_clear);
  self->material_rows = g_ptr_array_new ();
  rg_time_spin_setup (self->duration_spin, RG_TIME_SPIN_DURATION);
}

/* @service: the service to edit, or NULL for a new one. */
GtkWidget *
rg_service_editor_new (RgStudio  *studio,
                       RgService *service)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (service == NULL || RG_IS_SERVICE (service), NULL);

  return g_object_new (RG_TYPE_SERVICE_EDITOR,
                       "studio", studio,
                       "service", service,
                       NULL);
}

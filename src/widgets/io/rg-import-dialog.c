/* rg-import-dialog.c — bringing a base in.
 *
 * The file is read once; the preview is made again whenever a choice
 * changes (the encoding, the separator, whether the first row names the
 * columns, what a column holds): the rows are mapped, checked by the
 * model's plan, and listed with what will happen to each — created, merged
 * into card N, a duplicate skipped, an error with its reason. Nothing is
 * written until Import; then the whole file goes in one transaction, and
 * the window offers an undo that removes exactly what came in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "io/rg-csv.h"
#include "io/rg-import-command.h"
#include "io/rg-import-map.h"
#include "io/rg-table.h"
#include "io/rg-vcard.h"
#include "model/rg-custom-field.h"
#include "model/rg-import.h"
#include "model/rg-record-list.h"
#include "rg-import-dialog.h"

#define PREVIEW_ROWS 5

struct _RgImportDialog
{
  AdwWindow           parent_instance;

  RgStudio           *studio;
  RgImportDialogKind  kind;
  char               *file_name;
  GBytes             *bytes;
  gboolean            vcard;

  RgTable            *table;
  char               *encoding;      /* NULL: detect */
  char                separator;     /* 0: detect */
  gboolean            has_header;
  GArray             *columns;       /* of RgImportColumn */
  GPtrArray          *custom_fields; /* of RgCustomField, the studio's */

  RgClientImport     *clients;
  RgVisitImport      *visits;

  AdwWindowTitle     *title;
  GtkButton          *import_button;
  GtkDropDown        *encoding_dd;
  GtkDropDown        *separator_dd;
  GtkCheckButton     *header_check;
  GtkWidget          *file_options;
  GtkGrid            *grid;
  GtkLabel           *summary;
  GtkDropDown        *duplicates_dd;
  GtkWidget          *duplicates_box;
  GtkDropDown        *filter_dd;
  GtkWidget          *unknown_box;
  GtkLabel           *unknown_label;
  GtkCheckButton     *unknown_check;
  GtkLabel           *file_error;
  GtkStringList      *shown_model;
  GPtrArray          *mapped;        /* the rows as first guessed, checked on opening: the first plan's */
  GtkListView        *list;
  gboolean            filling;
};

G_DEFINE_FINAL_TYPE (RgImportDialog, rg_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* The encodings one may choose, after "Automatic". */
static const struct {
  const char *name;
  const char *label;
} encodings[] = {
  { "UTF-8", N_("Unicode (UTF-8)") },
  { "windows-1251", N_("Cyrillic (Windows-1251)") },
  { "UTF-16LE", N_("Unicode (UTF-16, Excel’s “Unicode text”)") },
};

static const struct {
  char        separator;
  const char *label;
} separators[] = {
  { ';', N_("Semicolon") },
  { ',', N_("Comma") },
  { '\t', N_("Tab") },
};

enum {
  FILTER_ALL,
  FILTER_PROBLEMS,
  FILTER_NEW,
};

static void rebuild (RgImportDialog *self);
static void replan (RgImportDialog *self);

/* --- What a column can hold: the fixed fields, then the studio's own ---- */

/* The fields of this kind of import, in the enum's order: skip first, the
 * studio's own fields come after them. */
static guint
n_fixed_fields (RgImportDialog *self)
{
  guint n = 0;

  for (RgImportField f = RG_IMPORT_FIELD_SKIP; f < RG_IMPORT_N_FIELDS; f++)
    if (f == RG_IMPORT_FIELD_SKIP ||
        (f != RG_IMPORT_FIELD_CUSTOM && rg_import_field_is_visit (f) == (self->kind == RG_IMPORT_DIALOG_VISITS)))
      n++;
  return n;
}

static RgImportField
fixed_field (RgImportDialog *self,
             guint           i)
{
  for (RgImportField f = RG_IMPORT_FIELD_SKIP; f < RG_IMPORT_N_FIELDS; f++)
    if (f == RG_IMPORT_FIELD_SKIP ||
        (f != RG_IMPORT_FIELD_CUSTOM && rg_import_field_is_visit (f) == (self->kind == RG_IMPORT_DIALOG_VISITS)))
      if (i-- == 0)
        return f;
  return RG_IMPORT_FIELD_SKIP;
}

static GtkStringList *
field_choices (RgImportDialog *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_fixed_fields (self); i++)
    gtk_string_list_append (list, rg_import_field_label (fixed_field (self, i)));
  if (self->kind == RG_IMPORT_DIALOG_CLIENTS)
    for (guint i = 0; i < self->custom_fields->len; i++)
      {
        /* Translators: a drop-down's choice: a column holds the studio's own field %s */
        g_autofree char *label = g_strdup_printf (_("Field “%s”"),
                                                  rg_custom_field_get_name (self->custom_fields->pdata[i]));
        gtk_string_list_append (list, label);
      }
  return list;
}

static guint
choice_for_column (RgImportDialog       *self,
                   const RgImportColumn *column)
{
  if (column->field == RG_IMPORT_FIELD_CUSTOM)
    {
      for (guint i = 0; i < self->custom_fields->len; i++)
        if (rg_record_get_id (self->custom_fields->pdata[i]) == column->custom_field_id)
          return n_fixed_fields (self) + i;
      return 0;
    }
  for (guint i = 0; i < n_fixed_fields (self); i++)
    if (fixed_field (self, i) == column->field)
      return i;
  return 0;
}

static RgImportColumn
column_for_choice (RgImportDialog *self,
                   guint           choice)
{
  RgImportColumn column = { RG_IMPORT_FIELD_SKIP, 0 };

  if (choice < n_fixed_fields (self))
    column.field = fixed_field (self, choice);
  else if (choice - n_fixed_fields (self) < self->custom_fields->len)
    {
      column.field = RG_IMPORT_FIELD_CUSTOM;
      column.custom_field_id = rg_record_get_id (self->custom_fields->pdata[choice - n_fixed_fields (self)]);
    }
  return column;
}

/* --- Reading the file --------------------------------------------------- */

static gboolean
read_table (RgImportDialog  *self,
            GError         **error)
{
  g_autoptr(RgTable) table = NULL;

  if (self->vcard)
    table = rg_vcard_read (self->bytes, error);
  else
    table = rg_csv_read (self->bytes, self->encoding, self->separator, error);
  if (table == NULL)
    return FALSE;

  g_clear_pointer (&self->table, rg_table_unref);
  self->table = g_steal_pointer (&table);
  return TRUE;
}

static void
guess_columns (RgImportDialog *self)
{
  g_autofree RgImportColumn *guessed = NULL;
  guint n_columns = 0;

  self->has_header = rg_import_guess_has_header (self->table);
  guessed = rg_import_guess_for_studio (self->studio, self->table, self->has_header,
                                        self->kind == RG_IMPORT_DIALOG_VISITS, &n_columns);
  g_array_set_size (self->columns, 0);
  g_array_append_vals (self->columns, guessed, n_columns);
}

/* --- The plan ----------------------------------------------------------- */

static guint
plan_n_rows (RgImportDialog *self)
{
  if (self->clients)
    return rg_client_import_get_n_rows (self->clients);
  if (self->visits)
    return rg_visit_import_get_n_rows (self->visits);
  return 0;
}

static RgImportAction
plan_action (RgImportDialog *self,
             guint           i)
{
  return self->clients ? rg_client_import_get_action (self->clients, i)
                       : rg_visit_import_get_action (self->visits, i);
}

static GPtrArray *
plan_problems (RgImportDialog *self,
               guint           i)
{
  return self->clients ? rg_client_import_get_problems (self->clients, i)
                       : rg_visit_import_get_problems (self->visits, i);
}

static void
plan_counts (RgImportDialog *self,
             RgImportCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  if (self->clients)
    rg_client_import_count (self->clients, counts);
  else if (self->visits)
    rg_visit_import_count (self->visits, counts);
}

static gboolean
row_has_problem (RgImportDialog *self,
                 guint           i)
{
  GPtrArray *problems = plan_problems (self, i);

  return plan_action (self, i) != RG_IMPORT_CREATE || (problems != NULL && problems->len > 0);
}

static char *
problems_text (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; problems && i < problems->len; i++)
    {
      const RgImportProblem *p = problems->pdata[i];

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, p->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
row_status (RgImportDialog *self,
            guint           i)
{
  g_autofree char *problems = problems_text (plan_problems (self, i));
  g_autofree char *what = NULL;

  switch (plan_action (self, i))
    {
    case RG_IMPORT_CREATE:
      if (self->clients && rg_client_import_is_duplicate (self->clients, i))
        what = g_strdup (_("A duplicate: will be created anyway"));
      else
        what = g_strdup (self->clients ? _("Will be created") : _("Will be added to the history"));
      break;

    case RG_IMPORT_UPDATE:
      {
        gint64 card = rg_client_import_get_card (self->clients, i);
        guint line = rg_client_import_get_duplicate_line (self->clients, i);

        if (card > 0)
          {
            g_autoptr(RgClient) client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, card, NULL);

            /* Translators: an imported row's phone is on an existing card, %s its name */
            what = g_strdup_printf (_("Will update the card of %s"),
                                    client ? rg_client_get_address_as (client) : "?");
          }
        else
          /* Translators: an imported row is merged into the card an earlier row of the file makes */
          what = g_strdup_printf (_("Will be merged with row %u"), line);
      }
      break;

    case RG_IMPORT_DUPLICATE:
      if (self->clients && rg_client_import_get_card (self->clients, i) > 0)
        {
          g_autoptr(RgClient) client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT,
                                                         rg_client_import_get_card (self->clients, i), NULL);

          /* Translators: %s is the name on the existing card with the same phone */
          what = g_strdup_printf (_("Duplicate of %s’s card: skipped"),
                                  client ? rg_client_get_address_as (client) : "?");
        }
      else if (self->clients)
        what = g_strdup_printf (_("Duplicate of row %u: skipped"),
                                rg_client_import_get_duplicate_line (self->clients, i));
      else
        what = g_strdup (_("Already in the history: skipped"));
      break;

    case RG_IMPORT_ERROR:
    default:
      /* Translators: %s says why the row cannot be imported */
      return g_strdup_printf (_("Error: %s"), problems);
    }

  if (*problems != '\0')
    return g_strdup_printf ("%s · %s", what, problems);
  return g_steal_pointer (&what);
}

static void
update_summary (RgImportDialog *self)
{
  RgImportCounts counts;
  g_autoptr(GString) text = g_string_new (NULL);
  guint writes;

  plan_counts (self, &counts);
  writes = counts.created + counts.updated;

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u row: ", "%u rows: ", counts.rows), counts.rows);
  g_string_append_printf (text, self->clients
                          ? g_dngettext (GETTEXT_PACKAGE, "%u new client", "%u new clients", counts.created)
                          : g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits", counts.created),
                          counts.created);
  if (counts.updated > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u card updated", ", %u cards updated",
                                               counts.updated), counts.updated);
  if (counts.duplicates > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u duplicate skipped", ", %u duplicates skipped",
                                               counts.duplicates), counts.duplicates);
  if (counts.errors > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u with errors (not imported)",
                                               ", %u with errors (not imported)", counts.errors), counts.errors);
  if (counts.warnings > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u with a field left empty",
                                               ", %u with a field left empty", counts.warnings), counts.warnings);
  g_string_append_c (text, '.');
  gtk_label_set_text (self->summary, text->str);

  if (writes > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u", "_Import %u", writes),
                                                writes);
      gtk_button_set_label (self->import_button, label);
    }
  else
    gtk_button_set_label (self->import_button, _("_Import"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), writes > 0);
}

static void
fill_list (RgImportDialog *self)
{
  guint filter = gtk_drop_down_get_selected (self->filter_dd);
  guint n = plan_n_rows (self);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      gboolean problem = row_has_problem (self, i);

      if ((filter == FILTER_PROBLEMS && !problem) || (filter == FILTER_NEW && plan_action (self, i) != RG_IMPORT_CREATE))
        continue;
      g_ptr_array_add (strings, g_strdup_printf ("%u", i));
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->shown_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown_model)),
                          (const char * const *) strings->pdata);
}

static GPtrArray *
map_rows (RgImportDialog *self)
{
  if (self->kind == RG_IMPORT_DIALOG_CLIENTS)
    return rg_import_map_clients (self->table, self->has_header,
                                  (const RgImportColumn *) self->columns->data, self->columns->len);
  return rg_import_map_visits (self->table, self->has_header,
                               (const RgImportColumn *) self->columns->data, self->columns->len);
}

static void
replan (RgImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int duplicates = gtk_drop_down_get_selected (self->duplicates_dd);

  g_clear_pointer (&self->clients, rg_client_import_free);
  g_clear_pointer (&self->visits, rg_visit_import_free);

  rows = self->mapped ? g_steal_pointer (&self->mapped) : map_rows (self);
  if (!rg_import_check_rows (rows, &error))
    {
      /* Nothing to import as the columns are now: said above the columns,
       * the plan empty. */
      g_ptr_array_set_size (rows, 0);
    }
  if (self->kind == RG_IMPORT_DIALOG_CLIENTS)
    {
      self->clients = rg_client_import_new (self->studio, g_steal_pointer (&rows), error ? NULL : &error);
      if (self->clients)
        rg_client_import_set_duplicates (self->clients, -1, duplicates);
    }
  else
    {
      self->visits = rg_visit_import_new (self->studio, g_steal_pointer (&rows), error ? NULL : &error);
      if (self->visits)
        {
          g_auto(GStrv) services = rg_visit_import_dup_new_services (self->visits);
          g_auto(GStrv) masters = rg_visit_import_dup_new_masters (self->visits);
          g_autoptr(GString) unknown = g_string_new (NULL);

          rg_visit_import_set_create_unknown (self->visits, gtk_check_button_get_active (self->unknown_check));
          if (services && services[0])
            {
              g_autofree char *list = g_strjoinv (", ", services);
              /* Translators: the services an imported history names that the studio does not have */
              g_string_append_printf (unknown, _("Services: %s"), list);
            }
          if (masters && masters[0])
            {
              g_autofree char *list = g_strjoinv (", ", masters);
              if (unknown->len > 0)
                g_string_append (unknown, "\n");
              /* Translators: the masters an imported history names that the studio does not have */
              g_string_append_printf (unknown, _("Masters: %s"), list);
            }
          gtk_widget_set_visible (self->unknown_box, unknown->len > 0);
          gtk_label_set_text (self->unknown_label, unknown->str);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->file_error), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->file_error, error->message);

  fill_list (self);
  update_summary (self);
}

/* --- The columns' grid: a drop-down over each column, its first rows ---- */

static void
column_choice_changed_cb (GtkDropDown    *dropdown,
                          GParamSpec     *pspec,
                          RgImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));

  if (self->filling || column >= self->columns->len)
    return;
  g_array_index (self->columns, RgImportColumn, column) = column_for_choice (self, gtk_drop_down_get_selected (dropdown));
  replan (self);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text ? text : "");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "dim-label");
  if (text && *text)
    gtk_widget_set_tooltip_text (label, text);
  return label;
}

static void
fill_grid (RgImportDialog *self)
{
  GtkWidget *child;
  guint n_rows = rg_table_get_n_rows (self->table);
  guint first = self->has_header ? 1 : 0;
  g_autoptr(GtkStringList) choices = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);

  self->filling = TRUE;
  for (guint c = 0; c < self->columns->len; c++)
    {
      const RgImportColumn *column = &g_array_index (self->columns, RgImportColumn, c);
      GtkWidget *dropdown;
      g_autofree char *name = NULL;

      choices = field_choices (self);
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice_for_column (self, column));
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (c));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (column_choice_changed_cb), self);
      /* Translators: the accessible name of the drop-down over a column of the file; %u is its number */
      name = self->has_header && rg_table_get_cell (self->table, 0, c)
             ? g_strdup_printf (_("Column “%s” holds"), rg_table_get_cell (self->table, 0, c))
             : g_strdup_printf (_("Column %u holds"), c + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_grid_attach (self->grid, dropdown, c, 0, 1, 1);

      if (self->has_header)
        gtk_grid_attach (self->grid, cell_label (rg_table_get_cell (self->table, 0, c), TRUE), c, 1, 1, 1);
      for (guint r = first; r < n_rows && r < first + PREVIEW_ROWS; r++)
        gtk_grid_attach (self->grid, cell_label (rg_table_get_cell (self->table, r, c), FALSE),
                         c, 2 + r - first, 1, 1);
    }
  self->filling = FALSE;
}

static void
rebuild (RgImportDialog *self)
{
  fill_grid (self);
  replan (self);
}

/* --- The rows' list ---------------------------------------------------- */

static guint
item_index (GtkListItem *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  return (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);
}

static void
row_duplicates_changed_cb (GtkDropDown    *dropdown,
                           GParamSpec     *pspec,
                           RgImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "row")) - 1;
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (dropdown));
  g_autofree char *status = NULL;

  if (self->filling || self->clients == NULL || index >= rg_client_import_get_n_rows (self->clients))
    return;
  rg_client_import_set_duplicates (self->clients, index, gtk_drop_down_get_selected (dropdown));
  status = row_status (self, index);
  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (row), "status")), status);
  update_summary (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RgImportDialog           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char *[]) {
    _("Skip"), _("Merge"), _("Create anyway"), NULL });

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_width_chars (GTK_LABEL (line), 5);
  gtk_label_set_xalign (GTK_LABEL (line), 1);
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("What to do with this duplicate"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (row_duplicates_changed_cb), self);

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), status);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), dropdown);
  g_object_set_data (G_OBJECT (box), "line", line);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "dropdown", dropdown);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RgImportDialog           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint index = item_index (item);
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");
  GtkWidget *dropdown = g_object_get_data (G_OBJECT (box), "dropdown");
  g_autofree char *line = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  RgImportAction action;
  gboolean duplicate;

  if (index >= plan_n_rows (self))
    return;
  action = plan_action (self, index);
  text = row_status (self, index);

  if (self->clients)
    {
      const char *name = rg_client_import_get_name (self->clients, index);
      const char *phone = rg_client_import_get_phone (self->clients, index);

      line = g_strdup_printf ("%u", rg_client_import_get_row (self->clients, index)->line);
      title = g_strdup_printf ("%s · %s", name && *name ? name : "—", phone && *phone ? phone : "—");
      duplicate = rg_client_import_is_duplicate (self->clients, index);
    }
  else
    {
      const RgVisitImportRow *row = rg_visit_import_get_row (self->visits, index);

      line = g_strdup_printf ("%u", row->line);
      title = g_strdup_printf ("%s · %s · %s · %s", row->date ? row->date : "—",
                               row->client_name ? row->client_name : (row->phone ? row->phone : "—"),
                               row->service ? row->service : "—", row->master ? row->master : "—");
      duplicate = FALSE;
    }

  {
    /* Translators: what a screen reader says for a row of the import's list:
     * the file's row number, the name and phone, what will happen */
    g_autofree char *said = g_strdup_printf (_("Row %s: %s. %s"), line, title, text);

    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);
  }
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "line"), line);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_text (GTK_LABEL (status), text);
  if (action == RG_IMPORT_ERROR)
    gtk_widget_add_css_class (status, "error");
  else
    gtk_widget_remove_css_class (status, "error");
  if (action == RG_IMPORT_DUPLICATE || action == RG_IMPORT_UPDATE ||
      (action == RG_IMPORT_CREATE && plan_problems (self, index) && plan_problems (self, index)->len > 0))
    gtk_widget_add_css_class (status, "warning");
  else
    gtk_widget_remove_css_class (status, "warning");

  self->filling = TRUE;
  g_object_set_data (G_OBJECT (dropdown), "row", GUINT_TO_POINTER (index + 1));
  gtk_widget_set_visible (dropdown, duplicate);
  if (duplicate)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), rg_client_import_get_duplicates (self->clients, index));
  self->filling = FALSE;
}

/* --- Choices ------------------------------------------------------------ */

static void
reread (RgImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!read_table (self, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->file_error), TRUE);
      gtk_label_set_text (self->file_error, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), FALSE);
  guess_columns (self);
  self->filling = TRUE;
  gtk_check_button_set_active (self->header_check, self->has_header);
  self->filling = FALSE;
  rebuild (self);
}

static void
encoding_changed_cb (GtkDropDown    *row,
                     GParamSpec     *pspec,
                     RgImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (row);

  if (self->filling)
    return;
  g_clear_pointer (&self->encoding, g_free);
  if (selected > 0 && selected <= G_N_ELEMENTS (encodings))
    self->encoding = g_strdup (encodings[selected - 1].name);
  reread (self);
}

static void
separator_changed_cb (GtkDropDown    *row,
                      GParamSpec     *pspec,
                      RgImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (row);

  if (self->filling)
    return;
  self->separator = selected > 0 && selected <= G_N_ELEMENTS (separators) ? separators[selected - 1].separator : 0;
  reread (self);
}

static void
header_changed_cb (GtkCheckButton *sw,
                   GParamSpec     *pspec,
                   RgImportDialog *self)
{
  if (self->filling)
    return;
  self->has_header = gtk_check_button_get_active (sw);
  rebuild (self);
}

static void
duplicates_changed_cb (GtkDropDown    *row,
                       GParamSpec     *pspec,
                       RgImportDialog *self)
{
  if (self->filling || self->clients == NULL)
    return;
  rg_client_import_set_duplicates (self->clients, -1, gtk_drop_down_get_selected (row));
  fill_list (self);
  update_summary (self);
}

static void
filter_changed_cb (GtkDropDown    *row,
                   GParamSpec     *pspec,
                   RgImportDialog *self)
{
  if (!self->filling)
    fill_list (self);
}

static void
unknown_changed_cb (GtkCheckButton *sw,
                    GParamSpec     *pspec,
                    RgImportDialog *self)
{
  if (self->filling || self->visits == NULL)
    return;
  rg_visit_import_set_create_unknown (self->visits, gtk_check_button_get_active (sw));
  fill_list (self);
  update_summary (self);
}

/* --- Import -------------------------------------------------------------- */

gboolean
rg_import_dialog_run_import (RgImportDialog  *self,
                             GError         **error)
{
  g_autoptr(GBytes) undo = NULL;
  RgImportCounts done = { 0 };
  gboolean ok;

  g_return_val_if_fail (RG_IS_IMPORT_DIALOG (self), FALSE);

  if (self->clients)
    ok = rg_studio_import_clients (self->studio, self->clients, self->file_name, &done, &undo, error);
  else if (self->visits)
    ok = rg_studio_import_visits (self->studio, self->visits, self->file_name, &done, &undo, error);
  else
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID, _("There is nothing to import."));
      return FALSE;
    }
  if (!ok)
    return FALSE;

  g_signal_emit (self, signals[IMPORTED], 0, done.created, done.updated, undo);
  return TRUE;
}

static void
import_clicked_cb (GtkButton      *button,
                   RgImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_import_dialog_run_import (self, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->file_error), TRUE);
      gtk_label_set_text (self->file_error, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- The window ---------------------------------------------------------- */

static void
rg_import_dialog_dispose (GObject *object)
{
  RgImportDialog *self = RG_IMPORT_DIALOG (object);

  g_clear_pointer (&self->clients, rg_client_import_free);
  g_clear_pointer (&self->visits, rg_visit_import_free);
  g_clear_pointer (&self->mapped, g_ptr_array_unref);
  g_clear_pointer (&self->table, rg_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->custom_fields, g_ptr_array_unref);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_import_dialog_parent_class)->dispose (object);
}

static void
rg_import_dialog_class_init (RgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_import_dialog_dispose;

  /* ::imported (created, updated, undo): written; undo is for
   * rg_studio_undo_import(). */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_UINT, G_TYPE_UINT, G_TYPE_BYTES);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_import_dialog_init (RgImportDialog *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (RgImportColumn));
}

/* A drop-down with a label before it, for one line of choices. */
static GtkWidget *
labelled_dropdown (const char   *label,
                   const char  **choices,
                   GtkDropDown **dropdown)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), GTK_WIDGET (*dropdown));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*dropdown));
  return box;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static const char *
encoding_name (const char *encoding)
{
  if (g_strcmp0 (encoding, "UTF-8-BOM") == 0)
    return _("UTF-8 with BOM");
  if (g_ascii_strcasecmp (encoding ? encoding : "", "windows-1251") == 0)
    return "Windows-1251";
  if (g_str_has_prefix (encoding ? encoding : "", "UTF-16"))
    return "UTF-16";
  return encoding ? encoding : "UTF-8";
}

static const char *
separator_name (char separator)
{
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i].separator == separator)
      return _(separators[i].label);
  return "?";
}

static void
build_window (RgImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns_text = NULL;
  GtkWidget *grid_scroll = gtk_scrolled_window_new ();
  GtkWidget *grid_frame = gtk_frame_new (NULL);
  GtkWidget *list_frame = gtk_frame_new (NULL);
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *row_options = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *filter_box;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  const char *encoding_labels[G_N_ELEMENTS (encodings) + 2];
  const char *separator_labels[G_N_ELEMENTS (separators) + 2];
  g_autofree char *auto_encoding = NULL;
  g_autofree char *auto_separator = NULL;
  const char *title = self->kind == RG_IMPORT_DIALOG_CLIENTS ? _("Import Clients") : _("Import Visits");

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (title, self->file_name));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  self->import_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Import")));
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->import_button));
  gtk_box_append (GTK_BOX (box), header);

  self->file_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->file_error, TRUE);
  gtk_label_set_xalign (self->file_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->file_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->file_error));

  /* How the file is read, on one line: what was detected comes first. */
  /* The first choices are what the file was found to be. */
  auto_encoding = g_strdup (encoding_name (rg_table_get_encoding (self->table)));
  encoding_labels[0] = auto_encoding;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    encoding_labels[i + 1] = _(encodings[i].label);
  encoding_labels[G_N_ELEMENTS (encodings) + 1] = NULL;
  auto_separator = g_strdup (separator_name (rg_table_get_separator (self->table)));
  separator_labels[0] = auto_separator;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    separator_labels[i + 1] = _(separators[i].label);
  separator_labels[G_N_ELEMENTS (separators) + 1] = NULL;
  self->file_options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  {
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
    g_autofree char *found = NULL;

    gtk_box_append (GTK_BOX (line), labelled_dropdown (_("_Encoding"), encoding_labels, &self->encoding_dd));
    gtk_box_append (GTK_BOX (line), labelled_dropdown (_("_Separator"), separator_labels, &self->separator_dd));
    gtk_box_append (GTK_BOX (self->file_options), line);
    /* Translators: a tooltip: what the file was found to be written in, and with */
    found = g_strdup_printf (_("Found in the file: %s, %s. Choose another if the columns below look wrong."),
                             encoding_name (rg_table_get_encoding (self->table)),
                             separator_name (rg_table_get_separator (self->table)));
    gtk_widget_set_tooltip_text (line, found);
  }
  self->header_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The first row _names the columns")));
  gtk_box_append (GTK_BOX (self->file_options), GTK_WIDGET (self->header_check));
  gtk_widget_set_visible (self->file_options, !self->vcard);
  gtk_box_append (GTK_BOX (content), self->file_options);

  /* The columns. */
  gtk_box_append (GTK_BOX (content), heading (_("Columns")));
  columns_text = gtk_label_new (self->kind == RG_IMPORT_DIALOG_CLIENTS
                                ? _("Choose what each column holds. A name and a phone are needed; "
                                    "a full name alone gives the name to address the client by.")
                                : _("Choose what each column holds. A date, the client’s phone and a "
                                    "service are needed."));
  gtk_label_set_wrap (GTK_LABEL (columns_text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (columns_text), 0);
  gtk_widget_add_css_class (columns_text, "dim-label");
  gtk_box_append (GTK_BOX (content), columns_text);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (grid_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (grid_scroll), GTK_WIDGET (self->grid));
  gtk_frame_set_child (GTK_FRAME (grid_frame), grid_scroll);
  gtk_widget_add_css_class (grid_frame, "view");
  gtk_box_append (GTK_BOX (content), grid_frame);

  /* The rows: what happens to each. */
  gtk_box_append (GTK_BOX (content), heading (_("Rows")));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));

  self->duplicates_box = labelled_dropdown (_("_Duplicates"), (const char *[]) {
    _("Skip them"), _("Merge into the existing card"), _("Create new cards anyway"), NULL }, &self->duplicates_dd);
  gtk_widget_set_tooltip_text (self->duplicates_box,
                               _("A row whose phone is already on a card, or on an earlier row of the file"));
  gtk_widget_set_visible (self->duplicates_box, self->kind == RG_IMPORT_DIALOG_CLIENTS);
  /* Translators: the list's filter: rows with an error, a duplicate or a field left empty */
  filter_box = labelled_dropdown (_("S_how"), (const char *[]) {
    _("Every row"), _("Problems only"), _("New cards only"), NULL },
    &self->filter_dd);
  gtk_box_append (GTK_BOX (row_options), self->duplicates_box);
  gtk_box_append (GTK_BOX (row_options), filter_box);
  gtk_box_append (GTK_BOX (content), row_options);

  self->unknown_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->unknown_check = GTK_CHECK_BUTTON (
    gtk_check_button_new_with_mnemonic (_("_Create the services and masters the studio lacks")));
  gtk_check_button_set_active (self->unknown_check, TRUE);
  self->unknown_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->unknown_label, TRUE);
  gtk_label_set_xalign (self->unknown_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->unknown_label), "dim-label");
  gtk_box_append (GTK_BOX (self->unknown_box), GTK_WIDGET (self->unknown_check));
  gtk_box_append (GTK_BOX (self->unknown_box), GTK_WIDGET (self->unknown_label));
  gtk_widget_set_visible (self->unknown_box, FALSE);
  gtk_box_append (GTK_BOX (content), self->unknown_box);

  self->shown_model = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown_model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The file’s rows and what will happen to each"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (list_scroll), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), GTK_WIDGET (self->list));
  gtk_frame_set_child (GTK_FRAME (list_frame), list_scroll);
  gtk_widget_add_css_class (list_frame, "view");
  gtk_widget_set_vexpand (list_frame, TRUE);
  gtk_box_append (GTK_BOX (content), list_frame);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect (self->encoding_dd, "notify::selected", G_CALLBACK (encoding_changed_cb), self);
  g_signal_connect (self->separator_dd, "notify::selected", G_CALLBACK (separator_changed_cb), self);
  g_signal_connect (self->header_check, "notify::active", G_CALLBACK (header_changed_cb), self);
  g_signal_connect (self->duplicates_dd, "notify::selected", G_CALLBACK (duplicates_changed_cb), self);
  g_signal_connect (self->filter_dd, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect (self->unknown_check, "notify::active", G_CALLBACK (unknown_changed_cb), self);
}

RgImportDialog *
rg_import_dialog_new (GtkWindow           *parent,
                      RgStudio            *studio,
                      RgImportDialogKind   kind,
                      GFile               *file,
                      GError             **error)
{
  g_autoptr(RgImportDialog) self = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_ref_sink (g_object_new (RG_TYPE_IMPORT_DIALOG, NULL));
  self->studio = g_object_ref (studio);
  self->kind = kind;
  self->file_name = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  self->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self->vcard = kind == RG_IMPORT_DIALOG_CLIENTS && rg_vcard_sniff (self->file_name, self->bytes);
  {
    g_autoptr(RgRecordList) fields = rg_record_list_new_custom_fields (studio, FALSE);

    self->custom_fields = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fields)); i++)
      g_ptr_array_add (self->custom_fields, g_list_model_get_item (G_LIST_MODEL (fields), i));
  }

  if (!read_table (self, error))
    return NULL;
  guess_columns (self);
  /* A file of its header alone, or of blank rows: nothing to show. The
   * rows checked are the first plan's. */
  self->mapped = map_rows (self);
  if (!rg_import_check_rows (self->mapped, error))
    return NULL;
  build_window (self);
  self->filling = TRUE;
  gtk_check_button_set_active (self->header_check, self->has_header);
  self->filling = FALSE;
  if (parent)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (parent));

      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      if (width > 0 && width < 1020)
        gtk_window_set_default_size (GTK_WINDOW (self), MAX (360, width - 40), 760);
    }
  rebuild (self);

  return g_steal_pointer (&self);
}

/* --- For tests ----------------------------------------------------------- */

guint
rg_import_dialog_get_n_rows (RgImportDialog *self)
{
  return plan_n_rows (self);
}

guint
rg_import_dialog_get_n_columns (RgImportDialog *self)
{
  return self->columns->len;
}

int
rg_import_dialog_get_column_field (RgImportDialog *self,
                                   guint           column)
{
  g_return_val_if_fail (column < self->columns->len, -1);
  return g_array_index (self->columns, RgImportColumn, column).field;
}

void
rg_import_dialog_set_column_field (RgImportDialog *self,
                                   guint           column,
                                   int             field)
{
  GtkWidget *dropdown;
  RgImportColumn wanted = { field, 0 };

  g_return_if_fail (column < self->columns->len);
  dropdown = gtk_grid_get_child_at (self->grid, column, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice_for_column (self, &wanted));
}

void
rg_import_dialog_set_duplicates (RgImportDialog *self,
                                 int             choice)
{
  gtk_drop_down_set_selected (self->duplicates_dd, choice);
}

char *
rg_import_dialog_dup_summary (RgImportDialog *self)
{
  return g_strdup (gtk_label_get_text (self->summary));
}

char *
rg_import_dialog_dup_row_status (RgImportDialog *self,
                                 guint           index)
{
  g_return_val_if_fail (index < plan_n_rows (self), NULL);
  return row_status (self, index);
}

/* rg-merge-dialog.c — choosing the card to merge into the one shown.
 *
 * The cards with the same phone number come first, the first of them
 * chosen: the likely second card of the same person, whatever name it was
 * saved under. The search then starts with the shown client's name (any
 * fragment of the name or phone finds others). The dialog says what will happen before it
 * happens: everything of the chosen card moves to this one, the chosen
 * card goes away, and the merge is written in the timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-client-merge.h"
#include "rg-merge-dialog.h"

#define MAX_CANDIDATES 30

typedef struct {
  RgStudio   *studio;
  RgClient   *keep;
  RgClient   *chosen;
  GtkListBox *list;
  RgMergeDone done;
  gpointer    done_data;
} Merge;

static void
merge_free (Merge *data)
{
  g_clear_object (&data->studio);
  g_clear_object (&data->keep);
  g_clear_object (&data->chosen);
  g_free (data);
}

static void
fill (AdwMessageDialog *dialog,
      const char       *query)
{
  Merge *data = g_object_get_data (G_OBJECT (dialog), "merge");
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *first_same = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (data->list))))
    gtk_list_box_remove (data->list, child);
  g_clear_object (&data->chosen);
  adw_message_dialog_set_response_enabled (dialog, "merge", FALSE);

  candidates = rg_client_merge_candidates (data->studio, data->keep, query, MAX_CANDIDATES, &error);
  if (candidates == NULL)
    {
      g_warning ("Could not look for cards to merge: %s", error->message);
      return;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const RgMergeCandidate *c = candidates->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_client_get_address_as (c->client));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (c->same_phone)
        {
          /* Translators: a card offered for merging has the same phone number; %s is the number */
          g_autofree char *subtitle = g_strdup_printf (_("%s · the same phone"), rg_client_get_phone (c->client));

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (first_same == NULL)
            first_same = GTK_LIST_BOX_ROW (row);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rg_client_get_phone (c->client));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "client", g_object_ref (c->client), g_object_unref);
      gtk_list_box_append (data->list, row);
    }

  /* The card with the same phone is the likely one: chosen already. */
  if (first_same)
    gtk_list_box_select_row (data->list, first_same);
}

static void
search_changed_cb (GtkSearchEntry   *entry,
                   AdwMessageDialog *dialog)
{
  fill (dialog, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
row_selected_cb (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 AdwMessageDialog *dialog)
{
  Merge *data = g_object_get_data (G_OBJECT (dialog), "merge");
  RgClient *client = row ? g_object_get_data (G_OBJECT (row), "client") : NULL;
  g_autofree char *body = NULL;


  g_set_object (&data->chosen, client);
  adw_message_dialog_set_response_enabled (dialog, "merge", client != NULL);
  if (client)
    /* Translators: the card chosen to merge, and the card kept */
    body = g_strdup_printf (_("Everything of “%s” — visits, ratings, timeline, photos, tags, fields — "
                              "moves to “%s”, and that card is removed. The merge is written in the timeline."),
                            rg_client_get_address_as (client), rg_client_get_address_as (data->keep));
  else
    body = g_strdup (_("Choose the other card of the same person."));
  adw_message_dialog_set_body (dialog, body);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Merge            *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) undo = NULL;
  RgMergeCounts moved = { 0 };

  /* Every way out answers first: the list may empty itself after. */
  g_signal_handlers_disconnect_by_func (data->list, row_selected_cb, dialog);

  if (!g_str_equal (response, "merge") || data->chosen == NULL)
    return;

  if (rg_client_merge (data->studio, data->keep, data->chosen, &moved, &undo, &error))
    data->done (&moved, undo, NULL, data->done_data);
  else
    data->done (NULL, NULL, error, data->done_data);
}

/* Asks which card to merge into @keep and merges it; @done tells the
 * outcome (counts, or an error). */
GtkWidget *
rg_merge_dialog_present (GtkWindow   *parent,
                         RgStudio    *studio,
                         RgClient    *keep,
                         RgMergeDone  done,
                         gpointer     done_data)
{
  GtkWidget *dialog, *box, *entry, *scroller;
  Merge *data;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (RG_IS_CLIENT (keep), NULL);

  data = g_new0 (Merge, 1);
  data->studio = g_object_ref (studio);
  data->keep = g_object_ref (keep);
  data->done = done;
  data->done_data = done_data;

  dialog = adw_message_dialog_new (parent, _("Merge With Another Card?"),
                                   _("Choose the other card of the same person."));
  g_object_set_data_full (G_OBJECT (dialog), "merge", data, (GDestroyNotify) merge_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_search_entry_new ();
  gtk_box_append (GTK_BOX (box), entry);

  data->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (data->list), "boxed-list");
  gtk_list_box_set_selection_mode (data->list, GTK_SELECTION_SINGLE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (data->list));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), dialog);
  g_signal_connect (data->list, "row-selected", G_CALLBACK (row_selected_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), data);
  g_signal_handlers_block_by_func (entry, search_changed_cb, dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), rg_client_get_address_as (keep));
  g_signal_handlers_unblock_by_func (entry, search_changed_cb, dialog);
  fill (ADW_MESSAGE_DIALOG (dialog), rg_client_get_address_as (keep));

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* test-board-editor.c: the deal editor and the pipeline preferences, on the board's fixture
 * (described in test-board-fixture.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sales-deal-editor.h"
#include "sales-pipeline-preferences.h"
#include "test-board-fixture.h"

static void
set_row_text (SalesDealEditor *editor,
              const char      *row,
              const char      *text)
{
  gtk_editable_set_text (child (editor, SALES_TYPE_DEAL_EDITOR, row), text);
}

static gboolean
row_has_error (SalesDealEditor *editor,
               const char      *row)
{
  return gtk_widget_has_css_class (child (editor, SALES_TYPE_DEAL_EDITOR, row), "error");
}

static const char *
errors (SalesDealEditor *editor,
        const char      *label)
{
  GtkWidget *widget = child (editor, SALES_TYPE_DEAL_EDITOR, label);

  return gtk_widget_get_visible (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "";
}

static void
select_stage (SalesDealEditor *editor,
              const char      *name)
{
  AdwComboRow *row = child (editor, SALES_TYPE_DEAL_EDITOR, "stage_row");
  GListModel *names = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_editor (BoardFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(SalesDeal) d1 = get_deal (fixture, 0);
  SalesDealEditor *editor;
  GtkWidget *save;
  gint64 reason;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  /* What AdwApplication loads from the resources for the app. */
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  editor = SALES_DEAL_EDITOR (sales_deal_editor_new (NULL, fixture->gui.store,
                                                     fixture->gui.settings, d1));
  fixture->window = GTK_WIDGET (editor);
  save = child (editor, SALES_TYPE_DEAL_EDITOR, "save_button");

  /* The deal as it is: every field right. */
  g_assert_true (sales_deal_editor_is_valid (editor));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_editable_get_text (child (editor, SALES_TYPE_DEAL_EDITOR, "amount_row")),
                   ==, "1,000");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, SALES_TYPE_DEAL_EDITOR, "customer_row")),
                   ==, "Acme Trading");
  g_assert_false (gtk_widget_get_visible (child (editor, SALES_TYPE_DEAL_EDITOR, "lost_group")));

  /* Each mistake marks its field, says why under the group, and turns Save off. */
  set_row_text (editor, "amount_row", "12.345");
  g_assert_true (row_has_error (editor, "amount_row"));
  g_assert_cmpstr (errors (editor, "main_errors"), ==, "An amount has at most two decimals");
  g_assert_false (gtk_widget_get_sensitive (save));
  set_row_text (editor, "amount_row", "-3");
  g_assert_cmpstr (errors (editor, "main_errors"), ==, "The amount cannot be negative");
  set_row_text (editor, "amount_row", "1,500.5");
  g_assert_false (row_has_error (editor, "amount_row"));

  set_row_text (editor, "close_row", "2026-02-30");
  g_assert_true (row_has_error (editor, "close_row"));
  g_assert_cmpstr (errors (editor, "main_errors"), ==,
                   "Write the expected close date as YYYY-MM-DD, for example 2026-03-31.");
  set_row_text (editor, "close_row", "2026-04-30");
  g_assert_false (row_has_error (editor, "close_row"));

  /* Two mistakes at once are both listed. */
  set_row_text (editor, "title_row", "  ");
  set_row_text (editor, "customer_row", "Nobody Ltd");
  g_assert_cmpstr (errors (editor, "main_errors"), ==,
                   "Give the deal a title.\n"
                   "No customer has that name; choose one from the list.");
  g_assert_false (sales_deal_editor_save (editor));
  g_assert_cmpstr (sales_deal_get_title (d1), ==, "Office chairs");
  g_free (gui_test_save_screenshot (GTK_WIDGET (editor), "deal-editor-errors"));

  set_row_text (editor, "title_row", "Office chairs (50)");
  set_row_text (editor, "customer_row", "contoso");
  g_assert_cmpstr (errors (editor, "main_errors"), ==, "");

  set_row_text (editor, "currency_row", "usd");
  g_assert_true (row_has_error (editor, "currency_row"));
  set_row_text (editor, "currency_row", "USD");

  /* Won offers to go on to the deal's contract once saved; another stage does not. */
  g_assert_false (gtk_widget_get_visible (child (editor, SALES_TYPE_DEAL_EDITOR, "contract_row")));
  select_stage (editor, "Won");
  g_assert_true (gtk_widget_get_visible (child (editor, SALES_TYPE_DEAL_EDITOR, "contract_row")));
  g_assert_true (sales_deal_editor_get_offers_contract (editor));

  /* Lost needs a reason. */
  select_stage (editor, "Lost");
  g_assert_false (sales_deal_editor_get_offers_contract (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, SALES_TYPE_DEAL_EDITOR, "lost_group")));
  g_assert_cmpstr (errors (editor, "lost_errors"), ==, "Choose why the deal was lost.");
  g_assert_false (gtk_widget_get_sensitive (save));
  adw_combo_row_set_selected (child (editor, SALES_TYPE_DEAL_EDITOR, "reason_row"), 2);
  g_assert_true (gtk_widget_get_sensitive (save));
  set_row_text (editor, "note_row", "Budget moved to next year");

  g_assert_true (sales_deal_editor_save (editor));

  /* One update of the canonical deal, seen in the database. */
  reason = query_int (fixture, "SELECT id FROM lost_reason ORDER BY id LIMIT 1 OFFSET ?1", 1);
  g_assert_cmpstr (sales_deal_get_title (d1), ==, "Office chairs (50)");
  g_assert_cmpint (sales_deal_get_customer_id (d1), ==, fixture->customers[2]);
  g_assert_cmpint (sales_deal_get_amount_cents (d1), ==, 150050);
  g_assert_cmpstr (sales_deal_get_currency (d1), ==, "USD");
  g_assert_cmpstr (sales_deal_get_expected_close (d1), ==, "2026-04-30");
  g_assert_cmpint (sales_deal_get_stage_id (d1), ==, fixture->stages[6]);
  g_assert_cmpint (sales_deal_get_lost_reason_id (d1), ==, reason);
  g_assert_cmpstr (sales_deal_get_lost_note (d1), ==, "Budget moved to next year");
  g_assert_cmpint (query_int (fixture, "SELECT amount_cents FROM deal WHERE id = ?1",
                              fixture->deals[0]), ==, 150050);
  g_assert_cmpint (history_rows (fixture, 0), ==, 2);
}

/* The first widget of @type below @widget for which @match says yes. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && match (widget, data))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static gboolean
spins_for (GtkWidget     *widget,
           gconstpointer  data)
{
  const gint64 *ids = data;

  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "stage-id")) == (gsize)ids[0] &&
         gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget)) == ids[1];
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_pipeline_preferences (BoardFixture  *fixture,
                           gconstpointer  data)
{
  SalesStore *store = fixture->gui.store;
  GtkWidget *preferences = adw_preferences_window_new ();
  GtkWidget *page = sales_pipeline_preferences_new (store);
  g_autoptr(GListModel) reasons = sales_store_list_lost_reasons (store);
  AdwMessageDialog *dialog;
  GtkWidget *row;
  guint n_reasons;
  gint64 new_stage;
  gint64 ids[2];

  show_board (fixture, 1280, 720);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (preferences));

  /* A new open stage lands after the open stages; the board grows a column there. */
  g_assert_true (gtk_widget_activate_action (page, "pipeline.add-stage", NULL));
  g_assert_cmpuint (sales_board_get_n_columns (fixture->board), ==, 8);
  new_stage = sales_record_get_id (SALES_RECORD (sales_board_column_get_stage (
                sales_board_get_column (fixture->board, 5))));
  g_assert_cmpstr (sales_stage_get_name (sales_board_column_get_stage (
                     sales_board_get_column (fixture->board, 5))), ==, "New Stage");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM stage WHERE kind = 'open' AND ?1",
                              1), ==, 6);

  /* Renamed through its name row: the column's header follows. */
  row = find_widget (page, ADW_TYPE_ENTRY_ROW, has_text, "New Stage");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Contract review");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (label_text (sales_board_get_column (fixture->board, 5),
                               SALES_TYPE_BOARD_COLUMN, "name_label"), ==, "Contract review");

  /* Lead's probability from 10 % to 50 %: its weighted total ¥3,800.50 × 0.5 = ¥1,900.25. */
  ids[0] = fixture->stages[0];
  ids[1] = 10;
  row = find_widget (page, GTK_TYPE_SPIN_BUTTON, spins_for, ids);
  g_assert_nonnull (row);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row), 50);
  g_assert_cmpint (query_int (fixture, "SELECT probability FROM stage WHERE id = ?1",
                              fixture->stages[0]), ==, 50);
  wait_for_totals (column_for (fixture, 0));
  g_assert_cmpstr (label_text (column_for (fixture, 0), SALES_TYPE_BOARD_COLUMN,
                               "weighted_label"), ==, "Weighted ¥1,900.25");

  /* Moved up before Negotiation. */
  g_assert_true (gtk_widget_activate_action (page, "pipeline.move-stage", "(xi)", new_stage, -1));
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (sales_board_column_get_stage (
                     sales_board_get_column (fixture->board, 4)))), ==, new_stage);

  /* Lead holds three deals: deleting it asks where they go, and moves them there. */
  g_assert_true (gtk_widget_activate_action (page, "pipeline.delete-stage", "x",
                                             fixture->stages[0]));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "It holds 3 deals. Choose the stage to move them to.");
  /* The dialog closes itself after the response. */
  adw_message_dialog_response (dialog, "delete");

  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM stage WHERE id = ?1",
                              fixture->stages[0]), ==, 0);
  /* The first other open stage, Initial contact, took them. */
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM deal WHERE stage_id = ?1",
                              fixture->stages[1]), ==, 4);
  g_assert_null (sales_board_get_column_for_stage (fixture->board, fixture->stages[0]));
  g_assert_cmpuint (sales_board_get_n_columns (fixture->board), ==, 7);

  /* Lost reasons: added, retired, deleted. */
  n_reasons = g_list_model_get_n_items (reasons);
  g_assert_true (gtk_widget_activate_action (page, "pipeline.add-reason", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, n_reasons + 1);
  row = find_widget (page, ADW_TYPE_ENTRY_ROW, has_text, "New reason");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Project cancelled");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM lost_reason "
                                       "WHERE name = 'Project cancelled' AND ?1", 1), ==, 1);
  g_assert_true (gtk_widget_activate_action (page, "pipeline.delete-reason", "x",
                                             query_int (fixture, "SELECT max (id) FROM lost_reason "
                                                                 "WHERE ?1", 1)));
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, n_reasons);

  g_free (gui_test_save_screenshot (preferences, "pipeline-preferences"));

  gui_test_destroy_window (preferences);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/board/editor", BoardFixture, NULL, board_fixture_set_up, test_editor,
              board_fixture_tear_down);
  g_test_add ("/board/pipeline-preferences", BoardFixture, NULL, board_fixture_set_up,
              test_pipeline_preferences, board_fixture_tear_down);

  return g_test_run ();
}

/* test-targets-editor.c: the targets grid driven from the keyboard, pasted into, spread and
 * copied, each checked in the database
 *
 * Keys are given to the widgets' own key controllers, as GTK would after routing a key
 * press to the focused widget; the focus itself is real (the window is shown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-util.h"
#include "sales-grid-cell.h"
#include "sales-targets-window.h"

typedef struct
{
  GuiFixture          gui;
  gint64              alice;
  gint64              bob;
  SalesTargetsWindow *window;
  SalesTargetsGrid   *grid;
} TargetsFixture;

static gint64
query_int (TargetsFixture *fixture,
           const char     *sql)
{
  sqlite3_stmt *stmt = sales_db_prepare (fixture->gui.db, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gint64
target_of (TargetsFixture *fixture,
           const char     *column,
           gint64          owner_id,
           const char     *month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT %s FROM target WHERE "
                                          "coalesce (owner_id, 0) = %" G_GINT64_FORMAT
                                          " AND month = '%s'), -1)",
                                          column, owner_id, month);

  return query_int (fixture, sql);
}

static gint64
add_rep (TargetsFixture *fixture,
         const char     *name)
{
  g_autoptr(SalesRep) draft = sales_rep_new ();
  g_autoptr(SalesRep) rep = NULL;

  sales_rep_set_name (draft, name);
  rep = sales_store_create (fixture->gui.store, SALES_RECORD (draft), NULL);
  g_assert_nonnull (rep);
  return sales_record_get_id (SALES_RECORD (rep));
}

static void
fixture_set_up (TargetsFixture *fixture,
                gconstpointer   data)
{
  gui_fixture_set_up (&fixture->gui, data);
  fixture->alice = add_rep (fixture, "Alice Wang");
  fixture->bob = add_rep (fixture, "Bob Li");

  fixture->window = SALES_TARGETS_WINDOW (sales_targets_window_new (NULL, fixture->gui.store));
  fixture->grid = sales_targets_window_get_grid (fixture->window);
  sales_targets_window_set_year (fixture->window, 2026);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1180, 360);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (TargetsFixture *fixture,
                   gconstpointer   data)
{
  gui_test_destroy_window (fixture->window);
  gui_fixture_tear_down (&fixture->gui, data);
}

/* Gives @keyval to the key controllers of @widget, capture phase first; TRUE if one took it. */
static gboolean
press (gpointer        widget,
       guint           keyval,
       GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  const GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != phases[p])
          continue;
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
        if (handled)
          return TRUE;
      }
  return FALSE;
}

static void
assert_cursor (TargetsFixture *fixture,
               guint           row,
               guint           month)
{
  guint r, m;

  sales_targets_grid_get_cursor (fixture->grid, &r, &m);
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (m, ==, month);
  /* The window may not be the active one on a bare X server: ask it what it focuses. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 sales_targets_grid_get_cell (fixture->grid, row, month));
}

static void
test_navigate_and_edit (TargetsFixture *fixture,
                        gconstpointer   data)
{
  GtkEditable *editor = sales_targets_grid_get_editor (fixture->grid);

  /* Rows: the whole team, then the reps by name. */
  g_assert_cmpuint (sales_targets_grid_get_n_rows (fixture->grid), ==, 3);
  g_assert_cmpint (sales_targets_grid_get_row_owner (fixture->grid, 0), ==, 0);
  g_assert_cmpint (sales_targets_grid_get_row_owner (fixture->grid, 1), ==, fixture->alice);

  /* Arrows move the focus from cell to cell and stop at the edges. */
  sales_targets_grid_set_cursor (fixture->grid, 0, 0);
  assert_cursor (fixture, 0, 0);
  g_assert_true (press (fixture->grid, GDK_KEY_Right, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_Right, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_Down, 0));
  assert_cursor (fixture, 1, 2);
  g_assert_true (press (fixture->grid, GDK_KEY_Up, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_Up, 0));
  assert_cursor (fixture, 0, 2);
  g_assert_true (press (fixture->grid, GDK_KEY_End, 0));
  assert_cursor (fixture, 0, 11);
  /* Tab at December goes on to January of the next row; Shift+Tab comes back. */
  g_assert_true (press (fixture->grid, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 1, 0);
  g_assert_true (press (fixture->grid, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_cursor (fixture, 0, 11);
  g_assert_true (press (fixture->grid, GDK_KEY_Home, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_Down, 0));
  assert_cursor (fixture, 1, 0);

  /* Typing a digit starts editing Alice's January with it; the rest is typed, and Enter
   * writes 8,333.33 and moves down to Bob's January. */
  g_assert_true (press (fixture->grid, GDK_KEY_8, 0));
  g_assert_true (sales_targets_grid_is_editing (fixture->grid));
  g_assert_cmpstr (gtk_editable_get_text (editor), ==, "8");
  gtk_editable_set_text (editor, "8,333.33");
  g_assert_true (press (editor, GDK_KEY_Return, 0));
  g_assert_false (sales_targets_grid_is_editing (fixture->grid));
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-01"), ==, 833333);
  assert_cursor (fixture, 2, 0);
  g_assert_cmpstr (sales_grid_cell_get_text (SALES_GRID_CELL (
                     sales_targets_grid_get_cell (fixture->grid, 1, 0))), ==, "8,333.33");

  /* Not an amount: refused, nothing written, still editing; Escape drops it. */
  g_assert_true (press (fixture->grid, GDK_KEY_x, 0));
  g_assert_true (press (editor, GDK_KEY_Tab, 0));
  g_assert_true (sales_targets_grid_is_editing (fixture->grid));
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-01"), ==, -1);
  g_assert_true (press (editor, GDK_KEY_Escape, 0));
  g_assert_false (sales_targets_grid_is_editing (fixture->grid));
  assert_cursor (fixture, 2, 0);

  /* Tab writes and moves right: Bob's January and February, full-width digits too. */
  g_assert_true (press (fixture->grid, GDK_KEY_1, 0));
  gtk_editable_set_text (editor, "１２０００");
  g_assert_true (press (editor, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 2, 1);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-01"), ==, 1200000);

  /* F2 edits the value there is; the year total and the reps' sum follow. */
  g_assert_true (press (fixture->grid, GDK_KEY_Left, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_F2, 0));
  g_assert_cmpstr (gtk_editable_get_text (editor), ==, "12,000");
  gtk_editable_set_text (editor, "12000.5");
  g_assert_true (press (editor, GDK_KEY_Up, 0));
  assert_cursor (fixture, 1, 0);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-01"), ==, 1200050);

  /* Each write is one Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "targets.undo", NULL));
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-01"), ==, 1200000);
  g_assert_cmpint (sales_targets_grid_get_value (fixture->grid, 2, 0), ==, 1200000);

  /* The stretch target and new customers are other views of the same rows. */
  sales_targets_grid_set_field (fixture->grid, SALES_TARGET_NEW_CUSTOMERS);
  sales_targets_grid_set_cursor (fixture->grid, 0, 5);
  g_assert_true (press (fixture->grid, GDK_KEY_7, 0));
  g_assert_true (press (editor, GDK_KEY_Return, 0));
  g_assert_cmpint (target_of (fixture, "new_customers", 0, "2026-06"), ==, 7);
  g_assert_true (press (fixture->grid, GDK_KEY_Up, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_2, 0));
  gtk_editable_set_text (editor, "2.5");
  g_assert_true (press (editor, GDK_KEY_Return, 0));
  g_assert_true (sales_targets_grid_is_editing (fixture->grid));
  g_assert_true (press (editor, GDK_KEY_Escape, 0));
  /* Delete clears a cell. */
  g_assert_true (press (fixture->grid, GDK_KEY_Down, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_Delete, 0));
  g_assert_cmpint (target_of (fixture, "new_customers", fixture->alice, "2026-06"), ==, 0);
}

static gboolean
wait_for_target (TargetsFixture *fixture,
                 gint64          owner_id,
                 const char     *month,
                 gint64          value)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      if (target_of (fixture, "amount_cents", owner_id, month) == value)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
    }
  return FALSE;
}

static void
test_paste (TargetsFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;

  /* A row copied from a spreadsheet, with its total at the end, pasted on Alice's March:
   * March to December get the first ten values, the rest is left out; an empty value
   * leaves May alone. One action, one Undo. */
  sales_targets_grid_set_cursor (fixture->grid, 1, 2);
  g_assert_true (sales_targets_grid_paste_text (fixture->grid,
                                                "10000\t¥20,000.50\t\t40000\t5\t6\t7\t8\t9\t10"
                                                "\t11\t12\r\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-02"), ==, -1);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-03"), ==, 1000000);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-04"), ==, 2000050);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-05"), ==, -1);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-06"), ==, 4000000);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-12"), ==, 1000);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM target"), ==, 9);

  /* Two lines go to two rows. */
  sales_targets_grid_set_cursor (fixture->grid, 1, 0);
  g_assert_true (sales_targets_grid_paste_text (fixture->grid, "1\t2\n3\t4\n", &error));
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-02"), ==, 400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "targets.undo", NULL));
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-02"), ==, -1);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-01"), ==, -1);

  /* One bad value: nothing is written, and the message names it. */
  g_assert_false (sales_targets_grid_paste_text (fixture->grid, "1\tabc\t3", &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "abc"));
  g_clear_error (&error);
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->alice, "2026-01"), ==, -1);

  /* Ctrl+C copies Alice's row plainly; Ctrl+V pastes it through the clipboard into Bob's. */
  copied = sales_targets_grid_copy_row_text (fixture->grid);
  g_assert_cmpstr (copied, ==, "0\t0\t10000\t20000.50\t0\t40000\t5\t6\t7\t8\t9\t10\n");
  g_assert_true (press (fixture->grid, GDK_KEY_c, GDK_CONTROL_MASK));
  g_assert_true (press (fixture->grid, GDK_KEY_Down, 0));
  g_assert_true (press (fixture->grid, GDK_KEY_v, GDK_CONTROL_MASK));
  g_assert_true (wait_for_target (fixture, fixture->bob, "2026-04", 2000050));
  g_assert_cmpint (target_of (fixture, "amount_cents", fixture->bob, "2026-12"), ==, 1000);
}

static void
test_spread_and_copy (TargetsFixture *fixture,
                      gconstpointer   data)
{
  const SalesTargetCell last_year[] = {
    { 0, 2025, 1, { 1000000, 1200000, 10 } },
    { 0, 2025, 2, { 333333, 400000, 3 } },
  };
  GtkWidget *dialog;
  GtkSpinButton *percent;

  /* 100 000.00 evenly over the team's months: 8 333.33 eleven times and 8 333.37 in
   * December (10 000 000 cents − 11 × 833 333). */
  sales_targets_grid_set_cursor (fixture->grid, 0, 0);
  dialog = sales_targets_window_spread (fixture->window);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "total-row"), "100 000.00");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "spread"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "spread");
  gui_test_destroy_window (dialog);
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-01"), ==, 833333);
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-11"), ==, 833333);
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-12"), ==, 833337);
  g_assert_cmpint (sales_targets_grid_get_value (fixture->grid, 0, 11), ==, 833337);

  /* A yearly figure that is not an amount keeps Spread off. */
  dialog = sales_targets_window_spread (fixture->window);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "total-row"), "lots");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "spread"));
  gui_test_destroy_window (dialog);

  /* Last year + 10 %: January 1 100 000, February 366 666.3 → 366 666 (3 666.66); the other
   * months of 2026 keep what the spread gave them. */
  g_assert_true (sales_store_set_target_cells (fixture->gui.store, last_year,
                                               G_N_ELEMENTS (last_year), NULL));
  dialog = sales_targets_window_copy_last_year (fixture->window);
  percent = g_object_get_data (G_OBJECT (dialog), "percent-spin");
  gtk_spin_button_set_value (percent, 10);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  gui_test_destroy_window (dialog);
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-01"), ==, 1100000);
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-02"), ==, 366666);
  g_assert_cmpint (target_of (fixture, "new_customers", 0, "2026-01"), ==, 11);
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-03"), ==, 833333);
  g_assert_cmpint (sales_targets_grid_get_value (fixture->grid, 0, 1), ==, 366666);

  /* Undo takes the copy back, not the spread before it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "targets.undo", NULL));
  g_assert_cmpint (target_of (fixture, "amount_cents", 0, "2026-01"), ==, 833333);
}

static void
test_screenshot (TargetsFixture *fixture,
                 gconstpointer   data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("targets-editor-%s", language != NULL ? language : "C");
  const SalesTargetCell cells[] = {
    { 0, 2026, 1, { 10000000, 12000000, 20 } },
    { 0, 2026, 2, { 8000000, 10000000, 15 } },
    { 0, 2026, 3, { 12000000, 15000000, 25 } },
  };

  g_assert_true (sales_store_set_target_cells (fixture->gui.store, cells, G_N_ELEMENTS (cells),
                                               NULL));
  g_assert_true (sales_store_spread_targets (fixture->gui.store, fixture->alice, 2026,
                                             SALES_TARGET_AMOUNT, 60000000, FALSE, NULL));
  g_assert_true (sales_store_spread_targets (fixture->gui.store, fixture->bob, 2026,
                                             SALES_TARGET_AMOUNT, 48000000, FALSE, NULL));
  sales_targets_grid_reload (fixture->grid);
  sales_targets_grid_set_cursor (fixture->grid, 1, 2);
  sales_targets_grid_start_editing (fixture->grid, "52");
  g_free (gui_test_save_screenshot (GTK_WIDGET (fixture->window), name));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
  g_autoptr(GtkCssProvider) provider = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gui_test_init (&argc, &argv))
    return 0;

  /* What AdwApplication loads from the resources for the app. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/targets-editor/navigate-and-edit", TargetsFixture, NULL, fixture_set_up,
              test_navigate_and_edit, fixture_tear_down);
  g_test_add ("/targets-editor/paste", TargetsFixture, NULL, fixture_set_up, test_paste,
              fixture_tear_down);
  g_test_add ("/targets-editor/spread-and-copy", TargetsFixture, NULL, fixture_set_up,
              test_spread_and_copy, fixture_tear_down);
  g_test_add ("/targets-editor/screenshot", TargetsFixture, NULL, fixture_set_up,
              test_screenshot, fixture_tear_down);

  return g_test_run ();
}

/* test-team-page.c: the Team page of the preferences and the rep dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-util.h"
#include "sales-rep-dialog.h"
#include "sales-team-page.h"

static gint64
query_int (GuiFixture *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = sales_db_prepare (fixture->db, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gint64
add_rep (GuiFixture *fixture,
         const char *name,
         const char *email)
{
  g_autoptr(SalesRep) draft = sales_rep_new ();
  g_autoptr(SalesRep) rep = NULL;
  g_autoptr(GError) error = NULL;

  sales_rep_set_name (draft, name);
  sales_rep_set_email (draft, email);
  rep = sales_store_create (fixture->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  return sales_record_get_id (SALES_RECORD (rep));
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

static AdwMessageDialog *
find_message_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Runs what the page put off until the main loop is idle: rebuilding its rows. */
static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The Active switch of a rep's row. */
static GtkWidget *
find_switch (GtkWidget *root,
             gint64     rep_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SWITCH (child) &&
          GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "rep-id")) == (gsize)rep_id)
        return child;
      found = find_switch (child, rep_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rep_dialog (GuiFixture    *fixture,
                 gconstpointer  data)
{
  gint64 alice = add_rep (fixture, "Alice Wang", "alice@example.com");
  g_autoptr(SalesRep) rep = sales_store_get_rep (fixture->store, alice, NULL);
  g_autoptr(GError) error = NULL;
  SalesRepDialog *dialog;
  GtkEditable *name_row;
  GtkEditable *email_row;
  GtkLabel *error_label;

  /* A new rep: nothing to complain about yet, but nothing to save either. */
  dialog = SALES_REP_DIALOG (sales_rep_dialog_new (NULL, fixture->store, NULL));
  name_row = child (dialog, SALES_TYPE_REP_DIALOG, "name_row");
  email_row = child (dialog, SALES_TYPE_REP_DIALOG, "email_row");
  error_label = child (dialog, SALES_TYPE_REP_DIALOG, "error_label");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* The same name in another case: said at once, Save stays off. */
  gtk_editable_set_text (name_row, "alice wang");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "alice wang"));

  /* A bad address, then a good one. */
  gtk_editable_set_text (name_row, "Bob Li");
  gtk_editable_set_text (email_row, "bob@");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "bob@"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));
  gtk_editable_set_text (email_row, "bob@example.com");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Emptying the name again says a name is needed. */
  gtk_editable_set_text (name_row, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  gtk_editable_set_text (name_row, " Bob Li ");

  g_assert_true (sales_rep_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rep WHERE name = 'Bob Li' "
                                       "AND email = 'bob@example.com' AND active = 1"), ==, 1);
  gui_test_destroy_window (dialog);

  /* Editing Alice: her own name is no duplicate; deactivating her is a switch. */
  dialog = SALES_REP_DIALOG (sales_rep_dialog_new (NULL, fixture->store, rep));
  name_row = child (dialog, SALES_TYPE_REP_DIALOG, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, "Alice Wang");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_switch_set_active (child (dialog, SALES_TYPE_REP_DIALOG, "active_switch"), FALSE);
  gtk_editable_set_text (name_row, "Alice Wang-Li");
  g_assert_true (sales_rep_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_rep_get_name (rep), ==, "Alice Wang-Li");
  g_assert_false (sales_rep_get_active (rep));
  gui_test_destroy_window (dialog);
}

static void
test_team_page (GuiFixture    *fixture,
                gconstpointer  data)
{
  gint64 alice = add_rep (fixture, "Alice Wang", "alice@example.com");
  gint64 bob = add_rep (fixture, "Bob Li", NULL);
  gint64 carol = add_rep (fixture, "Carol Chen", "carol@example.com");
  g_autofree char *sql = NULL;
  GtkWidget *preferences = adw_preferences_window_new ();
  GtkWidget *page = sales_team_page_new (fixture->store, fixture->settings);
  AdwComboRow *me_row = child (page, SALES_TYPE_TEAM_PAGE, "me_row");
  AdwMessageDialog *dialog;
  GListModel *names;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 720);
  gtk_window_present (GTK_WINDOW (preferences));

  /* Alice owns a customer, and the customer's follow-up is hers. */
  sql = g_strdup_printf ("INSERT INTO customer (id, name, owner_id, created_at, updated_at) "
                         "VALUES (1, 'Acme', %" G_GINT64_FORMAT ", 0, 0)", alice);
  g_assert_true (sales_db_exec (fixture->db, sql, NULL));

  /* I am: Not Set, then the reps by name; choosing one sets the setting. */
  names = adw_combo_row_get_model (me_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Bob Li");
  adw_combo_row_set_selected (me_row, 2);
  g_assert_cmpint (sales_settings_get_current_rep_id (fixture->settings), ==, bob);
  sales_settings_set_current_rep_id (fixture->settings, carol);
  g_assert_cmpuint (adw_combo_row_get_selected (me_row), ==, 3);

  /* Deleting Alice is refused: a dialog says why and offers to deactivate her. */
  g_assert_true (gtk_widget_activate_action (page, "team.delete-rep", "x", alice));
  dialog = find_message_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 customer"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rep"), ==, 3);
  g_free (gui_test_save_screenshot (GTK_WIDGET (dialog), "team-delete-refused"));
  adw_message_dialog_response (dialog, "deactivate");
  gui_test_destroy_window (dialog);
  g_assert_cmpint (query_int (fixture, "SELECT active FROM rep WHERE name = 'Alice Wang'"), ==, 0);
  drain ();

  /* She left the choices of "I am", which keep Carol. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (me_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (me_row), ==, 2);

  /* Carol's switch deactivates her; her row is rebuilt from within the switch's own
   * notification, and the toast's Undo (here the store's) makes her active again. */
  {
    GtkWidget *toggle = find_switch (page, carol);

    g_assert_nonnull (toggle);
    gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
    drain ();
    g_assert_cmpint (query_int (fixture, "SELECT active FROM rep WHERE name = 'Carol Chen'"),
                     ==, 0);
    g_assert_true (sales_store_undo (fixture->store, NULL));
    g_assert_cmpint (query_int (fixture, "SELECT active FROM rep WHERE name = 'Carol Chen'"),
                     ==, 1);
    drain ();
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_switch (page, carol))));
  }

  /* Bob owns nothing: he is deleted, and Undo brings him back. */
  g_assert_true (gtk_widget_activate_action (page, "team.delete-rep", "x", bob));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rep"), ==, 2);
  g_assert_true (sales_store_undo (fixture->store, NULL));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rep"), ==, 3);

  gui_test_destroy_window (preferences);
}

static void
test_screenshot (GuiFixture    *fixture,
                 gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("team-page-%s", language != NULL ? language : "C");
  GtkWidget *preferences = adw_preferences_window_new ();
  GtkWidget *page;
  g_autoptr(SalesRep) left = NULL;

  add_rep (fixture, "王芳", "wang.fang@example.cn");
  add_rep (fixture, "李强", "li.qiang@example.cn");
  add_rep (fixture, "Anna Smith", "anna@example.com");
  left = sales_store_get_rep (fixture->store, add_rep (fixture, "赵磊", NULL), NULL);
  g_assert_true (sales_store_set_rep_active (fixture->store, left, FALSE, NULL));
  sales_settings_set_current_rep_id (fixture->settings, 1);

  page = sales_team_page_new (fixture->store, fixture->settings);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 760);
  gtk_window_present (GTK_WINDOW (preferences));
  g_free (gui_test_save_screenshot (preferences, name));

  gui_test_destroy_window (preferences);
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

  g_test_add ("/team/rep-dialog", GuiFixture, NULL, gui_fixture_set_up, test_rep_dialog,
              gui_fixture_tear_down);
  g_test_add ("/team/page", GuiFixture, NULL, gui_fixture_set_up, test_team_page,
              gui_fixture_tear_down);
  g_test_add ("/team/screenshot", GuiFixture, NULL, gui_fixture_set_up, test_screenshot,
              gui_fixture_tear_down);

  return g_test_run ();
}

/* test-preferences.c: the typed settings and the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-preferences-window.h"

static void
test_settings_defaults (void)
{
  g_autoptr(SalesSettings) settings = NULL;
  int width = 0;
  int height = 0;
  gboolean maximized = TRUE;

  gui_test_reset_settings ();
  settings = sales_settings_new ();

  /* The defaults written in the schema. */
  sales_settings_get_window_state (settings, &width, &height, &maximized);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 700);
  g_assert_false (maximized);
  g_assert_false (sales_settings_get_first_run_dismissed (settings));
  g_assert_cmpstr (sales_settings_get_company_name (settings), ==, "");
  g_assert_cmpstr (sales_settings_get_currency (settings), ==, "CNY");

  g_assert_finalize_object (g_steal_pointer (&settings));
}

static void
test_settings_both_ways (void)
{
  g_autoptr(GSettings) gsettings = NULL;
  g_autoptr(SalesSettings) settings = NULL;
  g_autofree char *company = NULL;
  g_autofree char *currency = NULL;
  int width = 0;

  gui_test_reset_settings ();
  gsettings = g_settings_new (APPLICATION_ID);
  settings = sales_settings_new ();

  /* Typed setters write the keys… */
  sales_settings_set_company_name (settings, "上海云帆贸易有限公司");
  sales_settings_set_currency (settings, "HKD");
  sales_settings_set_window_state (settings, 640, 480, TRUE);
  sales_settings_set_first_run_dismissed (settings, TRUE);
  company = g_settings_get_string (gsettings, "company-name");
  currency = g_settings_get_string (gsettings, "currency");
  g_assert_cmpstr (company, ==, "上海云帆贸易有限公司");
  g_assert_cmpstr (currency, ==, "HKD");
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 480);
  g_assert_true (g_settings_get_boolean (gsettings, "window-maximized"));
  g_assert_true (g_settings_get_boolean (gsettings, "first-run-dismissed"));

  /* …and changed keys reach the typed getters. */
  g_settings_set_string (gsettings, "currency", "EUR");
  g_settings_set_int (gsettings, "window-width", 700);
  g_assert_cmpstr (sales_settings_get_currency (settings), ==, "EUR");
  sales_settings_get_window_state (settings, &width, NULL, NULL);
  g_assert_cmpint (width, ==, 700);

  /* A code the schema does not list is refused. */
  g_test_expect_message ("sales-gui", G_LOG_LEVEL_CRITICAL, "*range_check*");
  sales_settings_set_currency (settings, "XXX");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (sales_settings_get_currency (settings), ==, "EUR");

  g_assert_finalize_object (g_steal_pointer (&settings));
}

static void
test_preferences_window (void)
{
  g_autoptr(SalesSettings) settings = NULL;
  SalesPreferencesWindow *window;
  AdwEntryRow *company_row;
  AdwComboRow *currency_row;

  gui_test_reset_settings ();
  settings = sales_settings_new ();
  sales_settings_set_company_name (settings, "Old name");
  window = SALES_PREFERENCES_WINDOW (sales_preferences_window_new (settings));
  company_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              SALES_TYPE_PREFERENCES_WINDOW,
                                                              "company_name_row"));
  currency_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               SALES_TYPE_PREFERENCES_WINDOW,
                                                               "currency_row"));

  g_assert_true (sales_preferences_window_get_settings (window) == settings);

  /* Shown as stored, edited into the settings. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (company_row)), ==, "Old name");
  gtk_editable_set_text (GTK_EDITABLE (company_row), "Acme Trading");
  g_assert_cmpstr (sales_settings_get_company_name (settings), ==, "Acme Trading");

  /* The schema's choices in order: CNY HKD TWD USD EUR GBP JPY SGD. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (currency_row)), ==, 8);
  g_assert_cmpuint (adw_combo_row_get_selected (currency_row), ==, 0);
  adw_combo_row_set_selected (currency_row, 3);
  g_assert_cmpstr (sales_settings_get_currency (settings), ==, "USD");
  sales_settings_set_currency (settings, "JPY");
  g_assert_cmpuint (adw_combo_row_get_selected (currency_row), ==, 6);

  gui_test_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&settings));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/settings/defaults", test_settings_defaults);
  g_test_add_func ("/settings/both-ways", test_settings_both_ways);
  g_test_add_func ("/preferences/window", test_preferences_window);

  return g_test_run ();
}

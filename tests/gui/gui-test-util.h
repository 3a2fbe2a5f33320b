/* gui-test-util.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

typedef struct
{
  char          *dir;
  char          *db_path;
  SalesDb       *db;
  SalesStore    *store;
  SalesSettings *settings;
} GuiFixture;

gboolean gui_test_init               (int          *argc,
                                      char       ***argv);
void     gui_fixture_set_up          (GuiFixture   *fixture,
                                      gconstpointer data);
void     gui_fixture_tear_down       (GuiFixture   *fixture,
                                      gconstpointer data);
void     gui_test_reset_settings     (void);
gboolean gui_test_wait_for_property  (gpointer      object,
                                      const char   *property,
                                      const char   *value,
                                      guint         timeout_ms);
void     gui_test_wait_for_frame     (GtkWidget    *widget);
void     gui_test_wait_for_animations (GtkWidget   *widget);
const char *gui_test_get_toast_text  (GtkWidget    *widget);
GtkButton  *gui_test_get_toast_button (GtkWidget   *widget);
char    *gui_test_save_screenshot    (GtkWidget    *widget,
                                      const char   *name);
void     gui_test_destroy_window     (gpointer      window);

G_END_DECLS

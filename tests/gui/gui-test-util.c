/* gui-test-util.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"

/* Long enough for a slow sanitizer build, short enough to fail before meson's timeout. */
#define FRAME_TIMEOUT_MS 10000

/**
 * gui_test_init:
 *
 * Returns: FALSE when there is no display to open. The plan "1..0 # SKIP" has then been
 *   printed and the test program exits with status 0: under the TAP protocol meson
 *   counts that as skipped, and status 77 as an error.
 */
gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under Xvfb (build-aux/sales-desk-dev test)\n");
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* What GtkApplication does for the application, so that windows built without one
   * find the application icon in the resources too. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");
  return TRUE;
}

void
gui_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

void
gui_fixture_set_up (GuiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sales-desk-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "sales.db", NULL);
  fixture->db = sales_db_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->store = sales_store_new (fixture->db);

  gui_test_reset_settings ();
  fixture->settings = sales_settings_new ();
}

void
gui_fixture_tear_down (GuiFixture    *fixture,
                       gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_assert_finalize_object (fixture->settings);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->db_path, suffixes[i], NULL);

      g_remove (path);
    }
  g_assert_no_errno (g_rmdir (fixture->dir));

  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
set_flag (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * gui_test_wait_for_property:
 *
 * Runs the main loop until the string property @property of @object equals @value.
 *
 * Returns: FALSE if that did not happen within @timeout_ms
 */
gboolean
gui_test_wait_for_property (gpointer    object,
                            const char *property,
                            const char *value,
                            guint       timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (timeout_ms, set_flag, &timed_out);

  for (;;)
    {
      g_autofree char *current = NULL;

      g_object_get (object, property, &current, NULL);
      if (g_strcmp0 (current, value) == 0)
        break;
      if (timed_out)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (timeout_id);
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

/* Presents @widget's window and returns once a frame of it has been painted. */
void
gui_test_wait_for_frame (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  gboolean painted = FALSE;
  guint timeout_id = g_timeout_add (FRAME_TIMEOUT_MS, set_flag, &timed_out);
  GdkFrameClock *frame_clock;
  gulong handler;

  gtk_window_present (GTK_WINDOW (gtk_widget_get_root (widget)));
  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);

  frame_clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

/* Longer than any of libadwaita's and GTK's transitions (250 ms and less). */
#define ANIMATION_MS 600

/* Runs the main loop until the page cross-fades and revealers of @widget's window have
 * finished, so that a screenshot shows where they end. */
void
gui_test_wait_for_animations (GtkWidget *widget)
{
  gboolean done = FALSE;

  gui_test_wait_for_frame (widget);
  g_timeout_add (ANIMATION_MS, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_last_toast (GtkWidget *widget)
{
  GtkWidget *found = NULL;

  /* libadwaita lets a toast that slides out take no input. */
  if (g_str_equal (gtk_widget_get_css_name (widget), "toast"))
    return gtk_widget_get_can_target (widget) ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toast = find_last_toast (child);

      if (toast != NULL)
        found = toast;
    }

  return found;
}

static GtkLabel *
find_heading (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_heading (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/**
 * gui_test_get_toast_text:
 *
 * The text the newest toast shown inside @widget puts on screen (its title after markup),
 * or %NULL without a toast (one sliding out does not count).
 */
const char *
gui_test_get_toast_text (GtkWidget *widget)
{
  GtkWidget *toast = find_last_toast (widget);
  GtkLabel *label = toast != NULL ? find_heading (toast) : NULL;

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

static GtkWidget *
find_labelled_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_labelled_button (child);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/**
 * gui_test_get_toast_button:
 *
 * The button (Undo, Open…) of the newest toast shown inside @widget, as a person clicks
 * it, or %NULL.
 */
GtkButton *
gui_test_get_toast_button (GtkWidget *widget)
{
  GtkWidget *toast = find_last_toast (widget);
  GtkWidget *button = toast != NULL ? find_labelled_button (toast) : NULL;

  return button != NULL ? GTK_BUTTON (button) : NULL;
}

/**
 * gui_test_save_screenshot:
 *
 * Renders @widget as it is on screen into NAME.png next to the test program, for a person
 * to look at.
 *
 * Returns: (transfer full): the path of the picture
 */
char *
gui_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width;
  int height;

  gui_test_wait_for_frame (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

/* Destroys @window and checks that it is finalized. A worker thread that finished a job
 * for it may still drop its reference a moment after the job's callback ran, so the main
 * loop is given a little while to settle before a leak is declared. */
void
gui_test_destroy_window (gpointer window)
{
  gboolean timed_out = FALSE;
  gpointer weak = window;
  guint timeout_id;

  g_assert_true (GTK_IS_WINDOW (window));

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);

  timeout_id = g_timeout_add (FRAME_TIMEOUT_MS, set_flag, &timed_out);
  while (weak != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (weak != NULL)
    g_error ("%s %p was not finalized", G_OBJECT_TYPE_NAME (weak), weak);
  g_source_remove (timeout_id);
}

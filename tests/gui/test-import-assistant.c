/* test-import-assistant.c: the pages of "Import…", driven as a person would, on small files
 *
 * The files are written by the tests. Every page is saved as a screenshot, named with the
 * language the test runs in (it runs in English and in zh_CN).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gui-test-util.h"
#include "sales-import-assistant.h"

#define WAIT_MS 60000

typedef struct
{
  GuiFixture            base;
  SalesImportAssistant *assistant;
  GtkStack             *stack;
} Fixture;

static const char *
language (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  return lang != NULL && *lang != '\0' ? lang : "en";
}

static void
screenshot (Fixture    *f,
            const char *page)
{
  g_autofree char *name = g_strdup_printf ("import-%s-%s", page, language ());
  g_autofree char *path = NULL;

  gui_test_wait_for_animations (GTK_WIDGET (f->assistant));
  path = gui_test_save_screenshot (GTK_WIDGET (f->assistant), name);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *have = NULL;

          if (GTK_IS_LABEL (child))
            have = gtk_label_get_text (GTK_LABEL (child));
          else if (ADW_IS_PREFERENCES_ROW (child))
            have = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (text == NULL || g_strcmp0 (have, text) == 0)
            return child;
        }

      found = find_widget (child, type, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A visible label whose text has @part in it. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), part) != NULL)
        return child;

      found = find_label_with (child, part);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
page (Fixture    *f,
      const char *name)
{
  return gtk_stack_get_child_by_name (f->stack, name);
}

static void
wait_for_page (Fixture    *f,
               const char *name)
{
  g_assert_true (gui_test_wait_for_property (f->stack, "visible-child-name", name, WAIT_MS));
}

static void
next (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->assistant), "import.next", NULL));
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *utf8,
            const char *encoding)
{
  char *path = g_build_filename (f->base.dir, name, NULL);
  g_autofree char *converted = NULL;
  gsize length = strlen (utf8);

  if (encoding != NULL)
    {
      g_autoptr(GError) error = NULL;

      converted = g_convert (utf8, -1, encoding, "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
    }

  g_assert_true (g_file_set_contents (path, converted != NULL ? converted : utf8,
                                      (gssize)length, NULL));
  return path;
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  gui_fixture_set_up (&f->base, data);
  f->assistant = SALES_IMPORT_ASSISTANT (sales_import_assistant_new (NULL, f->base.store));
  gtk_window_set_default_size (GTK_WINDOW (f->assistant), 760, 620);
  gtk_window_present (GTK_WINDOW (f->assistant));
  f->stack = GTK_STACK (find_widget (GTK_WIDGET (f->assistant), GTK_TYPE_STACK, NULL));
  g_assert_nonnull (f->stack);
  gui_test_wait_for_frame (GTK_WIDGET (f->assistant));
}

/* Everything below @path, and @path itself unless @keep_top. */
static void
remove_tree (const char *path,
             gboolean    keep_top)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (keep_top && g_str_has_prefix (name, "sales.db"))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child, FALSE);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }

  if (!keep_top)
    g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gui_test_destroy_window (f->assistant);
  remove_tree (f->base.dir, TRUE);
  gui_fixture_tear_down (&f->base, data);
}

static SalesImportField
field (Fixture *f,
       guint    column)
{
  return sales_import_get_field (sales_import_assistant_get_import (f->assistant), column);
}

/* Columns are matched from their headers, in English and Chinese; each can be changed,
 * and a field taken by one column leaves the column that had it. */
static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  AdwComboRow *remarks;
  AdwComboRow *phone;
  AdwComboRow *name;

  path = write_file (f, "customers.csv",
                     "客户名称,Phone,行业,Remarks?,负责人\n深圳华强电子,0755-8888,电子,老客户,王芳\n",
                     NULL);
  screenshot (f, "file");
  g_assert_true (sales_import_assistant_open_path (f->assistant, path));
  g_assert_cmpstr (sales_import_assistant_get_page (f->assistant), ==, "preview");
  next (f);
  wait_for_page (f, "mapping");
  screenshot (f, "mapping");

  g_assert_cmpint (field (f, 0), ==, SALES_IMPORT_FIELD_CUSTOMER_NAME);
  g_assert_cmpint (field (f, 1), ==, SALES_IMPORT_FIELD_PHONE);
  g_assert_cmpint (field (f, 2), ==, SALES_IMPORT_FIELD_INDUSTRY);
  g_assert_cmpint (field (f, 3), ==, SALES_IMPORT_FIELD_NONE);
  g_assert_cmpint (field (f, 4), ==, SALES_IMPORT_FIELD_OWNER);

  name = ADW_COMBO_ROW (find_widget (page (f, "mapping"), ADW_TYPE_COMBO_ROW, "客户名称"));
  phone = ADW_COMBO_ROW (find_widget (page (f, "mapping"), ADW_TYPE_COMBO_ROW, "Phone"));
  remarks = ADW_COMBO_ROW (find_widget (page (f, "mapping"), ADW_TYPE_COMBO_ROW, "Remarks?"));
  g_assert_nonnull (name);
  g_assert_nonnull (remarks);
  g_assert_cmpuint (adw_combo_row_get_selected (remarks), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (name), !=, 0);

  /* "Notes" is the ninth field a customers import offers, after "Do not import". */
  adw_combo_row_set_selected (remarks, 9);
  g_assert_cmpint (field (f, 3), ==, SALES_IMPORT_FIELD_NOTES);

  /* The name goes to the phone's column: the first column has nothing, and nothing holds
   * the phone; the import cannot go on. */
  adw_combo_row_set_selected (phone, adw_combo_row_get_selected (name));
  g_assert_cmpint (field (f, 1), ==, SALES_IMPORT_FIELD_CUSTOMER_NAME);
  g_assert_cmpint (field (f, 0), ==, SALES_IMPORT_FIELD_NONE);
  g_assert_cmpuint (adw_combo_row_get_selected (name), ==, 0);

  adw_combo_row_set_selected (phone, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->assistant), "import.next", NULL);
  g_assert_cmpstr (sales_import_assistant_get_page (f->assistant), ==, "mapping");
  g_assert_nonnull (find_widget (page (f, "mapping"), GTK_TYPE_LABEL,
                                 _("No column holds the name of the customer (such as "
                                   "“客户名称” or “Customer”)")));
  screenshot (f, "mapping-error");
}

/* A GB18030 file is found to be one and shows its Chinese; read as UTF-8 it shows which
 * cells are not text; back on Automatic it is Chinese again. */
static void
test_encoding (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_file (f, "gbk.csv",
                                      "客户名称,电话\n深圳华强电子,0755-8888\n"
                                      "北京中关村科技,010\n", "GB18030");
  AdwComboRow *encoding;
  GtkWidget *preview;

  g_assert_true (sales_import_assistant_open_path (f->assistant, path));
  preview = page (f, "preview");
  g_assert_nonnull (find_widget (preview, GTK_TYPE_LABEL, "深圳华强电子"));
  encoding = ADW_COMBO_ROW (find_widget (preview, ADW_TYPE_COMBO_ROW, _("_Encoding")));
  g_assert_nonnull (encoding);
  g_assert_cmpuint (adw_combo_row_get_selected (encoding), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (encoding)));
  screenshot (f, "preview");

  adw_combo_row_set_selected (encoding, 1);
  g_assert_null (find_widget (preview, GTK_TYPE_LABEL, "深圳华强电子"));
  g_assert_nonnull (find_widget (preview, GTK_TYPE_LABEL, "⚠"));
  {
    /* Row 2 is the first with Chinese; its first cell is not UTF-8. */
    g_autofree char *message = g_strdup_printf (_("Row %u, column %d is not %s text"), 2, 1,
                                                "UTF-8");

    g_assert_nonnull (find_label_with (preview, message));
  }
  screenshot (f, "preview-invalid");

  adw_combo_row_set_selected (encoding, 0);
  g_assert_nonnull (find_widget (preview, GTK_TYPE_LABEL, "深圳华强电子"));
}

static void
add_customer (Fixture    *f,
              const char *name,
              const char *phone)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  sales_customer_set_name (draft, name);
  sales_customer_set_phone (draft, phone);
  record = sales_store_create (f->base.store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3_stmt *stmt = sales_db_prepare (f->base.db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The policy chosen is the one the import follows; the import is undone as a whole. */
static void
test_policy (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_file (f, "customers.csv",
                                      "客户名称,电话,行业\n"
                                      "甲公司,13800000001,制造\n"
                                      "乙公司,13800000002,零售\n"
                                      ",13800000003,无名\n", NULL);
  const SalesImportSummary *s;
  GtkWidget *merge;

  add_customer (f, "甲公司", "13800000001");
  g_assert_true (sales_import_assistant_open_path (f->assistant, path));
  next (f);
  wait_for_page (f, "mapping");
  next (f);
  wait_for_page (f, "policy");
  merge = find_widget (page (f, "policy"), ADW_TYPE_ACTION_ROW,
                       _("_Merge into the existing record"));
  g_assert_nonnull (merge);
  adw_action_row_activate (ADW_ACTION_ROW (merge));
  screenshot (f, "policy");
  next (f);
  wait_for_page (f, "summary");
  screenshot (f, "summary");

  s = sales_import_get_summary (sales_import_assistant_get_import (f->assistant));
  g_assert_cmpint (sales_import_get_policy (sales_import_assistant_get_import (f->assistant)),
                   ==, SALES_IMPORT_MERGE);
  g_assert_cmpuint (s->customers_merged, ==, 1);
  g_assert_cmpuint (s->customers_created, ==, 1);
  g_assert_cmpuint (s->rejected, ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM customer WHERE industry = '制造'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM customer"), ==, 2);
  {
    g_autofree char *row = g_strdup_printf (_("Row %u"), 4);

    g_assert_nonnull (find_widget (page (f, "summary"), ADW_TYPE_ACTION_ROW, row));
  }

  /* The window's store took the import over: its Undo takes the whole import back. */
  g_assert_true (sales_store_can_undo (f->base.store));
  g_assert_true (sales_store_undo (f->base.store, NULL));
  g_assert_cmpint (count (f, "SELECT count (*) FROM customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM customer WHERE industry IS NULL"), ==, 1);
}

/* Deals name stages and reps that are not there; they are listed and added when agreed. */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) stages_now = sales_store_list_stages (f->base.store);
  g_autoptr(SalesStage) first = g_list_model_get_item (stages_now, 0);
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  GtkWidget *deals_row;
  AdwActionRow *stages;
  const SalesImportSummary *s;

  /* The first stage is there already, under its name in the language of the database. */
  csv = g_strdup_printf ("商机名称,客户名称,阶段,负责人,金额\n"
                         "服务器,甲公司,技术交流,新同事,\"¥12,000\"\n"
                         "维保,乙公司,%s,新同事,500\n", sales_stage_get_name (first));
  path = write_file (f, "deals.csv", csv, NULL);
  deals_row = find_widget (page (f, "file"), ADW_TYPE_ACTION_ROW, _("_Deals"));
  g_assert_nonnull (deals_row);
  adw_action_row_activate (ADW_ACTION_ROW (deals_row));
  g_assert_true (sales_import_assistant_open_path (f->assistant, path));
  next (f);
  wait_for_page (f, "mapping");
  next (f);
  wait_for_page (f, "matching");
  stages = ADW_ACTION_ROW (find_widget (page (f, "matching"), ADW_TYPE_ACTION_ROW,
                                        _("Add the _new stages")));
  g_assert_nonnull (stages);
  g_assert_true (gui_test_wait_for_property (stages, "subtitle", "技术交流", WAIT_MS));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
    find_widget (page (f, "matching"), ADW_TYPE_ACTION_ROW, _("Add the new sales _reps")))), ==,
    "新同事");
  adw_action_row_activate (stages);
  adw_action_row_activate (ADW_ACTION_ROW (find_widget (page (f, "matching"), ADW_TYPE_ACTION_ROW,
                                                        _("Add the new sales _reps"))));
  screenshot (f, "matching");
  next (f);
  wait_for_page (f, "policy");
  next (f);
  wait_for_page (f, "summary");

  s = sales_import_get_summary (sales_import_assistant_get_import (f->assistant));
  g_assert_cmpuint (s->deals_created, ==, 2);
  g_assert_cmpuint (s->stages_created, ==, 1);
  g_assert_cmpuint (s->reps_created, ==, 1);
  g_assert_cmpint (count (f, "SELECT amount_cents FROM deal WHERE title = '服务器'"), ==,
                   1200000);
}

/* Cancel during a long import leaves the database as it was, and says so. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("客户名称,电话\n");
  g_autofree char *path = NULL;

  for (int i = 1; i <= 60000; i++)
    g_string_append_printf (csv, "客户%d,1%010d\n", i, i);
  path = write_file (f, "big.csv", csv->str, NULL);
  add_customer (f, "甲公司", "13800000001");

  g_assert_true (sales_import_assistant_open_path (f->assistant, path));
  next (f);
  wait_for_page (f, "mapping");
  next (f);
  wait_for_page (f, "policy");
  next (f);
  g_assert_cmpstr (sales_import_assistant_get_page (f->assistant), ==, "progress");
  /* At once: on a quiet machine the worker gets through the whole file in a second or two. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->assistant), "import.cancel", NULL));
  wait_for_page (f, "policy");

  g_assert_cmpint (count (f, "SELECT count (*) FROM customer"), ==, 1);
  g_assert_nonnull (find_widget (page (f, "policy"), GTK_TYPE_LABEL,
                                 _("The import was cancelled. Nothing was changed.")));
  screenshot (f, "cancelled");
}

/* Each file that cannot be imported says why on the first page. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *content;
    gsize       length;
    const char *says;
  } cases[] = {
    { "empty.csv", "", 0, "is empty" },
    { "blank.csv", "\n\n", 2, "is empty" },
    { "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "(.xls)" },
    { "picture.png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16, "is not a spreadsheet" },
    { "broken.xlsx", "PK\x03\x04garbage", 11, "is not a spreadsheet" },
  };
  g_autofree char *missing = g_build_filename (f->base.dir, "missing.csv", NULL);

  if (!g_str_equal (language (), "en"))
    {
      g_test_skip ("the messages are checked in English");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->base.dir, cases[i].name, NULL);

      g_assert_true (g_file_set_contents (path, cases[i].content, (gssize)cases[i].length, NULL));
      g_assert_false (sales_import_assistant_open_path (f->assistant, path));
      g_assert_cmpstr (sales_import_assistant_get_page (f->assistant), ==, "file");
      g_assert_null (sales_import_assistant_get_import (f->assistant));
      g_test_message ("%s", cases[i].name);
      g_assert_nonnull (find_label_with (page (f, "file"), cases[i].says));
    }

  g_assert_false (sales_import_assistant_open_path (f->assistant, missing));
  g_assert_nonnull (find_label_with (page (f, "file"), "could not be read"));
  screenshot (f, "file-error");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
  g_autofree char *data_home = g_dir_make_tmp ("sales-desk-import-XXXXXX", NULL);
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The backups made before an import go there, not into the user's data. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!gui_test_init (&argc, &argv))
    {
      remove_tree (data_home, FALSE);
      return 0;
    }

  g_test_add ("/import-assistant/mapping", Fixture, NULL, set_up, test_mapping, tear_down);
  g_test_add ("/import-assistant/encoding", Fixture, NULL, set_up, test_encoding, tear_down);
  g_test_add ("/import-assistant/policy", Fixture, NULL, set_up, test_policy, tear_down);
  g_test_add ("/import-assistant/names", Fixture, NULL, set_up, test_names, tear_down);
  g_test_add ("/import-assistant/cancel", Fixture, NULL, set_up, test_cancel, tear_down);
  g_test_add ("/import-assistant/errors", Fixture, NULL, set_up, test_errors, tear_down);

  status = g_test_run ();
  remove_tree (data_home, FALSE);
  return status;
}

/* sales-import-assistant-run.c: the assistant's names, its run and its summary
 *
 * The stages and reps the file names are read in a worker thread and
 * compared with the database's, so that the user agrees to each new one
 * before the import. The import runs in a worker thread on a connection and
 * store of its own, through sales_store_import() like the command line: the
 * window keeps drawing and the progress bar moves, Cancel rolls it back, and
 * once it is committed the window's store reloads and takes the import's
 * undo entry (sales_store_adopt_undo()), so that the Undo toast of the main
 * window takes the whole import back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-import-assistant-private.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"
#include "sales-window.h"

#define PROGRESS_INTERVAL_MS 100

/* Rejected rows listed in the window; all of them go into the saved file. */
#define MAX_REJECTED_LISTED 200

/* New names listed on the names page. */
#define MAX_NAMES_LISTED 8

/* Longer than the Undo of a move: an import is a bigger step to look over first. */
#define UNDO_TIMEOUT_S 60

/* The names of stages and reps in the file */

typedef struct
{
  char                *path;
  SalesImportEncoding  encoding;
  char                *sheet;
  int                  stage_column;
  int                  owner_column;
  /* case-folded name -> the name as the file first has it */
  GHashTable          *stages;
  GHashTable          *owners;
  gboolean             past_header;
} ScanData;

static void
scan_data_free (gpointer data)
{
  ScanData *d = data;

  g_free (d->path);
  g_free (d->sheet);
  g_hash_table_unref (d->stages);
  g_hash_table_unref (d->owners);
  g_free (d);
}

static void
add_name (GHashTable           *names,
          const SalesImportRow *row,
          int                   column)
{
  g_autofree char *name = NULL;

  if (column < 0 || (guint)column >= row->n_cells || column == row->invalid_column)
    return;

  name = g_strstrip (g_strdup (row->cells[column]));
  if (*name != '\0')
    {
      char *key = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (names, key))
        g_hash_table_insert (names, key, g_steal_pointer (&name));
      else
        g_free (key);
    }
}

static gboolean
scan_row (const SalesImportRow  *row,
          gpointer               user_data,
          GError               **error)
{
  ScanData *d = user_data;
  gboolean blank = TRUE;

  for (guint i = 0; i < row->n_cells && blank; i++)
    blank = *row->cells[i] == '\0';

  /* The header is the first row that is not blank, as sales_import_read_header() has it. */
  if (!d->past_header)
    {
      d->past_header = !blank || row->invalid_column >= 0;
      return TRUE;
    }

  add_name (d->stages, row, d->stage_column);
  add_name (d->owners, row, d->owner_column);
  return TRUE;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanData *d = task_data;
  g_autoptr(SalesImportReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = sales_import_reader_new_for_path (d->path, &error);
  if (reader != NULL)
    {
      sales_import_reader_set_encoding (reader, d->encoding);
      if (d->sheet != NULL)
        sales_import_reader_set_sheet (reader, d->sheet);
    }

  if (reader == NULL || !sales_import_reader_read (reader, scan_row, d, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* The names of @found that no item of @known has as its name (or, for reps, e-mail). */
static GPtrArray *
missing_names (GHashTable *found,
               GListModel *known,
               gboolean    reps)
{
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *missing = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < g_list_model_get_n_items (known); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (known, i);
      const char *name = reps ? sales_rep_get_name (SALES_REP (item))
                              : sales_stage_get_name (SALES_STAGE (item));

      if (name != NULL)
        g_hash_table_add (have, g_utf8_casefold (name, -1));
      if (reps && sales_rep_get_email (SALES_REP (item)) != NULL)
        g_hash_table_add (have, g_utf8_casefold (sales_rep_get_email (SALES_REP (item)), -1));
    }

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (have, key))
        g_ptr_array_add (missing, value);
    }

  g_ptr_array_sort (missing, compare_names);
  return missing;
}

static char *
list_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < MIN (names->len, MAX_NAMES_LISTED); i++)
    {
      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, g_ptr_array_index (names, i));
    }

  if (names->len > MAX_NAMES_LISTED)
    {
      g_string_append (text, C_("list separator", ", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 names->len - MAX_NAMES_LISTED),
                              names->len - MAX_NAMES_LISTED);
    }

  /* Row subtitles are markup in libadwaita 1.2. */
  return g_markup_escape_text (text->str, -1);
}

static void
scan_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (object);
  ScanData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GPtrArray) new_stages = NULL;
  g_autoptr(GPtrArray) new_reps = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_cancellable_is_cancelled (
        self->cancellable))
    return;

  self->scanning = FALSE;
  if (error != NULL)
    {
      gtk_label_set_text (self->matching_label, error->message);
      sales_import_assistant_show_page (self, "matching");
      return;
    }

  stages = sales_store_list_stages (self->store);
  reps = sales_store_list_reps (self->store);
  new_stages = missing_names (d->stages, stages, FALSE);
  new_reps = missing_names (d->owners, reps, TRUE);

  if (new_stages->len > 0)
    {
      g_autofree char *names = list_names (new_stages);

      adw_action_row_set_subtitle (self->stages_row, names);
    }
  if (new_reps->len > 0)
    {
      g_autofree char *names = list_names (new_reps);

      adw_action_row_set_subtitle (self->reps_row, names);
    }
  gtk_widget_set_visible (self->stages_group, new_stages->len > 0);
  gtk_widget_set_visible (self->reps_group, new_reps->len > 0);

  if (new_stages->len == 0 && new_reps->len == 0)
    gtk_label_set_text (self->matching_label,
                        _("Every stage and sales rep the file names is in Sales Desk already."));
  else
    gtk_label_set_text (self->matching_label,
                        _("These names are not in Sales Desk yet:"));

  /* Names that are all known need no agreement, and none should be assumed. */
  if (new_stages->len == 0)
    gtk_switch_set_active (self->stages_switch, FALSE);
  if (new_reps->len == 0)
    gtk_switch_set_active (self->reps_switch, FALSE);

  sales_import_assistant_show_page (self, "matching");
}

static int
column_of (SalesImport      *job,
           SalesImportField  field)
{
  guint n = 0;

  sales_import_get_headers (job, &n);
  for (guint i = 0; i < n; i++)
    {
      if (sales_import_get_field (job, i) == field)
        return (int)i;
    }

  return -1;
}

void
sales_import_assistant_scan_names (SalesImportAssistant *self)
{
  SalesImportReader *reader = sales_import_get_reader (self->job);
  g_autoptr(GTask) task = NULL;
  ScanData *d = g_new0 (ScanData, 1);

  d->path = g_strdup (self->path);
  d->encoding = sales_import_reader_get_encoding (reader);
  d->sheet = g_strdup (sales_import_reader_get_sheet (reader));
  d->stage_column = sales_import_get_kind (self->job) == SALES_IMPORT_DEALS
                    ? column_of (self->job, SALES_IMPORT_FIELD_STAGE) : -1;
  d->owner_column = column_of (self->job, SALES_IMPORT_FIELD_OWNER);
  d->stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->scanning = TRUE;
  gtk_label_set_text (self->matching_label, _("Reading the names in the file…"));
  gtk_widget_set_visible (self->stages_group, FALSE);
  gtk_widget_set_visible (self->reps_group, FALSE);
  sales_import_assistant_show_page (self, "matching");

  task = g_task_new (self, self->cancellable, scan_done, NULL);
  g_task_set_source_tag (task, sales_import_assistant_scan_names);
  g_task_set_task_data (task, d, scan_data_free);
  g_task_run_in_thread (task, scan_thread);
}

/* The run */

typedef struct
{
  char        *db_path;
  SalesImport *job;
  SalesStore  *worker;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  g_free (d->db_path);
  g_clear_object (&d->job);
  g_clear_object (&d->worker);
  g_free (d);
}

/* In the worker thread. */
static void
run_progress (goffset  done,
              goffset  total,
              gpointer user_data)
{
  SalesImportAssistant *self = user_data;

  if (total > 0)
    g_atomic_int_set (&self->progress_permille, (int)(MIN (done, total) * 1000 / total));
}

static gboolean
update_progress (gpointer user_data)
{
  SalesImportAssistant *self = user_data;
  int permille = g_atomic_int_get (&self->progress_permille);
  g_autofree char *text = g_strdup_printf ("%d %%", permille / 10);

  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *d = task_data;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sales_db_open (d->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  d->worker = sales_store_new (db);
  if (!sales_store_import (d->worker, d->job, run_progress, source_object, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_count (GtkLabel *label,
           guint64   count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

  gtk_label_set_text (label, text);
}

static void
fill_summary (SalesImportAssistant *self)
{
  const SalesImportSummary *s = sales_import_get_summary (self->job);
  GPtrArray *rejected = sales_import_get_rejected (self->job);
  g_autofree char *line = sales_import_describe_summary (self->job);
  g_autofree char *escaped = g_markup_escape_text (line, -1);
  GtkWidget *child;
  guint64 imported = sales_import_get_kind (self->job) == SALES_IMPORT_DEALS
                     ? s->deals_created : s->customers_created;

  set_count (self->imported_label, imported);
  set_count (self->merged_label, s->customers_merged + s->deals_merged);
  set_count (self->skipped_label, s->customers_skipped + s->deals_skipped);
  set_count (self->rejected_label, s->rejected);
  adw_preferences_group_set_description (self->counts_group, escaped);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rejected_list))) != NULL)
    gtk_list_box_remove (self->rejected_list, child);

  for (guint i = 0; i < MIN (rejected->len, MAX_REJECTED_LISTED); i++)
    {
      SalesImportRejected *row = g_ptr_array_index (rejected, i);
      GtkWidget *item = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Row %u"), row->number);
      g_autofree char *reason = g_markup_escape_text (row->reason, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), reason);
      gtk_list_box_append (self->rejected_list, item);
    }

  if (rejected->len > MAX_REJECTED_LISTED)
    {
      GtkWidget *item = adw_action_row_new ();
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "…and %u more row, in the saved file",
                                            "…and %u more rows, in the saved file",
                                            rejected->len - MAX_REJECTED_LISTED),
                               rejected->len - MAX_REJECTED_LISTED);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), title);
      gtk_list_box_append (self->rejected_list, item);
    }

  gtk_widget_set_visible (self->rejected_group, rejected->len > 0);
}

static void
show_policy_message (SalesImportAssistant *self,
                     const char           *message,
                     gboolean              error)
{
  gtk_label_set_text (self->policy_message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->policy_message), TRUE);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->policy_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->policy_message), "error");
  sales_import_assistant_show_page (self, "policy");
}

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SalesImportAssistant *self = SALES_IMPORT_ASSISTANT (object);
  RunData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* The rows are committed whatever became of the window. */
  if (ok)
    sales_store_adopt_undo (self->store, d->worker);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->running = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->run_cancellable);

  if (ok)
    {
      self->imported = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->policy_message), FALSE);
      fill_summary (self);
      sales_import_assistant_show_page (self, "summary");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_policy_message (self, _("The import was cancelled. Nothing was changed."), FALSE);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"),
                                                  error->message);

      show_policy_message (self, message, TRUE);
    }

  if (self->close_after_run)
    gtk_window_close (GTK_WINDOW (self));
}

void
sales_import_assistant_run (SalesImportAssistant *self)
{
  const char *db_path = sales_db_get_path (sales_store_get_db (self->store));
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autoptr(GTask) task = NULL;
  RunData *d;

  if (self->running || self->job == NULL || db_path == NULL)
    return;

  d = g_new0 (RunData, 1);
  d->db_path = g_strdup (db_path);
  d->job = g_object_ref (self->job);

  self->running = TRUE;
  self->close_after_run = FALSE;
  g_atomic_int_set (&self->progress_permille, 0);
  update_progress (self);
  adw_status_page_set_description (self->progress_page, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", TRUE);
  sales_import_assistant_show_page (self, "progress");
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);

  self->run_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->run_cancellable, run_done, NULL);
  g_task_set_source_tag (task, sales_import_assistant_run);
  g_task_set_task_data (task, d, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

void
sales_import_assistant_cancel (SalesImportAssistant *self)
{
  if (self->run_cancellable == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", FALSE);
  g_cancellable_cancel (self->run_cancellable);
}

/* Saving the rejected rows */

static void
on_save_response (SalesImportAssistant *self,
                  int                   response,
                  GtkNativeDialog      *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file == NULL || self->job == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    message = g_strdup (_("Rejected rows can only be saved on this computer"));
  else if (!sales_import_save_rejected (self->job, path, &error))
    message = g_strdup (error->message);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);

      message = g_strdup_printf (_("Rejected rows saved as “%s”"), name);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, sales_toast_new_text (message));
}

void
sales_import_assistant_save_rejected (SalesImportAssistant *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->chooser != NULL || self->job == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Rejected Rows"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  base = g_filename_display_basename (self->path);
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  /* TRANSLATORS: the file name offered for the rejected rows; %s is the imported file's */
  name = g_strdup_printf (_("%s – rejected.csv"), base);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* Undo */

typedef struct
{
  SalesWindow *window;
  AdwToast    *toast;
} LaterToast;

static void
later_toast_free (gpointer data)
{
  LaterToast *later = data;

  g_object_unref (later->window);
  g_object_unref (later->toast);
  g_free (later);
}

static gboolean
add_toast_later (gpointer data)
{
  LaterToast *later = data;

  sales_window_add_toast (later->window, later->toast);
  return G_SOURCE_REMOVE;
}

/* After the import, the main window offers to undo it until anything else changes. The
 * toast goes in once the assistant is gone: adding it while the assistant was being
 * destroyed crashed GTK 4.8's AT-SPI bridge now and then in the tests. */
void
sales_import_assistant_post_undo_toast (SalesImportAssistant *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *line = NULL;
  g_autofree char *title = NULL;
  LaterToast *later;
  AdwToast *toast;

  if (!SALES_IS_WINDOW (parent) || self->job == NULL || !sales_store_can_undo (self->store))
    return;

  line = sales_import_describe_summary (self->job);
  /* TRANSLATORS: %s says what the import did, e.g. "3 customers created, 1 row rejected" */
  title = g_strdup_printf (_("Imported: %s"), line);
  toast = sales_undo_toast_new (GTK_WIDGET (parent), self->store, title, UNDO_TIMEOUT_S);
  sales_undo_toast_set_done_message (toast, _("The import was undone"));
  /* Undo takes back the newest change only: once that is another, the toast goes. */
  g_signal_connect_object (self->store, "notify::undo-label",
                           G_CALLBACK (sales_undo_toast_dismiss), toast, G_CONNECT_SWAPPED);

  later = g_new0 (LaterToast, 1);
  later->window = g_object_ref (SALES_WINDOW (parent));
  later->toast = g_object_ref_sink (toast);
  g_idle_add_full (G_PRIORITY_LOW, add_toast_later, later, later_toast_free);
}

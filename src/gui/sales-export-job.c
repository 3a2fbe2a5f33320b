/* sales-export-job.c: one export from the window: the file chooser, the work in a thread, toasts
 *
 * The export runs in a worker thread on its own read-only connection (see
 * sales-export.c), so the window stays responsive and the store goes on
 * writing. The thread only stores how far it got; a timeout in the main
 * thread shows it in a toast with Cancel, once the export has taken long
 * enough to be worth watching. The toasts go to the nearest AdwToastOverlay
 * above the widget the export was started from.
 *
 * The job holds a reference on itself from sales_export_job_choose() or
 * sales_export_job_start() until it has finished, so that a view can start
 * one and forget it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sales-export-job.h"
#include "sales-toast.h"

/* An export quicker than this shows no progress, only its result. */
#define PROGRESS_DELAY_MS 400
#define PROGRESS_INTERVAL_MS 250

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct _SalesExportJob
{
  GObject            parent_instance;

  SalesExporter     *exporter;
  GtkWidget         *widget;        /* weak */
  GFile             *file;
  SalesExportFormat  format;

  GtkNativeDialog   *chooser;
  GtkFileFilter     *csv_filter;
  GtkFileFilter     *xlsx_filter;

  GCancellable      *cancellable;
  gboolean           running;
  guint              progress_source;
  AdwToast          *progress_toast;

  /* Written by the worker thread, read by the main thread */
  int                done;
  int                total;
};

G_DEFINE_FINAL_TYPE (SalesExportJob, sales_export_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXPORTER,
  PROP_RUNNING,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sales_export_job_dispose (GObject *object)
{
  SalesExportJob *self = (SalesExportJob *)object;

  if (self->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *)&self->widget);
  self->widget = NULL;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->progress_toast);
  g_clear_object (&self->chooser);
  g_clear_object (&self->csv_filter);
  g_clear_object (&self->xlsx_filter);

  G_OBJECT_CLASS (sales_export_job_parent_class)->dispose (object);
}

static void
sales_export_job_finalize (GObject *object)
{
  SalesExportJob *self = (SalesExportJob *)object;

  g_clear_object (&self->exporter);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sales_export_job_parent_class)->finalize (object);
}

static void
sales_export_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SalesExportJob *self = SALES_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_EXPORTER:
      g_value_set_object (value, self->exporter);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_export_job_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SalesExportJob *self = SALES_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_EXPORTER:
      self->exporter = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_export_job_class_init (SalesExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sales_export_job_dispose;
  object_class->finalize = sales_export_job_finalize;
  object_class->get_property = sales_export_job_get_property;
  object_class->set_property = sales_export_job_set_property;

  properties[PROP_EXPORTER] =
    g_param_spec_object ("exporter", NULL, NULL, SALES_TYPE_EXPORTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesExportJob::finished:
   * @written: whether the file was written
   *
   * Emitted when the export ended, written, failed or cancelled; also when the
   * file chooser was closed without a file.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
sales_export_job_init (SalesExportJob *self)
{
}

/**
 * sales_export_job_new:
 * @exporter: what to export, set up
 * @widget: where the export was started: the file chooser goes over its window,
 *   the toasts into the nearest toast overlay above it
 */
SalesExportJob *
sales_export_job_new (SalesExporter *exporter,
                      GtkWidget     *widget)
{
  SalesExportJob *self;

  g_return_val_if_fail (SALES_IS_EXPORTER (exporter), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (SALES_TYPE_EXPORT_JOB, "exporter", exporter, NULL);
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&self->widget);
  return self;
}

SalesExporter *
sales_export_job_get_exporter (SalesExportJob *self)
{
  g_return_val_if_fail (SALES_IS_EXPORT_JOB (self), NULL);

  return self->exporter;
}

/**
 * sales_export_job_get_file:
 *
 * Returns: (nullable) (transfer none): the file chosen, once there is one
 */
GFile *
sales_export_job_get_file (SalesExportJob *self)
{
  g_return_val_if_fail (SALES_IS_EXPORT_JOB (self), NULL);

  return self->file;
}

gboolean
sales_export_job_is_running (SalesExportJob *self)
{
  g_return_val_if_fail (SALES_IS_EXPORT_JOB (self), FALSE);

  return self->running;
}

/* Toasts */

static void
add_toast (SalesExportJob *self,
           AdwToast       *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay = NULL;

  if (self->widget != NULL)
    overlay = gtk_widget_get_ancestor (self->widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

static GtkWindow *
get_window (SalesExportJob *self)
{
  GtkRoot *root = self->widget != NULL ? gtk_widget_get_root (self->widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_file (SalesExportJob *self)
{
  g_autofree char *uri = g_file_get_uri (self->file);

  gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
}

static void
on_show_items (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SalesExportJob) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply != NULL)
    return;

  /* No file manager that selects a file: open its folder instead. */
  folder = g_file_get_parent (self->file);
  uri = g_file_get_uri (folder);
  gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
}

static void
show_in_folder (SalesExportJob *self)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (self->file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);
      g_autofree char *folder_uri = g_file_get_uri (folder);

      gtk_show_uri (get_window (self), folder_uri, GDK_CURRENT_TIME);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, on_show_items, g_object_ref (self));
}

static void
show_result (SalesExportJob *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;
  guint64 n = sales_exporter_get_n_rows (self->exporter);
  AdwToast *toast;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *folder_button;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* TRANSLATORS: %s is the file name */
                                          "Exported %llu row to “%s”",
                                          "Exported %llu rows to “%s”", n),
                             (unsigned long long)n, name);
  toast = sales_toast_new_text (message);

  /* A toast has one button: Open is it, Show in Folder goes beside the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (message);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), label);
  folder_button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_widget_add_css_class (folder_button, "flat");
  g_signal_connect_object (folder_button, "clicked", G_CALLBACK (show_in_folder), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), folder_button);
  adw_toast_set_custom_title (toast, box);

  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

/* Progress */

static gboolean
show_progress (gpointer user_data)
{
  SalesExportJob *self = user_data;
  int done = g_atomic_int_get (&self->done);
  int total = g_atomic_int_get (&self->total);
  g_autofree char *title = NULL;

  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, show_progress, self);

  /* TRANSLATORS: while exporting; %s is what (Customers, Deals…), %d a percentage */
  title = g_strdup_printf (_("Exporting %s… %d %%"),
                           sales_export_table_get_label (sales_exporter_get_table (self->exporter)),
                           total > 0 ? (int)((gint64)done * 100 / total) : 0);
  if (self->progress_toast != NULL)
    {
      adw_toast_set_title (self->progress_toast, title);
      return G_SOURCE_REMOVE;
    }

  self->progress_toast = g_object_ref_sink (adw_toast_new (title));
  adw_toast_set_timeout (self->progress_toast, 0);
  adw_toast_set_priority (self->progress_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (self->progress_toast, _("_Cancel"));
  g_signal_connect_object (self->progress_toast, "button-clicked",
                           G_CALLBACK (sales_export_job_cancel), self, G_CONNECT_SWAPPED);
  add_toast (self, g_object_ref (self->progress_toast));
  return G_SOURCE_REMOVE;
}

static void
on_thread_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  SalesExportJob *self = user_data;

  g_atomic_int_set (&self->done, (int)MIN (done, G_MAXINT));
  g_atomic_int_set (&self->total, (int)MIN (total, G_MAXINT));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SalesExportJob *self = source_object;
  g_autofree char *path = g_file_get_path (self->file);
  GError *error = NULL;

  if (sales_exporter_run (self->exporter, path, self->format, on_thread_progress, self,
                          cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
finish (SalesExportJob *self,
        gboolean        written)
{
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, written);
  g_object_unref (self);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SalesExportJob *self = SALES_EXPORT_JOB (source);
  g_autoptr(GError) error = NULL;
  gboolean written;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->progress_toast != NULL)
    {
      adw_toast_dismiss (self->progress_toast);
      g_clear_object (&self->progress_toast);
    }

  written = g_task_propagate_boolean (G_TASK (result), &error);
  if (written)
    {
      show_result (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      add_toast (self, adw_toast_new (_("Export cancelled; no file was written")));
    }
  else
    {
      AdwToast *toast = sales_toast_new_text (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
    }
  finish (self, written);
}

/**
 * sales_export_job_start:
 * @file: a local file
 *
 * Exports to @file in a worker thread, without asking; the toasts tell the outcome,
 * then #SalesExportJob::finished.
 */
void
sales_export_job_start (SalesExportJob    *self,
                        GFile             *file,
                        SalesExportFormat  format)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SALES_IS_EXPORT_JOB (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->running);

  g_set_object (&self->file, file);
  self->format = format;
  self->running = TRUE;
  self->done = 0;
  self->total = 0;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  g_object_ref (self);
  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, sales_export_job_start);
  g_task_run_in_thread (task, export_thread);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
}

/**
 * sales_export_job_cancel:
 *
 * Stops a running export; no file is left.
 */
void
sales_export_job_cancel (SalesExportJob *self)
{
  g_return_if_fail (SALES_IS_EXPORT_JOB (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The file chooser */

static void
on_chooser_response (SalesExportJob *self,
                     int             response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  SalesExportFormat format;
  GtkFileFilter *filter;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (self->chooser));
  gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      if (file != NULL)
        add_toast (self, adw_toast_new (_("Choose a file on this computer to export to")));
      finish (self, FALSE);
      return;
    }

  /* A name without .csv or .xlsx gets the extension of the type chosen. */
  if (!sales_export_format_for_path (path, &format, NULL))
    {
      g_autofree char *named = NULL;

      format = filter == self->csv_filter ? SALES_EXPORT_FORMAT_CSV : SALES_EXPORT_FORMAT_XLSX;
      named = g_strconcat (path, format == SALES_EXPORT_FORMAT_CSV ? ".csv" : ".xlsx", NULL);
      g_clear_object (&file);
      file = g_file_new_for_path (named);
    }

  sales_export_job_start (self, file, format);
  /* The reference taken by sales_export_job_choose(); the export holds its own. */
  g_object_unref (self);
}

/**
 * sales_export_job_choose:
 *
 * Asks for the file (CSV or .xlsx) in a file chooser, then exports to it.
 */
void
sales_export_job_choose (SalesExportJob *self)
{
  const char *label;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (SALES_IS_EXPORT_JOB (self));
  g_return_if_fail (self->chooser == NULL && !self->running);

  label = sales_export_table_get_label (sales_exporter_get_table (self->exporter));
  /* TRANSLATORS: title of the file chooser; %s is what is exported (Customers, Deals…) */
  title = g_strdup_printf (_("Export %s"), label);
  chooser = gtk_file_chooser_native_new (title, get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->xlsx_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (self->xlsx_filter, _("Excel Workbook (.xlsx)"));
  gtk_file_filter_add_mime_type (self->xlsx_filter, XLSX_MIME_TYPE);
  gtk_file_filter_add_suffix (self->xlsx_filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), self->xlsx_filter);

  self->csv_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (self->csv_filter, _("CSV, UTF-8 (.csv)"));
  gtk_file_filter_add_mime_type (self->csv_filter, "text/csv");
  gtk_file_filter_add_suffix (self->csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), self->csv_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), self->xlsx_filter);

  /* TRANSLATORS: the suggested file name: what is exported and today's date */
  name = g_strdup_printf (_("%s %s.xlsx"), label, date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_ref (self);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* sales-backups-page.c: the Backups page of the preferences
 *
 * Lists the automatic backups of the open file with their date, size and what they hold,
 * saves a copy anywhere the user picks, sets how many backups are kept, and asks before
 * restoring one. The restore itself is the application's (app.restore-backup): it has
 * to close the file, replace it and open it again under every window.
 *
 * Listing opens every backup to count its rows and copying reads the whole file, so
 * both run on worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-backup.h"
#include "sales-backups-page.h"
#include "sales-toast.h"

/* How often the progress bar follows a copy. */
#define PROGRESS_INTERVAL_MS 100

struct _SalesBackupsPage
{
  AdwPreferencesPage    parent_instance;

  SalesSettings        *settings;
  char                 *db_path;
  char                 *backup_dir;
  gboolean              read_only;
  GListStore           *backups;
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  char                 *restore_path;
  guint                 progress_id;
  /* Thousandths of the copy done, written by the worker thread. */
  int                   progress;
  gboolean              saving;
  gboolean              loading_retention;

  AdwPreferencesGroup  *backups_group;
  GtkListBox           *list_box;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkSpinButton        *days_spin;
  GtkSpinButton        *weeks_spin;
  GtkSpinButton        *months_spin;
};

G_DEFINE_FINAL_TYPE (SalesBackupsPage, sales_backups_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DB_PATH,
  PROP_READ_ONLY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

static char *
describe_contents (SalesBackup *backup)
{
  g_autofree char *size = g_format_size (sales_backup_get_size (backup));
  gint64 customers = sales_backup_get_customers (backup);
  gint64 deals = sales_backup_get_deals (backup);
  g_autofree char *customer_text = NULL;
  g_autofree char *deal_text = NULL;

  if (customers < 0 || deals < 0)
    /* Translators: %s is a size such as "1.2 MB". */
    return g_strdup_printf (_("%s · cannot be read"), size);

  customer_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers",
                                                (guint)customers),
                                   (guint)customers);
  deal_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal", "%u deals",
                                            (guint)deals),
                               (guint)deals);
  /* Translators: a size ("1.2 MB"), a number of customers ("12 customers") and of deals. */
  return g_strdup_printf (_("%s · %s · %s"), size, customer_text, deal_text);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SalesBackup *backup = item;
  g_autofree char *when = format_time (sales_backup_get_time (backup));
  g_autofree char *contents = describe_contents (backup);
  g_autofree char *button_name = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), contents);

  button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    sales_backup_get_path (backup));
  /* Translators: %s is the date and time of a backup. */
  button_name = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, sales_backup_list (task_data, TRUE),
                         (GDestroyNotify)g_ptr_array_unref);
}

static void
list_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);
  g_autoptr(GPtrArray) backups = g_task_propagate_pointer (G_TASK (result), NULL);

  if (backups == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  g_list_store_splice (self->backups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->backups)),
                       backups->pdata, backups->len);
}

/**
 * sales_backups_page_refresh:
 *
 * Lists the backups again, on a worker thread; the list changes when it is done.
 */
void
sales_backups_page_refresh (SalesBackupsPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SALES_IS_BACKUPS_PAGE (self));

  task = g_task_new (self, self->cancellable, list_done, NULL);
  g_task_set_source_tag (task, sales_backups_page_refresh);
  g_task_set_task_data (task, g_strdup (self->backup_dir), g_free);
  g_task_run_in_thread (task, list_thread);
}

static void
add_toast (SalesBackupsPage *self,
           const char       *title)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), sales_toast_new_text (title));
}

static void
copy_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  SalesBackupsPage *self = user_data;

  g_atomic_int_set (&self->progress, total > 0 ? (int)(done * 1000 / total) : 0);
}

static gboolean
show_progress (gpointer user_data)
{
  SalesBackupsPage *self = user_data;

  int progress = g_atomic_int_get (&self->progress);

  /* Every page is on the disk: the check of the copy, which reads it all, has no measure
   * of its own. */
  if (progress >= 1000)
    {
      gtk_progress_bar_set_text (self->progress_bar, _("Checking the copy…"));
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      gtk_progress_bar_set_fraction (self->progress_bar, progress / 1000.0);
    }
  return G_SOURCE_CONTINUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SalesBackupsPage *self = source_object;
  g_autoptr(GError) error = NULL;

  if (sales_backup_copy_file (self->db_path, task_data, copy_progress, self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
set_saving (SalesBackupsPage *self,
            gboolean          saving)
{
  self->saving = saving;
  gtk_revealer_set_reveal_child (self->progress_revealer, saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.save-copy", !saving);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (saving)
    {
      g_atomic_int_set (&self->progress, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, show_progress, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);
  g_autofree char *dest = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, e.g. "The disk is full; the backup was not written". */
      title = g_strdup_printf (_("The copy was not saved: %s"), error->message);
    }
  else
    {
      g_autofree char *name = g_filename_display_name (dest);

      /* Translators: %s is where the copy was saved. */
      title = g_strdup_printf (_("A copy was saved as “%s”"), name);
    }

  set_saving (self, FALSE);
  add_toast (self, title);
}

/**
 * sales_backups_page_save_copy:
 * @file: where the copy goes; replaced when it exists
 *
 * Copies the open file to @file on a worker thread, showing its progress; :busy is
 * %TRUE until it is done, and a toast says how it went.
 */
void
sales_backups_page_save_copy (SalesBackupsPage *self,
                              GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  char *dest;

  g_return_if_fail (SALES_IS_BACKUPS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  dest = g_file_get_path (file);
  if (self->saving || dest == NULL)
    {
      g_free (dest);
      return;
    }

  set_saving (self, TRUE);
  task = g_task_new (self, self->cancellable, save_done, dest);
  g_task_set_source_tag (task, sales_backups_page_save_copy);
  g_task_set_task_data (task, g_strdup (dest), g_free);
  g_task_run_in_thread (task, save_thread);
}

static void
on_chooser_response (SalesBackupsPage *self,
                     int               response,
                     GtkNativeDialog  *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    sales_backups_page_save_copy (self, file);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = sales_backup_file_name (g_get_real_time () / G_USEC_PER_SEC);

  if (self->chooser != NULL || self->saving)
    return;

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Save a Copy of the Data"),
                                                                  GTK_IS_WINDOW (root) ?
                                                                  GTK_WINDOW (root) : NULL,
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Save"), _("_Cancel")));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
on_restore_response (SalesBackupsPage *self,
                     const char       *response)
{
  g_autofree char *path = g_steal_pointer (&self->restore_path);

  if (g_str_equal (response, "restore") && path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.restore-backup", "s", path);
}

static gint64
time_of_backup (const char *backup_path)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  gint64 time = 0;

  sales_backup_parse_file_name (name, &time);
  return time;
}

/**
 * sales_backups_page_ask_restore:
 * @backup_path: one of the listed backups
 *
 * Asks whether to restore @backup_path; when the user agrees, activates
 * app.restore-backup with it.
 */
void
sales_backups_page_ask_restore (SalesBackupsPage *self,
                                const char       *backup_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *when = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SALES_IS_BACKUPS_PAGE (self));
  g_return_if_fail (backup_path != NULL);

  if (self->read_only)
    return;

  when = format_time (time_of_backup (backup_path));
  g_free (self->restore_path);
  self->restore_path = g_strdup (backup_path);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Restore This Backup?"), NULL);
  /* Translators: %s is the date and time of the backup. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The data as it was on %s replaces the data you have now. "
                                    "The data you have now is backed up first, so the restore "
                                    "can be undone."),
                                  when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sales_backups_page_ask_restore (SALES_BACKUPS_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
load_retention (SalesBackupsPage *self)
{
  SalesBackupRetention retention;

  sales_settings_get_backup_retention (self->settings, &retention);
  self->loading_retention = TRUE;
  gtk_spin_button_set_value (self->days_spin, retention.days);
  gtk_spin_button_set_value (self->weeks_spin, retention.weeks);
  gtk_spin_button_set_value (self->months_spin, retention.months);
  self->loading_retention = FALSE;
}

static void
store_retention (SalesBackupsPage *self)
{
  SalesBackupRetention retention;

  if (self->loading_retention || self->settings == NULL)
    return;

  retention.days = (guint)gtk_spin_button_get_value_as_int (self->days_spin);
  retention.weeks = (guint)gtk_spin_button_get_value_as_int (self->weeks_spin);
  retention.months = (guint)gtk_spin_button_get_value_as_int (self->months_spin);
  sales_settings_set_backup_retention (self->settings, &retention);
}

static void
sales_backups_page_constructed (GObject *object)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);
  g_autofree char *description = NULL;
  g_autofree char *folder = NULL;

  G_OBJECT_CLASS (sales_backups_page_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_assert (self->db_path != NULL);

  self->backup_dir = sales_backup_dir_for_db (self->db_path);
  folder = g_filename_display_name (self->backup_dir);
  if (self->read_only)
    /* Translators: %s is a folder. */
    description = g_strdup_printf (_("In “%s”. The file is open read-only: nothing can be "
                                     "restored into it."), folder);
  else
    /* Translators: %s is a folder. */
    description = g_strdup_printf (_("In “%s”. Restoring one backs up the data you have now "
                                     "first."), folder);
  adw_preferences_group_set_description (self->backups_group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", !self->read_only);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->backups), create_row, NULL, NULL);

  load_retention (self);
  g_signal_connect_object (self->settings, "backup-retention-changed",
                           G_CALLBACK (load_retention), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->days_spin, "value-changed", G_CALLBACK (store_retention), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weeks_spin, "value-changed", G_CALLBACK (store_retention), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->months_spin, "value-changed", G_CALLBACK (store_retention), self,
                           G_CONNECT_SWAPPED);

  sales_backups_page_refresh (self);
}

static void
sales_backups_page_dispose (GObject *object)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_BACKUPS_PAGE);

  G_OBJECT_CLASS (sales_backups_page_parent_class)->dispose (object);
}

static void
sales_backups_page_finalize (GObject *object)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->backups);
  g_clear_object (&self->cancellable);
  g_free (self->db_path);
  g_free (self->backup_dir);
  g_free (self->restore_path);

  G_OBJECT_CLASS (sales_backups_page_parent_class)->finalize (object);
}

static void
sales_backups_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_backups_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalesBackupsPage *self = SALES_BACKUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;

    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_backups_page_class_init (SalesBackupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_backups_page_constructed;
  object_class->dispose = sales_backups_page_dispose;
  object_class->finalize = sales_backups_page_finalize;
  object_class->get_property = sales_backups_page_get_property;
  object_class->set_property = sales_backups_page_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The open file cannot be written: backups can be copied elsewhere, not restored. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* TRUE while a copy is being saved. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-backups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, backups_group);
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, days_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesBackupsPage, months_spin);

  gtk_widget_class_install_action (widget_class, "backups.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
}

static void
sales_backups_page_init (SalesBackupsPage *self)
{
  self->backups = g_list_store_new (SALES_TYPE_BACKUP);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_backups_page_new:
 * @db_path: the open database, whose backups are listed
 * @read_only: whether it was opened read-only
 */
GtkWidget *
sales_backups_page_new (SalesSettings *settings,
                        const char    *db_path,
                        gboolean       read_only)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  return g_object_new (SALES_TYPE_BACKUPS_PAGE,
                       "settings", settings,
                       "db-path", db_path,
                       "read-only", read_only,
                       NULL);
}

/* Returns: (transfer none): the listed backups (SalesBackup), newest first. */
GListModel *
sales_backups_page_get_backups (SalesBackupsPage *self)
{
  g_return_val_if_fail (SALES_IS_BACKUPS_PAGE (self), NULL);

  return G_LIST_MODEL (self->backups);
}

gboolean
sales_backups_page_is_busy (SalesBackupsPage *self)
{
  g_return_val_if_fail (SALES_IS_BACKUPS_PAGE (self), FALSE);

  return self->saving;
}

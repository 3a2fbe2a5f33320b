/* sales-application-files.c: the file under the application: restoring a backup in
 * place and undoing it, noticing that the file was deleted or replaced, and saving what
 * is open somewhere else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-application-private.h"
#include "sales-toast.h"
#include "sales-window.h"

/* How often the file is looked at to notice that it was deleted or replaced, besides
 * whenever the main window gets the focus. */
#define FILE_CHECK_INTERVAL_S 30

gboolean
sales_application_is_read_only (SalesApplication *self)
{
  return self->store != NULL && sales_db_is_read_only (sales_store_get_db (self->store));
}

void
sales_application_show_file_state (SalesApplication *self,
                 GtkWindow        *window)
{
  const char *path = sales_db_get_path (sales_store_get_db (self->store));
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *title = NULL;

  switch (self->file_state)
    {
    case SALES_DB_FILE_MISSING:
      /* Translators: %s is the database file. */
      title = g_strdup_printf (_("“%s” was deleted or moved while it was open. Nothing more "
                                 "can be saved in it; save a copy of what you see to keep it."),
                               name);
      break;

    case SALES_DB_FILE_REPLACED:
      /* Translators: %s is the database file. */
      title = g_strdup_printf (_("“%s” was replaced by another file while it was open. Nothing "
                                 "more can be saved in it; save a copy of what you see to keep "
                                 "it."),
                               name);
      break;

    case SALES_DB_FILE_SAME:
    default:
      if (sales_application_is_read_only (self))
        {
          /* Translators: %s is the database file. */
          title = g_strdup_printf (_("“%s” is read-only: you can look at everything, but "
                                     "nothing can be changed"), name);
          sales_window_show_banner (SALES_WINDOW (window), title, NULL, NULL);
        }
      return;
    }

  sales_window_show_banner (SALES_WINDOW (window), title, _("_Save a Copy…"),
                            "app.save-open-data");
}

/* The file was deleted or replaced by another program (or by hand) while open: the
 * connection goes on with the old file, which nobody would see again. The user is told
 * once, and offered to save what the window shows somewhere else. */
void
sales_application_check_file (SalesApplication *self)
{
  GtkWindow *window;
  SalesDbFileState state;

  if (self->store == NULL || self->file_state != SALES_DB_FILE_SAME)
    return;

  state = sales_db_check_file (sales_store_get_db (self->store));
  if (state == SALES_DB_FILE_SAME)
    return;

  self->file_state = state;
  g_clear_handle_id (&self->backups_start, g_source_remove);
  g_clear_object (&self->backups);
  g_clear_handle_id (&self->pool_start, g_source_remove);
  if (self->pool_watcher != NULL)
    sales_pool_watcher_stop (self->pool_watcher);
  g_clear_object (&self->pool_watcher);

  window = sales_application_find_main_window (self);
  if (window != NULL)
    sales_application_show_file_state (self, window);
}

static gboolean
check_file_timeout (gpointer user_data)
{
  sales_application_check_file (user_data);
  return G_SOURCE_CONTINUE;
}

/* From when the main window is up, and until sales_application_close_store(). */
void
sales_application_watch_file (SalesApplication *self)
{
  if (self->store != NULL && self->file_check == 0)
    self->file_check = g_timeout_add_seconds (FILE_CHECK_INTERVAL_S, check_file_timeout, self);
}

void
sales_application_on_main_window_active (SalesApplication *self,
                       GParamSpec       *pspec,
                       GtkWindow        *window)
{
  if (gtk_window_is_active (window))
    sales_application_check_file (self);
}

/* How long closing the file waits for a worker to finish with it. */
#define RELEASE_TIMEOUT_S 60

static gboolean
keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Everything that holds the file lets go of it, so that it can be replaced. */
void
sales_application_close_store (SalesApplication *self)
{
  SalesDb *db = NULL;

  g_clear_handle_id (&self->notifier_start, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->collection_notifier);
  g_clear_handle_id (&self->pool_start, g_source_remove);
  if (self->pool_watcher != NULL)
    sales_pool_watcher_stop (self->pool_watcher);
  g_clear_object (&self->pool_watcher);
  g_clear_handle_id (&self->backups_start, g_source_remove);
  g_clear_object (&self->backups);
  g_clear_handle_id (&self->full_check_start, g_source_remove);
  if (self->full_check != NULL)
    g_cancellable_cancel (self->full_check);
  g_clear_object (&self->full_check);
  g_clear_handle_id (&self->file_check, g_source_remove);
  self->file_state = SALES_DB_FILE_SAME;

  if (self->store != NULL)
    {
      db = sales_store_get_db (self->store);
      g_object_add_weak_pointer (G_OBJECT (db), (gpointer *)&db);
    }
  g_clear_object (&self->store);
  g_object_notify (G_OBJECT (self), "store");

  /* A connection left open would write the old file's -wal next to the new file. A worker
   * that has started writing (the public pool's rules) holds the store until it is done:
   * it is waited for. */
  if (db != NULL)
    {
      gint64 deadline = g_get_monotonic_time () + RELEASE_TIMEOUT_S * G_USEC_PER_SEC;
      guint wake = g_timeout_add (100, keep_waking, NULL);

      while (db != NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake);
    }
  if (db != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (db), (gpointer *)&db);
      g_warning ("The database connection is still held after its windows closed");
    }
}

/* Every window goes, the recovery window or a new main window comes; the application
 * is held in between so that it does not quit. */
static void
destroy_windows (SalesApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

typedef struct
{
  SalesApplication *self;
  char             *source;
  gboolean          undo;
} Replacement;

static void
replacement_free (Replacement *replacement)
{
  g_object_unref (replacement->self);
  g_free (replacement->source);
  g_free (replacement);
}

static AdwToast *
replacement_toast (const char   *source,
                   const char   *safety,
                   gboolean      undo,
                   const GError *error)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  gint64 time = 0;
  AdwToast *toast;

  if (error != NULL)
    {
      /* Translators: %s says why. */
      title = g_strdup_printf (undo ? _("The restore was not undone: %s")
                                    : _("The backup was not restored: %s"),
                               error->message);
      toast = sales_toast_new_text (title);
      adw_toast_set_timeout (toast, 0);
      return toast;
    }

  if (undo)
    return adw_toast_new (_("The restore was undone"));

  name = g_path_get_basename (source);
  sales_backup_parse_file_name (name, &time);
  when = g_date_time_new_from_unix_local (time);
  date = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");
  /* Translators: %s is the date and time of the backup. */
  title = g_strdup_printf (_("The backup of %s was restored"), date);
  toast = sales_toast_new_text (title);
  if (safety != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "app.undo-restore");
      adw_toast_set_action_target_value (toast, g_variant_new_string (safety));
      adw_toast_set_timeout (toast, 0);
    }
  return toast;
}

/* Puts @source in place of the open file, after a safety copy of it, and opens it under a
 * new main window; runs from an idle so that the dialog that asked has returned. */
static gboolean
replace_database (gpointer user_data)
{
  Replacement *replacement = user_data;
  SalesApplication *self = replacement->self;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  GtkWindow *window;

  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  path = g_strdup (sales_db_get_path (sales_store_get_db (self->store)));
  dir = sales_backup_dir_for_db (path);

  g_application_hold (G_APPLICATION (self));
  destroy_windows (self);
  sales_application_close_store (self);

  sales_backup_restore (replacement->source, path, dir, now, &safety, &error);

  g_free (self->db_path);
  self->db_path = g_strdup (path);
  if (!sales_application_open_store (self, &open_error) &&
      sales_application_needs_recovery (open_error))
    {
      sales_application_show_recovery (self, open_error);
      g_application_release (G_APPLICATION (self));
      return G_SOURCE_REMOVE;
    }

  window = sales_application_create_main_window (self, open_error);
  gtk_window_present (window);
  sales_window_add_toast (SALES_WINDOW (window),
                          replacement_toast (replacement->source, safety, replacement->undo,
                                             error));
  sales_application_start_background_work (self);
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_replacement (SalesApplication *self,
                      const char       *source,
                      gboolean          undo)
{
  Replacement *replacement = g_new0 (Replacement, 1);

  replacement->self = g_object_ref (self);
  replacement->source = g_strdup (source);
  replacement->undo = undo;
  g_idle_add_full (G_PRIORITY_DEFAULT, replace_database, replacement,
                   (GDestroyNotify)replacement_free);
}

/* From the Backups page, once the user agreed. */
void
sales_application_restore_backup (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SalesApplication *self = user_data;

  if (self->store == NULL || sales_application_is_read_only (self))
    return;
  schedule_replacement (self, g_variant_get_string (param, NULL), FALSE);
}

/* Undo of a restore: the safety copy it made goes back in place (after a safety copy of
 * its own, so that even the undo can be undone by hand from the Backups page). */
void
sales_application_undo_restore (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SalesApplication *self = user_data;

  if (self->store == NULL || sales_application_is_read_only (self))
    return;
  schedule_replacement (self, g_variant_get_string (param, NULL), TRUE);
}

static void
on_save_chooser_response (SalesApplication *self,
                          int               response,
                          GtkNativeDialog  *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWindow *window;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->save_chooser);
  dest = file != NULL ? g_file_get_path (file) : NULL;
  if (dest == NULL || self->store == NULL)
    return;

  /* The open connection, not the path: the file there is gone or another one. */
  if (sales_backup_copy (sales_db_get_handle (sales_store_get_db (self->store)), dest, NULL,
                         &error))
    {
      g_autofree char *name = g_filename_display_name (dest);

      /* Translators: %s is where the copy was saved. */
      title = g_strdup_printf (_("A copy was saved as “%s”"), name);
    }
  else
    {
      /* Translators: %s says why. */
      title = g_strdup_printf (_("The copy was not saved: %s"), error->message);
    }

  window = sales_application_find_main_window (self);
  if (window != NULL)
    sales_window_add_toast (SALES_WINDOW (window), sales_toast_new_text (title));
}

/* The banner's button when the file was deleted or replaced while open. */
void
sales_application_save_open_data (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SalesApplication *self = user_data;
  g_autofree char *name = sales_backup_file_name (g_get_real_time () / G_USEC_PER_SEC);

  if (self->store == NULL || self->save_chooser != NULL)
    return;

  self->save_chooser =
    GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Save a Copy of the Data"),
                                                    sales_application_find_main_window (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel")));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  gtk_native_dialog_set_modal (self->save_chooser, TRUE);
  g_signal_connect_object (self->save_chooser, "response",
                           G_CALLBACK (on_save_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->save_chooser);
}

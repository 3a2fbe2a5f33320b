/* sales-application.c: the application, its actions and its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sales-application-private.h"
#include "sales-backup-scheduler.h"
#include "sales-backups-page.h"
#include "sales-integrity.h"
#include "sales-collection-notifier.h"
#include "sales-dashboard.h"
#include "sales-duplicates-window.h"
#include "sales-export-dialog.h"
#include "sales-import-assistant.h"
#include "sales-followup-notifier.h"
#include "sales-pipeline-preferences.h"
#include "sales-pool-watcher.h"
#include "sales-preferences-window.h"
#include "sales-print-summary.h"
#include "sales-targets-window.h"
#include "sales-team-page.h"
#include "sales-recovery-window.h"
#include "sales-toast.h"
#include "sales-window.h"

#define WEBSITE "https://github.com/salesdesk/sales-desk"

/* How long after start-up the follow-ups that are due are announced. */
#define START_DELAY_S 2

/* How long the integrity check may hold back the first frame; on a larger file the
 * full check continues on a worker thread. */
#define QUICK_CHECK_MS 25

G_DEFINE_FINAL_TYPE (SalesApplication, sales_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The time-boxed check of the file before it is opened; what it leaves unfinished the
 * full check finishes later. */
static SalesIntegrity
check_before_open (const char *path)
{
  /* Only the start-up benchmark sets this, to measure what the check costs. */
  if (g_getenv ("SALES_DESK_BENCH_SKIP_CHECK") != NULL)
    return SALES_INTEGRITY_UNFINISHED;

  return sales_integrity_quick_check_file (path, QUICK_CHECK_MS);
}

static gpointer
first_check_thread (gpointer user_data)
{
  g_autofree char *path = user_data;

  return GINT_TO_POINTER (check_before_open (path));
}

/* The first file's check runs while GTK starts, and before anything opens the file for
 * writing: on a large file it costs the first frame nothing. */
static void
start_first_check (SalesApplication *self)
{
  char *path = self->db_path != NULL ? g_strdup (self->db_path) : sales_db_default_path ();

  self->first_check = g_thread_new ("sales-first-check", first_check_thread, path);
}

static SalesIntegrity
finish_first_check (SalesApplication *self)
{
  return GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->first_check)));
}

gboolean
sales_application_open_store (SalesApplication  *self,
            GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(SalesDb) db = NULL;
  SalesIntegrity check;

  g_assert (SALES_IS_APPLICATION (self));
  g_assert (self->store == NULL);

  path = self->db_path != NULL ? g_strdup (self->db_path) : sales_db_default_path ();

  /* A damaged file is not opened for writing at all. */
  check = self->first_check != NULL ? finish_first_check (self) : check_before_open (path);

  if (check == SALES_INTEGRITY_DAMAGED)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CORRUPT,
                   _("The database “%s” is damaged"), path);
      return FALSE;
    }

  db = sales_db_open (path, error);
  if (db == NULL)
    return FALSE;

  switch (check)
    {
    case SALES_INTEGRITY_UNFINISHED:
      g_clear_object (&self->full_check);
      self->full_check = g_cancellable_new ();
      break;

    case SALES_INTEGRITY_OK:
    default:
      break;
    }

  self->store = sales_store_new (db);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  return TRUE;
}

static void
print_next_frame (GdkFrameClock    *frame_clock,
                  SalesApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, print_next_frame, self);

  g_print ("next-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

/* The board's cards come in the frame after the first (see
 * sales_board_set_cards_held()); the benchmark times that one too. */
static void
print_first_frame (GdkFrameClock    *frame_clock,
                   SalesApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, print_first_frame, self);

  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (print_next_frame), self, 0);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
watch_first_frame (GtkWidget        *window,
                   SalesApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (print_first_frame), self, 0);
}

/* The main window, not whichever dialog had the focus last. */
GtkWindow *
sales_application_find_main_window (SalesApplication *self)
{
  g_assert (SALES_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SALES_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
start_notifier (gpointer user_data)
{
  SalesApplication *self = user_data;

  self->notifier_start = 0;
  sales_followup_notifier_start (self->notifier);
  sales_collection_notifier_start (self->collection_notifier);

  return G_SOURCE_REMOVE;
}

/* Due follow-ups, and instalments due soon or overdue, are announced while the application
 * runs, from shortly after its window is up: the first frame does not wait for them. */
static void
watch_followups (SalesApplication *self)
{
  g_assert (SALES_IS_APPLICATION (self));

  if (self->store == NULL || self->notifier != NULL)
    return;

  self->notifier = sales_followup_notifier_new (self->store, G_APPLICATION (self));
  g_object_bind_property (self->settings, "current-rep-id", self->notifier, "owner-id",
                          G_BINDING_SYNC_CREATE);
  self->collection_notifier = sales_collection_notifier_new (self->store, G_APPLICATION (self));
  g_object_bind_property (self->settings, "current-rep-id", self->collection_notifier,
                          "owner-id", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->settings, "payment-reminder-days", self->collection_notifier,
                          "days-ahead", G_BINDING_SYNC_CREATE);
  self->notifier_start = g_timeout_add_seconds (START_DELAY_S, start_notifier, self);
}

static void
on_pool_applied (SalesApplication *self,
                 guint             returned,
                 guint             warned)
{
  GtkWindow *window = sales_application_find_main_window (self);
  g_autofree char *message = NULL;

  if (window == NULL || returned == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u customer returned to the public pool",
                                          "%u customers returned to the public pool",
                                          returned),
                             returned);
  sales_window_add_toast (SALES_WINDOW (window), adw_toast_new (message));
}

static gboolean
start_pool_watcher (gpointer user_data)
{
  SalesApplication *self = user_data;

  self->pool_start = 0;
  sales_pool_watcher_start (self->pool_watcher);

  return G_SOURCE_REMOVE;
}

/* The store gets the public pool's rules at once (new customers are assigned by them);
 * they are applied on a worker thread shortly after the window is up, so as not to compete
 * with its first frame, and then daily. */
static void
watch_pool (SalesApplication *self)
{
  g_assert (SALES_IS_APPLICATION (self));

  if (self->store == NULL || self->pool_watcher != NULL)
    return;

  self->pool_watcher = sales_pool_watcher_new (self->store, self->settings);
  g_signal_connect_object (self->pool_watcher, "applied", G_CALLBACK (on_pool_applied), self,
                           G_CONNECT_SWAPPED);
  self->pool_start = g_timeout_add_seconds (START_DELAY_S, start_pool_watcher, self);
}

static void
on_backup_failed (SalesApplication *self,
                  const GError     *error)
{
  GtkWindow *window = sales_application_find_main_window (self);
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;

  if (window == NULL)
    return;

  /* Translators: %s says why, e.g. "The disk is full; the backup was not written". */
  title = g_strdup_printf (_("Automatic backup failed: %s"), error->message);
  toast = sales_toast_new_text (title);
  adw_toast_set_timeout (toast, 0);
  sales_window_add_toast (SALES_WINDOW (window), g_steal_pointer (&toast));
}

static gboolean
start_backups (gpointer user_data)
{
  SalesApplication *self = user_data;

  self->backups_start = 0;
  sales_backup_scheduler_start (self->backups);
  return G_SOURCE_REMOVE;
}

/* The automatic backups start a little after the first frame, like the other
 * background work, and copy on a worker thread. */
static void
schedule_backups (SalesApplication *self)
{
  SalesBackupRetention retention;
  const char *path;
  g_autofree char *dir = NULL;

  if (self->store == NULL || self->backups != NULL)
    return;

  path = sales_db_get_path (sales_store_get_db (self->store));
  dir = sales_backup_dir_for_db (path);
  self->backups = sales_backup_scheduler_new (path, dir);
  sales_settings_get_backup_retention (self->settings, &retention);
  sales_backup_scheduler_set_retention (self->backups, &retention);
  g_signal_connect_object (self->backups, "failed", G_CALLBACK (on_backup_failed), self,
                           G_CONNECT_SWAPPED);
  self->backups_start = g_timeout_add_seconds (START_DELAY_S, start_backups, self);
}

static void
on_full_check_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SalesApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  AdwToast *toast;

  if (sales_integrity_check_finish (result, &error) != SALES_INTEGRITY_DAMAGED)
    return;

  window = sales_application_find_main_window (self);
  if (window == NULL)
    return;

  toast = adw_toast_new (_("The full check found damage in the database"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Restore…"));
  adw_toast_set_action_name (toast, "app.recover");
  sales_window_add_toast (SALES_WINDOW (window), toast);
}

static gboolean
start_full_check (gpointer user_data)
{
  SalesApplication *self = user_data;

  self->full_check_start = 0;
  sales_integrity_check_async (sales_db_get_path (sales_store_get_db (self->store)),
                               self->full_check, on_full_check_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_retention_changed (SalesApplication *self)
{
  SalesBackupRetention retention;

  sales_settings_get_backup_retention (self->settings, &retention);
  if (self->backups != NULL)
    sales_backup_scheduler_set_retention (self->backups, &retention);
}

void
sales_application_start_background_work (SalesApplication *self)
{
  watch_followups (self);

  /* A read-only file gets no backups and no public pool rules: both would write. */
  if (!sales_application_is_read_only (self))
    {
      watch_pool (self);
      schedule_backups (self);
    }

  sales_application_watch_file (self);

  if (self->store != NULL && self->full_check != NULL && self->full_check_start == 0)
    self->full_check_start = g_timeout_add_seconds (START_DELAY_S, start_full_check, self);
}

GtkWindow *
sales_application_create_main_window (SalesApplication *self,
                    const GError     *error)
{
  GtkWindow *window = GTK_WINDOW (sales_window_new (GTK_APPLICATION (self), self->settings,
                                                    self->store));

  if (error != NULL)
    sales_window_show_error (SALES_WINDOW (window), error);
  if (self->store != NULL)
    {
      sales_application_show_file_state (self, window);
      g_signal_connect_object (window, "notify::is-active",
                               G_CALLBACK (sales_application_on_main_window_active), self,
                               G_CONNECT_SWAPPED);
    }

  /* The start-up benchmark measures from exec to the first frame on screen. */
  if (g_getenv ("SALES_DESK_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (watch_first_frame), self,
                             G_CONNECT_AFTER);
  return window;
}

static GtkWindow *
find_recovery_window (SalesApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SALES_IS_RECOVERY_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* The restored file, or another one the user picked, replaces the recovery window with
 * the main window once it opens. */
static void
on_recovery_open (SalesApplication    *self,
                  const char          *path,
                  const char          *note,
                  SalesRecoveryWindow *recovery)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_free (self->db_path);
  self->db_path = g_strdup (path);

  if (!sales_application_open_store (self, &error))
    {
      sales_recovery_window_set_error (recovery, error);
      return;
    }

  window = sales_application_create_main_window (self, NULL);
  gtk_window_present (window);
  if (note != NULL)
    sales_window_add_toast (SALES_WINDOW (window), sales_toast_new_text (note));
  gtk_window_destroy (GTK_WINDOW (recovery));
  sales_application_start_background_work (self);
}

void
sales_application_show_recovery (SalesApplication *self,
               const GError     *error)
{
  g_autofree char *default_path = sales_db_default_path ();
  GtkWidget *recovery;

  recovery = sales_recovery_window_new (GTK_APPLICATION (self),
                                        self->db_path != NULL ? self->db_path : default_path,
                                        error);
  g_signal_connect_object (recovery, "open", G_CALLBACK (on_recovery_open), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (recovery));
}

gboolean
sales_application_needs_recovery (const GError *error)
{
  return g_error_matches (error, SALES_DB_ERROR, SALES_DB_ERROR_CORRUPT) ||
         g_error_matches (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_A_DATABASE) ||
         g_error_matches (error, SALES_DB_ERROR, SALES_DB_ERROR_NEWER_VERSION);
}

static void
sales_application_activate (GApplication *application)
{
  SalesApplication *self = SALES_APPLICATION (application);
  GtkWindow *window = sales_application_find_main_window (self);

  if (window == NULL && find_recovery_window (self) != NULL)
    {
      gtk_window_present (find_recovery_window (self));
      return;
    }

  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->store == NULL)
        sales_application_open_store (self, &error);

      if (sales_application_needs_recovery (error))
        {
          sales_application_show_recovery (self, error);
          return;
        }

      window = sales_application_create_main_window (self, error);
    }

  gtk_window_present (window);
  sales_application_start_background_work (self);
}

/* The full check found damage after the window opened: everything that holds the
 * file lets go of it, and the recovery window takes over. */
static void
recover_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SalesApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GList *windows;

  if (self->store == NULL)
    return;

  path = g_strdup (sales_db_get_path (sales_store_get_db (self->store)));
  g_set_error (&error, SALES_DB_ERROR, SALES_DB_ERROR_CORRUPT,
               _("The database “%s” is damaged"), path);
  g_free (self->db_path);
  self->db_path = g_steal_pointer (&path);

  /* The recovery window first, so that the application does not quit in between. */
  sales_application_show_recovery (self, error);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (!SALES_IS_RECOVERY_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (windows);

  sales_application_close_store (self);
}

/* The default action of a notification about one follow-up. */
static void
show_customer_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = sales_application_find_main_window (self);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "x",
                                g_variant_get_int64 (param));
}

/* The default action of a notification about several follow-ups. */
static void
show_follow_ups_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = sales_application_find_main_window (self);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "follow-ups");
}

/* The default action of a notification about several customers' instalments. */
static void
show_receivables_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = sales_application_find_main_window (self);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-receivables", NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  SalesApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing rather than destroying lets each window remember its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  SalesApplication *self = user_data;
  /* TRANSLATORS: put your names here, one per line, as "Name <email>" or "Name https://…" */
  const char *translators = _("translator-credits");
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application", self,
                        "transient-for", parent,
                        "application-name", _("Sales Desk"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Sales Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep customers, deals and follow-ups in one place"),
                        "website", WEBSITE,
                        "issue-url", WEBSITE "/issues",
                        "copyright", _("© 2026 The Sales Desk developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  /* An untranslated catalogue would credit somebody called "translator-credits". */
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = sales_preferences_window_new (self->settings);

  if (self->store != NULL)
    {
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                  ADW_PREFERENCES_PAGE (sales_pipeline_preferences_new (self->store)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                  ADW_PREFERENCES_PAGE (sales_team_page_new (self->store,
                                                                             self->settings)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                  ADW_PREFERENCES_PAGE (sales_backups_page_new (
                                    self->settings,
                                    sales_db_get_path (sales_store_get_db (self->store)),
                                    sales_application_is_read_only (self))));
    }
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
targets_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWidget *window;

  if (self->store == NULL)
    return;

  /* Over the preferences when opened from their Team page, else over the main window. */
  window = sales_targets_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                     self->store);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
find_duplicates_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWidget *window;

  if (self->store == NULL)
    return;

  window = sales_duplicates_window_new (sales_application_find_main_window (self), self->store);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (sales_application_find_main_window (self));

  if (self->store == NULL || window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (sales_export_dialog_new (window, self->store)));
}

/* The summary of the month and rep the dashboard shows, or of this month's team. */
static void
print_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *window = sales_application_find_main_window (self);
  GtkWidget *dashboard;
  SalesKpiPeriod period;
  gboolean have_period = FALSE;
  gint64 rep_id = 0;

  if (self->store == NULL || window == NULL)
    return;

  dashboard = sales_window_get_dashboard (SALES_WINDOW (window));
  if (dashboard != NULL)
    {
      sales_dashboard_get_period (SALES_DASHBOARD (dashboard), &period);
      rep_id = sales_dashboard_get_rep_id (SALES_DASHBOARD (dashboard));
      have_period = TRUE;
    }
  sales_print_summary (window, self->store, self->settings, have_period ? &period : NULL,
                       rep_id);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  SalesApplication *self = user_data;
  GtkWindow *window = sales_application_find_main_window (self);

  if (self->store == NULL || window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (sales_import_assistant_new (window, self->store)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "import", import_action },
  { "export", export_action },
  { "print", print_action },
  { "show-customer", show_customer_action, "x" },
  { "show-follow-ups", show_follow_ups_action },
  { "show-receivables", show_receivables_action },
  { "find-duplicates", find_duplicates_action },
  { "targets", targets_action },
  { "recover", recover_action },
  { "restore-backup", sales_application_restore_backup, "s" },
  { "undo-restore", sales_application_undo_restore, "s" },
  { "save-open-data", sales_application_save_open_data },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "app.import", { "<Primary>i", NULL } },
  { "window.close", { "<Primary>w", NULL } },
  { "win.show-view::pipeline", { "<Primary>1", NULL } },
  { "win.show-view::customers", { "<Primary>2", NULL } },
  { "win.show-view::follow-ups", { "<Primary>3", NULL } },
  { "win.show-view::dashboard", { "<Primary>4", NULL } },
};

static void
sales_application_startup (GApplication *application)
{
  SalesApplication *self = SALES_APPLICATION (application);

  start_first_check (self);
  G_APPLICATION_CLASS (sales_application_parent_class)->startup (application);

  self->settings = sales_settings_new ();
  g_signal_connect_object (self->settings, "backup-retention-changed",
                           G_CALLBACK (on_retention_changed), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
sales_application_finalize (GObject *object)
{
  SalesApplication *self = (SalesApplication *)object;

  if (self->first_check != NULL)
    finish_first_check (self);
  g_clear_handle_id (&self->notifier_start, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->collection_notifier);
  g_clear_handle_id (&self->pool_start, g_source_remove);
  g_clear_object (&self->pool_watcher);
  g_clear_handle_id (&self->backups_start, g_source_remove);
  g_clear_object (&self->backups);
  g_clear_handle_id (&self->full_check_start, g_source_remove);
  g_clear_object (&self->full_check);
  g_clear_handle_id (&self->file_check, g_source_remove);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (self->save_chooser);
  g_clear_object (&self->save_chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sales_application_parent_class)->finalize (object);
}

static void
sales_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesApplication *self = SALES_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesApplication *self = SALES_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_application_class_init (SalesApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sales_application_finalize;
  object_class->get_property = sales_application_get_property;
  object_class->set_property = sales_application_set_property;

  application_class->startup = sales_application_startup;
  application_class->activate = sales_application_activate;

  /* NULL: the default database of sales_db_default_path(). */
  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* NULL until the first window opens the database, and when that failed. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_application_init (SalesApplication *self)
{
}

/**
 * sales_application_new:
 * @db_path: (nullable): the database to open, or %NULL for the default one
 *
 * With an explicit database the application does not hand itself over to a running
 * instance, which would show its own database instead.
 */
SalesApplication *
sales_application_new (const char *db_path)
{
  return g_object_new (SALES_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", db_path != NULL ? G_APPLICATION_NON_UNIQUE
                                                : G_APPLICATION_DEFAULT_FLAGS,
                       "db-path", db_path,
                       NULL);
}

const char *
sales_application_get_db_path (SalesApplication *self)
{
  g_return_val_if_fail (SALES_IS_APPLICATION (self), NULL);

  return self->db_path;
}

SalesStore *
sales_application_get_store (SalesApplication *self)
{
  g_return_val_if_fail (SALES_IS_APPLICATION (self), NULL);

  return self->store;
}

SalesSettings *
sales_application_get_settings (SalesApplication *self)
{
  g_return_val_if_fail (SALES_IS_APPLICATION (self), NULL);

  return self->settings;
}

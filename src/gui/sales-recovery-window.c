/* sales-recovery-window.c: what to do when the database cannot be opened
 *
 * Shown instead of the main window when the file is damaged, is not a database or was
 * written by a newer Sales Desk. It offers the newest backup that passes its check,
 * another file, or quitting; it never writes to the file it could not open: restoring
 * first moves that file aside under a name that says it is damaged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sales-backup.h"
#include "sales-recovery-window.h"

struct _SalesRecoveryWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;

  char                 *db_path;
  char                 *message;
  SalesBackup          *backup;
  GtkNativeDialog      *chooser;
};

G_DEFINE_FINAL_TYPE (SalesRecoveryWindow, sales_recovery_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

enum {
  OPEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_description (SalesRecoveryWindow *self)
{
  g_autoptr(GString) text = g_string_new (self->message);

  g_string_append (text, "\n\n");
  g_string_append (text, _("The file has not been changed."));
  g_string_append_c (text, ' ');

  if (self->backup != NULL)
    {
      g_autoptr(GDateTime) when =
        g_date_time_new_from_unix_local (sales_backup_get_time (self->backup));
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");
      gint64 customers = sales_backup_get_customers (self->backup);
      gint64 deals = sales_backup_get_deals (self->backup);
      g_autofree char *customer_text = NULL;
      g_autofree char *deal_text = NULL;
      g_autofree char *counts = NULL;

      customer_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer",
                                                    "%u customers", (guint)customers),
                                       (guint)customers);
      deal_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal", "%u deals",
                                                (guint)deals),
                                   (guint)deals);
      /* Translators: the first %s is a number of customers ("12 customers"), the second a
       * number of deals ("30 deals"). */
      counts = g_strdup_printf (_("%s and %s"), customer_text, deal_text);
      /* Translators: %s is a date and time, then what the backup holds. */
      g_string_append_printf (text, _("The newest good backup is from %s, with %s."), date,
                              counts);
    }
  else
    {
      g_string_append (text, _("There is no backup to restore."));
    }

  adw_status_page_set_description (self->status_page, text->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.restore", self->backup != NULL);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (widget);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *dir = sales_backup_dir_for_db (self->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *note = NULL;

  g_return_if_fail (self->backup != NULL);

  if (g_file_test (self->db_path, G_FILE_TEST_EXISTS))
    {
      aside = sales_backup_set_aside (self->db_path, now, &error);
      if (aside == NULL)
        {
          sales_recovery_window_set_error (self, error);
          return;
        }
    }

  if (!sales_backup_restore (sales_backup_get_path (self->backup), self->db_path, dir, now, NULL,
                             &error))
    {
      /* Put the damaged file back where it was, so that nothing new is opened in its
       * place. */
      if (aside != NULL)
        g_rename (aside, self->db_path);
      sales_recovery_window_set_error (self, error);
      return;
    }

  if (aside != NULL)
    {
      g_autofree char *name = g_path_get_basename (aside);

      /* Translators: %s is a file name such as sales.db.damaged-20261123-101500. */
      note = g_strdup_printf (_("The backup was restored; the damaged file was kept as “%s”"),
                              name);
    }
  else
    {
      note = g_strdup (_("The backup was restored"));
    }

  g_signal_emit (self, signals[OPEN], 0, self->db_path, note);
}

static void
on_chooser_response (SalesRecoveryWindow *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);

  if (path != NULL)
    g_signal_emit (self, signals[OPEN], 0, path, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Open a Sales Desk File"),
                                                                  GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                  _("_Open"), _("_Cancel")));
  gtk_file_filter_set_name (filter, _("Sales Desk files"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
sales_recovery_window_constructed (GObject *object)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (object);
  g_autofree char *dir = sales_backup_dir_for_db (self->db_path);

  G_OBJECT_CLASS (sales_recovery_window_parent_class)->constructed (object);

  self->backup = sales_backup_find_newest_good (dir);
  update_description (self);
}

static void
sales_recovery_window_dispose (GObject *object)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->backup);

  G_OBJECT_CLASS (sales_recovery_window_parent_class)->dispose (object);
}

static void
sales_recovery_window_finalize (GObject *object)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (object);

  g_free (self->db_path);
  g_free (self->message);

  G_OBJECT_CLASS (sales_recovery_window_parent_class)->finalize (object);
}

static void
sales_recovery_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_recovery_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SalesRecoveryWindow *self = SALES_RECOVERY_WINDOW (object);

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
sales_recovery_window_class_init (SalesRecoveryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_recovery_window_constructed;
  object_class->dispose = sales_recovery_window_dispose;
  object_class->finalize = sales_recovery_window_finalize;
  object_class->get_property = sales_recovery_window_get_property;
  object_class->set_property = sales_recovery_window_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesRecoveryWindow::open:
   * @path: the database to open now: the restored one or another the user chose
   * @note: (nullable): what to tell the user once it is open
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/SalesDesk/"
                                               "sales-recovery-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesRecoveryWindow, status_page);

  gtk_widget_class_install_action (widget_class, "recovery.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "recovery.open", NULL, open_action);
}

static void
sales_recovery_window_init (SalesRecoveryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_recovery_window_new:
 * @db_path: the database that could not be opened
 * @error: why
 */
GtkWidget *
sales_recovery_window_new (GtkApplication *application,
                           const char     *db_path,
                           const GError   *error)
{
  SalesRecoveryWindow *self;

  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (SALES_TYPE_RECOVERY_WINDOW,
                       "application", application,
                       "db-path", db_path,
                       NULL);
  sales_recovery_window_set_error (self, error);
  return GTK_WIDGET (self);
}

/* Says why the file cannot be opened: at first, or after a restore or another file
 * failed too. */
void
sales_recovery_window_set_error (SalesRecoveryWindow *self,
                                 const GError        *error)
{
  g_return_if_fail (SALES_IS_RECOVERY_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_free (self->message);
  self->message = g_strdup (error->message);
  update_description (self);
}

const char *
sales_recovery_window_get_path (SalesRecoveryWindow *self)
{
  g_return_val_if_fail (SALES_IS_RECOVERY_WINDOW (self), NULL);

  return self->db_path;
}

/* sales-followup-ics.c: planned follow-ups as an iCalendar file
 *
 * Each planned follow-up becomes one VEVENT: a timed event at the due
 * time, in UTC, lasting SALES_FOLLOWUP_ICS_DURATION_S. Events rather than
 * to-dos because GNOME Calendar and Thunderbird both import events into
 * any calendar, while to-dos need a task list. The UID is made from the
 * activity id, so importing the file again after a reschedule updates the
 * event instead of adding a second one.
 *
 * libical writes the file (escaping, line folding on UTF-8 boundaries, CRLF
 * line ends), and GIO replaces the target in one rename, so a failed export
 * leaves the old file, or none, never half a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "sales-followup-ics.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static struct icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t)unix_seconds, 0, icaltimezone_get_utc_timezone ());
}

static icalcomponent *
new_event (gint64             id,
           SalesActivityKind  kind,
           const char        *note,
           gint64             due_at,
           const char        *customer,
           const char        *deal,
           gint64             now)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "@sales-desk", id);
  g_autofree char *summary = NULL;
  icalcomponent *event = icalcomponent_new_vevent ();

  /* TRANSLATORS: the title of a follow-up in a calendar: its kind ("Call"), then the
   * customer's name */
  summary = g_strdup_printf (C_("calendar event", "%s: %s"), sales_activity_kind_get_label (kind),
                             customer);

  if (note != NULL && *note != '\0')
    g_string_append (description, note);
  if (deal != NULL)
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      /* TRANSLATORS: in the description of a follow-up in a calendar */
      g_string_append_printf (description, _("Deal: %s"), deal);
    }

  icalcomponent_set_uid (event, uid);
  icalcomponent_set_dtstamp (event, utc_time (now));
  icalcomponent_set_dtstart (event, utc_time (due_at));
  icalcomponent_set_duration (event, icaldurationtype_from_int (SALES_FOLLOWUP_ICS_DURATION_S));
  icalcomponent_set_summary (event, summary);
  if (description->len > 0)
    icalcomponent_set_description (event, description->str);

  return event;
}

/* Runs on any thread, on a connection of its own there. */
static char *
build_calendar (SalesDb  *db,
                gint64    owner_id,
                gint64    now,
                guint    *n_followups,
                GError  **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  sqlite3_stmt *stmt;
  char *buffer;
  char *text;
  guint n = 0;
  int rc;

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Sales Desk//Sales Desk "
                                                       PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  stmt = sales_db_prepare (db,
                           "SELECT a.id, a.kind, a.note, a.due_at, c.name, d.title "
                           "FROM activity AS a INDEXED BY activity_due "
                           "JOIN customer AS c ON c.id = a.customer_id "
                           "LEFT JOIN deal AS d ON d.id = a.deal_id "
                           "WHERE a.done_at IS NULL AND a.due_at IS NOT NULL "
                           "AND (?1 = 0 OR a.owner_id = ?1) "
                           "ORDER BY a.due_at, a.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesActivityKind kind = SALES_ACTIVITY_KIND_CALL;

      sales_activity_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &kind);
      icalcomponent_add_component (calendar,
                                   new_event (sqlite3_column_int64 (stmt, 0), kind,
                                              (const char *)sqlite3_column_text (stmt, 2),
                                              sqlite3_column_int64 (stmt, 3),
                                              (const char *)sqlite3_column_text (stmt, 4),
                                              (const char *)sqlite3_column_text (stmt, 5),
                                              now));
      n++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  /* RFC 5545 wants at least one component in a calendar. */
  if (n == 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND,
                           _("There are no planned follow-ups to export"));
      return NULL;
    }

  if (n_followups != NULL)
    *n_followups = n;

  buffer = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (buffer);
  icalmemory_free_buffer (buffer);

  return text;
}

/**
 * sales_followup_ics_build:
 * @owner_id: the rep whose follow-ups to write, or 0 for everyone's
 * @n_followups: (out) (optional): how many events the calendar holds
 *
 * Returns: (transfer full): an iCalendar document (UTF-8, CRLF lines) with
 *   one event per planned follow-up, in due order, or %NULL with @error set
 *   when there is none to write or the database fails
 */
char *
sales_followup_ics_build (SalesStore  *store,
                          gint64       owner_id,
                          guint       *n_followups,
                          GError     **error)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_calendar (sales_store_get_db (store), owner_id, sales_store_now (store),
                         n_followups, error);
}

/**
 * sales_followup_ics_export:
 * @owner_id: the rep whose follow-ups to write, or 0 for everyone's
 * @n_followups: (out) (optional): how many events the file holds
 *
 * Writes sales_followup_ics_build() to @file, replacing it whole or not at
 * all.
 *
 * Returns: %TRUE, or %FALSE with @error set and @file as it was
 */
gboolean
sales_followup_ics_export (SalesStore    *store,
                           gint64         owner_id,
                           GFile         *file,
                           guint         *n_followups,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SALES_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = sales_followup_ics_build (store, owner_id, n_followups, error);
  if (text == NULL)
    return FALSE;

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

typedef struct
{
  char   *db_path;
  GFile  *file;
  gint64  owner_id;
  gint64  now;
  guint   n_followups;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->db_path);
  g_object_unref (export->file);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  db = sales_db_open (export->db_path, &error);
  if (db != NULL)
    text = build_calendar (db, export->owner_id, export->now, &export->n_followups, &error);
  if (text == NULL ||
      !g_file_replace_contents (export->file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sales_followup_ics_export_async:
 * @owner_id: the rep whose follow-ups to write, or 0 for everyone's
 *
 * Does what sales_followup_ics_export() does in a worker thread, on a
 * connection of its own, so that a window stays responsive while a large
 * calendar is written: 100 000 follow-ups take seconds.
 */
void
sales_followup_ics_export_async (SalesStore          *store,
                                 gint64               owner_id,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (owner_id >= 0);
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (ExportData, 1);
  export->db_path = g_strdup (sales_db_get_path (sales_store_get_db (store)));
  export->file = g_object_ref (file);
  export->owner_id = owner_id;
  export->now = sales_store_now (store);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sales_followup_ics_export_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * sales_followup_ics_export_finish:
 * @n_followups: (out) (optional): how many events the file holds
 *
 * Returns: %TRUE, or %FALSE with @error set and the file as it was
 */
gboolean
sales_followup_ics_export_finish (SalesStore    *store,
                                  GAsyncResult  *result,
                                  guint         *n_followups,
                                  GError       **error)
{
  g_return_val_if_fail (SALES_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (n_followups != NULL)
    *n_followups = ((ExportData *)g_task_get_task_data (G_TASK (result)))->n_followups;
  return TRUE;
}

/* test-util.c: a temporary database and store for each core test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sales-core-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir and what the tests put in it: files and one level of folders. */
void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_remove_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "data", "sales.db", NULL);
  f->db = sales_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);

  f->now = TEST_T0;
  f->store = sales_store_new (f->db);
  sales_store_set_clock (f->store, fixture_clock, f, NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Nothing may keep the store or the connection alive: that would be a leak. */
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->db);
  test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

void
test_exec (SalesDb    *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  sales_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

gint64
test_query_int (SalesDb    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* One value as text; NULL for SQL NULL. */
char *
test_query_text (SalesDb    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* Every row of @table, ids and values, one line each: two dumps are equal
 * exactly when the table holds the same rows. */
char *
test_dump_table (SalesDb    *db,
                 const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", table);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (dump, "NULL|");
          else
            g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, i));
        }
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (dump, FALSE);
}

char *
test_dump_all (SalesDb *db)
{
  static const char * const tables[] = {
    "stage", "rep", "customer", "contact", "deal", "deal_stage_history", "lost_reason",
    "activity", "target", "contract", "payment_plan", "payment", "tag", "customer_tag",
    "customer_event", "customer_key",
  };
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *exists = g_strdup_printf ("SELECT count (*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = '%s'",
                                                 tables[i]);
      g_autofree char *rows = NULL;

      /* Older schema versions, for the migration tests, lack later tables. */
      if (test_query_int (db, exists) == 0)
        continue;

      rows = test_dump_table (db, tables[i]);

      g_string_append_printf (dump, "[%s]\n%s", tables[i], rows);
    }

  return g_string_free (dump, FALSE);
}

char *
test_read_file (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
on_changed (SalesStore      *store,
            SalesRecordKind  kind,
            gint64           id,
            SalesChange      change,
            SignalLog       *log)
{
  TestEvent event = { kind, id, change };

  g_array_append_val (log->events, event);
}

static void
on_reset (SalesStore *store,
          SignalLog  *log)
{
  log->resets++;
}

void
signal_log_start (SignalLog  *log,
                  SalesStore *store)
{
  log->events = g_array_new (FALSE, FALSE, sizeof (TestEvent));
  log->resets = 0;
  log->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_changed), log);
  log->reset_id = g_signal_connect (store, "reset", G_CALLBACK (on_reset), log);
}

void
signal_log_stop (SignalLog  *log,
                 SalesStore *store)
{
  g_clear_signal_handler (&log->changed_id, store);
  g_clear_signal_handler (&log->reset_id, store);
  g_clear_pointer (&log->events, g_array_unref);
}

void
signal_log_clear (SignalLog *log)
{
  g_array_set_size (log->events, 0);
  log->resets = 0;
}

void
signal_log_assert (SignalLog       *log,
                   guint            index,
                   SalesRecordKind  kind,
                   gint64           id,
                   SalesChange      change)
{
  const TestEvent *event;

  g_assert_cmpuint (index, <, log->events->len);
  event = &g_array_index (log->events, TestEvent, index);
  g_assert_cmpint (event->kind, ==, kind);
  g_assert_cmpint (event->id, ==, id);
  g_assert_cmpint (event->change, ==, change);
}

gboolean
signal_log_contains (SignalLog       *log,
                     SalesRecordKind  kind,
                     gint64           id,
                     SalesChange      change)
{
  for (guint i = 0; i < log->events->len; i++)
    {
      const TestEvent *event = &g_array_index (log->events, TestEvent, i);

      if (event->kind == kind && event->id == id && event->change == change)
        return TRUE;
    }

  return FALSE;
}

SalesRep *
test_add_rep (Fixture    *f,
              const char *name)
{
  g_autoptr(SalesRep) draft = sales_rep_new ();
  g_autoptr(GError) error = NULL;
  SalesRep *rep;

  sales_rep_set_name (draft, name);
  rep = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return rep;
}

SalesCustomer *
test_add_customer (Fixture    *f,
                   const char *name,
                   gint64      owner_id)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(GError) error = NULL;
  SalesCustomer *customer;

  sales_customer_set_name (draft, name);
  sales_customer_set_owner_id (draft, owner_id);
  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return customer;
}

SalesContact *
test_add_contact (Fixture    *f,
                  gint64      customer_id,
                  const char *name,
                  gboolean    is_primary)
{
  g_autoptr(SalesContact) draft = sales_contact_new ();
  g_autoptr(GError) error = NULL;
  SalesContact *contact;

  sales_contact_set_customer_id (draft, customer_id);
  sales_contact_set_name (draft, name);
  sales_contact_set_is_primary (draft, is_primary);
  contact = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return contact;
}

SalesDeal *
test_add_deal (Fixture    *f,
               gint64      customer_id,
               gint64      stage_id,
               const char *title,
               gint64      amount_cents)
{
  g_autoptr(SalesDeal) draft = sales_deal_new ();
  g_autoptr(GError) error = NULL;
  SalesDeal *deal;

  sales_deal_set_customer_id (draft, customer_id);
  sales_deal_set_stage_id (draft, stage_id);
  sales_deal_set_title (draft, title);
  sales_deal_set_amount_cents (draft, amount_cents);
  deal = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return deal;
}

SalesActivity *
test_add_activity (Fixture *f,
                   gint64   customer_id,
                   gint64   deal_id,
                   gint64   due_at)
{
  g_autoptr(SalesActivity) draft = sales_activity_new ();
  g_autoptr(GError) error = NULL;
  SalesActivity *activity;

  sales_activity_set_customer_id (draft, customer_id);
  sales_activity_set_deal_id (draft, deal_id);
  sales_activity_set_due_at (draft, due_at);
  activity = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return activity;
}

/* sales-customer-search-update.c: keeping the search index in step with customers
 *
 * See sales-customer-search.c for the tables. A customer's index rows are recomputed from
 * its customer and contact rows whenever sales_customer_index_flush() finds it in
 * customer_dirty, inside the transaction that changed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sales-customer-search.h"
#include "sales-search-text.h"

/* From this many customers on, an empty index is filled in bulk (fill_empty ()). */
#define BULK_MIN       1000
#define BULK_CACHE_KIB "-32768"

/* While an empty index is filled, FTS5 merges none of the segments it writes, which it
 * otherwise does a little of at every flush of its pending terms (automerge): an import of
 * 20 000 customers runs 9 % fewer instructions. A level of 16 segments is still merged
 * (crisismerge), and searches took as long afterwards. The default is then set back and
 * its row removed, so that the settings are those of a new database. (A larger 'hashsize'
 * saved another 1 % for 8 MB more memory a table.) */
#define MERGES_OFF \
  "INSERT INTO customer_fts (customer_fts, rank) VALUES ('automerge', 0);" \
  "INSERT INTO customer_gram (customer_gram, rank) VALUES ('automerge', 0)"
#define MERGES_ON \
  "INSERT INTO customer_fts (customer_fts, rank) VALUES ('automerge', 4);" \
  "INSERT INTO customer_gram (customer_gram, rank) VALUES ('automerge', 4);" \
  "DELETE FROM customer_fts_config WHERE k = 'automerge';" \
  "DELETE FROM customer_gram_config WHERE k = 'automerge'"

typedef struct
{
  sqlite3_stmt *old_row;
  sqlite3_stmt *customer;
  sqlite3_stmt *contacts;
  sqlite3_stmt *fts_delete;
  sqlite3_stmt *gram_delete;
  sqlite3_stmt *row_delete;
  sqlite3_stmt *row_insert;
  sqlite3_stmt *fts_insert;
  sqlite3_stmt *gram_insert;
} Statements;

typedef struct
{
  char *body;
  char *name_key;
  char *initials;
} Entry;

static void
entry_clear (Entry *e)
{
  g_clear_pointer (&e->body, g_free);
  g_clear_pointer (&e->name_key, g_free);
  g_clear_pointer (&e->initials, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, entry_clear)

static gboolean
prepare_all (SalesDb     *db,
             Statements  *s,
             GError     **error)
{
  return
    (s->old_row = sales_db_prepare (db, "SELECT body FROM customer_search WHERE customer_id = ?1",
                                    error)) &&
    (s->customer = sales_db_prepare (db, "SELECT name, phone, email, notes FROM customer "
                                         "WHERE id = ?1", error)) &&
    (s->contacts = sales_db_prepare (db, "SELECT name, phone, email FROM contact "
                                         "WHERE customer_id = ?1 ORDER BY id", error)) &&
    (s->fts_delete = sales_db_prepare (db, "INSERT INTO customer_fts (customer_fts, rowid, body) "
                                           "VALUES ('delete', ?1, ?2)", error)) &&
    (s->gram_delete = sales_db_prepare (db, "INSERT INTO customer_gram "
                                            "(customer_gram, rowid, grams) "
                                            "VALUES ('delete', ?1, ?2)", error)) &&
    (s->row_delete = sales_db_prepare (db, "DELETE FROM customer_search WHERE customer_id = ?1",
                                       error)) &&
    (s->row_insert = sales_db_prepare (db, "INSERT INTO customer_search "
                                           "(customer_id, name_key, initials, body) "
                                           "VALUES (?1, ?2, ?3, ?4)", error)) &&
    (s->fts_insert = sales_db_prepare (db, "INSERT INTO customer_fts (rowid, body) "
                                           "VALUES (?1, ?2)", error)) &&
    (s->gram_insert = sales_db_prepare (db, "INSERT INTO customer_gram (rowid, grams) "
                                            "VALUES (?1, ?2)", error));
}

static gboolean
step_done (SalesDb       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

static void
add_line (GString    *body,
          const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (body->len > 0)
    g_string_append_c (body, '\n');
  /* A line break inside a field (notes) would look like a field's end: make it a space. */
  for (const char *p = line; *p != '\0'; p++)
    g_string_append_c (body, *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
add_folded (GString    *body,
            const char *text)
{
  g_autofree char *folded = sales_search_text_fold (text);

  add_line (body, folded);
}

static void
add_phone (GString    *body,
           const char *phone)
{
  g_autofree char *digits = sales_search_text_phone (phone);

  add_line (body, digits);
}

static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

typedef enum
{
  ENTRY_FAILED,
  ENTRY_GONE,
  ENTRY_FOUND,
} EntryResult;

/* Reads the customer and its contacts into @entry, which stays empty when the customer no
 * longer exists. */
static EntryResult
compute_entry (SalesDb     *db,
               Statements  *s,
               gint64       id,
               Entry       *entry,
               GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) initials = g_string_new (NULL);
  /* The pinyin initials of every name, a line each, go after the fields. */
  g_autoptr(GString) initials_lines = g_string_new (NULL);
  g_autofree char *name = NULL;
  int rc;

  sqlite3_bind_int64 (s->customer, 1, id);
  rc = sqlite3_step (s->customer);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (s->customer);
      if (rc == SQLITE_DONE)
        return ENTRY_GONE;
      sales_db_set_error (db, rc, error);
      return ENTRY_FAILED;
    }

  name = sales_search_text_fold ((const char *)sqlite3_column_text (s->customer, 0));
  add_line (body, name);
  add_phone (body, (const char *)sqlite3_column_text (s->customer, 1));
  add_folded (body, (const char *)sqlite3_column_text (s->customer, 2));
  add_folded (body, (const char *)sqlite3_column_text (s->customer, 3));
  sqlite3_reset (s->customer);
  sales_search_text_add_initials (initials, name);
  add_line (initials_lines, initials->str);

  sqlite3_bind_int64 (s->contacts, 1, id);
  while ((rc = sqlite3_step (s->contacts)) == SQLITE_ROW)
    {
      g_autofree char *contact = NULL;
      g_autoptr(GString) contact_initials = g_string_new (NULL);

      contact = sales_search_text_fold ((const char *)sqlite3_column_text (s->contacts, 0));
      add_line (body, contact);
      add_phone (body, (const char *)sqlite3_column_text (s->contacts, 1));
      add_folded (body, (const char *)sqlite3_column_text (s->contacts, 2));
      sales_search_text_add_initials (contact_initials, contact);
      add_line (initials_lines, contact_initials->str);
    }
  sqlite3_reset (s->contacts);
  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return ENTRY_FAILED;
    }

  add_line (body, initials_lines->str);

  entry->body = g_string_free (g_steal_pointer (&body), FALSE);
  entry->name_key = collapse_spaces (name);
  entry->initials = g_string_free (g_steal_pointer (&initials), FALSE);
  return ENTRY_FOUND;
}

static gboolean
remove_entry (SalesDb     *db,
              Statements  *s,
              gint64       id,
              const char  *old_body,
              GError     **error)
{
  g_autofree char *grams = sales_search_text_grams (old_body);

  sqlite3_bind_int64 (s->fts_delete, 1, id);
  sqlite3_bind_text (s->fts_delete, 2, old_body, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->gram_delete, 1, id);
  sqlite3_bind_text (s->gram_delete, 2, grams, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->row_delete, 1, id);

  return step_done (db, s->fts_delete, error) &&
         step_done (db, s->gram_delete, error) &&
         step_done (db, s->row_delete, error);
}

static gboolean
insert_entry (SalesDb      *db,
              Statements   *s,
              gint64        id,
              const Entry  *entry,
              gboolean      with_fts,
              GError      **error)
{
  g_autofree char *grams = sales_search_text_grams (entry->body);

  sqlite3_bind_int64 (s->row_insert, 1, id);
  sqlite3_bind_text (s->row_insert, 2, entry->name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->row_insert, 3, entry->initials, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->row_insert, 4, entry->body, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->gram_insert, 1, id);
  sqlite3_bind_text (s->gram_insert, 2, grams, -1, SQLITE_STATIC);
  if (!step_done (db, s->row_insert, error) || !step_done (db, s->gram_insert, error))
    return FALSE;

  if (!with_fts)
    return TRUE;

  sqlite3_bind_int64 (s->fts_insert, 1, id);
  sqlite3_bind_text (s->fts_insert, 2, entry->body, -1, SQLITE_STATIC);
  return step_done (db, s->fts_insert, error);
}

static gboolean
update_one (SalesDb     *db,
            Statements  *s,
            gint64       id,
            GError     **error)
{
  g_auto(Entry) entry = { 0 };
  g_autofree char *old_body = NULL;
  EntryResult found;
  int rc;

  sqlite3_bind_int64 (s->old_row, 1, id);
  rc = sqlite3_step (s->old_row);
  if (rc == SQLITE_ROW)
    old_body = g_strdup ((const char *)sqlite3_column_text (s->old_row, 0));
  sqlite3_reset (s->old_row);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  found = compute_entry (db, s, id, &entry, error);
  if (found == ENTRY_FAILED)
    return FALSE;

  /* A change of a contact's title or WeChat marks the customer too, and changes nothing
   * here; the name key and initials come from the body's first line. */
  if (found == ENTRY_FOUND && old_body != NULL && strcmp (old_body, entry.body) == 0)
    return TRUE;

  if (old_body != NULL && !remove_entry (db, s, id, old_body, error))
    return FALSE;

  return found == ENTRY_GONE || insert_entry (db, s, id, &entry, TRUE, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static gint64
query_int (SalesDb    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Filling an empty index in one pass: the rows of customer_search go in without their
 * indexes, which are then built by sorting rather than by 100 000 inserts at random places,
 * and the trigram index is built from those rows at the end ('rebuild'). A larger page cache
 * meanwhile keeps the FTS5 segments being merged in memory. All of it is inside the
 * caller's transaction, so a failure leaves the indexes as they were. */
static gboolean
fill_empty (SalesDb       *db,
            Statements    *s,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                              query_int (db, "PRAGMA cache_size"));
  gboolean ok;

  sales_db_exec (db, "PRAGMA cache_size = " BULK_CACHE_KIB, NULL);

  indexes = sales_db_drop_indexes (db, (const char * const[]) { "customer_search", NULL }, error);
  ok = indexes != NULL &&
       sales_db_exec (db, "INSERT INTO customer_gram (customer_gram) VALUES ('delete-all')",
                      error) &&
       sales_db_exec (db, MERGES_OFF, error);

  for (guint i = 0; ok && i < n_ids; i++)
    {
      g_auto(Entry) entry = { 0 };
      EntryResult found;

      if (i > 0 && ids[i] == ids[i - 1])
        continue;

      found = compute_entry (db, s, ids[i], &entry, error);
      ok = found != ENTRY_FAILED &&
           (found == ENTRY_GONE || insert_entry (db, s, ids[i], &entry, FALSE, error));
    }

  ok = ok && sales_db_create_indexes (db, indexes, error) &&
       sales_db_exec (db, "INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')",
                            error) &&
       sales_db_exec (db, MERGES_ON, error);

  sales_db_exec (db, restore, NULL);
  return ok;
}

/**
 * sales_customer_search_update:
 * @db: an open database, inside a write transaction
 * @ids: (array length=n_ids): customers whose rows changed (or were deleted)
 *
 * Replaces the search index rows of @ids with ones computed from their customer and
 * contact rows now; customers that no longer exist lose theirs.
 *
 * Returns: %TRUE on success
 */
gboolean
sales_customer_search_update (SalesDb       *db,
                              const gint64  *ids,
                              guint          n_ids,
                              GError       **error)
{
  g_autofree gint64 *sorted = NULL;
  Statements s;
  sqlite3_stmt *empty;
  gboolean is_empty;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_ids == 0)
    return TRUE;

  if (!prepare_all (db, &s, error))
    return FALSE;

  /* In id order the FTS5 index appends, and the customer rows are read in file order. */
  sorted = g_memdup2 (ids, sizeof (gint64) * n_ids);
  qsort (sorted, n_ids, sizeof (gint64), compare_ids);

  if (n_ids >= BULK_MIN)
    {
      empty = sales_db_prepare (db, "SELECT NOT EXISTS (SELECT 1 FROM customer_search)", error);
      if (empty == NULL)
        return FALSE;
      rc = sqlite3_step (empty);
      is_empty = rc == SQLITE_ROW && sqlite3_column_int (empty, 0) != 0;
      sqlite3_reset (empty);
      if (rc != SQLITE_ROW)
        return sales_db_set_error (db, rc, error);

      if (is_empty)
        return fill_empty (db, &s, sorted, n_ids, error);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0 && sorted[i] == sorted[i - 1])
        continue;
      if (!update_one (db, &s, sorted[i], error))
        return FALSE;
    }

  return TRUE;
}

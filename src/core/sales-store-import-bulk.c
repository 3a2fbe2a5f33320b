/* sales-store-import-bulk.c: the import's bulk path, for a file bigger than the database
 *
 * Row by row, an import writes what every row implies: the key figures' summaries (a dozen
 * statements a customer, by triggers), a note in customer_dirty (two triggers a customer
 * and its contact), the customer's place in eight indexes, and every few thousand rows the
 * duplicate keys and search index of the customers since, computed again from the rows
 * written. When the file holds more rows than the database, most of that is done once for
 * all rows before the commit, which costs less:
 *
 *  - the database switches to a rollback journal, which a new database costs next to
 *    nothing (sales_db_use_rollback_journal()), and a smaller page cache, so that a file
 *    of 100 MB takes less than 100 MB of memory;
 *  - the key figures' triggers go, and their summaries are rebuilt from all rows;
 *  - the indexes of customer in the order of a text column go (but the one by owner,
 *    which lead assignment reads), and are built again by sorting;
 *  - the triggers noting changed customers go: the import writes the duplicate keys of
 *    each new customer as it makes it, from the values it has at hand (the later rows are
 *    checked against them), computes the keys of a customer it merged into again at once,
 *    and notes the customers that were there before in customer_dirty for the commit;
 *  - the search index of the new customers is built in one pass in id order at the end;
 *  - a Bloom filter of every key in customer_key answers most duplicate checks: see
 *    sales_import_bulk_may_have_key().
 *
 * All of it happens inside the import's transaction: a failure, a cancel or a crash brings
 * the triggers and indexes back with the rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-index.h"
#include "sales-customer-search.h"
#include "sales-kpi-summary.h"
#include "sales-store-import-bulk.h"

/* The page cache meanwhile, in KiB. The keys of 800 000 customers (a file of 100 MB) do not
 * fit in 64 MB either; a page that does not is read back from the file's pages in the
 * kernel's cache. */
#define CACHE_PRAGMA "PRAGMA cache_size = -32768"

/* The indexes of customer in the order of a text column: each new row goes to a random place
 * in them. The import reads customer_owner_name (lead assignment counts each rep's
 * customers) and appends to customer_created. */
static const char * const text_indexes[] = {
  "customer_name", "customer_tier_name", "customer_industry_name", "customer_source_name", NULL
};

/* The Bloom filter (sales_import_bulk_may_have_key()): about 12 bits a key, four of them set
 * in one 64-bit word, so that checking a key touches one place in memory. It then wrongly
 * may have about one key in a hundred (one in two hundred for the 500 000 keys of the
 * benchmark's file, in 1 MB); a filter sized for fewer keys than come only checks more of
 * them in customer_key. At most 16 MB, for a file of 100 MB. */
#define BLOOM_BITS_PER_KEY 12
#define BLOOM_MIN_WORDS    1024
#define BLOOM_MAX_WORDS    (2 * 1024 * 1024)
/* A row has at most five keys: the customer's phone and e-mail, its contact's, its name. */
#define KEYS_PER_ROW       5

struct _SalesImportBulk
{
  SalesDb   *db;
  char      *restore;      /* the pragmas that undo sales_import_bulk_prepare() */
  gint64     last_customer_before;
  GPtrArray *indexes;
  GPtrArray *triggers;
  guint64   *bloom;
  gsize      bloom_mask;   /* the number of words less one, a power of two less one */
};

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

/* FNV-1a and the finalizer of MurmurHash3: all 64 bits of the result depend on every byte,
 * and the filter takes the word from the low bits and the four bits in it from the high
 * ones. */
static guint64
key_hash (const char *key)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *)key; *p != '\0'; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  return h;
}

static guint64
key_bits (guint64 h)
{
  return G_GUINT64_CONSTANT (1) << ((h >> 40) & 63) | G_GUINT64_CONSTANT (1) << ((h >> 46) & 63) |
         G_GUINT64_CONSTANT (1) << ((h >> 52) & 63) | G_GUINT64_CONSTANT (1) << ((h >> 58) & 63);
}

static void
bloom_add (SalesImportBulk *bulk,
           const char      *key)
{
  guint64 h = key_hash (key);

  bulk->bloom[h & bulk->bloom_mask] |= key_bits (h);
}

/* The keys in customer_key now, when the import starts or after it refreshed a customer's. */
static gboolean
bloom_add_stored (SalesImportBulk  *bulk,
                  gint64            customer_id,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (bulk->db, customer_id > 0
                                     ? "SELECT key FROM customer_key WHERE customer_id = ?1"
                                     : "SELECT key FROM customer_key",
                           error);
  if (stmt == NULL)
    return FALSE;
  if (customer_id > 0)
    sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    bloom_add (bulk, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (bulk->db, rc, error);

  return TRUE;
}

static gboolean
bloom_start (SalesImportBulk  *bulk,
             guint64           expected_rows,
             GError          **error)
{
  guint64 keys = query_int (bulk->db, "SELECT count (*) FROM customer_key") +
                 expected_rows * KEYS_PER_ROW;
  gsize words = BLOOM_MIN_WORDS;

  while (words < BLOOM_MAX_WORDS && words * 64 < keys * BLOOM_BITS_PER_KEY)
    words *= 2;
  bulk->bloom = g_new0 (guint64, words);
  bulk->bloom_mask = words - 1;
  return bloom_add_stored (bulk, 0, error);
}

/**
 * sales_import_bulk_prepare:
 * @db: outside a transaction
 *
 * Sets the journal and page cache of the bulk path, until sales_import_bulk_free().
 */
SalesImportBulk *
sales_import_bulk_prepare (SalesDb *db)
{
  SalesImportBulk *bulk = g_new0 (SalesImportBulk, 1);
  g_autofree char *journal = NULL;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (!sales_db_in_transaction (db), NULL);

  bulk->db = g_object_ref (db);
  journal = sales_db_use_rollback_journal (db);
  bulk->restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";%s",
                                   query_int (db, "PRAGMA cache_size"),
                                   journal != NULL ? journal : "");
  sqlite3_exec (sales_db_get_handle (db), CACHE_PRAGMA, NULL, NULL, NULL);
  return bulk;
}

/**
 * sales_import_bulk_start:
 * @last_customer_before: the highest customer id before the import
 * @expected_rows: about how many rows the file has
 *
 * Inside the import's transaction, before its first row.
 */
gboolean
sales_import_bulk_start (SalesImportBulk  *bulk,
                         gint64            last_customer_before,
                         guint64           expected_rows,
                         GError          **error)
{
  g_return_val_if_fail (bulk != NULL, FALSE);

  bulk->last_customer_before = last_customer_before;
  if (!bloom_start (bulk, expected_rows, error))
    return FALSE;
  if (!sales_kpi_summary_suspend (bulk->db, error))
    return FALSE;

  bulk->indexes = sales_db_drop_named_indexes (bulk->db, text_indexes, error);
  if (bulk->indexes == NULL)
    return FALSE;

  bulk->triggers = sales_customer_index_suspend (bulk->db, error);
  return bulk->triggers != NULL;
}

/**
 * sales_import_bulk_add_keys:
 * @keys: (element-type utf8): the duplicate keys of a new customer and its contact, as
 *   sales_customer_keys_update() would derive them from the rows
 *
 * Writes them into customer_key at once, where the later rows find them.
 */
gboolean
sales_import_bulk_add_keys (SalesImportBulk  *bulk,
                            GPtrArray        *keys,
                            gint64            customer_id,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL, FALSE);

  stmt = sales_db_prepare (bulk->db, "INSERT OR IGNORE INTO customer_key (key, customer_id) "
                                     "VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, g_ptr_array_index (keys, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, customer_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (bulk->db, rc, error);
      bloom_add (bulk, g_ptr_array_index (keys, i));
    }

  return TRUE;
}

/**
 * sales_import_bulk_may_have_key:
 * @key: a duplicate key
 *
 * Whether @key may be in customer_key. Most rows of a file are no duplicates: %FALSE says
 * for certain that a key is not there, which spares looking each of it up in customer_key,
 * at a random place of its B-tree; %TRUE (also for about one key in a hundred that is not
 * there) leaves it to the lookup.
 */
gboolean
sales_import_bulk_may_have_key (SalesImportBulk *bulk,
                                const char      *key)
{
  guint64 h, bits;

  g_return_val_if_fail (bulk != NULL, TRUE);

  h = key_hash (key);
  bits = key_bits (h);
  return (bulk->bloom[h & bulk->bloom_mask] & bits) == bits;
}

/**
 * sales_import_bulk_merged:
 *
 * After the import merged a row into @customer_id (or added a contact to it): its keys
 * change now, and a customer that was there before the import is left to the commit's
 * update of the search index (the import's own ones are all indexed by
 * sales_import_bulk_finish()).
 */
gboolean
sales_import_bulk_merged (SalesImportBulk  *bulk,
                          gint64            customer_id,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);

  if (!sales_customer_keys_refresh (bulk->db, customer_id, error) ||
      !bloom_add_stored (bulk, customer_id, error))
    return FALSE;
  if (customer_id > bulk->last_customer_before)
    return TRUE;

  stmt = sales_db_prepare (bulk->db, "INSERT OR IGNORE INTO customer_dirty (customer_id) "
                                     "VALUES (?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (bulk->db, rc, error);

  return TRUE;
}

/**
 * sales_import_bulk_finish:
 *
 * After the last row, before the commit: the indexes, the search index of the new
 * customers, the triggers and the key figures' summaries.
 */
gboolean
sales_import_bulk_finish (SalesImportBulk  *bulk,
                          GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);

  stmt = sales_db_prepare (bulk->db, "SELECT id FROM customer WHERE id > ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bulk->last_customer_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (bulk->db, rc, error);

  return sales_db_create_indexes (bulk->db, bulk->indexes, error) &&
         sales_customer_search_update (bulk->db, (const gint64 *)(gpointer)ids->data, ids->len,
                                       error) &&
         sales_customer_index_resume (bulk->db, bulk->triggers, error) &&
         sales_kpi_summary_rebuild (bulk->db, error);
}

/**
 * sales_import_bulk_free:
 *
 * After the commit or rollback: the journal and page cache as they were.
 */
void
sales_import_bulk_free (SalesImportBulk *bulk)
{
  if (bulk == NULL)
    return;

  sqlite3_exec (sales_db_get_handle (bulk->db), bulk->restore, NULL, NULL, NULL);
  g_object_unref (bulk->db);
  g_free (bulk->restore);
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->triggers, g_ptr_array_unref);
  g_free (bulk->bloom);
  g_free (bulk);
}

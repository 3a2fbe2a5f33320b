/* sales-db.c: the SQLite connection, its migrations, statements and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <unistd.h>

#include "sales-backup.h"
#include "sales-customer-index.h"
#include "sales-db-private.h"

struct _SalesDb
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  /* SQL text -> sqlite3_stmt*, so each statement is compiled once per connection. */
  GHashTable *statements;
  /* The file as it was opened, to notice when it is deleted or replaced. */
  dev_t       device;
  ino_t       inode;
  guint       in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (SalesDb, sales_db, G_TYPE_OBJECT)

#define BUSY_TIMEOUT_MS 5000

/* SQLite's default page cache of 2 MiB holds less than one index of a
 * database of 100 000 customers, so that a query over many of them reads the
 * same pages from the file again and again: the public pool's daily rules
 * took 250 ms of processor time there, 140 ms with 64 MiB. The cache only
 * grows as pages are read. Memory-mapped reads (mmap_size) were no faster
 * for those rules and made their writes slower, so they stay off. */
#define CACHE_SIZE_PRAGMA "PRAGMA cache_size = -65536"

G_DEFINE_QUARK (sales-db-error-quark, sales_db_error)

static void
sales_db_finalize (GObject *object)
{
  SalesDb *self = (SalesDb *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);

  G_OBJECT_CLASS (sales_db_parent_class)->finalize (object);
}

static void
sales_db_class_init (SalesDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_db_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sales_db_init (SalesDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

char *
sales_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sales-desk", "sales.db", NULL);
}

static SalesDbError
error_code_for_rc (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return SALES_DB_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return SALES_DB_ERROR_CORRUPT;
    case SQLITE_FULL:
      return SALES_DB_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SALES_DB_ERROR_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SALES_DB_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return SALES_DB_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
      return SALES_DB_ERROR_OPEN;
    default:
      return SALES_DB_ERROR_FAILED;
    }
}

static gboolean
set_error_for_rc (sqlite3     *handle,
                  const char  *path,
                  int          rc,
                  GError     **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  SalesDbError code = error_code_for_rc (rc);
  const char *name = path != NULL ? path : "";

  switch (code)
    {
    case SALES_DB_ERROR_NOT_A_DATABASE:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("“%s” is not a Sales Desk database"), name);
      break;
    case SALES_DB_ERROR_CORRUPT:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("The database “%s” is damaged"), name);
      break;
    case SALES_DB_ERROR_FULL:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("The disk is full; the change was not saved"));
      break;
    case SALES_DB_ERROR_READONLY:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("The database “%s” is read-only; the change was not saved"), name);
      break;
    case SALES_DB_ERROR_BUSY:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("Another program is writing to the database; try again in a moment"));
      break;
    case SALES_DB_ERROR_CONSTRAINT:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("The change was refused because it would make the data inconsistent (%s)"),
                   detail);
      break;
    case SALES_DB_ERROR_OPEN:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("Cannot open the database “%s”"), name);
      break;
    case SALES_DB_ERROR_NEWER_VERSION:
    case SALES_DB_ERROR_NOT_FOUND:
    case SALES_DB_ERROR_INVALID:
    case SALES_DB_ERROR_FAILED:
    default:
      g_set_error (error, SALES_DB_ERROR, code,
                   _("Database error: %s"), detail);
      break;
    }

  return FALSE;
}

/**
 * sales_db_set_error:
 * @rc: an SQLite result code
 *
 * Turns @rc into a translated #GError in the %SALES_DB_ERROR domain.
 *
 * Returns: %FALSE, so that callers can `return sales_db_set_error (...)`.
 */
gboolean
sales_db_set_error (SalesDb  *self,
                    int       rc,
                    GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (self), FALSE);

  return set_error_for_rc (self->handle, self->path, rc, error);
}

static gboolean
exec_handle (sqlite3     *handle,
             const char  *path,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error_for_rc (handle, path, rc, error);

  return TRUE;
}

gboolean
sales_db_exec (SalesDb     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (SALES_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return exec_handle (self->handle, self->path, sql, error);
}

/**
 * sales_db_prepare:
 * @sql: one SQL statement, a string that lives as long as the program
 *   (normally a literal)
 *
 * Returns a cached statement, reset and with its bindings cleared. The
 * statement belongs to @self; callers reset it when they are done so that
 * it releases its read lock (sales_db_prepare() does that on the next use).
 */
sqlite3_stmt *
sales_db_prepare (SalesDb     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (self->handle, self->path, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
sales_db_begin (SalesDb  *self,
                GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* Every change starts here: a file opened read-only gets one clear message. */
  if (sales_db_is_read_only (self))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_READONLY,
                   _("The database “%s” is open read-only; nothing was changed"), self->path);
      return FALSE;
    }

  if (!sales_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
sales_db_commit (SalesDb  *self,
                 GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!sales_db_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT (disk full, I/O error) leaves the transaction open;
       * roll it back so that nothing half-written can ever be committed later. */
      sales_db_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  return TRUE;
}

void
sales_db_rollback (SalesDb *self)
{
  g_return_if_fail (SALES_IS_DB (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
sales_db_in_transaction (SalesDb *self)
{
  g_return_val_if_fail (SALES_IS_DB (self), FALSE);

  return self->in_transaction;
}

static gint64
query_int (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/**
 * sales_db_drop_indexes:
 * @tables: (array zero-terminated=1): the tables whose indexes go
 *
 * For a bulk write, inside its transaction: drops the indexes that the schema defines on
 * @tables and returns their CREATE INDEX statements, as the schema holds them, for
 * sales_db_create_indexes() once the rows are in. Building an index by sorting the finished
 * table costs a fraction of keeping it up to date row by row. Indexes made by UNIQUE or
 * PRIMARY KEY constraints have no statement and stay. A rollback brings the indexes back.
 *
 * Returns: (transfer full) (element-type utf8): the statements, or %NULL with @error set
 */
GPtrArray *
sales_db_drop_indexes (SalesDb             *self,
                       const char * const  *tables,
                       GError             **error)
{
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (self), NULL);
  g_return_val_if_fail (tables != NULL, NULL);
  g_return_val_if_fail (self->in_transaction, NULL);

  rc = sqlite3_prepare_v2 (self->handle,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                           " AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && tables[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (drops, g_strdup_printf ("DROP INDEX \"%s\"",
                                                   sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (creates, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      sales_db_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < drops->len; i++)
    if (!sales_db_exec (self, g_ptr_array_index (drops, i), error))
      return NULL;

  return g_steal_pointer (&creates);
}

/**
 * sales_db_drop_named_indexes:
 * @names: (array zero-terminated=1): the indexes that go
 *
 * As sales_db_drop_indexes(), for the indexes named, where a bulk write keeps others of the
 * same table that it reads from or that its rows are appended to at the end.
 *
 * Returns: (transfer full) (element-type utf8): the statements, or %NULL with @error set
 */
GPtrArray *
sales_db_drop_named_indexes (SalesDb             *self,
                             const char * const  *names,
                             GError             **error)
{
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (self), NULL);
  g_return_val_if_fail (names != NULL, NULL);
  g_return_val_if_fail (self->in_transaction, NULL);

  rc = sqlite3_prepare_v2 (self->handle,
                           "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1"
                           " AND sql IS NOT NULL",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && names[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (creates, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      sales_db_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX IF EXISTS \"%s\"", names[i]);

      if (!sales_db_exec (self, drop, error))
        return NULL;
    }

  return g_steal_pointer (&creates);
}

/**
 * sales_db_create_indexes:
 * @statements: (element-type utf8): what sales_db_drop_indexes() returned
 *
 * Creates the indexes again, inside the same transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
sales_db_create_indexes (SalesDb    *self,
                         GPtrArray  *statements,
                         GError    **error)
{
  g_autofree char *restore = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SALES_IS_DB (self), FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  if (statements->len == 0)
    return TRUE;

  /* With temporary storage in memory (set at open, for statement journals) SQLite sorts
   * all the keys of an index in one run in memory, and that merge sort of millions of
   * records scattered over hundreds of MiB misses the CPU cache at every step: it took
   * twice the CPU time of sorting runs of 2 MiB (the page cache's size) spilled to
   * temporary files and merged. (Helper threads, PRAGMA threads, cost a third more CPU
   * time and gained nothing on a busy machine.) The change of temp_store is refused while
   * temporary tables are in use, and then the indexes are built the slower way. */
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                             "PRAGMA temp_store = %" G_GINT64_FORMAT,
                             query_int (self->handle, "PRAGMA cache_size"),
                             query_int (self->handle, "PRAGMA temp_store"));
  sqlite3_exec (self->handle, "PRAGMA cache_size = -2048; PRAGMA temp_store = FILE", NULL, NULL,
                NULL);

  for (guint i = 0; ok && i < statements->len; i++)
    ok = sales_db_exec (self, g_ptr_array_index (statements, i), error);

  sqlite3_exec (self->handle, restore, NULL, NULL, NULL);
  return ok;
}

/**
 * sales_db_use_rollback_journal:
 *
 * For a bulk write into a file that holds little, outside a transaction: a rollback
 * journal keeps a copy of the pages that the file had before the transaction, and a new
 * database has next to none, so the bulk write's pages are written once, into the file,
 * where a write-ahead log takes them all and the checkpoint after the commit copies them
 * into the file again (on a million deals 1.3 GB, and 6 s of the 64 s of CPU time). An
 * interrupted write leaves a journal that the next opening rolls back. The switch needs
 * the only connection to the file; with others open the file stays in WAL.
 *
 * Returns: (transfer full) (nullable): the pragmas that switch back, for sqlite3_exec()
 *   once the transaction is over, or %NULL when nothing was switched
 */
char *
sales_db_use_rollback_journal (SalesDb *self)
{
  g_autofree char *restore = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean switched = FALSE;

  g_return_val_if_fail (SALES_IS_DB (self), NULL);
  g_return_val_if_fail (!self->in_transaction, NULL);

  restore = g_strdup_printf ("PRAGMA journal_mode = WAL; PRAGMA synchronous = %" G_GINT64_FORMAT,
                             query_int (self->handle, "PRAGMA synchronous"));

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL) ==
      SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    switched = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "delete") == 0;
  sqlite3_finalize (stmt);

  if (!switched)
    return NULL;

  /* NORMAL is not safe from power loss outside WAL. */
  sqlite3_exec (self->handle, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  return g_steal_pointer (&restore);
}

const char *
sales_db_get_path (SalesDb *self)
{
  g_return_val_if_fail (SALES_IS_DB (self), NULL);

  return self->path;
}

sqlite3 *
sales_db_get_handle (SalesDb *self)
{
  g_return_val_if_fail (SALES_IS_DB (self), NULL);

  return self->handle;
}

gboolean
sales_db_is_read_only (SalesDb *self)
{
  g_return_val_if_fail (SALES_IS_DB (self), TRUE);

  return sqlite3_db_readonly (self->handle, "main") == 1;
}

/**
 * sales_db_check_file:
 *
 * Looks whether @self's path still names the file that was opened. Another program
 * (or the user in a file manager) may have deleted, moved or replaced it; the
 * connection then goes on with the old file, whose changes nobody would see again.
 */
SalesDbFileState
sales_db_check_file (SalesDb *self)
{
  GStatBuf buf;

  g_return_val_if_fail (SALES_IS_DB (self), SALES_DB_FILE_SAME);

  if (g_stat (self->path, &buf) != 0)
    return SALES_DB_FILE_MISSING;
  if (buf.st_dev != self->device || buf.st_ino != self->inode)
    return SALES_DB_FILE_REPLACED;
  return SALES_DB_FILE_SAME;
}

static int
read_user_version (sqlite3 *handle,
                   int     *version)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

int
sales_db_get_schema_version (SalesDb *self)
{
  int version = -1;

  g_return_val_if_fail (SALES_IS_DB (self), -1);

  read_user_version (self->handle, &version);
  return version;
}

gint64
sales_db_count (SalesDb    *self,
                const char *table)
{
  static const char * const tables[] = {
    "stage", "rep", "customer", "contact", "deal", "deal_stage_history", "lost_reason",
    "activity", "target", "contract", "payment_plan", "payment", NULL,
  };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_return_val_if_fail (SALES_IS_DB (self), -1);
  g_return_val_if_fail (table != NULL && g_strv_contains (tables, table), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* Creates the file (and its folder) with private permissions before SQLite
 * sees it, because SQLite would create it with the process umask; the -wal and
 * -shm files inherit the database file's mode. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OPEN,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);

  return TRUE;
}

/* Nobody may write @path (its mode has no write bit at all, which even root is held
 * to here), or this user may not: the file is then opened read-only. */
static gboolean
is_writable (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return TRUE;
  if ((buf.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0;
}

/* Two users on one file are refused by comparing the file's owner with this user.
 * GApplication already keeps one instance per user and session; another user has a
 * session bus of their own and would open the file a second time. SQLite's locks would
 * keep the file whole, but each user's window would go stale under the other's edits,
 * the other user's backups would hold the first user's data in their own folder, and a
 * migration could run under a window that does not expect it. A lock file was not
 * chosen: it stays behind after a crash or power loss and then needs a liveness test
 * (a process id) that means nothing on another computer sharing the folder. The owner
 * never goes stale; a file made by Sales Desk is private to its user (0600) anyway, so
 * another user only reaches it through permissions widened by hand. */
static gboolean
check_owner (const char  *path,
             GError     **error)
{
  GStatBuf buf;
  struct passwd *owner;

  if (g_stat (path, &buf) != 0 || buf.st_uid == getuid ())
    return TRUE;

  owner = getpwuid (buf.st_uid);
  if (owner != NULL && owner->pw_name != NULL)
    g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OTHER_USER,
                 _("The database “%s” belongs to the user “%s”. Sales Desk opens only "
                   "files of the user who runs it, so that two people never change one "
                   "file at once; ask them for a backup instead."),
                 path, owner->pw_name);
  else
    g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OTHER_USER,
                 _("The database “%s” belongs to another user. Sales Desk opens only "
                   "files of the user who runs it, so that two people never change one "
                   "file at once; ask them for a backup instead."),
                 path);
  return FALSE;
}

/* An existing file of no bytes holds no Sales Desk data, unless everything is still
 * in its -wal. SQLite would take it for a new database and write a schema into it;
 * it is left as it is instead, and the user asked what to do. */
static gboolean
check_not_empty (const char  *path,
                 GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf buf;

  if (g_stat (path, &buf) != 0 || buf.st_size > 0)
    return TRUE;
  if (g_stat (wal, &buf) == 0 && buf.st_size > 0)
    return TRUE;

  g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_A_DATABASE,
               _("The database “%s” is an empty file; it holds no Sales Desk data"), path);
  return FALSE;
}

/* A read-only file, or one in a read-only folder, is opened so that SQLite cannot write
 * to it. A read-only connection still makes the -wal and -shm of a database in WAL mode
 * when it can; when there is no -wal (the file was closed properly, so everything is in
 * it), the file is opened as immutable and nothing at all is made next to it. Changes
 * that another program would make meanwhile are then not seen, but nobody may write to
 * a read-only file, and in a read-only folder nobody can make the -wal a write needs. */
static int
open_read_only (const char  *path,
                sqlite3    **handle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full_uri = NULL;

  if (uri == NULL)
    return sqlite3_open_v2 (path, handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  full_uri = g_strconcat (uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "?immutable=1",
                          NULL);
  return sqlite3_open_v2 (full_uri, handle,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

/* Another connection's write lock outlasted the busy timeout while the file was being
 * opened. */
static gboolean
set_open_error (SalesDb  *self,
                int       rc,
                GError  **error)
{
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_BUSY,
                   _("Another program is using the database “%s” and did not let go of it; "
                     "close that program and open Sales Desk again"), self->path);
      return FALSE;
    }
  return set_error_for_rc (self->handle, self->path, rc, error);
}

static gboolean
migrate (SalesDb  *self,
         int       from_version,
         int       to_version,
         GError  **error)
{
  const SalesMigration *migrations;
  guint n_migrations;

  migrations = sales_db_get_migrations (&n_migrations);

  for (guint i = 0; i < n_migrations; i++)
    {
      const SalesMigration *m = &migrations[i];
      g_autofree char *set_version = NULL;

      if (m->version <= from_version || m->version > to_version)
        continue;

      /* Each migration is one transaction: a crash leaves the previous version. */
      if (!sales_db_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", m->version);

      if (!sales_db_exec (self, m->sql, error) ||
          (m->post != NULL && !m->post (self, error)) ||
          !sales_db_exec (self, set_version, error) ||
          !sales_db_commit (self, error))
        {
          sales_db_rollback (self);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sales_db_open_at_version:
 * @path: the database file; created (with its folder) when missing
 * @version: the schema version to migrate to; tests use older versions to
 *   check every migration path
 *
 * Returns: (transfer full): the open database, or %NULL with @error set.
 */
SalesDb *
sales_db_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_autoptr(SalesDb) self = NULL;
  g_autofree char *dir = NULL;
  gboolean read_only;
  gboolean exists;
  g_autoptr(GError) local_error = NULL;
  GStatBuf buf;
  int current = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= SALES_DB_SCHEMA_VERSION, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OPEN,
                   _("“%s” is a folder, not a database file"), path);
      return NULL;
    }

  if (!check_owner (path, error) || !check_not_empty (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  read_only = exists && (!is_writable (path) || !is_writable (dir));

  if (!read_only && !ensure_private_file (path, error))
    return NULL;

  self = g_object_new (SALES_TYPE_DB, NULL);
  self->path = g_strdup (path);

  if (read_only)
    rc = open_read_only (path, &self->handle);
  else
    rc = sqlite3_open_v2 (path, &self->handle,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (self->handle, path, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  if (g_stat (path, &buf) == 0)
    {
      self->device = buf.st_dev;
      self->inode = buf.st_ino;
    }

  /* Read the version before anything writes: a file that is not a database,
   * or one from a newer Sales Desk, must be left exactly as it is. */
  rc = read_user_version (self->handle, &current);
  if (rc != SQLITE_OK)
    {
      set_open_error (self, rc, error);
      return NULL;
    }

  if (current > SALES_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NEWER_VERSION,
                   _("The database “%s” was written by a newer version of Sales Desk "
                     "(schema %d; this version understands up to %d)"),
                   path, current, SALES_DB_SCHEMA_VERSION);
      return NULL;
    }

  /* With temp_store = MEMORY statement journals grow in 1 KiB chunks. By
   * default every write statement of a longer transaction allocates and frees
   * a 64 KiB buffer, and the heap trimming around it costs far more than the
   * writes (undoing the delete of a rep with 1 200 customers: 0.9 s, not 0.02 s). */
  if (!exec_handle (self->handle, path, "PRAGMA foreign_keys = ON", error) ||
      !exec_handle (self->handle, path, "PRAGMA temp_store = MEMORY", error) ||
      !exec_handle (self->handle, path, CACHE_SIZE_PRAGMA, error))
    return NULL;

  if (!sales_db_is_read_only (self))
    {
      rc = sqlite3_exec (self->handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->handle, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_open_error (self, rc, error);
          return NULL;
        }
    }

  if (current < version)
    {
      if (sales_db_is_read_only (self))
        {
          g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_READONLY,
                       _("The database “%s” is read-only and needs to be upgraded"), path);
          return NULL;
        }

      /* A copy of the file as the previous version left it, for going back to it. */
      if (current > 0)
        {
          g_autofree char *backup_dir = sales_backup_dir_for_db (path);
          g_autofree char *backup = sales_backup_create (self->handle, backup_dir,
                                                         g_get_real_time () / G_USEC_PER_SEC,
                                                         error);
          if (backup == NULL)
            return NULL;
        }

      if (!migrate (self, current, version, &local_error))
        {
          if (g_error_matches (local_error, SALES_DB_ERROR, SALES_DB_ERROR_BUSY))
            set_open_error (self, SQLITE_BUSY, error);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * sales_db_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens @path and brings its schema up to %SALES_DB_SCHEMA_VERSION.
 *
 * Returns: (transfer full): the open database, or %NULL with @error set.
 */
SalesDb *
sales_db_open (const char  *path,
               GError     **error)
{
  g_autoptr(SalesDb) self = NULL;
  g_autoptr(GError) local_error = NULL;

  self = sales_db_open_at_version (path, SALES_DB_SCHEMA_VERSION, error);
  if (self == NULL)
    return NULL;

  /* Failing to catch up is no reason to refuse the file: the customers stay
   * noted as changed, and the next write's commit catches up with them. */
  if (!sales_db_is_read_only (self) &&
      !sales_customer_index_flush_now (self, &local_error))
    g_debug ("Derived customer data not brought up to date: %s", local_error->message);

  return g_steal_pointer (&self);
}

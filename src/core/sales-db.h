/* sales-db.h: the SQLite connection, its migrations, statements and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes. A file with a larger user_version was
 * written by a newer Sales Desk and is refused without being touched. */
#define SALES_DB_SCHEMA_VERSION 8

#define SALES_DB_ERROR (sales_db_error_quark ())

typedef enum
{
  SALES_DB_ERROR_OPEN,
  SALES_DB_ERROR_NOT_A_DATABASE,
  SALES_DB_ERROR_NEWER_VERSION,
  SALES_DB_ERROR_CORRUPT,
  SALES_DB_ERROR_FULL,
  SALES_DB_ERROR_READONLY,
  SALES_DB_ERROR_BUSY,
  SALES_DB_ERROR_CONSTRAINT,
  SALES_DB_ERROR_NOT_FOUND,
  SALES_DB_ERROR_INVALID,
  SALES_DB_ERROR_FAILED,
  SALES_DB_ERROR_OTHER_USER,
} SalesDbError;

/* What became of the file a SalesDb opened, as seen by its path. */
typedef enum
{
  SALES_DB_FILE_SAME,
  SALES_DB_FILE_MISSING,
  SALES_DB_FILE_REPLACED,
} SalesDbFileState;

#define SALES_TYPE_DB (sales_db_get_type ())

G_DECLARE_FINAL_TYPE (SalesDb, sales_db, SALES, DB, GObject)

GQuark        sales_db_error_quark         (void);
char         *sales_db_default_path        (void);
SalesDb      *sales_db_open                (const char   *path,
                                            GError      **error);
SalesDb      *sales_db_open_at_version     (const char   *path,
                                            int           version,
                                            GError      **error);
const char   *sales_db_get_path            (SalesDb      *self);
sqlite3      *sales_db_get_handle          (SalesDb      *self);
int           sales_db_get_schema_version  (SalesDb      *self);
gboolean      sales_db_is_read_only        (SalesDb      *self);
SalesDbFileState sales_db_check_file       (SalesDb      *self);
sqlite3_stmt *sales_db_prepare             (SalesDb      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      sales_db_exec                (SalesDb      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      sales_db_begin               (SalesDb      *self,
                                            GError      **error);
gboolean      sales_db_commit              (SalesDb      *self,
                                            GError      **error);
void          sales_db_rollback            (SalesDb      *self);
gboolean      sales_db_in_transaction      (SalesDb      *self);
gboolean      sales_db_set_error           (SalesDb      *self,
                                            int           rc,
                                            GError      **error);
gint64        sales_db_count               (SalesDb      *self,
                                            const char   *table);
GPtrArray    *sales_db_drop_indexes        (SalesDb             *self,
                                            const char * const  *tables,
                                            GError             **error);
GPtrArray    *sales_db_drop_named_indexes  (SalesDb             *self,
                                            const char * const  *names,
                                            GError             **error);
gboolean      sales_db_create_indexes      (SalesDb      *self,
                                            GPtrArray    *statements,
                                            GError      **error);
char         *sales_db_use_rollback_journal (SalesDb     *self);

G_END_DECLS

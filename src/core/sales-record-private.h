/* sales-record-private.h: how a record class maps onto its table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sales-record.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_COLUMN_PLAIN    = 0,
  /* 0, FALSE or a blank string is written as NULL; NULL reads back as 0 or NULL. */
  SALES_COLUMN_NULLABLE = 1 << 0,
} SalesColumnFlags;

typedef struct
{
  /* The property has the same name with '-' for '_'. */
  const char         *name;
  SalesColumnFlags    flags;
  /* Enum properties: the text stored for each value, in value order. */
  const char * const *enum_strings;
} SalesColumn;

typedef struct
{
  SalesRecordKind    kind;
  const char        *name;
  const SalesColumn *columns;
  guint              n_columns;
} SalesTable;

typedef enum
{
  /* "SELECT id, <columns> FROM <table>", for callers that add their own WHERE/ORDER BY */
  SALES_RECORD_SQL_SELECT,
  /* ... "WHERE id = ?1" */
  SALES_RECORD_SQL_SELECT_BY_ID,
  /* "INSERT INTO <table> (<columns>) VALUES (?1, …)" */
  SALES_RECORD_SQL_INSERT,
  /* "UPDATE <table> SET <column> = ?1, … WHERE id = ?<n_columns + 1>" */
  SALES_RECORD_SQL_UPDATE,
  SALES_RECORD_SQL_DELETE,
  SALES_RECORD_N_SQL,
} SalesRecordSql;

void              sales_record_class_set_table  (SalesRecordClass  *klass,
                                                 const SalesTable  *table);
const SalesTable *sales_record_class_get_table  (SalesRecordClass  *klass);
const char       *sales_record_class_get_sql    (SalesRecordClass  *klass,
                                                 SalesRecordSql     which);

const char       *sales_record_get_table_name   (SalesRecord       *self);
const char       *sales_record_get_sql          (SalesRecord       *self,
                                                 SalesRecordSql     which);
void              sales_record_set_id           (SalesRecord       *self,
                                                 gint64             id);
/* Reads a row of SALES_RECORD_SQL_SELECT; notifies only the properties that change. */
void              sales_record_load             (SalesRecord       *self,
                                                 sqlite3_stmt      *stmt);
/* Binds every column to ?1 … ?n_columns. */
void              sales_record_bind             (SalesRecord       *self,
                                                 sqlite3_stmt      *stmt);

/* The setters of the subclasses share these: each notifies @pspec only on a change. */
void              sales_record_set_string       (SalesRecord       *self,
                                                 char             **field,
                                                 const char        *value,
                                                 GParamSpec        *pspec);
void              sales_record_set_int64        (SalesRecord       *self,
                                                 gint64            *field,
                                                 gint64             value,
                                                 GParamSpec        *pspec);
void              sales_record_set_int          (SalesRecord       *self,
                                                 int               *field,
                                                 int                value,
                                                 GParamSpec        *pspec);
void              sales_record_set_boolean      (SalesRecord       *self,
                                                 gboolean          *field,
                                                 gboolean           value,
                                                 GParamSpec        *pspec);

gboolean          sales_check_email             (const char        *email,
                                                 GError           **error);
int               sales_enum_from_string        (const char * const *strings,
                                                 const char        *text);

G_END_DECLS

/* sales-store-undo.c: undo of the last destructive action, by before-images
 *
 * Inside the transaction of a delete or a move, and before it writes, the
 * store saves every row the action will delete or modify, whole, with its
 * id; rows the action inserts are only noted. Which rows a delete reaches is
 * not written down anywhere in the code: it is read from the foreign keys of
 * the schema (PRAGMA foreign_key_list), so a table added by a later
 * migration is covered without touching this file. ON DELETE CASCADE rows
 * are followed further; SET NULL rows are saved as modified; RESTRICT keys
 * make the delete fail, so there is nothing to save for them.
 *
 * Undo runs in one transaction with deferred foreign keys: it deletes the
 * inserted rows, then writes every image back with an upsert, so deleted
 * rows return with their old ids and modified ones get their old values.
 * The store forgets the entry on any other write, which is what makes
 * writing the images back safe: nothing else can have touched those rows.
 *
 * Actions that touch many rows but few of their columns save just those
 * columns: the positions of a renumbered stage, the stage and position of
 * the deals a deleted stage hands over, the stages of the history rows it
 * rewrites. Applying writes those first, then deletes what the action
 * inserted (so that a stage no row refers to any more can go), then writes
 * the images back.
 *
 * Redo is an entry like any other: sales_undo_entry_new_inverse() saves,
 * before an entry is applied, the state that applying it replaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-store-private.h"

typedef struct _TableInfo TableInfo;

typedef struct
{
  TableInfo *child;
  char      *select_ids;
  gboolean   cascade;
} ForeignKey;

struct _TableInfo
{
  char   *name;
  char   *select_row;
  char   *upsert;
  char   *exists;
  char   *delete;
  guint   n_columns;
  /* ForeignKey: the keys of other tables that point at this one */
  GArray *keys;
};

typedef struct
{
  TableInfo      *table;
  gint64          id;
  sqlite3_value **values;
  gboolean        deleted;
} RowImage;

typedef struct
{
  const char *table;
  gint64      id;
} RowRef;

typedef struct
{
  gint64 id;
  gint64 position;
} DealPosition;

typedef struct
{
  gint64 id;
  gint64 stage_id;
  gint64 position;
} DealPlace;

typedef struct
{
  gint64 id;
  gint64 from_stage_id;
  gint64 to_stage_id;
} HistoryStages;

struct _SalesUndoEntry
{
  char       *label;
  /* RowImage, parents before children */
  GPtrArray  *images;
  /* "table id" -> RowImage, so that a row reached twice is saved once */
  GHashTable *saved;
  GArray     *inserted;
  GArray     *positions;
  GArray     *places;
  GArray     *history;
};

static void
foreign_key_clear (gpointer data)
{
  ForeignKey *key = data;

  g_free (key->select_ids);
}

static void
table_info_free (gpointer data)
{
  TableInfo *info = data;

  g_free (info->name);
  g_free (info->select_row);
  g_free (info->upsert);
  g_free (info->exists);
  g_free (info->delete);
  g_array_unref (info->keys);
  g_free (info);
}

static void
row_image_free (gpointer data)
{
  RowImage *image = data;

  for (guint i = 0; i < image->table->n_columns; i++)
    sqlite3_value_free (image->values[i]);
  g_free (image->values);
  g_free (image);
}

static gboolean
step_done (SalesDb       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

static TableInfo *
table_info_new (SalesDb     *db,
                const char  *name,
                GError     **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);
  TableInfo *info;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = sales_db_prepare (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *)sqlite3_column_text (stmt, 0);

      n++;
      g_string_append_printf (columns, "%s\"%s\"", n > 1 ? ", " : "", column);
      g_string_append_printf (params, "%s?%u", n > 1 ? ", " : "", n);
      /* Rewriting the key would make SQLite look for its children. */
      if (!g_str_equal (column, "id"))
        g_string_append_printf (assignments, "%s\"%s\" = excluded.\"%s\"",
                                assignments->len > 0 ? ", " : "", column, column);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  info = g_new0 (TableInfo, 1);
  info->name = g_strdup (name);
  info->n_columns = n;
  info->select_row = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?1", columns->str, name);
  info->upsert = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s) "
                                  "ON CONFLICT (id) DO UPDATE SET %s",
                                  name, columns->str, params->str, assignments->str);
  info->exists = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1", name);
  info->delete = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", name);
  info->keys = g_array_new (FALSE, TRUE, sizeof (ForeignKey));
  g_array_set_clear_func (info->keys, foreign_key_clear);

  return info;
}

static gboolean
add_foreign_keys (SalesDb     *db,
                  GHashTable  *tables,
                  TableInfo   *child,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db,
                           "SELECT \"table\", \"from\", on_delete "
                           "FROM pragma_foreign_key_list (?1)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, child->name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *parent_name = (const char *)sqlite3_column_text (stmt, 0);
      const char *column = (const char *)sqlite3_column_text (stmt, 1);
      const char *on_delete = (const char *)sqlite3_column_text (stmt, 2);
      TableInfo *parent = g_hash_table_lookup (tables, parent_name);
      ForeignKey key;

      /* RESTRICT and NO ACTION make the delete fail: nothing to save. */
      if (parent == NULL ||
          !(g_str_equal (on_delete, "CASCADE") || g_str_equal (on_delete, "SET NULL") ||
            g_str_equal (on_delete, "SET DEFAULT")))
        continue;

      key.child = child;
      key.select_ids = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1",
                                        child->name, column);
      key.cascade = g_str_equal (on_delete, "CASCADE");
      g_array_append_val (parent->keys, key);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

static gboolean
ensure_tables (SalesStore  *store,
               GError     **error)
{
  g_autoptr(GHashTable) tables = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  TableInfo *info;
  int rc;

  if (store->tables != NULL)
    return TRUE;

  stmt = sales_db_prepare (store->db,
                           "SELECT name FROM sqlite_schema "
                           "WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (store->db, rc, error);

  tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_info_free);
  for (guint i = 0; i < names->len; i++)
    {
      info = table_info_new (store->db, g_ptr_array_index (names, i), error);
      if (info == NULL)
        return FALSE;
      g_hash_table_insert (tables, info->name, info);
    }

  /* In the order of the schema, not of the hash table: the order of a parent's keys is the
   * order in which the rows a delete cascades to are saved and signalled, which must not
   * change when a table is added. */
  for (guint i = 0; i < names->len; i++)
    {
      info = g_hash_table_lookup (tables, g_ptr_array_index (names, i));
      if (!add_foreign_keys (store->db, tables, info, error))
        return FALSE;
    }

  store->tables = g_steal_pointer (&tables);
  return TRUE;
}

SalesUndoEntry *
sales_undo_entry_new (const char *label)
{
  SalesUndoEntry *entry = g_new0 (SalesUndoEntry, 1);

  entry->label = g_strdup (label);
  entry->images = g_ptr_array_new_with_free_func (row_image_free);
  entry->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  entry->inserted = g_array_new (FALSE, FALSE, sizeof (RowRef));
  entry->positions = g_array_new (FALSE, FALSE, sizeof (DealPosition));
  entry->places = g_array_new (FALSE, FALSE, sizeof (DealPlace));
  entry->history = g_array_new (FALSE, FALSE, sizeof (HistoryStages));

  return entry;
}

void
sales_undo_entry_free (SalesUndoEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->label);
  g_hash_table_unref (entry->saved);
  g_ptr_array_unref (entry->images);
  g_array_unref (entry->inserted);
  g_array_unref (entry->positions);
  g_array_unref (entry->places);
  g_array_unref (entry->history);
  g_free (entry);
}

const char *
sales_undo_entry_get_label (SalesUndoEntry *entry)
{
  return entry->label;
}

/* Saves the row once. *image is NULL when the row does not exist. */
static gboolean
save_image (SalesUndoEntry  *entry,
            SalesDb         *db,
            TableInfo       *table,
            gint64           id,
            RowImage       **image,
            GError         **error)
{
  g_autofree char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT, table->name, id);
  sqlite3_stmt *stmt;
  RowImage *saved;
  int rc;

  *image = g_hash_table_lookup (entry->saved, key);
  if (*image != NULL)
    return TRUE;

  stmt = sales_db_prepare (db, table->select_row, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return rc == SQLITE_DONE ? TRUE : sales_db_set_error (db, rc, error);
    }

  saved = g_new0 (RowImage, 1);
  saved->table = table;
  saved->id = id;
  saved->values = g_new0 (sqlite3_value *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    saved->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, (int)i));
  sqlite3_reset (stmt);

  g_ptr_array_add (entry->images, saved);
  g_hash_table_insert (entry->saved, g_steal_pointer (&key), saved);
  *image = saved;

  return TRUE;
}

static GArray *
select_ids (SalesDb     *db,
            const char  *sql,
            gint64       value,
            GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  /* Read everything before recursing: the walk may come back to this statement. */
  sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
save_deleted (SalesUndoEntry  *entry,
              SalesDb         *db,
              TableInfo       *table,
              gint64           id,
              GError         **error)
{
  RowImage *image;

  if (!save_image (entry, db, table, id, &image, error))
    return FALSE;

  /* Gone already, or reached before by another path. */
  if (image == NULL || image->deleted)
    return TRUE;

  image->deleted = TRUE;

  for (guint i = 0; i < table->keys->len; i++)
    {
      const ForeignKey *key = &g_array_index (table->keys, ForeignKey, i);
      g_autoptr(GArray) ids = select_ids (db, key->select_ids, id, error);

      if (ids == NULL)
        return FALSE;

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 child_id = g_array_index (ids, gint64, j);
          RowImage *child;

          if (key->cascade
              ? !save_deleted (entry, db, key->child, child_id, error)
              : !save_image (entry, db, key->child, child_id, &child, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * sales_undo_entry_save_delete:
 *
 * Saves the row @table.@id and everything its deletion will cascade to or
 * set to NULL. Call inside the transaction, before deleting.
 */
gboolean
sales_undo_entry_save_delete (SalesUndoEntry  *entry,
                              SalesStore      *store,
                              const char      *table,
                              gint64           id,
                              GError         **error)
{
  TableInfo *info;

  g_assert (sales_db_in_transaction (store->db));

  if (!ensure_tables (store, error))
    return FALSE;

  info = g_hash_table_lookup (store->tables, table);
  g_assert (info != NULL);

  return save_deleted (entry, store->db, info, id, error);
}

/**
 * sales_undo_entry_save_row:
 *
 * Saves the row @table.@id, which the action is about to modify.
 */
gboolean
sales_undo_entry_save_row (SalesUndoEntry  *entry,
                           SalesStore      *store,
                           const char      *table,
                           gint64           id,
                           GError         **error)
{
  TableInfo *info;
  RowImage *image;

  g_assert (sales_db_in_transaction (store->db));

  if (!ensure_tables (store, error))
    return FALSE;

  info = g_hash_table_lookup (store->tables, table);
  g_assert (info != NULL);

  return save_image (entry, store->db, info, id, &image, error);
}

/**
 * sales_undo_entry_rebind:
 *
 * Makes @entry, saved through another store of the same file (an import on
 * a connection of its own in a worker thread), refer to @store's tables, so
 * that it outlives the other store. The saved values are copies that belong
 * to no connection.
 */
gboolean
sales_undo_entry_rebind (SalesUndoEntry  *entry,
                         SalesStore      *store,
                         GError         **error)
{
  if (!ensure_tables (store, error))
    return FALSE;

  for (guint i = 0; i < entry->images->len; i++)
    {
      RowImage *image = g_ptr_array_index (entry->images, i);
      TableInfo *info = g_hash_table_lookup (store->tables, image->table->name);

      g_assert (info != NULL && info->n_columns == image->table->n_columns);
      image->table = info;
    }

  return TRUE;
}

/* Renumbering a stage touches every card in it; the positions alone are
 * enough to put them back and cost far less than whole rows. */
void
sales_undo_entry_save_position (SalesUndoEntry *entry,
                                gint64          deal_id,
                                gint64          position)
{
  DealPosition saved = { deal_id, position };

  g_array_append_val (entry->positions, saved);
}

/* A deal handed from one stage to another without a move of its own. */
void
sales_undo_entry_save_place (SalesUndoEntry *entry,
                             gint64          deal_id,
                             gint64          stage_id,
                             gint64          position)
{
  DealPlace saved = { deal_id, stage_id, position };

  g_array_append_val (entry->places, saved);
}

/* @from_stage_id is 0 for the NULL of a deal's first row. */
void
sales_undo_entry_save_history_stages (SalesUndoEntry *entry,
                                      gint64          history_id,
                                      gint64          from_stage_id,
                                      gint64          to_stage_id)
{
  HistoryStages saved = { history_id, from_stage_id, to_stage_id };

  g_array_append_val (entry->history, saved);
}

void
sales_undo_entry_add_inserted (SalesUndoEntry *entry,
                               const char     *table,
                               gint64          id)
{
  RowRef ref = { g_intern_string (table), id };

  g_array_append_val (entry->inserted, ref);
}

static void
add_change (GArray      *changes,
            const char  *table,
            gint64       id,
            SalesChange  change)
{
  SalesRowChange row;

  if (!sales_store_kind_for_table (table, &row.kind))
    return;

  row.id = id;
  row.change = change;
  g_array_append_val (changes, row);
}

/* Whether applying @entry writes rows of @table (one without records, such as
 * "target", whose changes sales_undo_entry_get_changes() cannot name). */
gboolean
sales_undo_entry_touches_table (SalesUndoEntry *entry,
                                const char     *table)
{
  for (guint i = 0; i < entry->images->len; i++)
    {
      const RowImage *image = g_ptr_array_index (entry->images, i);

      if (g_strcmp0 (image->table->name, table) == 0)
        return TRUE;
    }

  for (guint i = 0; i < entry->inserted->len; i++)
    {
      if (g_strcmp0 (g_array_index (entry->inserted, RowRef, i).table, table) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * sales_undo_entry_get_changes:
 * @changes: (element-type SalesRowChange): where to add the records the
 *   action deleted, modified or inserted
 */
void
sales_undo_entry_get_changes (SalesUndoEntry *entry,
                              GArray         *changes)
{
  for (guint i = 0; i < entry->images->len; i++)
    {
      const RowImage *image = g_ptr_array_index (entry->images, i);

      add_change (changes, image->table->name, image->id,
                  image->deleted ? SALES_CHANGE_DELETED : SALES_CHANGE_UPDATED);
    }

  for (guint i = 0; i < entry->inserted->len; i++)
    {
      const RowRef *ref = &g_array_index (entry->inserted, RowRef, i);

      add_change (changes, ref->table, ref->id, SALES_CHANGE_INSERTED);
    }

  for (guint i = 0; i < entry->places->len; i++)
    add_change (changes, "deal", g_array_index (entry->places, DealPlace, i).id,
                SALES_CHANGE_UPDATED);
}

/**
 * sales_undo_entry_get_deal_ids:
 * @ids: (element-type gint64): where to add the deals that applying @entry
 *   changes other than by their position
 */
void
sales_undo_entry_get_deal_ids (SalesUndoEntry *entry,
                               GArray         *ids)
{
  for (guint i = 0; i < entry->images->len; i++)
    {
      const RowImage *image = g_ptr_array_index (entry->images, i);

      if (g_str_equal (image->table->name, "deal"))
        g_array_append_val (ids, image->id);
    }

  for (guint i = 0; i < entry->inserted->len; i++)
    {
      const RowRef *ref = &g_array_index (entry->inserted, RowRef, i);

      if (g_str_equal (ref->table, "deal"))
        g_array_append_val (ids, ref->id);
    }

  for (guint i = 0; i < entry->places->len; i++)
    g_array_append_val (ids, g_array_index (entry->places, DealPlace, i).id);
}

static gboolean
read_two (SalesDb     *db,
          const char  *sql,
          gint64       id,
          gint64      *a,
          gint64      *b,
          GError     **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *a = sqlite3_column_int64 (stmt, 0);
      *b = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sales_db_set_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  return TRUE;
}

/**
 * sales_undo_entry_new_inverse:
 *
 * Saves what applying @entry will replace, so that the returned entry,
 * applied afterwards, brings it back. Call inside the transaction that
 * applies @entry, before applying it.
 *
 * Returns: (transfer full): the inverse of @entry, or %NULL with @error set
 */
SalesUndoEntry *
sales_undo_entry_new_inverse (SalesUndoEntry  *entry,
                              SalesStore      *store,
                              GError         **error)
{
  g_autoptr(SalesUndoEntry) inverse = sales_undo_entry_new (entry->label);
  SalesDb *db = store->db;

  g_assert (sales_db_in_transaction (db));

  if (!ensure_tables (store, error))
    return NULL;

  for (guint i = 0; i < entry->inserted->len; i++)
    {
      const RowRef *ref = &g_array_index (entry->inserted, RowRef, i);

      if (!sales_undo_entry_save_delete (inverse, store, ref->table, ref->id, error))
        return NULL;
    }

  for (guint i = 0; i < entry->positions->len; i++)
    {
      const DealPosition *saved = &g_array_index (entry->positions, DealPosition, i);
      gint64 position = 0, unused = 0;

      if (!read_two (db, "SELECT position, 0 FROM deal WHERE id = ?1", saved->id, &position,
                     &unused, error))
        return NULL;
      sales_undo_entry_save_position (inverse, saved->id, position);
    }

  for (guint i = 0; i < entry->places->len; i++)
    {
      const DealPlace *saved = &g_array_index (entry->places, DealPlace, i);
      gint64 stage_id = 0, position = 0;

      if (!read_two (db, "SELECT stage_id, position FROM deal WHERE id = ?1", saved->id,
                     &stage_id, &position, error))
        return NULL;
      sales_undo_entry_save_place (inverse, saved->id, stage_id, position);
    }

  for (guint i = 0; i < entry->history->len; i++)
    {
      const HistoryStages *saved = &g_array_index (entry->history, HistoryStages, i);
      gint64 from = 0, to = 0;

      if (!read_two (db,
                     "SELECT coalesce (from_stage_id, 0), to_stage_id "
                     "FROM deal_stage_history WHERE id = ?1",
                     saved->id, &from, &to, error))
        return NULL;
      sales_undo_entry_save_history_stages (inverse, saved->id, from, to);
    }

  for (guint i = 0; i < entry->images->len; i++)
    {
      const RowImage *image = g_ptr_array_index (entry->images, i);
      RowImage *current;

      if (!save_image (inverse, db, image->table, image->id, &current, error))
        return NULL;

      /* Applying @entry brings the row back: the inverse takes it away. */
      if (current == NULL)
        sales_undo_entry_add_inserted (inverse, image->table->name, image->id);
    }

  return g_steal_pointer (&inverse);
}

static gboolean
row_exists (SalesDb         *db,
            const RowImage  *image,
            gboolean        *exists,
            GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db, image->table->exists, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, image->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
restore_image (SalesDb         *db,
               const RowImage  *image,
               GArray          *changes,
               GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean existed;
  int rc;

  stmt = sales_db_prepare (db, image->table->exists, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, image->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);
  existed = rc == SQLITE_ROW;

  stmt = sales_db_prepare (db, image->table->upsert, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < image->table->n_columns; i++)
    sqlite3_bind_value (stmt, (int)i + 1, image->values[i]);

  if (!step_done (db, stmt, error))
    return FALSE;

  add_change (changes, image->table->name, image->id,
              existed ? SALES_CHANGE_UPDATED : SALES_CHANGE_INSERTED);
  return TRUE;
}

/**
 * sales_undo_entry_apply:
 * @changes: (element-type SalesRowChange): where to add the records undo
 *   deleted, restored or brought back
 * @positions_restored: (out): set when card positions of a stage changed
 *
 * Call inside a transaction; the caller commits or rolls back.
 */
gboolean
sales_undo_entry_apply (SalesUndoEntry  *entry,
                        SalesStore      *store,
                        GArray          *changes,
                        gboolean        *positions_restored,
                        GError         **error)
{
  g_autofree gboolean *restored = NULL;
  sqlite3_stmt *stmt;

  g_assert (sales_db_in_transaction (store->db));

  if (!ensure_tables (store, error))
    return FALSE;

  /* Rows come back in the order they were saved, and a child may be written
   * before a parent it refers to; the keys are checked at COMMIT instead. */
  if (!sales_db_exec (store->db, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  for (guint i = 0; i < entry->positions->len; i++)
    {
      const DealPosition *saved = &g_array_index (entry->positions, DealPosition, i);

      stmt = sales_db_prepare (store->db, "UPDATE deal SET position = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, saved->id);
      sqlite3_bind_int64 (stmt, 2, saved->position);
      if (!step_done (store->db, stmt, error))
        return FALSE;
    }
  *positions_restored = entry->positions->len > 0;

  for (guint i = 0; i < entry->places->len; i++)
    {
      const DealPlace *saved = &g_array_index (entry->places, DealPlace, i);

      stmt = sales_db_prepare (store->db,
                               "UPDATE deal SET stage_id = ?2, position = ?3 WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, saved->id);
      sqlite3_bind_int64 (stmt, 2, saved->stage_id);
      sqlite3_bind_int64 (stmt, 3, saved->position);
      if (!step_done (store->db, stmt, error))
        return FALSE;

      add_change (changes, "deal", saved->id, SALES_CHANGE_UPDATED);
    }

  for (guint i = 0; i < entry->history->len; i++)
    {
      const HistoryStages *saved = &g_array_index (entry->history, HistoryStages, i);

      stmt = sales_db_prepare (store->db,
                               "UPDATE deal_stage_history "
                               "SET from_stage_id = nullif (?2, 0), to_stage_id = ?3 WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, saved->id);
      sqlite3_bind_int64 (stmt, 2, saved->from_stage_id);
      sqlite3_bind_int64 (stmt, 3, saved->to_stage_id);
      if (!step_done (store->db, stmt, error))
        return FALSE;
    }

  /* Rows that exist get their old values before the inserted rows go: a
   * delete may cascade, and must not take a row that only pointed at the
   * deleted one after the action (redoing a merge deletes the merged
   * customer again, whose moved rows must first move back). */
  restored = g_new0 (gboolean, entry->images->len);
  for (guint i = 0; i < entry->images->len; i++)
    {
      const RowImage *image = g_ptr_array_index (entry->images, i);

      if (!row_exists (store->db, image, &restored[i], error) ||
          (restored[i] && !restore_image (store->db, image, changes, error)))
        return FALSE;
    }

  for (guint i = entry->inserted->len; i > 0; i--)
    {
      const RowRef *ref = &g_array_index (entry->inserted, RowRef, i - 1);
      TableInfo *info = g_hash_table_lookup (store->tables, ref->table);

      g_assert (info != NULL);

      stmt = sales_db_prepare (store->db, info->delete, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, ref->id);
      if (!step_done (store->db, stmt, error))
        return FALSE;

      add_change (changes, ref->table, ref->id, SALES_CHANGE_DELETED);
    }

  for (guint i = 0; i < entry->images->len; i++)
    {
      if (!restored[i] &&
          !restore_image (store->db, g_ptr_array_index (entry->images, i), changes, error))
        return FALSE;
    }

  return TRUE;
}

/* sales-store-import.c: customers, contacts, deals and follow-ups from a file, in one transaction
 *
 * Every row is read, checked and turned into drafts before anything of it is
 * written, so a row with a missing name, a bad amount or an unknown stage is
 * rejected whole (with its number and the reason) while the others go in. A
 * failure to write, a cancel or a crash rolls the whole import back: the
 * rows go through the store's own checks and rules (timestamps, a deal's
 * place and stage history, lead assignment), all inside one transaction.
 *
 * Duplicates follow the rules of sales-duplicates.c: a customer is the same
 * as another when they share a normalised phone or e-mail (their own or a
 * contact's) or company name. The keys are read from customer_key, which the
 * store brings up to date from the rows before a commit; the import does so
 * every few thousand rows too, and keeps the keys of the rows since in a hash
 * table, so that its memory does not grow with the file. A deal is the same
 * as another when it has the same customer and title; the deals the import
 * wrote are in the table already.
 *
 * The import is one undo entry: the rows it inserted (a customer's contacts,
 * deals and follow-ups go with it by cascade) and the before-image of each
 * row it merged into.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-backup.h"
#include "sales-customer-index.h"
#include "sales-import-private.h"
#include "sales-normalize.h"
#include "sales-store-import-bulk.h"
#include "sales-store-private.h"

/* Rows between two progress reports. */
#define PROGRESS_ROWS 2000

/* Rows between two updates of customer_key inside the transaction. */
#define KEY_FLUSH_ROWS 5000

/* See is_bulk(): a row of a customer sheet is about 100 bytes. */
#define BULK_MIN_BYTES (1024 * 1024)
#define BYTES_PER_ROW 100

typedef struct
{
  SalesStore             *store;
  SalesImport            *job;
  SalesImportSummary     *summary;
  const SalesImportField *fields;
  guint                   n_fields;
  guint                   header_row;
  SalesImportKind         kind;
  SalesImportPolicy       policy;
  /* NULL on the row path, see is_bulk() */
  SalesImportBulk        *bulk;
  SalesUndoEntry         *undo;
  GArray                 *changes;
  /* duplicate key ("p:…", "e:…", "n:…") -> customer id, for what the file wrote
   * since customer_key was last brought up to date */
  GHashTable             *file_keys;
  guint                   since_key_flush;
  /* Customers above this id are the import's own: undo deletes them. */
  gint64                  last_customer_before;
  /* "table:id" of the rows it saved a before-image of */
  GHashTable             *saved;
  /* case-folded name -> SalesStage */
  GHashTable             *stages;
  /* case-folded name or e-mail -> rep id */
  GHashTable             *reps;
  /* a source as the file writes it -> its code, or "" when it is no known one */
  GHashTable             *sources;
  gint64                  default_stage_id;
  SalesImportProgress     progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
  guint                   since_progress;
  char                   *values[SALES_IMPORT_N_FIELDS];
} ImportRun;

static gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gint64
lookup_id (GHashTable *table,
           const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text, -1);
}

static gboolean
load_stages_and_reps (ImportRun  *run,
                      GError    **error)
{
  g_autoptr(GListModel) stages = sales_store_list_stages (run->store);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SalesStage) stage = g_list_model_get_item (stages, i);

      if (run->default_stage_id == 0 && sales_stage_get_kind (stage) == SALES_STAGE_KIND_OPEN)
        run->default_stage_id = sales_record_get_id (SALES_RECORD (stage));
      g_hash_table_insert (run->stages, fold (sales_stage_get_name (stage)),
                           g_object_ref (stage));
    }

  stmt = sales_db_prepare (sales_store_get_db (run->store),
                           "SELECT id, name, email FROM rep ORDER BY active DESC, id DESC", error);
  if (stmt == NULL)
    return FALSE;

  /* Later rows win, so an active rep and then the oldest one is found by a shared name. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *email = (const char *)sqlite3_column_text (stmt, 2);

      if (name != NULL)
        g_hash_table_insert (run->reps, fold (name), id_new (id));
      if (email != NULL && *email != '\0')
        g_hash_table_insert (run->reps, fold (email), id_new (id));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (sales_store_get_db (run->store), rc, error);

  return TRUE;
}

/* Cells */

static void
take_values (ImportRun            *run,
             const SalesImportRow *row)
{
  for (guint i = 0; i < SALES_IMPORT_N_FIELDS; i++)
    g_clear_pointer (&run->values[i], g_free);

  for (guint i = 0; i < MIN (row->n_cells, run->n_fields); i++)
    {
      SalesImportField field = run->fields[i];

      if (field != SALES_IMPORT_FIELD_NONE && sales_import_field_applies (run->kind, field))
        {
          char *value = g_strstrip (g_strdup (row->cells[i]));

          sales_import_unneutralize (value);
          if (*value == '\0')
            g_clear_pointer (&value, g_free);
          g_free (run->values[field]);
          run->values[field] = value;
        }
    }
}

static const char *
value (ImportRun        *run,
       SalesImportField  field)
{
  return run->values[field];
}

/* Writing rows through the store's rules */

static gboolean
insert (ImportRun    *run,
        SalesRecord  *row,
        GError      **error)
{
  if (!sales_store_prepare_insert (run->store, row, error) ||
      !sales_store_insert_row (run->store, row, error))
    return FALSE;

  g_array_set_size (run->changes, 0);
  return sales_store_after_write (run->store, NULL, row, run->changes, error);
}

static gboolean
update (ImportRun    *run,
        SalesRecord  *old,
        SalesRecord  *row,
        GError      **error)
{
  const char *table = sales_record_get_table_name (row);
  gint64 id = sales_record_get_id (row);
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);

  /* Rows this import inserted go back by being deleted; others need their old values. */
  if (!(g_str_equal (table, "customer") && id > run->last_customer_before) &&
      !g_hash_table_contains (run->saved, key))
    {
      if (!sales_undo_entry_save_row (run->undo, run->store, table, id, error))
        return FALSE;
      g_hash_table_add (run->saved, g_steal_pointer (&key));
    }

  if (g_str_equal (table, "deal"))
    sales_store_keep_deal_before (run->store, SALES_DEAL (old));

  if (!sales_store_prepare_update (run->store, old, row, error) ||
      !sales_store_update_row (run->store, row, error))
    return FALSE;

  g_array_set_size (run->changes, 0);
  return sales_store_after_write (run->store, old, row, run->changes, error);
}

/* Looking things up by name */

static gboolean
find_rep (ImportRun   *run,
          const char  *name,
          gint64      *rep_id,
          char       **reason,
          GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(SalesRep) rep = NULL;

  *rep_id = 0;
  if (name == NULL)
    return TRUE;

  key = fold (name);
  *rep_id = lookup_id (run->reps, key);
  if (*rep_id != 0)
    return TRUE;

  if (!sales_import_get_create_reps (run->job))
    {
      *reason = g_strdup_printf (_("There is no sales rep “%s”"), name);
      return TRUE;
    }

  rep = g_object_new (SALES_TYPE_REP, NULL);
  sales_rep_set_name (rep, name);
  sales_rep_set_active (rep, TRUE);
  if (!sales_record_validate (SALES_RECORD (rep), error) || !insert (run, SALES_RECORD (rep), error))
    return FALSE;

  *rep_id = sales_record_get_id (SALES_RECORD (rep));
  sales_undo_entry_add_inserted (run->undo, "rep", *rep_id);
  g_hash_table_insert (run->reps, g_steal_pointer (&key), id_new (*rep_id));
  run->summary->reps_created++;
  return TRUE;
}

/* The stage of @name, or the first open one for none; NULL with @reason set when unknown. */
static SalesStage *
find_stage (ImportRun   *run,
            const char  *name,
            char       **reason,
            GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(SalesStage) stage = NULL;
  SalesStage *found;

  if (name == NULL)
    {
      if (run->default_stage_id != 0)
        return sales_store_get_stage (run->store, run->default_stage_id, error);
      *reason = g_strdup (_("The pipeline has no open stage"));
      return NULL;
    }

  key = fold (name);
  found = g_hash_table_lookup (run->stages, key);
  if (found != NULL)
    return g_object_ref (found);

  if (!sales_import_get_create_stages (run->job))
    {
      *reason = g_strdup_printf (_("There is no stage “%s”"), name);
      return NULL;
    }

  stage = g_object_new (SALES_TYPE_STAGE, NULL);
  sales_stage_set_name (stage, name);
  sales_stage_set_kind (stage, SALES_STAGE_KIND_OPEN);
  if (!sales_record_validate (SALES_RECORD (stage), error) ||
      !insert (run, SALES_RECORD (stage), error))
    return NULL;

  sales_undo_entry_add_inserted (run->undo, "stage", sales_record_get_id (SALES_RECORD (stage)));
  g_hash_table_insert (run->stages, g_steal_pointer (&key), g_object_ref (stage));
  run->summary->stages_created++;
  return g_steal_pointer (&stage);
}

/* Lost reasons are few: they are looked up by name each time. */
static gboolean
find_lost_reason (ImportRun   *run,
                  const char  *name,
                  gint64      *reason_id,
                  char       **reason,
                  GError     **error)
{
  g_autoptr(GListModel) reasons = NULL;
  g_autofree char *key = NULL;
  g_autoptr(SalesLostReason) created = NULL;

  if (name == NULL)
    {
      *reason = g_strdup (_("A lost deal needs a lost reason"));
      return TRUE;
    }

  key = fold (name);
  reasons = sales_store_list_lost_reasons (run->store);
  for (guint i = 0; i < g_list_model_get_n_items (reasons); i++)
    {
      g_autoptr(SalesLostReason) item = g_list_model_get_item (reasons, i);
      g_autofree char *item_key = fold (sales_lost_reason_get_name (item));

      if (g_str_equal (item_key, key))
        {
          *reason_id = sales_record_get_id (SALES_RECORD (item));
          return TRUE;
        }
    }

  /* A new reason is part of the pipeline, like a new stage. */
  if (!sales_import_get_create_stages (run->job))
    {
      *reason = g_strdup_printf (_("There is no lost reason “%s”"), name);
      return TRUE;
    }

  created = sales_lost_reason_new ();
  sales_lost_reason_set_name (created, name);
  if (!sales_record_validate (SALES_RECORD (created), error) ||
      !insert (run, SALES_RECORD (created), error))
    return FALSE;

  *reason_id = sales_record_get_id (SALES_RECORD (created));
  sales_undo_entry_add_inserted (run->undo, "lost_reason", *reason_id);
  return TRUE;
}

/* Customers */

typedef struct
{
  SalesCustomer *customer;
  SalesContact  *contact;      /* NULL without a contact name */
  SalesActivity *followup;     /* NULL without a follow-up note */
  GPtrArray     *keys;         /* duplicate keys, phones and e-mails first */
} CustomerDraft;

static void
customer_draft_clear (CustomerDraft *draft)
{
  g_clear_object (&draft->customer);
  g_clear_object (&draft->contact);
  g_clear_object (&draft->followup);
  g_clear_pointer (&draft->keys, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CustomerDraft, customer_draft_clear)

static void
add_key (GPtrArray  *keys,
         const char *prefix,
         char       *normalized)
{
  if (normalized != NULL)
    g_ptr_array_add (keys, g_strconcat (prefix, normalized, NULL));
  g_free (normalized);
}

static void
set_done_at (ImportRun     *run,
             SalesActivity *activity,
             const GDate   *date)
{
  gint64 now = sales_store_now (run->store);
  gint64 at = now;

  if (date != NULL)
    {
      g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (date),
                                                         g_date_get_month (date),
                                                         g_date_get_day (date), 12, 0, 0);

      if (noon != NULL)
        at = MIN (g_date_time_to_unix (noon), now);
    }

  sales_activity_set_done_at (activity, at);
}

/* The keys of the customer and contact of @draft, as sales_customer_keys_update() derives
 * them from the rows once written. */
static void
draft_set_keys (CustomerDraft *draft)
{
  g_clear_pointer (&draft->keys, g_ptr_array_unref);
  draft->keys = g_ptr_array_new_with_free_func (g_free);
  add_key (draft->keys, "p:", sales_normalize_phone (sales_customer_get_phone (draft->customer)));
  add_key (draft->keys, "e:", sales_normalize_email (sales_customer_get_email (draft->customer)));
  if (draft->contact != NULL)
    {
      add_key (draft->keys, "p:", sales_normalize_phone (sales_contact_get_phone (draft->contact)));
      add_key (draft->keys, "e:", sales_normalize_email (sales_contact_get_email (draft->contact)));
    }
  add_key (draft->keys, "n:",
           sales_normalize_company_name (sales_customer_get_name (draft->customer)));
}

/* A sheet names a few sources over and over; each is looked up once (a few hundred at most,
 * so that the table does not grow with the file). */
#define MAX_SOURCES 256

static const char *
source_code (ImportRun  *run,
             const char *text)
{
  const char *code = g_hash_table_lookup (run->sources, text);

  if (code != NULL)
    return code;

  code = sales_import_source_code (text);
  if (code == NULL)
    code = "";
  if (g_hash_table_size (run->sources) < MAX_SOURCES)
    g_hash_table_insert (run->sources, g_strdup (text), (gpointer)code);
  return code;
}

/* Fills @draft from the row; returns FALSE with @error for a failure, or
 * sets @reason for a row to reject. */
static gboolean
make_customer (ImportRun      *run,
               CustomerDraft  *draft,
               char          **reason,
               GError        **error)
{
  g_autoptr(GError) invalid = NULL;
  const char *contact_name = value (run, SALES_IMPORT_FIELD_CONTACT_NAME);
  const char *phone = value (run, SALES_IMPORT_FIELD_PHONE);
  const char *email = value (run, SALES_IMPORT_FIELD_EMAIL);
  const char *text;
  gint64 owner_id = 0;

  draft->customer = g_object_new (SALES_TYPE_CUSTOMER, NULL);
  sales_customer_set_name (draft->customer, value (run, SALES_IMPORT_FIELD_CUSTOMER_NAME));
  sales_customer_set_industry (draft->customer, value (run, SALES_IMPORT_FIELD_INDUSTRY));
  sales_customer_set_address (draft->customer, value (run, SALES_IMPORT_FIELD_ADDRESS));
  sales_customer_set_notes (draft->customer, value (run, SALES_IMPORT_FIELD_NOTES));

  /* Without a contact to hold them, a mobile and an e-mail are the customer's. */
  if (contact_name == NULL)
    {
      phone = phone != NULL ? phone : value (run, SALES_IMPORT_FIELD_CONTACT_PHONE);
      email = email != NULL ? email : value (run, SALES_IMPORT_FIELD_CONTACT_EMAIL);
    }
  sales_customer_set_phone (draft->customer, phone);
  sales_customer_set_email (draft->customer, email);

  text = value (run, SALES_IMPORT_FIELD_TIER);
  if (text != NULL)
    {
      SalesTier tier;

      if (!sales_import_parse_tier (text, &tier))
        {
          *reason = g_strdup_printf (_("“%s” is not a tier (A, B or C)"), text);
          return TRUE;
        }
      sales_customer_set_tier (draft->customer, tier);
    }

  text = value (run, SALES_IMPORT_FIELD_SOURCE);
  if (text != NULL)
    {
      const char *code = source_code (run, text);

      sales_customer_set_source (draft->customer, *code != '\0' ? code : text);
    }

  if (!find_rep (run, value (run, SALES_IMPORT_FIELD_OWNER), &owner_id, reason, error))
    return FALSE;
  if (*reason != NULL)
    return TRUE;
  sales_customer_set_owner_id (draft->customer, owner_id);

  if (!sales_record_validate (SALES_RECORD (draft->customer), &invalid))
    {
      *reason = g_strdup (invalid->message);
      return TRUE;
    }

  if (contact_name != NULL)
    {
      draft->contact = g_object_new (SALES_TYPE_CONTACT, NULL);
      sales_contact_set_name (draft->contact, contact_name);
      sales_contact_set_title (draft->contact, value (run, SALES_IMPORT_FIELD_CONTACT_TITLE));
      sales_contact_set_phone (draft->contact, value (run, SALES_IMPORT_FIELD_CONTACT_PHONE));
      sales_contact_set_email (draft->contact, value (run, SALES_IMPORT_FIELD_CONTACT_EMAIL));
      sales_contact_set_wechat (draft->contact, value (run, SALES_IMPORT_FIELD_CONTACT_WECHAT));
    }

  text = value (run, SALES_IMPORT_FIELD_FOLLOWUP_NOTE);
  if (text != NULL)
    {
      const char *date_text = value (run, SALES_IMPORT_FIELD_FOLLOWUP_DATE);
      GDate date;

      g_date_clear (&date, 1);
      if (date_text != NULL && !sales_import_parse_date (date_text, &date))
        {
          *reason = g_strdup_printf (_("“%s” is not a date"), date_text);
          return TRUE;
        }

      draft->followup = g_object_new (SALES_TYPE_ACTIVITY, NULL);
      sales_activity_set_kind (draft->followup, SALES_ACTIVITY_KIND_NOTE);
      sales_activity_set_note (draft->followup, text);
      sales_activity_set_owner_id (draft->followup, owner_id);
      set_done_at (run, draft->followup, date_text != NULL ? &date : NULL);
    }

  draft_set_keys (draft);
  return TRUE;
}

/* The customer the draft is a duplicate of, in the file first, then in the database. */
static gboolean
find_duplicate (ImportRun      *run,
                GPtrArray      *keys,
                gint64         *customer_id,
                GError        **error)
{
  sqlite3_stmt *stmt;

  *customer_id = 0;
  for (guint i = 0; i < keys->len; i++)
    {
      *customer_id = lookup_id (run->file_keys, g_ptr_array_index (keys, i));
      if (*customer_id != 0)
        return TRUE;
    }

  stmt = sales_db_prepare (sales_store_get_db (run->store),
                           "SELECT customer_id FROM customer_key WHERE key = ?1 "
                           "ORDER BY customer_id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < keys->len && *customer_id == 0; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (keys, i), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *customer_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sales_db_set_error (sales_store_get_db (run->store), rc, error);
    }

  return TRUE;
}

static void
remember_keys (ImportRun *run,
               GPtrArray *keys,
               gint64     customer_id)
{
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (!g_hash_table_contains (run->file_keys, key))
        g_hash_table_insert (run->file_keys, g_strdup (key), id_new (customer_id));
    }
}

static void
set_if_given (SalesCustomer *row,
              const char    *property,
              const char    *text)
{
  if (text != NULL && *text != '\0')
    g_object_set (row, property, text, NULL);
}

/* Non-empty values of the file replace the stored ones; empty cells keep them. */
static gboolean
merge_customer (ImportRun      *run,
                CustomerDraft  *draft,
                gint64          customer_id,
                GError        **error)
{
  static const char * const properties[] = { "industry", "source", "phone", "email",
                                             "address", "notes" };
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesRecord) row = NULL;

  old = sales_store_read_row (run->store, SALES_RECORD_CUSTOMER, customer_id, error);
  if (old == NULL)
    return FALSE;

  row = sales_record_dup (old);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (draft->customer, properties[i], &text, NULL);
      set_if_given (SALES_CUSTOMER (row), properties[i], text);
    }
  if (value (run, SALES_IMPORT_FIELD_TIER) != NULL)
    sales_customer_set_tier (SALES_CUSTOMER (row), sales_customer_get_tier (draft->customer));
  if (sales_customer_get_owner_id (draft->customer) != 0)
    sales_customer_set_owner_id (SALES_CUSTOMER (row),
                                 sales_customer_get_owner_id (draft->customer));

  return update (run, old, row, error);
}

/* Whether @customer_id already has a contact of that name or phone. */
static gboolean
has_contact (ImportRun     *run,
             gint64         customer_id,
             SalesContact  *contact,
             gboolean      *found,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (sales_store_get_db (run->store),
                           "SELECT 1 FROM contact WHERE customer_id = ?1 "
                           "AND (name = ?2 OR (?3 IS NOT NULL AND phone = ?3)) LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, sales_contact_get_name (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sales_contact_get_phone (contact), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (sales_store_get_db (run->store), rc, error);

  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
add_children (ImportRun      *run,
              CustomerDraft  *draft,
              gint64          customer_id,
              gboolean        created,
              GError        **error)
{
  if (draft->contact != NULL)
    {
      gboolean exists = FALSE;

      if (!created && !has_contact (run, customer_id, draft->contact, &exists, error))
        return FALSE;

      if (!exists)
        {
          sales_contact_set_customer_id (draft->contact, customer_id);
          sales_contact_set_is_primary (draft->contact, created);
          /* The first contact of a new customer has no other primary contact to clear. */
          if (created ? !sales_store_insert_row (run->store, SALES_RECORD (draft->contact), error)
                      : !insert (run, SALES_RECORD (draft->contact), error))
            return FALSE;
          if (!created)
            sales_undo_entry_add_inserted (run->undo, "contact",
                                           sales_record_get_id (SALES_RECORD (draft->contact)));
          run->summary->contacts_created++;
        }
    }

  if (draft->followup != NULL)
    {
      sales_activity_set_customer_id (draft->followup, customer_id);
      if (!insert (run, SALES_RECORD (draft->followup), error))
        return FALSE;
      if (!created)
        sales_undo_entry_add_inserted (run->undo, "activity",
                                       sales_record_get_id (SALES_RECORD (draft->followup)));
      run->summary->followups_created++;
    }

  return TRUE;
}

static gboolean
create_customer (ImportRun      *run,
                 CustomerDraft  *draft,
                 gint64         *customer_id,
                 GError        **error)
{
  if (!insert (run, SALES_RECORD (draft->customer), error))
    return FALSE;

  *customer_id = sales_record_get_id (SALES_RECORD (draft->customer));
  sales_undo_entry_add_inserted (run->undo, "customer", *customer_id);
  run->summary->customers_created++;
  return TRUE;
}

static gboolean
import_customer_row (ImportRun             *run,
                     const SalesImportRow  *row,
                     GError               **error)
{
  g_auto(CustomerDraft) draft = { 0 };
  g_autofree char *reason = NULL;
  gint64 customer_id = 0;
  gboolean created = FALSE;

  if (!make_customer (run, &draft, &reason, error))
    return FALSE;
  if (reason != NULL)
    {
      sales_import_reject (run->job, row, g_steal_pointer (&reason));
      return TRUE;
    }

  if (run->policy != SALES_IMPORT_CREATE &&
      !find_duplicate (run, draft.keys, &customer_id, error))
    return FALSE;

  if (customer_id != 0 && run->policy == SALES_IMPORT_SKIP)
    {
      run->summary->customers_skipped++;
      return TRUE;
    }

  if (customer_id != 0)
    {
      if (!merge_customer (run, &draft, customer_id, error))
        return FALSE;
      run->summary->customers_merged++;
    }
  else
    {
      if (!create_customer (run, &draft, &customer_id, error))
        return FALSE;
      created = TRUE;
    }

  if (run->bulk == NULL)
    {
      remember_keys (run, draft.keys, customer_id);
      return add_children (run, &draft, customer_id, created, error);
    }

  if (!add_children (run, &draft, customer_id, created, error))
    return FALSE;
  if (created)
    return sales_import_bulk_add_keys (run->bulk, draft.keys, customer_id, error);
  return sales_import_bulk_merged (run->bulk, customer_id, error);
}

/* Deals */

/* The customer a deal row names, created from the row's customer columns when there is none. */
static gboolean
deal_customer (ImportRun      *run,
               gint64         *customer_id,
               char          **reason,
               GError        **error)
{
  g_auto(CustomerDraft) draft = { 0 };
  g_autoptr(GPtrArray) name_key = g_ptr_array_new_with_free_func (g_free);

  if (!make_customer (run, &draft, reason, error) || *reason != NULL)
    return *reason != NULL;

  /* The name says which customer; phones and e-mails of a deal sheet are not checked. */
  add_key (name_key, "n:",
           sales_normalize_company_name (sales_customer_get_name (draft.customer)));
  if (!find_duplicate (run, name_key, customer_id, error))
    return FALSE;
  if (*customer_id != 0)
    return TRUE;

  g_clear_object (&draft.contact);
  g_clear_object (&draft.followup);
  draft_set_keys (&draft);
  if (!create_customer (run, &draft, customer_id, error))
    return FALSE;

  if (run->bulk != NULL)
    return sales_import_bulk_add_keys (run->bulk, draft.keys, *customer_id, error);
  remember_keys (run, draft.keys, *customer_id);
  return TRUE;
}

static gboolean
find_deal (ImportRun   *run,
           gint64       customer_id,
           const char  *title,
           gint64      *deal_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *deal_id = 0;
  stmt = sales_db_prepare (sales_store_get_db (run->store),
                           "SELECT id FROM deal WHERE customer_id = ?1 AND title = ?2 "
                           "ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *deal_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (sales_store_get_db (run->store), rc, error);

  return TRUE;
}

/* Fills @deal from the row, all but its customer; sets @reason for a row to reject. */
static gboolean
make_deal (ImportRun   *run,
           SalesDeal   *deal,
           char       **reason,
           GError     **error)
{
  g_autoptr(SalesStage) stage = NULL;
  const char *text;
  gint64 owner_id = 0;

  sales_deal_set_title (deal, value (run, SALES_IMPORT_FIELD_DEAL_TITLE));
  if (sales_deal_get_title (deal) == NULL)
    {
      *reason = g_strdup (_("A deal needs a title"));
      return TRUE;
    }

  text = value (run, SALES_IMPORT_FIELD_AMOUNT);
  if (text != NULL)
    {
      gint64 cents = 0;

      if (!sales_import_parse_amount (text, &cents) || cents < 0)
        {
          *reason = g_strdup_printf (_("“%s” is not an amount"), text);
          return TRUE;
        }
      sales_deal_set_amount_cents (deal, cents);
    }

  text = value (run, SALES_IMPORT_FIELD_CURRENCY);
  if (text != NULL)
    {
      g_autofree char *code = NULL;

      /* What a Chinese sheet writes for yuan */
      if (g_str_equal (text, "人民币") || g_str_equal (text, "元") || g_str_equal (text, "RMB") ||
          g_str_equal (text, "¥") || g_str_equal (text, "￥"))
        text = "CNY";
      code = g_ascii_strup (text, -1);
      if (strlen (code) != 3 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]) ||
          !g_ascii_isalpha (code[2]))
        {
          *reason = g_strdup_printf (_("“%s” is not a currency code such as CNY"), text);
          return TRUE;
        }
      sales_deal_set_currency (deal, code);
    }

  text = value (run, SALES_IMPORT_FIELD_EXPECTED_CLOSE);
  if (text != NULL)
    {
      GDate date;
      char iso[16];

      g_date_clear (&date, 1);
      if (!sales_import_parse_date (text, &date))
        {
          *reason = g_strdup_printf (_("“%s” is not a date"), text);
          return TRUE;
        }
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      sales_deal_set_expected_close (deal, iso);
    }

  if (!find_rep (run, value (run, SALES_IMPORT_FIELD_OWNER), &owner_id, reason, error))
    return FALSE;
  if (*reason != NULL)
    return TRUE;
  sales_deal_set_owner_id (deal, owner_id);

  stage = find_stage (run, value (run, SALES_IMPORT_FIELD_STAGE), reason, error);
  if (stage == NULL)
    return *reason != NULL;

  /* Every lost deal says why (sales_store_check_lost_reason()). */
  if (sales_stage_get_kind (stage) == SALES_STAGE_KIND_LOST)
    {
      gint64 reason_id = 0;

      if (!find_lost_reason (run, value (run, SALES_IMPORT_FIELD_LOST_REASON), &reason_id, reason,
                             error))
        return FALSE;
      if (*reason != NULL)
        return TRUE;
      sales_deal_set_lost_reason_id (deal, reason_id);
      sales_deal_set_lost_note (deal, value (run, SALES_IMPORT_FIELD_LOST_NOTE));
    }
  sales_deal_set_stage_id (deal, sales_record_get_id (SALES_RECORD (stage)));

  return TRUE;
}

static gboolean
merge_deal (ImportRun   *run,
            gint64       deal_id,
            SalesDeal   *draft,
            GError     **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesRecord) row = NULL;
  SalesDeal *deal;

  old = sales_store_read_row (run->store, SALES_RECORD_DEAL, deal_id, error);
  if (old == NULL)
    return FALSE;

  row = sales_record_dup (old);
  deal = SALES_DEAL (row);
  if (value (run, SALES_IMPORT_FIELD_AMOUNT) != NULL)
    sales_deal_set_amount_cents (deal, sales_deal_get_amount_cents (draft));
  if (value (run, SALES_IMPORT_FIELD_CURRENCY) != NULL)
    sales_deal_set_currency (deal, sales_deal_get_currency (draft));
  if (value (run, SALES_IMPORT_FIELD_EXPECTED_CLOSE) != NULL)
    sales_deal_set_expected_close (deal, sales_deal_get_expected_close (draft));
  if (value (run, SALES_IMPORT_FIELD_OWNER) != NULL)
    sales_deal_set_owner_id (deal, sales_deal_get_owner_id (draft));
  if (value (run, SALES_IMPORT_FIELD_STAGE) != NULL)
    sales_deal_set_stage_id (deal, sales_deal_get_stage_id (draft));

  return update (run, old, row, error);
}

static gboolean
import_deal_row (ImportRun             *run,
                 const SalesImportRow  *row,
                 GError               **error)
{
  g_autoptr(SalesDeal) deal = g_object_new (SALES_TYPE_DEAL, NULL);
  g_autofree char *reason = NULL;
  gint64 customer_id = 0, deal_id = 0;

  if (!make_deal (run, deal, &reason, error))
    return FALSE;
  if (reason == NULL && !deal_customer (run, &customer_id, &reason, error))
    return FALSE;
  if (reason != NULL)
    {
      sales_import_reject (run->job, row, g_steal_pointer (&reason));
      return TRUE;
    }

  if (run->policy != SALES_IMPORT_CREATE &&
      !find_deal (run, customer_id, sales_deal_get_title (deal), &deal_id, error))
    return FALSE;

  if (deal_id != 0 && run->policy == SALES_IMPORT_SKIP)
    {
      run->summary->deals_skipped++;
      return TRUE;
    }

  if (deal_id != 0)
    {
      if (!merge_deal (run, deal_id, deal, error))
        return FALSE;
      run->summary->deals_merged++;
      return TRUE;
    }

  sales_deal_set_customer_id (deal, customer_id);
  if (!insert (run, SALES_RECORD (deal), error))
    return FALSE;

  deal_id = sales_record_get_id (SALES_RECORD (deal));
  if (customer_id <= run->last_customer_before)
    sales_undo_entry_add_inserted (run->undo, "deal", deal_id);
  run->summary->deals_created++;
  return TRUE;
}

/* The run */

static gboolean
on_row (const SalesImportRow  *row,
        gpointer               user_data,
        GError               **error)
{
  ImportRun *run = user_data;
  SalesImportReader *reader = sales_import_get_reader (run->job);

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  if (++run->since_progress >= PROGRESS_ROWS)
    {
      run->since_progress = 0;
      if (run->progress != NULL)
        run->progress (sales_import_reader_get_offset (reader),
                       sales_import_reader_get_size (reader), run->progress_data);
    }

  if (row->number <= run->header_row || sales_import_row_is_blank (row))
    return TRUE;

  if (run->bulk == NULL && ++run->since_key_flush >= KEY_FLUSH_ROWS)
    {
      run->since_key_flush = 0;
      if (!sales_customer_index_flush (sales_store_get_db (run->store), error))
        return FALSE;
      g_hash_table_remove_all (run->file_keys);
    }

  run->summary->rows++;
  if (row->invalid_column >= 0)
    {
      const char *header = (guint)row->invalid_column < run->n_fields
                           ? sales_import_get_headers (run->job, NULL)[row->invalid_column] : "";
      SalesImportReader *r = reader;
      SalesImportEncoding encoding = sales_import_reader_get_encoding (r);

      if (encoding == SALES_IMPORT_ENCODING_AUTO)
        encoding = sales_import_reader_get_detected_encoding (r);
      sales_import_reject (run->job, row,
                           g_strdup_printf (_("Column %d (“%s”) is not valid %s text"),
                                            row->invalid_column + 1, header,
                                            sales_import_encoding_describe (encoding)));
      return TRUE;
    }

  take_values (run, row);
  if (run->kind == SALES_IMPORT_CUSTOMERS)
    return import_customer_row (run, row, error);
  return import_deal_row (run, row, error);
}

static void
import_run_clear (ImportRun *run)
{
  for (guint i = 0; i < SALES_IMPORT_N_FIELDS; i++)
    g_free (run->values[i]);
  g_clear_pointer (&run->undo, sales_undo_entry_free);
  g_array_unref (run->changes);
  g_hash_table_unref (run->file_keys);
  g_hash_table_unref (run->saved);
  g_hash_table_unref (run->stages);
  g_hash_table_unref (run->reps);
  g_hash_table_unref (run->sources);
  g_clear_pointer (&run->bulk, sales_import_bulk_free);
}

static gboolean
back_up (SalesStore  *self,
         GError     **error)
{
  g_autofree char *backup = NULL;

  /* Nothing to lose in an empty database, nor in one that is not a file. */
  if (sales_db_get_path (sales_store_get_db (self)) == NULL || sales_store_is_empty (self))
    return TRUE;

  backup = sales_backup_before (sales_store_get_db (self), "import", error);
  return backup != NULL;
}

/* Whether the file likely has more rows than the database: then the import takes the bulk
 * path. What every row would otherwise do a few statements for is done once for all rows
 * before the commit, which costs less when they are most of the database: the key figures'
 * triggers (a dozen statements for each new customer or deal) are dropped and the
 * summaries computed again from all rows, and so on (sales-store-import-bulk.c). */
static gboolean
is_bulk (SalesStore         *self,
         SalesImport        *job,
         gboolean           *bulk,
         GError            **error)
{
  goffset size = sales_import_reader_get_size (sales_import_get_reader (job));
  gint64 rows = 0;

  *bulk = sales_import_get_write (job) == SALES_IMPORT_WRITE_BULK;
  if (sales_import_get_write (job) != SALES_IMPORT_WRITE_AUTO || size < BULK_MIN_BYTES)
    return TRUE;

  if (!sales_store_query_int64 (self, "SELECT (SELECT count (*) FROM customer) + "
                                      "(SELECT count (*) FROM deal)", 0, 0, &rows, error))
    return FALSE;

  *bulk = size / BYTES_PER_ROW > rows;
  return TRUE;
}

/**
 * sales_store_import:
 * @job: what to import; its header is read here if it was not yet
 * @progress: (nullable): called every few thousand rows with the bytes read
 *
 * Backs the database up (when it holds anything), then imports every row of
 * @job's file in one transaction. Rows that cannot be imported are rejected
 * and listed in @job; the others go in. The import can then be undone as a
 * whole with sales_store_undo().
 *
 * Returns: %TRUE (also when rows were rejected), or %FALSE with @error set
 *   and nothing written: the file cannot be read, no column holds a
 *   customer's name, a write failed, or @cancellable was cancelled
 */
gboolean
sales_store_import (SalesStore          *self,
                    SalesImport         *job,
                    SalesImportProgress  progress,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  ImportRun run = { 0 };
  gboolean bulk = FALSE;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_IMPORT (job), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sales_import_get_headers (job, NULL) == NULL &&
      !sales_import_read_header (job, cancellable, error))
    return FALSE;
  if (!sales_import_check_mapping (job, error))
    return FALSE;

  if (!back_up (self, error) || !is_bulk (self, job, &bulk, error))
    return FALSE;

  run.store = self;
  run.job = job;
  run.summary = sales_import_begin_run (job);
  run.fields = sales_import_get_fields (job);
  sales_import_get_headers (job, &run.n_fields);
  run.header_row = sales_import_get_header_row (job);
  run.kind = sales_import_get_kind (job);
  run.policy = sales_import_get_policy (job);
  run.undo = sales_undo_entry_new (_("Import"));
  run.changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  run.file_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run.reps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.progress = progress;
  run.progress_data = user_data;
  run.cancellable = cancellable;

  if (bulk)
    run.bulk = sales_import_bulk_prepare (sales_store_get_db (self));

  ok = sales_store_begin (self, error);
  if (ok)
    {
      ok = sales_store_query_int64 (self, "SELECT coalesce (max (id), 0) FROM customer", 0, 0,
                                    &run.last_customer_before, error) &&
           (!bulk || sales_import_bulk_start (run.bulk, run.last_customer_before, error)) &&
           load_stages_and_reps (&run, error) &&
           sales_import_reader_read (sales_import_get_reader (job), on_row, &run, cancellable,
                                     error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           (!bulk || sales_import_bulk_finish (run.bulk, error)) &&
           sales_store_commit (self, error);
      if (!ok)
        sales_db_rollback (sales_store_get_db (self));
    }

  /* The journal and page cache as they were */
  g_clear_pointer (&run.bulk, sales_import_bulk_free);

  if (ok)
    {
      if (progress != NULL)
        progress (sales_import_reader_get_size (sales_import_get_reader (job)),
                  sales_import_reader_get_size (sales_import_get_reader (job)), user_data);
      sales_store_finish_entry (self, g_steal_pointer (&run.undo), TRUE);
    }
  else
    {
      /* Nothing of it was written: the summary must not say otherwise. */
      sales_import_begin_run (job);
    }

  import_run_clear (&run);
  return ok;
}

/* sales-store-import-customer.c: the rows of a customer sheet
 *
 * A row is a customer with, optionally, a contact and a follow-up note. Its duplicate keys
 * (sales-duplicates.c) are looked up among the file's earlier rows and in customer_key;
 * a duplicate is skipped, merged into or created anyway, as the import's policy says.
 * A deal sheet's customer columns come here too (sales_import_run_deal_customer()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-normalize.h"
#include "sales-store-import-private.h"


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

  if (!sales_import_run_find_rep (run, value (run, SALES_IMPORT_FIELD_OWNER), &owner_id, reason,
                                  error))
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

      if (run->bulk != NULL &&
          !sales_import_bulk_may_have_key (run->bulk, g_ptr_array_index (keys, i)))
        continue;

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

  return sales_import_run_update (run, old, row, error);
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
                      : !sales_import_run_insert (run, SALES_RECORD (draft->contact), error))
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
      if (!sales_import_run_insert (run, SALES_RECORD (draft->followup), error))
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
  if (!sales_import_run_insert (run, SALES_RECORD (draft->customer), error))
    return FALSE;

  *customer_id = sales_record_get_id (SALES_RECORD (draft->customer));
  sales_undo_entry_add_inserted (run->undo, "customer", *customer_id);
  run->summary->customers_created++;
  return TRUE;
}

/* Rejects the row, skips it, merges it into its duplicate or creates a customer. */
gboolean
sales_import_run_customer_row (ImportRun             *run,
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

/* The customer a deal row names, created from the row's customer columns when there is none. */
gboolean
sales_import_run_deal_customer (ImportRun      *run,
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

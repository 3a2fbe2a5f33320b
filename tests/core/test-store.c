/* test-store.c: SalesStore's identity map, writes, validation and signals
 *
 * A fresh database has the stages 1 Lead … 5 Negotiation (open), 6 Won,
 * 7 Lost and the lost reasons 1 … 5; the fixture's clock says TEST_T0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

static void
collect_notify (GObject    *object,
                GParamSpec *pspec,
                GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static char *
sorted_names (GPtrArray *names)
{
  /* g_ptr_array_copy() would take the free function along. */
  g_autoptr(GPtrArray) copy = g_ptr_array_sized_new (names->len + 1);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (names, i));
  g_ptr_array_sort (copy, compare_names);
  g_ptr_array_add (copy, NULL);
  return g_strjoinv (",", (char **)copy->pdata);
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesStage *a, *b, *c;
  SalesRecord *generic;
  SalesStage *won;
  gpointer weak;

  a = sales_store_get_stage (f->store, 1, &error);
  g_assert_no_error (error);
  b = sales_store_get_stage (f->store, 1, &error);
  generic = sales_store_get_record (f->store, SALES_RECORD_STAGE, 1, &error);
  g_assert_true (a == b);
  g_assert_true ((gpointer)generic == (gpointer)a);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (a)), ==, 1);
  g_assert_cmpstr (sales_stage_get_name (a), ==, "Lead");
  g_assert_cmpint (sales_stage_get_position (a), ==, 0);
  g_assert_cmpint (sales_stage_get_probability (a), ==, 10);
  g_assert_cmpint (sales_stage_get_rot_days (a), ==, 30);
  g_assert_cmpint (sales_stage_get_kind (a), ==, SALES_STAGE_KIND_OPEN);

  /* When the last holder lets go, the map lets go too ... */
  weak = a;
  g_object_add_weak_pointer (G_OBJECT (a), &weak);
  g_object_unref (a);
  g_object_unref (b);
  g_object_unref (generic);
  g_assert_null (weak);

  /* ... and the next caller gets a new object, read from the row. */
  test_exec (f->db, "UPDATE stage SET name = 'Leads' WHERE id = 1");
  c = sales_store_get_stage (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sales_stage_get_name (c), ==, "Leads");
  g_object_unref (c);

  won = sales_store_get_stage (f->store, 6, &error);
  g_assert_cmpint (sales_stage_get_kind (won), ==, SALES_STAGE_KIND_WON);
  g_assert_cmpint (sales_stage_get_rot_days (won), ==, 0);
  g_assert_true (sales_stage_is_closed (won));
  g_object_unref (won);

  g_assert_null (sales_store_get_deal (f->store, 42, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The deal no longer exists");
}

static void
test_customer (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesCustomer) again = NULL;
  g_autoptr(SalesCustomer) edit = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *notified = NULL;
  SignalLog log;

  signal_log_start (&log, f->store);

  sales_customer_set_name (draft, "  华为技术  ");
  sales_customer_set_industry (draft, "");
  sales_customer_set_tier (draft, SALES_TIER_A);
  sales_customer_set_source (draft, "Exhibition");
  sales_customer_set_phone (draft, " 0755-2878 0808 ");
  sales_customer_set_notes (draft, "\n");
  f->now = TEST_T0 + 60;

  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (customer)), ==, 1);
  g_assert_cmpstr (sales_customer_get_name (customer), ==, "华为技术");
  g_assert_null (sales_customer_get_industry (customer));
  g_assert_cmpstr (sales_customer_get_phone (customer), ==, "0755-2878 0808");
  g_assert_null (sales_customer_get_notes (customer));
  g_assert_cmpint (sales_customer_get_tier (customer), ==, SALES_TIER_A);
  g_assert_cmpint (sales_customer_get_owner_id (customer), ==, 0);
  g_assert_cmpint (sales_customer_get_created_at (customer), ==, 1700000060);
  g_assert_cmpint (sales_customer_get_updated_at (customer), ==, 1700000060);
  g_assert_cmpint (test_query_int (f->db,
                                   "SELECT industry IS NULL AND notes IS NULL AND tier = 'A' "
                                   "AND owner_id IS NULL AND source = 'Exhibition' "
                                   "FROM customer WHERE id = 1"), ==, 1);

  /* The caller's draft is not the stored object and is left as it was. */
  g_assert_true (draft != customer);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (draft)), ==, 0);
  g_assert_cmpstr (sales_customer_get_name (draft), ==, "  华为技术  ");
  again = sales_store_get_customer (f->store, 1, &error);
  g_assert_true (again == customer);

  g_assert_cmpuint (log.events->len, ==, 1);
  signal_log_assert (&log, 0, SALES_RECORD_CUSTOMER, 1, SALES_CHANGE_INSERTED);
  signal_log_clear (&log);

  /* An edit: created_at is the store's and the draft cannot change it. */
  edit = sales_customer_dup (customer);
  sales_customer_set_name (edit, "华为");
  sales_customer_set_notes (edit, "Key account");
  sales_customer_set_created_at (edit, 5);
  f->now = TEST_T0 + 3600;
  g_signal_connect (customer, "notify", G_CALLBACK (collect_notify), names);

  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
  notified = sorted_names (names);
  g_assert_cmpstr (notified, ==, "name,notes,updated-at");
  g_assert_cmpstr (sales_customer_get_name (customer), ==, "华为");
  g_assert_cmpstr (sales_customer_get_notes (customer), ==, "Key account");
  g_assert_cmpint (sales_customer_get_created_at (customer), ==, 1700000060);
  g_assert_cmpint (sales_customer_get_updated_at (customer), ==, 1700003600);
  g_assert_cmpuint (log.events->len, ==, 1);
  signal_log_assert (&log, 0, SALES_RECORD_CUSTOMER, 1, SALES_CHANGE_UPDATED);
  signal_log_clear (&log);

  g_assert_false (sales_store_can_undo (f->store));
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (customer), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 0);
  g_assert_cmpuint (log.events->len, ==, 1);
  signal_log_assert (&log, 0, SALES_RECORD_CUSTOMER, 1, SALES_CHANGE_DELETED);
  g_assert_true (sales_store_can_undo (f->store));
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted customer “华为”");

  g_clear_object (&again);
  again = sales_store_get_customer (f->store, 1, &error);
  g_assert_null (again);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_data (customer, names);
  signal_log_stop (&log, f->store);
}

static void
test_other_kinds (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SalesRep) rep = test_add_rep (f, "Zhang Wei");
  g_autoptr(SalesCustomer) customer = test_add_customer (f, "Acme", 1);
  g_autoptr(SalesRep) rep_edit = sales_rep_dup (rep);
  g_autoptr(SalesLostReason) reason_draft = sales_lost_reason_new ();
  g_autoptr(SalesLostReason) reason = NULL;
  g_autoptr(SalesLostReason) reason_edit = NULL;
  g_autoptr(SalesStage) stage_draft = sales_stage_new ();
  g_autoptr(SalesStage) stage = NULL;
  g_autoptr(SalesContact) contact = NULL;
  g_autoptr(SalesContact) contact_edit = NULL;
  g_autoptr(SalesActivity) activity_draft = sales_activity_new ();
  g_autoptr(SalesActivity) activity = NULL;
  g_autoptr(SalesActivity) activity_edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Rep */
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (rep)), ==, 1);
  g_assert_true (sales_rep_get_active (rep));
  sales_rep_set_email (rep_edit, "zhang@example.com");
  sales_rep_set_active (rep_edit, FALSE);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (rep_edit), &error));
  g_assert_no_error (error);
  g_assert_false (sales_rep_get_active (rep));
  text = test_query_text (f->db, "SELECT email || '/' || active FROM rep WHERE id = 1");
  g_assert_cmpstr (text, ==, "zhang@example.com/0");
  g_clear_pointer (&text, g_free);

  /* Lost reason: five come with the database. */
  sales_lost_reason_set_name (reason_draft, "Built it themselves");
  reason = sales_store_create (f->store, SALES_RECORD (reason_draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (reason)), ==, 6);
  reason_edit = sales_lost_reason_dup (reason);
  sales_lost_reason_set_name (reason_edit, "Built it in-house");
  sales_lost_reason_set_active (reason_edit, FALSE);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (reason_edit), &error));
  g_assert_no_error (error);
  text = test_query_text (f->db, "SELECT name || '/' || active FROM lost_reason WHERE id = 6");
  g_assert_cmpstr (text, ==, "Built it in-house/0");
  g_clear_pointer (&text, g_free);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (reason), &error));
  g_assert_cmpint (sales_db_count (f->db, "lost_reason"), ==, 5);

  /* Stage: a new one goes after Lost (position 6). */
  sales_stage_set_name (stage_draft, "Contract sent");
  sales_stage_set_probability (stage_draft, 90);
  sales_stage_set_rot_days (stage_draft, 7);
  sales_stage_set_position (stage_draft, 2);
  stage = sales_store_create (f->store, SALES_RECORD (stage_draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (stage)), ==, 8);
  g_assert_cmpint (sales_stage_get_position (stage), ==, 7);
  g_assert_cmpint (sales_stage_get_rot_days (stage), ==, 7);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (stage), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (f->db, "stage"), ==, 7);

  /* Contact */
  contact = test_add_contact (f, 1, "Li Lei", FALSE);
  g_assert_cmpint (sales_contact_get_customer_id (contact), ==, 1);
  contact_edit = sales_contact_dup (contact);
  sales_contact_set_wechat (contact_edit, "lilei_88");
  sales_contact_set_title (contact_edit, "CTO");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (contact_edit), &error));
  g_assert_cmpstr (sales_contact_get_wechat (contact), ==, "lilei_88");
  g_assert_cmpstr (sales_contact_get_title (contact), ==, "CTO");

  /* Activity: 0 satisfaction is stored as NULL. */
  sales_activity_set_customer_id (activity_draft, 1);
  sales_activity_set_owner_id (activity_draft, 1);
  sales_activity_set_kind (activity_draft, SALES_ACTIVITY_KIND_VISIT);
  sales_activity_set_due_at (activity_draft, TEST_T0 + 86400);
  activity = sales_store_create (f->store, SALES_RECORD (activity_draft), &error);
  g_assert_no_error (error);
  text = test_query_text (f->db,
                          "SELECT kind || '/' || due_at || '/' || coalesce (done_at, 'none') || "
                          "'/' || coalesce (satisfaction, 'none') || '/' || "
                          "coalesce (deal_id, 'none') FROM activity WHERE id = 1");
  g_assert_cmpstr (text, ==, "visit/1700086400/none/none/none");
  g_clear_pointer (&text, g_free);

  activity_edit = sales_activity_dup (activity);
  sales_activity_set_done_at (activity_edit, TEST_T0 + 90000);
  sales_activity_set_satisfaction (activity_edit, 4);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (activity_edit), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_activity_get_done_at (activity), ==, 1700090000);
  g_assert_cmpint (sales_activity_get_satisfaction (activity), ==, 4);

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (activity), &error));
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (contact), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (f->db, "activity"), ==, 0);
  g_assert_cmpint (sales_db_count (f->db, "contact"), ==, 0);

  /* Deleting the rep puts its customer in the public pool. */
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (rep), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_customer_get_owner_id (customer), ==, 0);
}

static void
test_contact_primary (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SalesContact) a = NULL;
  g_autoptr(SalesContact) b = NULL;
  g_autoptr(SalesContact) c = NULL;
  g_autofree char *primary = NULL;
  SignalLog log;

  g_object_unref (test_add_customer (f, "Acme", 0));
  g_object_unref (test_add_customer (f, "Globex", 0));
  a = test_add_contact (f, 1, "Li Lei", TRUE);
  c = test_add_contact (f, 2, "Han Meimei", TRUE);

  signal_log_start (&log, f->store);
  b = test_add_contact (f, 1, "Wang Tao", TRUE);

  /* One primary contact per customer: a stops being it, c is another customer's. */
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (b)), ==, 3);
  g_assert_true (sales_contact_get_is_primary (b));
  g_assert_false (sales_contact_get_is_primary (a));
  g_assert_true (sales_contact_get_is_primary (c));
  primary = test_query_text (f->db, "SELECT group_concat (id) FROM "
                                    "(SELECT id FROM contact WHERE is_primary = 1 ORDER BY id)");
  g_assert_cmpstr (primary, ==, "2,3");
  g_assert_cmpuint (log.events->len, ==, 2);
  signal_log_assert (&log, 0, SALES_RECORD_CONTACT, 3, SALES_CHANGE_INSERTED);
  signal_log_assert (&log, 1, SALES_RECORD_CONTACT, 1, SALES_CHANGE_UPDATED);

  signal_log_stop (&log, f->store);
}

static void
assert_create_fails (Fixture     *f,
                     gpointer     draft,
                     int          code,
                     const char  *message)
{
  g_autoptr(GError) error = NULL;
  gpointer record = sales_store_create (f->store, SALES_RECORD (draft), &error);

  g_assert_null (record);
  g_assert_error (error, SALES_DB_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesCustomer) acme = test_add_customer (f, "Acme", 0);
  g_autoptr(SalesCustomer) globex = test_add_customer (f, "Globex", 0);
  g_autoptr(SalesDeal) deal = test_add_deal (f, 1, 1, "ERP", 100000);
  gint64 globex_id = sales_record_get_id (SALES_RECORD (globex));
  g_autoptr(SalesCustomer) customer_draft = sales_customer_new ();
  g_autoptr(SalesDeal) deal_draft = sales_deal_new ();
  g_autoptr(SalesDeal) deal_edit = NULL;
  g_autoptr(SalesContact) contact_draft = sales_contact_new ();
  g_autoptr(SalesActivity) activity_draft = sales_activity_new ();
  g_autoptr(SalesStage) lead = NULL;
  g_autoptr(SalesStage) lead_edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *after = NULL;
  SignalLog log;

  signal_log_start (&log, f->store);

  /* Validation */
  sales_customer_set_name (customer_draft, "   ");
  assert_create_fails (f, customer_draft, SALES_DB_ERROR_INVALID, "A customer needs a name");

  sales_deal_set_title (deal_draft, "CRM");
  sales_deal_set_customer_id (deal_draft, 1);
  sales_deal_set_stage_id (deal_draft, 1);
  sales_deal_set_amount_cents (deal_draft, -5);
  assert_create_fails (f, deal_draft, SALES_DB_ERROR_INVALID, "The amount cannot be negative");
  sales_deal_set_amount_cents (deal_draft, 5);
  sales_deal_set_expected_close (deal_draft, "2026-13-01");
  assert_create_fails (f, deal_draft, SALES_DB_ERROR_INVALID, "“2026-13-01” is not a valid date");
  sales_deal_set_expected_close (deal_draft, NULL);

  /* References that the database refuses, and the ones the store checks first */
  sales_deal_set_customer_id (deal_draft, 999);
  assert_create_fails (f, deal_draft, SALES_DB_ERROR_CONSTRAINT, NULL);
  sales_deal_set_customer_id (deal_draft, 1);
  sales_deal_set_stage_id (deal_draft, 999);
  assert_create_fails (f, deal_draft, SALES_DB_ERROR_NOT_FOUND, "The stage no longer exists");

  sales_contact_set_customer_id (contact_draft, 999);
  sales_contact_set_name (contact_draft, "Li Lei");
  assert_create_fails (f, contact_draft, SALES_DB_ERROR_CONSTRAINT, NULL);

  sales_activity_set_customer_id (activity_draft, globex_id);
  sales_activity_set_deal_id (activity_draft, 1);
  sales_activity_set_due_at (activity_draft, TEST_T0);
  assert_create_fails (f, activity_draft, SALES_DB_ERROR_INVALID,
                       "The deal of a follow-up must belong to the same customer");

  /* An update through the canonical object itself is put back on failure. */
  sales_customer_set_name (acme, "");
  g_assert_false (sales_store_update (f->store, SALES_RECORD (acme), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (sales_customer_get_name (acme), ==, "Acme");
  g_clear_error (&error);

  deal_edit = sales_deal_dup (deal);
  sales_deal_set_stage_id (deal_edit, 999);
  sales_deal_set_amount_cents (deal_edit, 7);
  g_assert_false (sales_store_update (f->store, SALES_RECORD (deal_edit), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_assert_cmpint (sales_deal_get_stage_id (deal), ==, 1);
  g_assert_cmpint (sales_deal_get_amount_cents (deal), ==, 100000);
  g_clear_error (&error);

  lead = sales_store_get_stage (f->store, 1, &error);
  lead_edit = sales_stage_dup (lead);
  sales_stage_set_kind (lead_edit, SALES_STAGE_KIND_WON);
  g_assert_false (sales_store_update (f->store, SALES_RECORD (lead_edit), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“Lead” holds deals, so it cannot change between open, won and lost");
  g_assert_cmpint (sales_stage_get_kind (lead), ==, SALES_STAGE_KIND_OPEN);
  g_clear_error (&error);

  g_assert_false (sales_store_delete (f->store, SALES_RECORD (lead), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“Lead” still holds 1 deal; move it to another stage first");
  g_clear_error (&error);

  /* Nothing was written, nothing was signalled, nothing can be undone. */
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_false (sales_store_can_undo (f->store));

  /* A stage that deals went through stays: the history refers to it. */
  g_assert_true (sales_store_move_deal (f->store, deal, 2, 0, &error));
  g_assert_no_error (error);
  g_assert_false (sales_store_delete (f->store, SALES_RECORD (lead), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Deals have passed through “Lead”, so it stays part of their history");
  g_assert_cmpint (sales_db_count (f->db, "stage"), ==, 7);

  signal_log_stop (&log, f->store);
}

static void
count_deal_changes (SalesStore      *store,
                    SalesRecordKind  kind,
                    gint64           id,
                    SalesChange      change,
                    guint           *count)
{
  g_assert_cmpint (kind, ==, SALES_RECORD_DEAL);
  (*count)++;
}

static void
test_signal_detail (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SalesCustomer) acme = NULL;
  g_autoptr(SalesDeal) deal = NULL;
  guint count = 0;

  g_signal_connect (f->store, "changed::deal", G_CALLBACK (count_deal_changes), &count);
  acme = test_add_customer (f, "Acme", 0);
  deal = test_add_deal (f, 1, 1, "ERP", 100);
  g_assert_cmpuint (count, ==, 1);
  g_signal_handlers_disconnect_by_data (f->store, &count);
}

static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GString    *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

static const char *
stage_name_at (GListModel *model,
               guint       position)
{
  g_autoptr(SalesStage) stage = g_list_model_get_item (model, position);

  return sales_stage_get_name (stage);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) stages = sales_store_list_stages (f->store);
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GListModel) reasons = sales_store_list_lost_reasons (f->store);
  g_autoptr(SalesStage) first = NULL;
  g_autoptr(SalesStage) lead = NULL;
  g_autoptr(SalesStage) draft = sales_stage_new ();
  g_autoptr(SalesStage) added = NULL;
  g_autoptr(SalesStage) edit = NULL;
  g_autoptr(SalesRep) r1 = NULL, r2 = NULL, r3 = NULL, rep = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_list_model_get_item_type (stages) == SALES_TYPE_STAGE);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 7);
  g_assert_cmpstr (stage_name_at (stages, 0), ==, "Lead");
  g_assert_cmpstr (stage_name_at (stages, 6), ==, "Lost");
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, 5);

  /* The items are the canonical objects. */
  first = g_list_model_get_item (stages, 0);
  lead = sales_store_get_stage (f->store, 1, &error);
  g_assert_true (first == lead);

  g_signal_connect (stages, "items-changed", G_CALLBACK (record_items_changed), changes);

  sales_stage_set_name (draft, "Contract sent");
  sales_stage_set_probability (draft, 90);
  added = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 8);
  g_assert_cmpstr (stage_name_at (stages, 7), ==, "Contract sent");

  edit = sales_stage_dup (added);
  sales_stage_set_position (edit, -1);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_cmpstr (stage_name_at (stages, 0), ==, "Contract sent");
  g_assert_cmpstr (stage_name_at (stages, 1), ==, "Lead");

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 7);
  g_assert_cmpstr (stage_name_at (stages, 0), ==, "Lead");

  g_assert_cmpstr (changes->str, ==, "(7,0,1)(0,8,8)(0,1,0)");

  /* Reps by name */
  r1 = test_add_rep (f, "Zhang Wei");
  r2 = test_add_rep (f, "Li Na");
  reps = sales_store_list_reps (f->store);
  r3 = test_add_rep (f, "Wang Fang");
  g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 3);
  rep = g_list_model_get_item (reps, 0);
  g_assert_true (rep == r2);
  g_clear_object (&rep);
  rep = g_list_model_get_item (reps, 1);
  g_assert_true (rep == r3);
  g_clear_object (&rep);
  rep = g_list_model_get_item (reps, 2);
  g_assert_true (rep == r1);
  g_assert_null (g_list_model_get_item (reps, 3));
}

static void
test_empty_and_reload (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SalesCustomer) acme = NULL;
  g_autoptr(SalesCustomer) globex = NULL;
  g_autoptr(SalesCustomer) gone = NULL;
  g_autoptr(SalesDb) other = NULL;
  g_autoptr(GError) error = NULL;
  SignalLog log;

  g_assert_true (sales_store_is_empty (f->store));
  acme = test_add_customer (f, "Acme", 0);
  g_assert_false (sales_store_is_empty (f->store));
  globex = test_add_customer (f, "Globex", 0);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (globex), &error));
  g_assert_true (sales_store_can_undo (f->store));

  /* Another connection to the same file, as the GUI's seeding thread has. */
  other = sales_db_open (f->path, &error);
  g_assert_no_error (error);
  test_exec (other, "UPDATE customer SET name = 'Acme Ltd' WHERE id = 1");
  g_assert_cmpstr (sales_customer_get_name (acme), ==, "Acme");

  signal_log_start (&log, f->store);
  sales_store_reload (f->store);
  g_assert_cmpstr (sales_customer_get_name (acme), ==, "Acme Ltd");
  g_assert_cmpuint (log.resets, ==, 1);
  g_assert_cmpuint (log.events->len, ==, 0);
  /* Undo would write back rows the other connection may have changed. */
  g_assert_false (sales_store_can_undo (f->store));

  /* A row deleted under the store: its object is forgotten. */
  test_exec (other, "DELETE FROM customer WHERE id = 1");
  sales_store_reload (f->store);
  gone = sales_store_get_customer (f->store, 1, &error);
  g_assert_null (gone);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_assert_true (sales_store_is_empty (f->store));

  signal_log_stop (&log, f->store);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_bulk_reset (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SalesRep) rep = test_add_rep (f, "Zhang Wei");
  g_autoptr(SalesRep) same = NULL;
  g_autoptr(SalesCustomer) held = NULL;
  g_autoptr(GError) error = NULL;
  SignalLog log;

  same = sales_store_get_rep (f->store, 1, &error);
  g_assert_true (same == rep);

  /* 1 200 customers of the rep, written behind the store's back */
  test_exec (f->db,
             "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
             "INSERT INTO customer (name, owner_id, created_at, updated_at) "
             "SELECT 'Customer ' || i, 1, 0, 0 FROM n");
  held = sales_store_get_customer (f->store, 5, &error);
  g_assert_cmpint (sales_customer_get_owner_id (held), ==, 1);

  /* 1 201 records change: one ::reset says it more cheaply. */
  signal_log_start (&log, f->store);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (rep), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_cmpuint (log.resets, ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer WHERE owner_id IS NULL"),
                   ==, 1200);
  g_assert_cmpint (sales_customer_get_owner_id (held), ==, 0);

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_cmpuint (log.resets, ==, 2);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer WHERE owner_id = 1"),
                   ==, 1200);
  g_assert_cmpint (sales_customer_get_owner_id (held), ==, 1);
  signal_log_stop (&log, f->store);
}

static void
test_seed_demo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;
  SalesDemoResult result = { 0 };
  SignalLog log;

  sales_demo_options_init (&options);
  options.deals = 40;
  options.customers = 10;
  options.reps = 2;
  options.seed = 7;
  options.now = TEST_T0;

  signal_log_start (&log, f->store);
  g_assert_true (sales_store_seed_demo (f->store, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.resets, ==, 1);
  g_assert_false (sales_store_is_empty (f->store));
  g_assert_cmpuint (result.deals, ==, 40);
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 40);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 10);
  signal_log_stop (&log, f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/identity", test_identity);
  ADD ("/store/customer", test_customer);
  ADD ("/store/other-kinds", test_other_kinds);
  ADD ("/store/contact-primary", test_contact_primary);
  ADD ("/store/refused", test_refused);
  ADD ("/store/signal-detail", test_signal_detail);
  ADD ("/store/lists", test_lists);
  ADD ("/store/empty-and-reload", test_empty_and_reload);
  ADD ("/store/bulk-reset", test_bulk_reset);
  ADD ("/store/seed-demo", test_seed_demo);
#undef ADD

  return g_test_run ();
}

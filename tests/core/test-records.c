/* test-records.c: the model objects on their own, without a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_enums (void)
{
  SalesStageKind stage_kind = SALES_STAGE_KIND_OPEN;
  SalesTier tier = SALES_TIER_A;
  SalesActivityKind activity_kind = SALES_ACTIVITY_KIND_CALL;

  g_assert_cmpstr (sales_stage_kind_to_string (SALES_STAGE_KIND_OPEN), ==, "open");
  g_assert_cmpstr (sales_stage_kind_to_string (SALES_STAGE_KIND_WON), ==, "won");
  g_assert_cmpstr (sales_stage_kind_to_string (SALES_STAGE_KIND_LOST), ==, "lost");
  g_assert_true (sales_stage_kind_from_string ("lost", &stage_kind));
  g_assert_cmpint (stage_kind, ==, SALES_STAGE_KIND_LOST);
  g_assert_false (sales_stage_kind_from_string ("Lost", &stage_kind));
  g_assert_false (sales_stage_kind_from_string (NULL, &stage_kind));

  g_assert_cmpstr (sales_tier_to_string (SALES_TIER_A), ==, "A");
  g_assert_cmpstr (sales_tier_to_string (SALES_TIER_C), ==, "C");
  g_assert_true (sales_tier_from_string ("B", &tier));
  g_assert_cmpint (tier, ==, SALES_TIER_B);
  g_assert_false (sales_tier_from_string ("b", &tier));
  g_assert_false (sales_tier_from_string ("D", &tier));

  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_CALL), ==, "call");
  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_VISIT), ==, "visit");
  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_MEETING), ==, "meeting");
  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_EMAIL), ==, "email");
  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_MESSAGE), ==, "message");
  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_NOTE), ==, "note");
  g_assert_cmpstr (sales_activity_kind_to_string (SALES_ACTIVITY_KIND_SERVICE), ==, "service");
  g_assert_true (sales_activity_kind_from_string ("service", &activity_kind));
  g_assert_cmpint (activity_kind, ==, SALES_ACTIVITY_KIND_SERVICE);
  g_assert_false (sales_activity_kind_from_string ("fax", &activity_kind));
  g_assert_cmpstr (sales_activity_kind_get_label (SALES_ACTIVITY_KIND_VISIT), ==, "Visit");
}

static void
test_defaults (void)
{
  g_autoptr(SalesDeal) deal = sales_deal_new ();
  g_autoptr(SalesCustomer) customer = sales_customer_new ();
  g_autoptr(SalesRep) rep = sales_rep_new ();
  g_autoptr(SalesLostReason) reason = sales_lost_reason_new ();
  g_autoptr(SalesStage) stage = sales_stage_new ();
  g_autoptr(SalesActivity) activity = sales_activity_new ();
  g_autoptr(SalesContact) contact = sales_contact_new ();

  /* The defaults of the schema's columns. */
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (deal)), ==, 0);
  g_assert_cmpstr (sales_deal_get_currency (deal), ==, "CNY");
  g_assert_cmpint (sales_deal_get_amount_cents (deal), ==, 0);
  g_assert_null (sales_deal_get_expected_close (deal));
  g_assert_cmpint (sales_customer_get_tier (customer), ==, SALES_TIER_B);
  g_assert_cmpint (sales_customer_get_owner_id (customer), ==, 0);
  g_assert_true (sales_rep_get_active (rep));
  g_assert_true (sales_lost_reason_get_active (reason));
  g_assert_cmpint (sales_stage_get_kind (stage), ==, SALES_STAGE_KIND_OPEN);
  g_assert_false (sales_stage_is_closed (stage));
  g_assert_cmpint (sales_activity_get_kind (activity), ==, SALES_ACTIVITY_KIND_CALL);
  g_assert_false (sales_contact_get_is_primary (contact));

  g_assert_cmpint (sales_record_get_kind (SALES_RECORD (deal)), ==, SALES_RECORD_DEAL);
  g_assert_cmpint (sales_record_get_kind (SALES_RECORD (stage)), ==, SALES_RECORD_STAGE);
  g_assert_cmpint (sales_record_get_kind (SALES_RECORD (reason)), ==, SALES_RECORD_LOST_REASON);
}

static void
test_notify (void)
{
  g_autoptr(SalesDeal) deal = sales_deal_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (deal, "notify", G_CALLBACK (count_notify), names);

  sales_deal_set_title (deal, "ERP rollout");
  sales_deal_set_title (deal, "ERP rollout");
  sales_deal_set_amount_cents (deal, 1250000);
  sales_deal_set_amount_cents (deal, 1250000);
  sales_deal_set_currency (deal, "CNY");
  g_object_set (deal, "expected-close", "2026-03-31", "owner-id", (gint64)0, NULL);

  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "title");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "amount-cents");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "expected-close");
}

static void
test_dup_equal (void)
{
  g_autoptr(SalesCustomer) a = sales_customer_new ();
  g_autoptr(SalesCustomer) b = NULL;

  sales_customer_set_name (a, "华为技术有限公司");
  sales_customer_set_tier (a, SALES_TIER_A);
  sales_customer_set_owner_id (a, 3);
  sales_customer_set_notes (a, "Visit in March");

  b = sales_customer_dup (a);
  g_assert_true (a != b);
  g_assert_cmpstr (sales_customer_get_name (b), ==, "华为技术有限公司");
  g_assert_cmpint (sales_customer_get_tier (b), ==, SALES_TIER_A);
  g_assert_cmpint (sales_customer_get_owner_id (b), ==, 3);
  g_assert_true (sales_record_equal (SALES_RECORD (a), SALES_RECORD (b)));

  sales_customer_set_tier (b, SALES_TIER_C);
  g_assert_false (sales_record_equal (SALES_RECORD (a), SALES_RECORD (b)));
}

static void
assert_invalid (gpointer    record,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sales_record_validate (SALES_RECORD (record), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_valid (gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_record_validate (SALES_RECORD (record), &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  g_autoptr(SalesDeal) deal = sales_deal_new ();
  g_autoptr(SalesCustomer) customer = sales_customer_new ();
  g_autoptr(SalesStage) stage = sales_stage_new ();
  g_autoptr(SalesActivity) activity = sales_activity_new ();
  g_autoptr(SalesContact) contact = sales_contact_new ();
  g_autoptr(SalesRep) rep = sales_rep_new ();
  g_autoptr(SalesLostReason) reason = sales_lost_reason_new ();

  assert_invalid (customer, "A customer needs a name");
  /* U+3000, the full-width space of Chinese input methods, is blank too. */
  sales_customer_set_name (customer, " \u3000\t");
  assert_invalid (customer, "A customer needs a name");
  sales_customer_set_name (customer, "Acme");
  sales_customer_set_email (customer, "13800138000");
  assert_invalid (customer, "“13800138000” is not a valid email address");
  sales_customer_set_email (customer, "li@acme.cn");
  assert_valid (customer);

  assert_invalid (deal, "A deal needs a title");
  sales_deal_set_title (deal, "ERP");
  assert_invalid (deal, "A deal needs a customer");
  sales_deal_set_customer_id (deal, 1);
  assert_invalid (deal, "A deal needs a stage");
  sales_deal_set_stage_id (deal, 1);
  sales_deal_set_amount_cents (deal, -1);
  assert_invalid (deal, "The amount cannot be negative");
  sales_deal_set_amount_cents (deal, 0);
  sales_deal_set_currency (deal, "rmb");
  assert_invalid (deal, "“rmb” is not a currency code such as CNY or USD");
  sales_deal_set_currency (deal, "USD");
  sales_deal_set_expected_close (deal, "2026-13-01");
  assert_invalid (deal, "“2026-13-01” is not a valid date");
  sales_deal_set_expected_close (deal, "2026-02-29");
  assert_invalid (deal, "“2026-02-29” is not a valid date");
  sales_deal_set_expected_close (deal, "2026-1-31");
  assert_invalid (deal, "“2026-1-31” is not a valid date");
  sales_deal_set_expected_close (deal, "2028-02-29");
  assert_valid (deal);
  sales_deal_set_expected_close (deal, "");
  assert_valid (deal);

  assert_invalid (stage, "A stage needs a name");
  sales_stage_set_name (stage, "Demo");
  sales_stage_set_probability (stage, 101);
  assert_invalid (stage, "The probability must be between 0 and 100");
  sales_stage_set_probability (stage, 100);
  sales_stage_set_rot_days (stage, -1);
  assert_invalid (stage, "The days before a deal goes stale cannot be negative");
  sales_stage_set_rot_days (stage, 0);
  assert_valid (stage);

  assert_invalid (activity, "A follow-up needs a customer");
  sales_activity_set_customer_id (activity, 4);
  assert_invalid (activity, "A follow-up needs a due time or a done time");
  sales_activity_set_done_at (activity, TEST_T0);
  sales_activity_set_satisfaction (activity, 6);
  assert_invalid (activity, "Satisfaction must be between 1 and 5");
  sales_activity_set_satisfaction (activity, 5);
  assert_valid (activity);

  assert_invalid (contact, "A contact needs a customer");
  sales_contact_set_customer_id (contact, 4);
  assert_invalid (contact, "A contact needs a name");
  sales_contact_set_name (contact, "Li Lei");
  assert_valid (contact);

  assert_invalid (rep, "A rep needs a name");
  sales_rep_set_name (rep, "Zhang Wei");
  assert_valid (rep);

  assert_invalid (reason, "A lost reason needs a name");
  sales_lost_reason_set_name (reason, "Too slow");
  assert_valid (reason);
}

static void
test_dates (void)
{
  g_assert_true (sales_iso_date_is_valid ("2026-01-31"));
  g_assert_true (sales_iso_date_is_valid ("2024-02-29"));
  g_assert_false (sales_iso_date_is_valid ("2023-02-29"));
  g_assert_false (sales_iso_date_is_valid ("2026-04-31"));
  g_assert_false (sales_iso_date_is_valid ("2026-00-10"));
  g_assert_false (sales_iso_date_is_valid ("2026/01/31"));
  g_assert_false (sales_iso_date_is_valid ("2026-01-31 "));
  g_assert_false (sales_iso_date_is_valid ("26-01-31"));
  g_assert_false (sales_iso_date_is_valid (NULL));

  g_assert_true (sales_text_is_blank (NULL));
  g_assert_true (sales_text_is_blank (""));
  g_assert_true (sales_text_is_blank (" \n\u3000"));
  g_assert_false (sales_text_is_blank (" 华 "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/enums", test_enums);
  g_test_add_func ("/records/defaults", test_defaults);
  g_test_add_func ("/records/notify", test_notify);
  g_test_add_func ("/records/dup-equal", test_dup_equal);
  g_test_add_func ("/records/validate", test_validate);
  g_test_add_func ("/records/dates", test_dates);

  return g_test_run ();
}

/* sales-payment-plan.c: one instalment of a contract: what is due on which day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-payment-plan.h"

struct _SalesPaymentPlan
{
  SalesRecord  parent_instance;

  gint64       contract_id;
  char        *due_on;
  gint64       amount_cents;
};

G_DEFINE_FINAL_TYPE (SalesPaymentPlan, sales_payment_plan, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_DUE_ON,
  PROP_AMOUNT_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "contract_id" },
  { "due_on" },
  { "amount_cents" },
};

static const SalesTable table = {
  SALES_RECORD_PAYMENT_PLAN, "payment_plan", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_payment_plan_validate (SalesRecord  *record,
                             GError      **error)
{
  SalesPaymentPlan *self = SALES_PAYMENT_PLAN (record);

  if (self->contract_id <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("An instalment needs a contract"));
      return FALSE;
    }

  if (!sales_iso_date_is_valid (self->due_on))
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("An instalment needs a due date"));
      return FALSE;
    }

  if (self->amount_cents <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("An instalment must be more than zero"));
      return FALSE;
    }

  return TRUE;
}

static void
sales_payment_plan_finalize (GObject *object)
{
  SalesPaymentPlan *self = (SalesPaymentPlan *)object;

  g_free (self->due_on);

  G_OBJECT_CLASS (sales_payment_plan_parent_class)->finalize (object);
}

static void
sales_payment_plan_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalesPaymentPlan *self = SALES_PAYMENT_PLAN (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_payment_plan_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalesPaymentPlan *self = SALES_PAYMENT_PLAN (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      sales_payment_plan_set_contract_id (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_ON:
      sales_payment_plan_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_CENTS:
      sales_payment_plan_set_amount_cents (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_payment_plan_class_init (SalesPaymentPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_payment_plan_finalize;
  object_class->get_property = sales_payment_plan_get_property;
  object_class->set_property = sales_payment_plan_set_property;

  record_class->validate = sales_payment_plan_validate;

  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* YYYY-MM-DD, a local date. */
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* In minor units; more than 0. */
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_payment_plan_init (SalesPaymentPlan *self)
{
}

SalesPaymentPlan *
sales_payment_plan_new (void)
{
  return g_object_new (SALES_TYPE_PAYMENT_PLAN, NULL);
}

/**
 * sales_payment_plan_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesPaymentPlan *
sales_payment_plan_dup (SalesPaymentPlan *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT_PLAN (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

gint64
sales_payment_plan_get_contract_id (SalesPaymentPlan *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT_PLAN (self), 0);

  return self->contract_id;
}

void
sales_payment_plan_set_contract_id (SalesPaymentPlan *self,
                                    gint64            contract_id)
{
  g_return_if_fail (SALES_IS_PAYMENT_PLAN (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->contract_id, contract_id,
                          properties[PROP_CONTRACT_ID]);
}

const char *
sales_payment_plan_get_due_on (SalesPaymentPlan *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT_PLAN (self), NULL);

  return self->due_on;
}

void
sales_payment_plan_set_due_on (SalesPaymentPlan *self,
                               const char       *due_on)
{
  g_return_if_fail (SALES_IS_PAYMENT_PLAN (self));

  sales_record_set_string (SALES_RECORD (self), &self->due_on, due_on,
                           properties[PROP_DUE_ON]);
}

gint64
sales_payment_plan_get_amount_cents (SalesPaymentPlan *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT_PLAN (self), 0);

  return self->amount_cents;
}

void
sales_payment_plan_set_amount_cents (SalesPaymentPlan *self,
                                     gint64            amount_cents)
{
  g_return_if_fail (SALES_IS_PAYMENT_PLAN (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->amount_cents, amount_cents,
                          properties[PROP_AMOUNT_CENTS]);
}

static SalesPaymentPlan *
instalment_new (const GDate *due,
                gint64       amount_cents)
{
  SalesPaymentPlan *self = sales_payment_plan_new ();
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", due);
  sales_payment_plan_set_due_on (self, text);
  sales_payment_plan_set_amount_cents (self, amount_cents);

  return self;
}

static gboolean
parse_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  if (!sales_iso_date_is_valid (text))
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("An instalment needs a due date"));
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay)g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth)g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear)g_ascii_strtoull (text, NULL, 10));
  return TRUE;
}

static void
set_too_small (GError **error,
               guint    n_instalments)
{
  g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "The amount is too small to pay in %u instalment",
                            "The amount is too small to split into %u instalments",
                            n_instalments),
               n_instalments);
}

/**
 * sales_payment_plan_split:
 * @amount_cents: the contract's amount
 * @spec: the rule
 *
 * Splits @amount_cents by @spec to the cent. Equal instalments round down
 * and the last one takes the remainder (100.00 in 3 is 33.33, 33.33 and
 * 33.34); a deposit is its percentage rounded down and the balance takes
 * the rest. Monthly instalments fall on the day of the
 * month of the first one, or the last day of a shorter month. Every
 * instalment is at least one cent: an amount too small for the rule is
 * refused rather than given empty instalments.
 *
 * Returns: (transfer full) (element-type SalesPaymentPlan): drafts in due
 *   order, without a contract, or %NULL with @error set
 */
GPtrArray *
sales_payment_plan_split (gint64               amount_cents,
                          const SalesPlanSpec *spec,
                          GError             **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  GDate first;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_date (spec->first_due_on, &first, error))
    return NULL;

  switch (spec->rule)
    {
    case SALES_PLAN_RULE_SINGLE:
      if (amount_cents <= 0)
        {
          set_too_small (error, 1);
          return NULL;
        }
      g_ptr_array_add (plan, instalment_new (&first, amount_cents));
      break;

    case SALES_PLAN_RULE_MONTHLY:
      {
        guint n = spec->n_instalments;
        gint64 share;

        if (n == 0)
          {
            g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                                 _("A plan needs at least one instalment"));
            return NULL;
          }

        if (amount_cents < (gint64)n)
          {
            set_too_small (error, n);
            return NULL;
          }

        share = amount_cents / n;
        for (guint i = 0; i < n; i++)
          {
            GDate due = first;

            /* From the first date each time, so that 31 January gives 28
             * February and then 31 March, not 28 March. */
            g_date_add_months (&due, i);
            g_ptr_array_add (plan, instalment_new (&due, i + 1 < n
                                                         ? share
                                                         : amount_cents - share * (n - 1)));
          }
      }
      break;

    case SALES_PLAN_RULE_DEPOSIT:
      {
        gint64 deposit;
        GDate balance;

        if (spec->deposit_percent < 1 || spec->deposit_percent > 99)
          {
            g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                                 /* xgettext:no-c-format */
                                 _("The deposit must be between 1 % and 99 % of the amount"));
            return NULL;
          }

        if (!parse_date (spec->balance_due_on, &balance, error))
          return NULL;

        if (g_date_compare (&balance, &first) < 0)
          {
            g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                                 _("The balance cannot fall due before the deposit"));
            return NULL;
          }

        deposit = amount_cents / 100 * spec->deposit_percent +
                  amount_cents % 100 * spec->deposit_percent / 100;
        if (deposit <= 0 || deposit >= amount_cents)
          {
            set_too_small (error, 2);
            return NULL;
          }

        g_ptr_array_add (plan, instalment_new (&first, deposit));
        g_ptr_array_add (plan, instalment_new (&balance, amount_cents - deposit));
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  return g_steal_pointer (&plan);
}

/**
 * sales_payment_plan_sum:
 * @plan: (element-type SalesPaymentPlan): instalments
 *
 * Returns: the sum of their amounts
 */
gint64
sales_payment_plan_sum (GPtrArray *plan)
{
  gint64 sum = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->len; i++)
    sum += sales_payment_plan_get_amount_cents (g_ptr_array_index (plan, i));

  return sum;
}

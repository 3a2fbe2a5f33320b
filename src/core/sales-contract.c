/* sales-contract.c: a signed contract: what a customer owes, and under which number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-contract.h"

struct _SalesContract
{
  SalesRecord  parent_instance;

  gint64       customer_id;
  gint64       deal_id;
  char        *number;
  gint64       amount_cents;
  char        *signed_on;
  char        *notes;
};

G_DEFINE_FINAL_TYPE (SalesContract, sales_contract, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_DEAL_ID,
  PROP_NUMBER,
  PROP_AMOUNT_CENTS,
  PROP_SIGNED_ON,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "customer_id" },
  { "deal_id", SALES_COLUMN_NULLABLE },
  { "number" },
  { "amount_cents" },
  { "signed_on" },
  { "notes", SALES_COLUMN_NULLABLE },
};

static const SalesTable table = {
  SALES_RECORD_CONTRACT, "contract", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_contract_validate (SalesRecord  *record,
                         GError      **error)
{
  SalesContract *self = SALES_CONTRACT (record);

  if (self->customer_id <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A contract needs a customer"));
      return FALSE;
    }

  if (sales_text_is_blank (self->number))
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A contract needs a number"));
      return FALSE;
    }

  if (self->amount_cents < 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("The amount of a contract cannot be negative"));
      return FALSE;
    }

  if (!sales_iso_date_is_valid (self->signed_on))
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A contract needs the date it was signed"));
      return FALSE;
    }

  return TRUE;
}

static void
sales_contract_finalize (GObject *object)
{
  SalesContract *self = (SalesContract *)object;

  g_free (self->number);
  g_free (self->signed_on);
  g_free (self->notes);

  G_OBJECT_CLASS (sales_contract_parent_class)->finalize (object);
}

static void
sales_contract_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesContract *self = SALES_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;

    case PROP_SIGNED_ON:
      g_value_set_string (value, self->signed_on);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_contract_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalesContract *self = SALES_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      sales_contract_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_DEAL_ID:
      sales_contract_set_deal_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      sales_contract_set_number (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_CENTS:
      sales_contract_set_amount_cents (self, g_value_get_int64 (value));
      break;

    case PROP_SIGNED_ON:
      sales_contract_set_signed_on (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      sales_contract_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_contract_class_init (SalesContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_contract_finalize;
  object_class->get_property = sales_contract_get_property;
  object_class->set_property = sales_contract_set_property;

  record_class->validate = sales_contract_validate;

  /* The customer who signed; every contract has one. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The won deal the contract comes from; 0 = none, made on the customer. */
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unique, such as HT-2026-0001. */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* In minor units; never negative. */
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* YYYY-MM-DD, a local date. */
  properties[PROP_SIGNED_ON] =
    g_param_spec_string ("signed-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_contract_init (SalesContract *self)
{
}

SalesContract *
sales_contract_new (void)
{
  return g_object_new (SALES_TYPE_CONTRACT, NULL);
}

/**
 * sales_contract_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesContract *
sales_contract_dup (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

gint64
sales_contract_get_customer_id (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), 0);

  return self->customer_id;
}

void
sales_contract_set_customer_id (SalesContract *self,
                                gint64         customer_id)
{
  g_return_if_fail (SALES_IS_CONTRACT (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->customer_id, customer_id,
                          properties[PROP_CUSTOMER_ID]);
}

gint64
sales_contract_get_deal_id (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), 0);

  return self->deal_id;
}

void
sales_contract_set_deal_id (SalesContract *self,
                            gint64         deal_id)
{
  g_return_if_fail (SALES_IS_CONTRACT (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->deal_id, deal_id,
                          properties[PROP_DEAL_ID]);
}

const char *
sales_contract_get_number (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), NULL);

  return self->number;
}

void
sales_contract_set_number (SalesContract *self,
                           const char    *number)
{
  g_return_if_fail (SALES_IS_CONTRACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->number, number,
                           properties[PROP_NUMBER]);
}

gint64
sales_contract_get_amount_cents (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), 0);

  return self->amount_cents;
}

void
sales_contract_set_amount_cents (SalesContract *self,
                                 gint64         amount_cents)
{
  g_return_if_fail (SALES_IS_CONTRACT (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->amount_cents, amount_cents,
                          properties[PROP_AMOUNT_CENTS]);
}

const char *
sales_contract_get_signed_on (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), NULL);

  return self->signed_on;
}

void
sales_contract_set_signed_on (SalesContract *self,
                              const char    *signed_on)
{
  g_return_if_fail (SALES_IS_CONTRACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->signed_on, signed_on,
                           properties[PROP_SIGNED_ON]);
}

const char *
sales_contract_get_notes (SalesContract *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT (self), NULL);

  return self->notes;
}

void
sales_contract_set_notes (SalesContract *self,
                          const char    *notes)
{
  g_return_if_fail (SALES_IS_CONTRACT (self));

  sales_record_set_string (SALES_RECORD (self), &self->notes, notes,
                           properties[PROP_NOTES]);
}

/* sales-payment.c: money received against a contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-payment.h"

struct _SalesPayment
{
  SalesRecord  parent_instance;

  gint64       contract_id;
  char        *received_on;
  gint64       amount_cents;
  char        *method;
  char        *note;
};

G_DEFINE_FINAL_TYPE (SalesPayment, sales_payment, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_RECEIVED_ON,
  PROP_AMOUNT_CENTS,
  PROP_METHOD,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "contract_id" },
  { "received_on" },
  { "amount_cents" },
  { "method", SALES_COLUMN_NULLABLE },
  { "note", SALES_COLUMN_NULLABLE },
};

static const SalesTable table = {
  SALES_RECORD_PAYMENT, "payment", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_payment_validate (SalesRecord  *record,
                        GError      **error)
{
  SalesPayment *self = SALES_PAYMENT (record);

  if (self->contract_id <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A payment needs a contract"));
      return FALSE;
    }

  if (!sales_iso_date_is_valid (self->received_on))
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A payment needs the date it was received"));
      return FALSE;
    }

  if (self->amount_cents <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A payment must be more than zero"));
      return FALSE;
    }

  return TRUE;
}

static void
sales_payment_finalize (GObject *object)
{
  SalesPayment *self = (SalesPayment *)object;

  g_free (self->received_on);
  g_free (self->method);
  g_free (self->note);

  G_OBJECT_CLASS (sales_payment_parent_class)->finalize (object);
}

static void
sales_payment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SalesPayment *self = SALES_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;

    case PROP_RECEIVED_ON:
      g_value_set_string (value, self->received_on);
      break;

    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;

    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_payment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SalesPayment *self = SALES_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      sales_payment_set_contract_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECEIVED_ON:
      sales_payment_set_received_on (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_CENTS:
      sales_payment_set_amount_cents (self, g_value_get_int64 (value));
      break;

    case PROP_METHOD:
      sales_payment_set_method (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      sales_payment_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_payment_class_init (SalesPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_payment_finalize;
  object_class->get_property = sales_payment_get_property;
  object_class->set_property = sales_payment_set_property;

  record_class->validate = sales_payment_validate;

  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* YYYY-MM-DD, a local date. */
  properties[PROP_RECEIVED_ON] =
    g_param_spec_string ("received-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* In minor units; more than 0. */
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* How it was paid, as the user wrote it: bank transfer, cash, WeChat… */
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_payment_init (SalesPayment *self)
{
}

SalesPayment *
sales_payment_new (void)
{
  return g_object_new (SALES_TYPE_PAYMENT, NULL);
}

/**
 * sales_payment_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesPayment *
sales_payment_dup (SalesPayment *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

gint64
sales_payment_get_contract_id (SalesPayment *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT (self), 0);

  return self->contract_id;
}

void
sales_payment_set_contract_id (SalesPayment *self,
                               gint64        contract_id)
{
  g_return_if_fail (SALES_IS_PAYMENT (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->contract_id, contract_id,
                          properties[PROP_CONTRACT_ID]);
}

const char *
sales_payment_get_received_on (SalesPayment *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT (self), NULL);

  return self->received_on;
}

void
sales_payment_set_received_on (SalesPayment *self,
                               const char   *received_on)
{
  g_return_if_fail (SALES_IS_PAYMENT (self));

  sales_record_set_string (SALES_RECORD (self), &self->received_on, received_on,
                           properties[PROP_RECEIVED_ON]);
}

gint64
sales_payment_get_amount_cents (SalesPayment *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT (self), 0);

  return self->amount_cents;
}

void
sales_payment_set_amount_cents (SalesPayment *self,
                                gint64        amount_cents)
{
  g_return_if_fail (SALES_IS_PAYMENT (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->amount_cents, amount_cents,
                          properties[PROP_AMOUNT_CENTS]);
}

const char *
sales_payment_get_method (SalesPayment *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT (self), NULL);

  return self->method;
}

void
sales_payment_set_method (SalesPayment *self,
                          const char   *method)
{
  g_return_if_fail (SALES_IS_PAYMENT (self));

  sales_record_set_string (SALES_RECORD (self), &self->method, method,
                           properties[PROP_METHOD]);
}

const char *
sales_payment_get_note (SalesPayment *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT (self), NULL);

  return self->note;
}

void
sales_payment_set_note (SalesPayment *self,
                        const char   *note)
{
  g_return_if_fail (SALES_IS_PAYMENT (self));

  sales_record_set_string (SALES_RECORD (self), &self->note, note,
                           properties[PROP_NOTE]);
}

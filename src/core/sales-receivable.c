/* sales-receivable.c: one instalment still to collect, with whose it is
 *
 * A row of the Receivables list and of the reminders: read once from the
 * database and not changed afterwards; the list reads new rows when the
 * store changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-receivable.h"

struct _SalesReceivable
{
  GObject          parent_instance;

  SalesInstalment  instalment;
  char            *contract_number;
  gint64           customer_id;
  char            *customer_name;
  gint64           owner_id;
  char            *owner_name;
};

G_DEFINE_FINAL_TYPE (SalesReceivable, sales_receivable, G_TYPE_OBJECT)

static void
sales_receivable_finalize (GObject *object)
{
  SalesReceivable *self = (SalesReceivable *)object;

  g_free (self->contract_number);
  g_free (self->customer_name);
  g_free (self->owner_name);

  G_OBJECT_CLASS (sales_receivable_parent_class)->finalize (object);
}

static void
sales_receivable_class_init (SalesReceivableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_receivable_finalize;
}

static void
sales_receivable_init (SalesReceivable *self)
{
}

/**
 * sales_receivable_new:
 * @owner_id: the rep who owns the customer; 0 = nobody (the public pool)
 * @owner_name: (nullable): %NULL for nobody
 */
SalesReceivable *
sales_receivable_new (const SalesInstalment *instalment,
                      const char            *contract_number,
                      gint64                 customer_id,
                      const char            *customer_name,
                      gint64                 owner_id,
                      const char            *owner_name)
{
  SalesReceivable *self;

  g_return_val_if_fail (instalment != NULL, NULL);

  self = g_object_new (SALES_TYPE_RECEIVABLE, NULL);
  self->instalment = *instalment;
  self->contract_number = g_strdup (contract_number);
  self->customer_id = customer_id;
  self->customer_name = g_strdup (customer_name);
  self->owner_id = owner_id;
  self->owner_name = g_strdup (owner_name);

  return self;
}

const SalesInstalment *
sales_receivable_get_instalment (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), NULL);

  return &self->instalment;
}

gint64
sales_receivable_get_contract_id (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), 0);

  return self->instalment.contract_id;
}

const char *
sales_receivable_get_contract_number (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), NULL);

  return self->contract_number;
}

gint64
sales_receivable_get_customer_id (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), 0);

  return self->customer_id;
}

const char *
sales_receivable_get_customer_name (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), NULL);

  return self->customer_name;
}

gint64
sales_receivable_get_owner_id (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), 0);

  return self->owner_id;
}

const char *
sales_receivable_get_owner_name (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), NULL);

  return self->owner_name;
}

/* What is left to collect of the instalment. */
gint64
sales_receivable_get_outstanding_cents (SalesReceivable *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLE (self), 0);

  return self->instalment.amount_cents - self->instalment.paid_cents;
}

/* sales-record.h: the base of the model objects, one row of a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sales-types.h"

G_BEGIN_DECLS

#define SALES_TYPE_RECORD (sales_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (SalesRecord, sales_record, SALES, RECORD, GObject)

struct _SalesRecordClass
{
  GObjectClass parent_class;

  /* Checks what can be checked without the database; SalesStore calls it
   * before every write. Errors are SALES_DB_ERROR_INVALID. */
  gboolean (*validate) (SalesRecord  *self,
                        GError      **error);

  /*< private >*/
  gconstpointer info;
  gpointer      padding[6];
};

gint64          sales_record_get_id    (SalesRecord  *self);
SalesRecordKind sales_record_get_kind  (SalesRecord  *self);
gpointer        sales_record_dup       (SalesRecord  *self);
gboolean        sales_record_equal     (SalesRecord  *a,
                                        SalesRecord  *b);
gboolean        sales_record_validate  (SalesRecord  *self,
                                        GError      **error);

gboolean        sales_text_is_blank    (const char   *text);
gboolean        sales_iso_date_is_valid (const char  *text);

G_END_DECLS

/* sales-catalog.h: the translations of one language, for a document printed in a language other
 * than the user interface's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SalesCatalog SalesCatalog;

/* @language: "en", "zh_CN", "zh_TW" (any language with a catalogue installed), or NULL for the
 * language of the user interface, whose translations gettext gives. Never fails: a language
 * without a catalogue gives the untranslated strings. */
SalesCatalog *sales_catalog_new           (const char   *language);
void          sales_catalog_free          (SalesCatalog *self);
/* The language's code as Pango and the fonts know it: "en", "zh-cn", "zh-tw". */
const char   *sales_catalog_get_language  (SalesCatalog *self);
const char   *sales_catalog_gettext       (SalesCatalog *self,
                                           const char   *msgid) G_GNUC_FORMAT (2);
/* @context: (nullable) */
const char   *sales_catalog_pgettext      (SalesCatalog *self,
                                           const char   *context,
                                           const char   *msgid) G_GNUC_FORMAT (3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesCatalog, sales_catalog_free)

G_END_DECLS

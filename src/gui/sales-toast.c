/* sales-toast.c: toasts whose title is text, not markup
 *
 * An AdwToast's title is Pango markup in libadwaita 1.2. Titles here quote what users
 * typed (customer names, deal titles, file names) and error messages that quote them, so
 * a name with "&" or "<" would show wrong or not at all: every toast with such a title is
 * made here, with the text escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-toast.h"

/**
 * sales_toast_new_text:
 * @text: the title, shown as it is
 *
 * Returns: (transfer full): a new toast showing @text
 */
AdwToast *
sales_toast_new_text (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * sales_toast_set_title_text:
 * @toast: a toast
 * @text: the new title, shown as it is
 */
void
sales_toast_set_title_text (AdwToast   *toast,
                            const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  adw_toast_set_title (toast, escaped);
}

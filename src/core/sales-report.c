/* sales-report.c: the monthly performance summary as pages
 *
 * Pagination lays every section out in order for one page size; the print preview, the printer
 * and the PDF then draw the same display lists. The PDF is written to a temporary file beside
 * the one asked for and renamed over it only when complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sales-report-private.h"

G_DEFINE_FINAL_TYPE (SalesReport, sales_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA,
  PROP_LANGUAGE,
  PROP_COMPANY_NAME,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_report_finalize (GObject *object)
{
  SalesReport *self = (SalesReport *)object;

  report_layout_end (self);
  g_clear_pointer (&self->data, sales_report_data_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->printed_at, g_date_time_unref);

  G_OBJECT_CLASS (sales_report_parent_class)->finalize (object);
}

static void
sales_report_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SalesReport *self = SALES_REPORT (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_report_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SalesReport *self = SALES_REPORT (object);

  switch (prop_id)
    {
    case PROP_DATA:
      self->data = g_value_dup_boxed (value);
      break;

    case PROP_LANGUAGE:
      sales_report_set_language (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_NAME:
      sales_report_set_company_name (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      sales_report_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_report_class_init (SalesReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_report_finalize;
  object_class->get_property = sales_report_get_property;
  object_class->set_property = sales_report_set_property;

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, SALES_TYPE_REPORT_DATA,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "CNY",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_report_init (SalesReport *self)
{
  self->currency = g_strdup ("CNY");
  self->printed_at = g_date_time_new_now_local ();
}

SalesReport *
sales_report_new (SalesReportData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_object_new (SALES_TYPE_REPORT, "data", data, NULL);
}

SalesReportData *
sales_report_get_data (SalesReport *self)
{
  g_return_val_if_fail (SALES_IS_REPORT (self), NULL);

  return self->data;
}

const char *
sales_report_get_language (SalesReport *self)
{
  g_return_val_if_fail (SALES_IS_REPORT (self), NULL);

  return self->language;
}

/* A change of what the pages show drops the layout; the next pagination makes it again. */
static void
set_string (SalesReport  *self,
            char        **field,
            const char   *value,
            GParamSpec   *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  report_layout_end (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
sales_report_set_language (SalesReport *self,
                           const char  *language)
{
  g_return_if_fail (SALES_IS_REPORT (self));

  set_string (self, &self->language, language, properties[PROP_LANGUAGE]);
}

const char *
sales_report_get_company_name (SalesReport *self)
{
  g_return_val_if_fail (SALES_IS_REPORT (self), NULL);

  return self->company_name;
}

void
sales_report_set_company_name (SalesReport *self,
                               const char  *company_name)
{
  g_return_if_fail (SALES_IS_REPORT (self));

  set_string (self, &self->company_name, company_name, properties[PROP_COMPANY_NAME]);
}

const char *
sales_report_get_currency (SalesReport *self)
{
  g_return_val_if_fail (SALES_IS_REPORT (self), NULL);

  return self->currency;
}

void
sales_report_set_currency (SalesReport *self,
                           const char  *currency)
{
  g_return_if_fail (SALES_IS_REPORT (self));

  set_string (self, &self->currency, currency != NULL ? currency : "CNY",
              properties[PROP_CURRENCY]);
}

void
sales_report_set_printed_at (SalesReport *self,
                             GDateTime   *printed_at)
{
  g_return_if_fail (SALES_IS_REPORT (self));
  g_return_if_fail (printed_at != NULL);

  g_date_time_unref (self->printed_at);
  self->printed_at = g_date_time_ref (printed_at);
  report_layout_end (self);
}

void
sales_report_paper_size (SalesReportPaper  paper,
                         double           *width,
                         double           *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == SALES_REPORT_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 210 / 25.4 * 72;
      *height = 297 / 25.4 * 72;
    }
}

guint
sales_report_paginate (SalesReport *self,
                       double       width,
                       double       height)
{
  g_return_val_if_fail (SALES_IS_REPORT (self), 0);
  g_return_val_if_fail (width > 4 * SALES_REPORT_MARGIN && height > 4 * SALES_REPORT_MARGIN, 0);

  report_layout_begin (self, width, height);
  report_new_page (self);
  report_add_header (self);
  report_add_targets (self);
  report_add_kpis (self);
  /* The ranking of the reps is what a team meeting reads first: on the first page. */
  if (self->data->kpi->rep_id == 0)
    report_add_reps (self);
  report_add_trend_chart (self);
  if (self->data->kpi->rep_id == 0)
    report_add_attainment_chart (self);
  report_add_deals (self);
  report_add_overdue (self);
  report_add_footers (self);
  return self->pages->len;
}

guint
sales_report_get_n_pages (SalesReport *self)
{
  g_return_val_if_fail (SALES_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

void
sales_report_draw_page (SalesReport *self,
                        cairo_t     *cr,
                        guint        page)
{
  g_return_if_fail (SALES_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < sales_report_get_n_pages (self));

  report_draw_ops (g_ptr_array_index (self->pages, page), cr);
}

GArray *
sales_report_get_boxes (SalesReport *self,
                        guint        page)
{
  GArray *ops;
  GArray *boxes;

  g_return_val_if_fail (SALES_IS_REPORT (self), NULL);
  g_return_val_if_fail (page < sales_report_get_n_pages (self), NULL);

  ops = g_ptr_array_index (self->pages, page);
  boxes = g_array_sized_new (FALSE, FALSE, sizeof (SalesReportBox), ops->len);
  for (guint i = 0; i < ops->len; i++)
    {
      const ReportOp *op = &g_array_index (ops, ReportOp, i);
      const char * const roles[] = { "text", "fill", "rule", "line" };
      SalesReportBox box = { op->x, op->y, op->width, op->height, roles[op->kind] };

      g_array_append_val (boxes, box);
    }
  return boxes;
}

static gboolean
draw_pdf (SalesReport       *self,
          SalesReportPaper   paper,
          const char        *path,
          GError           **error)
{
  g_autofree char *title = NULL;
  g_autofree char *month = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;
  guint n_pages;

  sales_report_paper_size (paper, &width, &height);
  n_pages = sales_report_paginate (self, width, height);

  surface = cairo_pdf_surface_create (path, width, height);
  month = report_month_name (self, &self->data->kpi->period, FALSE);
  title = g_strdup_printf ("%s · %s", report_tr (self, N_("Monthly Sales Summary")), month);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sales Desk");
  if (self->company_name != NULL && *self->company_name != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->company_name);

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      sales_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: %s is a file name */
                   _("Could not write the summary to %s"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
sales_report_write_pdf (SalesReport       *self,
                        SalesReportPaper   paper,
                        const char        *path,
                        GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *temp = NULL;
  mode_t mask;
  int fd;

  g_return_val_if_fail (SALES_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* TRANSLATORS: %s is a file name */
                   _("Could not write the summary to %s: it is a folder"), path);
      return FALSE;
    }

  /* Beside the target, so that the rename stays on one file system. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  pattern = g_strdup_printf (".%s.XXXXXX", base);
  temp = g_build_filename (dir, pattern, NULL);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* TRANSLATORS: the first %s is a file name, the second why it failed */
                   _("Could not write the summary to %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!draw_pdf (self, paper, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the summary to %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  /* mkstemp made the file for its owner alone; a summary is an ordinary document. */
  mask = umask (0);
  umask (mask);
  g_chmod (path, 0666 & ~mask);
  return TRUE;
}

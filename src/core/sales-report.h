/* sales-report.h: the monthly performance summary, laid out in pages and drawn with cairo
 *
 * One renderer for the print preview, the printer and the PDF of the command line: the pages
 * are laid out once for a page size, in points (1/72 inch), then each is drawn onto whatever
 * cairo context is given, scaled to points. Every box drawn (a text, a bar, a rule) is kept,
 * so that a test can check that none leaves the margins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sales-report-data.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_REPORT_PAPER_A4,
  SALES_REPORT_PAPER_LETTER,
} SalesReportPaper;

/* The margin on every side of the page, in points (15 mm). */
#define SALES_REPORT_MARGIN 42.5

typedef struct
{
  double      x;
  double      y;
  double      width;
  double      height;
  const char *role;     /* "text", "rule", "bar", "line", "fill" */
} SalesReportBox;

#define SALES_TYPE_REPORT (sales_report_get_type ())

G_DECLARE_FINAL_TYPE (SalesReport, sales_report, SALES, REPORT, GObject)

SalesReport     *sales_report_new               (SalesReportData   *data);
SalesReportData *sales_report_get_data          (SalesReport       *self);
/* NULL (the default): the language of the user interface; else "en", "zh_CN", "zh_TW". */
const char      *sales_report_get_language      (SalesReport       *self);
void             sales_report_set_language      (SalesReport       *self,
                                                 const char        *language);
const char      *sales_report_get_company_name  (SalesReport       *self);
void             sales_report_set_company_name  (SalesReport       *self,
                                                 const char        *company_name);
/* An ISO 4217 code; "CNY" by default. */
const char      *sales_report_get_currency      (SalesReport       *self);
void             sales_report_set_currency      (SalesReport       *self,
                                                 const char        *currency);
/* When the summary says it was printed; now by default. */
void             sales_report_set_printed_at    (SalesReport       *self,
                                                 GDateTime         *printed_at);

void             sales_report_paper_size        (SalesReportPaper   paper,
                                                 double            *width,
                                                 double            *height);
/* Lays the summary out on pages of @width × @height points; returns how many. */
guint            sales_report_paginate          (SalesReport       *self,
                                                 double             width,
                                                 double             height);
guint            sales_report_get_n_pages       (SalesReport       *self);
/* Draws page @page (from 0) onto @cr, whose user space is the page in points. */
void             sales_report_draw_page         (SalesReport       *self,
                                                 cairo_t           *cr,
                                                 guint              page);
/* The boxes page @page draws: (element-type SalesReportBox) (transfer container) */
GArray          *sales_report_get_boxes         (SalesReport       *self,
                                                 guint              page);
/* Writes the PDF to a temporary file beside @path and renames it: no partial file is left. */
gboolean         sales_report_write_pdf         (SalesReport       *self,
                                                 SalesReportPaper   paper,
                                                 const char        *path,
                                                 GError           **error);

/* sales-report-job.c: the command line's job, from the database file to the PDF file. */
gboolean         sales_report_run_job           (const char        *db_path,
                                                 const char        *month,
                                                 gint64             rep_id,
                                                 const char        *paper,
                                                 const char        *output,
                                                 GError           **error);

G_END_DECLS

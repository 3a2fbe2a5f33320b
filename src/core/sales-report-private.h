/* sales-report-private.h: what the files of the monthly summary share
 *
 * Laying out fills a display list per page: texts (Pango layouts), filled rectangles, rules and
 * polylines at page positions in points. Drawing a page replays its list; the boxes of the
 * tests are the list's extents. Sections add to the list through a cursor that moves down the
 * page and starts a new page when something does not fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sales-catalog.h"
#include "sales-report.h"

G_BEGIN_DECLS

/* Colours, as 0xRRGGBB. */
#define REPORT_INK       0x1e1e1eU
#define REPORT_MUTED     0x5e5c64U
#define REPORT_RULE      0xc0bfbcU
#define REPORT_SHADE     0xf0efedU
#define REPORT_ACCENT    0x1c71d8U
#define REPORT_STRETCH   0x26a269U
#define REPORT_WARNING   0xc01c28U
#define REPORT_BAR_EMPTY 0xdeddd9U

/* Type sizes in points. */
#define REPORT_SIZE_TITLE   18.0
#define REPORT_SIZE_HEADING 12.0
#define REPORT_SIZE_BIG     15.0
#define REPORT_SIZE_VALUE   11.5
#define REPORT_SIZE_BODY    9.0
#define REPORT_SIZE_SMALL   7.5

/* Room kept at the foot of every page for "Page 2 of 3". */
#define REPORT_FOOTER_HEIGHT 18.0

typedef enum
{
  OP_TEXT,
  OP_RECT,
  OP_LINE,
  OP_POLYLINE,
} ReportOpKind;

typedef struct
{
  ReportOpKind  kind;
  double        x;       /* the box, in points from the page's top left corner */
  double        y;
  double        width;
  double        height;
  guint32       rgb;
  double        line_width;
  PangoLayout  *layout;  /* OP_TEXT: drawn with its top left corner at (x − dx, y − dy) */
  double        dx;
  double        dy;
  GArray       *points;  /* OP_POLYLINE: x, y, x, y … */
} ReportOp;

typedef enum
{
  TEXT_LEFT   = 0,
  TEXT_RIGHT  = 1 << 0,
  TEXT_CENTER = 1 << 1,
  TEXT_BOLD   = 1 << 2,
  TEXT_WRAP   = 1 << 3,   /* else a line ellipsized to the width */
  TEXT_WRAP_WORDS = 1 << 4, /* wrapped between words only, as a column's title */
} ReportTextFlags;

struct _SalesReport
{
  GObject           parent_instance;

  SalesReportData  *data;
  char             *language;
  char             *company_name;
  char             *currency;
  GDateTime        *printed_at;

  /* The layout, for one page size. */
  SalesCatalog     *catalog;
  PangoContext     *pango;
  double            page_width;
  double            page_height;
  GPtrArray        *pages;       /* GArray of ReportOp each */
  GArray           *current;     /* the page added to */
  double            y;           /* the cursor on the last page */
};

/* sales-report-layout.c: the display list and the cursor. */
/* Translations in the summary's language; a format stays a format for the compiler. */
const char *report_tr            (SalesReport     *self,
                                  const char      *msgid) G_GNUC_FORMAT (2);
const char *report_ctr           (SalesReport     *self,
                                  const char      *context,
                                  const char      *msgid) G_GNUC_FORMAT (3);
void        report_layout_begin  (SalesReport     *self,
                                  double           width,
                                  double           height);
void        report_layout_end    (SalesReport     *self);
double      report_left          (SalesReport     *self);
double      report_right         (SalesReport     *self);
double      report_content_width (SalesReport     *self);
double      report_bottom        (SalesReport     *self);
void        report_new_page      (SalesReport     *self);
/* Adds to page @index from now on (the footers, once the pages are counted). */
void        report_select_page   (SalesReport     *self,
                                  guint            index);
/* Starts a new page unless @height more points fit above the footer. TRUE when it did. */
gboolean    report_ensure_space  (SalesReport     *self,
                                  double           height);
PangoLayout *report_make_layout  (SalesReport     *self,
                                  const char      *text,
                                  double           size,
                                  ReportTextFlags  flags,
                                  double           width);
/* The height a text of @width takes. */
double      report_text_height   (SalesReport     *self,
                                  const char      *text,
                                  double           size,
                                  ReportTextFlags  flags,
                                  double           width);
/* Adds a text with its top left corner at (@x, @y) of the last page; returns its height. */
double      report_add_text      (SalesReport     *self,
                                  double           x,
                                  double           y,
                                  double           width,
                                  const char      *text,
                                  double           size,
                                  ReportTextFlags  flags,
                                  guint32          rgb);
void        report_add_rect      (SalesReport     *self,
                                  double           x,
                                  double           y,
                                  double           width,
                                  double           height,
                                  guint32          rgb);
void        report_add_line      (SalesReport     *self,
                                  double           x1,
                                  double           y1,
                                  double           x2,
                                  double           y2,
                                  double           line_width,
                                  guint32          rgb);
/* @points: x, y pairs, taken */
void        report_add_polyline  (SalesReport     *self,
                                  GArray          *points,
                                  double           line_width,
                                  guint32          rgb);
void        report_draw_ops      (GArray          *ops,
                                  cairo_t         *cr);

/* sales-report-format.c: numbers as the summary writes them. */
char       *report_money         (SalesReport     *self,
                                  gint64           cents);
char       *report_money_compact (SalesReport     *self,
                                  gint64           cents);
char       *report_count         (gint64           n);
/* "—" for NAN */
char       *report_percent       (SalesReport     *self,
                                  double           rate);
char       *report_days          (SalesReport     *self,
                                  double           days);
char       *report_month_name    (SalesReport     *self,
                                  const SalesKpiPeriod *period,
                                  gboolean         short_form);

/* sales-report-table.c: a table that continues on the next page with its header. */
typedef struct
{
  const char *title;
  double      share;    /* of the content width */
  gboolean    numeric;  /* right-aligned */
} ReportColumn;

void        report_add_table     (SalesReport        *self,
                                  const ReportColumn *columns,
                                  guint               n_columns,
                                  GPtrArray          *rows,
                                  GStrv               total);

/* sales-report-sections.c */
void        report_add_heading   (SalesReport     *self,
                                  const char      *text,
                                  double           keep_with);
void        report_add_header    (SalesReport     *self);
void        report_add_targets   (SalesReport     *self);
void        report_add_kpis      (SalesReport     *self);
void        report_add_reps      (SalesReport     *self);
void        report_add_deals     (SalesReport     *self);
void        report_add_overdue   (SalesReport     *self);
void        report_add_footers   (SalesReport     *self);

/* sales-report-charts.c: drawn as vectors. */
void        report_add_attainment_chart (SalesReport *self);
void        report_add_trend_chart      (SalesReport *self);

G_END_DECLS

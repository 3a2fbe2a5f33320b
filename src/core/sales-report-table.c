/* sales-report-table.c: tables of the summary, which continue on the next page
 *
 * A table takes the content width, its columns shares of it; a cell is one line, ellipsized
 * when its text is too long, numbers right-aligned. A row that does not fit above the footer
 * goes to the next page, under the table's header drawn again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-report-private.h"

#define CELL_PADDING 3.0
#define ROW_PADDING  3.0
#define TABLE_SIZE   7.5

static double
row_height (SalesReport *self)
{
  return report_text_height (self, "Ag", TABLE_SIZE, TEXT_BOLD, 100) + 2 * ROW_PADDING;
}

static void
add_row (SalesReport        *self,
         const ReportColumn *columns,
         guint               n_columns,
         const char * const *cells,
         ReportTextFlags     flags,
         guint32             rgb)
{
  double x = report_left (self);
  double width = report_content_width (self);

  for (guint i = 0; i < n_columns; i++)
    {
      double column_width = columns[i].share * width;
      double cell_width = column_width;

      /* A text runs on over the empty cells after it, as "Total, 220 contracts" does. */
      for (guint k = i + 1; k < n_columns && *cells[k] == '\0' && !columns[i].numeric; k++)
        cell_width += columns[k].share * width;
      if (*cells[i] != '\0')
        report_add_text (self, x + CELL_PADDING, self->y + ROW_PADDING,
                         cell_width - 2 * CELL_PADDING, cells[i], TABLE_SIZE,
                         flags | (columns[i].numeric ? TEXT_RIGHT : TEXT_LEFT), rgb);
      x += column_width;
    }
  self->y += row_height (self);
}

/* Column titles wrap onto a second line where a narrow column needs it. */
static double
header_height (SalesReport        *self,
               const ReportColumn *columns,
               guint               n_columns)
{
  double width = report_content_width (self);
  double height = 0;

  for (guint i = 0; i < n_columns; i++)
    height = MAX (height, report_text_height (self, report_tr (self, columns[i].title),
                                              TABLE_SIZE, TEXT_BOLD | TEXT_WRAP_WORDS,
                                              columns[i].share * width - 2 * CELL_PADDING));
  return height + 2 * ROW_PADDING;
}

static void
add_header (SalesReport        *self,
            const ReportColumn *columns,
            guint               n_columns)
{
  double x = report_left (self);
  double width = report_content_width (self);
  double height = header_height (self, columns, n_columns);

  report_add_rect (self, x, self->y, width, height, REPORT_SHADE);
  for (guint i = 0; i < n_columns; i++)
    {
      double column_width = columns[i].share * width;
      const char *title = report_tr (self, columns[i].title);

      /* Titles sit on the bottom line, over their column's figures. */
      report_add_text (self, x + CELL_PADDING,
                       self->y + height - ROW_PADDING -
                       report_text_height (self, title, TABLE_SIZE, TEXT_BOLD | TEXT_WRAP_WORDS,
                                           column_width - 2 * CELL_PADDING),
                       column_width - 2 * CELL_PADDING, title, TABLE_SIZE,
                       TEXT_BOLD | TEXT_WRAP_WORDS | (columns[i].numeric ? TEXT_RIGHT : TEXT_LEFT),
                       REPORT_MUTED);
      x += column_width;
    }
  self->y += height;
}

/* @rows: (element-type GStrv): the cells of each row, n_columns each
 * @total: (nullable): the last row, in bold under a rule */
void
report_add_table (SalesReport        *self,
                  const ReportColumn *columns,
                  guint               n_columns,
                  GPtrArray          *rows,
                  GStrv               total)
{
  double height = row_height (self);

  /* The header never stands alone at the foot of a page. */
  report_ensure_space (self, header_height (self, columns, n_columns) + height);
  add_header (self, columns, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);
      /* The total goes to the next page with the last row, never alone. */
      double needed = r + 1 == rows->len && total != NULL ? 2 * height + 1.2 : height + 0.2;

      if (report_ensure_space (self, needed))
        add_header (self, columns, n_columns);
      add_row (self, columns, n_columns, cells, TEXT_LEFT, REPORT_INK);
      report_add_line (self, report_left (self), self->y, report_right (self), self->y, 0.4,
                       REPORT_SHADE);
    }

  if (total != NULL)
    {
      if (report_ensure_space (self, height + 1))
        add_header (self, columns, n_columns);
      report_add_line (self, report_left (self), self->y + 0.5, report_right (self),
                       self->y + 0.5, 1.0, REPORT_MUTED);
      self->y += 1;
      add_row (self, columns, n_columns, (const char * const *)total, TEXT_BOLD, REPORT_INK);
    }
}

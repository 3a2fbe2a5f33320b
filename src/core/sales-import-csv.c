/* sales-import-csv.c: CSV and TSV files in UTF-8, GB18030 or UTF-16, streamed
 *
 * Parsing is Debian's libcsv, in its lenient mode (stray quotes as Excel
 * writes them stay text) with CSV_REPALL_NL, so that blank lines are seen
 * and rows keep the numbers a spreadsheet gives them.
 *
 * UTF-8 and GB18030 are parsed as bytes and converted cell by cell: neither
 * uses the bytes of a quote, a delimiter or a line end inside a multi-byte
 * character, and converting a cell at a time is what tells the row and
 * column of an invalid sequence. UTF-16 is converted to UTF-8 first; an
 * invalid unit becomes the byte 0xFF, which is never UTF-8, so the check of
 * the cell reports it in its place instead of it being replaced silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-import-reader-private.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  struct csv_parser   parser;
  SalesImportEncoding encoding;
  GIConv              to_utf8;
  GPtrArray          *cells;
  int                 invalid_column;
  guint               number;
  int                 last_end;
  SalesImportRowFunc  func;
  gpointer            user_data;
  gboolean            stop;
  GError             *error;
} CsvState;

gssize
sales_import_input_read (SalesImportInput  *input,
                         void              *buffer,
                         gsize              size,
                         GCancellable      *cancellable,
                         GError           **error)
{
  gsize n = 0;

  /* A short read is not the end of a pipe or a slow file. */
  if (!g_input_stream_read_all (input->stream, buffer, size, &n, cancellable, error))
    return -1;

  input->offset += n;
  return n;
}

gboolean
sales_import_input_rewind (SalesImportInput  *input,
                           GCancellable      *cancellable,
                           GError           **error)
{
  input->offset = 0;
  return g_seekable_seek (G_SEEKABLE (input->stream), 0, G_SEEK_SET, cancellable, error);
}

/* Encoding */

static gboolean
has_prefix (const guchar *buffer,
            gsize         size,
            const char   *prefix,
            gsize         prefix_size)
{
  return size >= prefix_size && memcmp (buffer, prefix, prefix_size) == 0;
}

/* Leaves the stream after the byte order mark, if any. */
gboolean
sales_import_read_bom (SalesImportInput     *input,
          SalesImportEncoding  *found,
          GCancellable         *cancellable,
          GError              **error)
{
  guchar head[3];
  gssize n;
  gsize skip = 0;

  *found = SALES_IMPORT_ENCODING_AUTO;
  if (!sales_import_input_rewind (input, cancellable, error))
    return FALSE;

  n = sales_import_input_read (input, head, sizeof head, cancellable, error);
  if (n < 0)
    return FALSE;

  if (has_prefix (head, n, "\xEF\xBB\xBF", 3))
    *found = SALES_IMPORT_ENCODING_UTF8, skip = 3;
  else if (has_prefix (head, n, "\xFF\xFE", 2))
    *found = SALES_IMPORT_ENCODING_UTF16LE, skip = 2;
  else if (has_prefix (head, n, "\xFE\xFF", 2))
    *found = SALES_IMPORT_ENCODING_UTF16BE, skip = 2;

  if (!sales_import_input_rewind (input, cancellable, error))
    return FALSE;
  if (skip > 0 && sales_import_input_read (input, head, skip, cancellable, error) < 0)
    return FALSE;

  return TRUE;
}

/* Whether the rest of the stream is UTF-8, read once to the end (or to the first invalid
 * byte): a file whose first thousand rows are ASCII may still be GB18030 further down. */
static gboolean
rest_is_utf8 (SalesImportInput  *input,
              gboolean          *valid,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE + 4);
  gsize carried = 0;

  *valid = TRUE;
  for (;;)
    {
      gssize n = sales_import_input_read (input, buffer + carried, CHUNK_SIZE, cancellable,
                                          error);
      gsize size;
      const char *end = NULL;

      if (n < 0)
        return FALSE;

      size = carried + n;
      if (g_utf8_validate_len ((const char *)buffer, size, &end))
        {
          carried = 0;
          if (n == 0)
            return TRUE;
          continue;
        }

      carried = size - ((const guchar *)end - buffer);
      /* Only the start of a character cut by the chunk's end goes on to the next one. */
      if (n == 0 || carried >= 4 || *end == '\0')
        {
          *valid = FALSE;
          return TRUE;
        }
      memmove (buffer, end, carried);
    }
}

/**
 * sales_import_detect_encoding:
 *
 * By the byte order mark, then UTF-8 if every byte of the file is UTF-8,
 * then GB18030, which is what Excel writes for "CSV" on a Chinese Windows.
 */
gboolean
sales_import_detect_encoding (SalesImportInput     *input,
                              SalesImportEncoding  *encoding,
                              GCancellable         *cancellable,
                              GError              **error)
{
  gboolean utf8 = FALSE;

  if (!sales_import_read_bom (input, encoding, cancellable, error))
    return FALSE;
  if (*encoding != SALES_IMPORT_ENCODING_AUTO)
    return TRUE;

  if (!rest_is_utf8 (input, &utf8, cancellable, error))
    return FALSE;

  *encoding = utf8 ? SALES_IMPORT_ENCODING_UTF8 : SALES_IMPORT_ENCODING_GB18030;
  return TRUE;
}

/* Cells and rows */

static gboolean
is_ascii (const char *text,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    {
      if ((guchar)text[i] >= 0x80)
        return FALSE;
    }

  return TRUE;
}

static char *
cell_to_utf8 (CsvState   *state,
              const char *field,
              gsize       size)
{
  if (size == 0 || is_ascii (field, size))
    {
      if (memchr (field, '\0', size) != NULL)
        return NULL;
      return g_strndup (field, size);
    }

  if (state->encoding == SALES_IMPORT_ENCODING_GB18030)
    {
      gsize read = 0, written = 0;
      char *text = g_convert_with_iconv (field, size, state->to_utf8, &read, &written, NULL);

      if (text != NULL && (read != size || strlen (text) != written))
        g_clear_pointer (&text, g_free);
      return text;
    }

  if (!g_utf8_validate_len (field, size, NULL))
    return NULL;

  return g_strndup (field, size);
}

static void
on_field (void   *field,
          size_t  size,
          void   *data)
{
  CsvState *state = data;
  char *text;

  if (state->stop)
    return;

  if (state->cells->len >= SALES_IMPORT_MAX_COLUMNS)
    return;

  text = cell_to_utf8 (state, field != NULL ? field : "", field != NULL ? size : 0);
  if (text == NULL)
    {
      if (state->invalid_column < 0)
        state->invalid_column = (int)state->cells->len;
      text = g_strdup ("");
    }

  g_ptr_array_add (state->cells, text);
}

static void
on_row_end (int   end,
            void *data)
{
  CsvState *state = data;
  SalesImportRow row;

  if (state->stop)
    return;

  /* The line feed of a CRLF comes as an empty row of its own. */
  if (state->cells->len == 0 && end == '\n' && state->last_end == '\r')
    {
      state->last_end = end;
      return;
    }

  state->last_end = end;
  state->number++;

  row.number = state->number;
  row.n_cells = state->cells->len;
  g_ptr_array_add (state->cells, NULL);
  row.cells = (char **)state->cells->pdata;
  row.invalid_column = state->invalid_column;

  if (!state->func (&row, state->user_data, &state->error))
    state->stop = TRUE;

  g_ptr_array_set_size (state->cells, 0);
  state->invalid_column = -1;
}

/* The delimiter that the first line has most of, outside quotes: a comma when tied. */
static char
detect_delimiter (const char *text,
                  gsize       size)
{
  gsize commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static int
is_space (unsigned char c)
{
  /* Not the tab: it may be the delimiter, and a cell may start with one. */
  return c == ' ';
}

static int
is_term (unsigned char c)
{
  return c == '\r' || c == '\n';
}

/* UTF-16 to UTF-8, keeping what is cut off at the end of @in for the next chunk. */
static gboolean
utf16_to_utf8 (GIConv     conv,
               GByteArray *in,
               gboolean    last,
               GByteArray *out)
{
  char *inbuf = (char *)in->data;
  gsize inleft = in->len;

  g_byte_array_set_size (out, 0);
  while (inleft > 0)
    {
      char buffer[4096];
      char *outbuf = buffer;
      gsize outleft = sizeof buffer;
      gsize rc = g_iconv (conv, &inbuf, &inleft, &outbuf, &outleft);
      int saved_errno = errno;

      g_byte_array_append (out, (const guint8 *)buffer, outbuf - buffer);
      if (rc != (gsize)-1)
        continue;

      if (saved_errno == E2BIG)
        continue;
      if (saved_errno == EINVAL && !last)
        break;

      /* Invalid, or cut off at the end of the file: marked, see the top of the file. */
      g_byte_array_append (out, (const guint8 *)"\xFF", 1);
      inbuf += MIN (inleft, 2);
      inleft -= MIN (inleft, 2);
    }

  g_byte_array_remove_range (in, 0, in->len - inleft);
  return TRUE;
}

static const char *
iconv_name (SalesImportEncoding encoding)
{
  switch (encoding)
    {
    case SALES_IMPORT_ENCODING_UTF16:
    case SALES_IMPORT_ENCODING_UTF16LE:
      return "UTF-16LE";
    case SALES_IMPORT_ENCODING_UTF16BE:
      return "UTF-16BE";
    case SALES_IMPORT_ENCODING_GB18030:
      return "GB18030";
    case SALES_IMPORT_ENCODING_AUTO:
    case SALES_IMPORT_ENCODING_UTF8:
    default:
      return "UTF-8";
    }
}

static void
csv_state_clear (CsvState *state)
{
  csv_free (&state->parser);
  if (state->to_utf8 != (GIConv)-1)
    g_iconv_close (state->to_utf8);
  g_ptr_array_unref (state->cells);
  g_clear_error (&state->error);
}

/**
 * sales_import_csv_read:
 * @input: positioned after the byte order mark, if any
 * @encoding: the encoding, not %SALES_IMPORT_ENCODING_AUTO
 * @delimiter: (inout): ',', ';' or '\t'; 0 to detect it from the first line
 */
gboolean
sales_import_csv_read (SalesImportInput    *input,
                       SalesImportEncoding  encoding,
                       char                *delimiter,
                       SalesImportRowFunc   func,
                       gpointer             user_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GByteArray) raw = g_byte_array_sized_new (CHUNK_SIZE);
  g_autoptr(GByteArray) text = g_byte_array_sized_new (2 * CHUNK_SIZE);
  gboolean utf16 = encoding == SALES_IMPORT_ENCODING_UTF16 ||
                   encoding == SALES_IMPORT_ENCODING_UTF16LE ||
                   encoding == SALES_IMPORT_ENCODING_UTF16BE;
  GIConv from_utf16 = (GIConv)-1;
  CsvState state = { 0 };
  gboolean ok = TRUE;
  gboolean eof = FALSE;

  g_assert (encoding != SALES_IMPORT_ENCODING_AUTO);

  csv_init (&state.parser, CSV_REPALL_NL);
  csv_set_space_func (&state.parser, is_space);
  csv_set_term_func (&state.parser, is_term);
  state.encoding = utf16 ? SALES_IMPORT_ENCODING_UTF8 : encoding;
  state.to_utf8 = encoding == SALES_IMPORT_ENCODING_GB18030
                  ? g_iconv_open ("UTF-8", "GB18030") : (GIConv)-1;
  state.cells = g_ptr_array_new_with_free_func (g_free);
  state.invalid_column = -1;
  state.func = func;
  state.user_data = user_data;

  if (utf16)
    from_utf16 = g_iconv_open ("UTF-8", iconv_name (encoding));

  while (ok && !eof && !state.stop)
    {
      gsize old = raw->len;
      gssize n;
      const guint8 *data;
      gsize size;

      g_byte_array_set_size (raw, old + CHUNK_SIZE);
      n = sales_import_input_read (input, raw->data + old, CHUNK_SIZE, cancellable, error);
      if (n < 0)
        {
          ok = FALSE;
          break;
        }
      g_byte_array_set_size (raw, old + n);
      eof = n == 0;

      if (utf16)
        {
          utf16_to_utf8 (from_utf16, raw, eof, text);
          data = text->data;
          size = text->len;
        }
      else
        {
          data = raw->data;
          size = raw->len;
        }

      if (*delimiter == 0)
        {
          *delimiter = detect_delimiter ((const char *)data, size);
        }
      csv_set_delim (&state.parser, (unsigned char)*delimiter);

      if (size > 0 && csv_parse (&state.parser, data, size, on_field, on_row_end, &state) != size &&
          !state.stop)
        {
          g_set_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT,
                       _("The file could not be read as CSV: %s"),
                       csv_strerror (csv_error (&state.parser)));
          ok = FALSE;
        }
      if (!utf16)
        g_byte_array_set_size (raw, 0);
    }

  if (ok && !state.stop)
    csv_fini (&state.parser, on_field, on_row_end, &state);

  if (ok && state.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&state.error));
      ok = FALSE;
    }

  if (from_utf16 != (GIConv)-1)
    g_iconv_close (from_utf16);
  csv_state_clear (&state);
  return ok;
}

const char *
sales_import_encoding_to_string (SalesImportEncoding encoding)
{
  switch (encoding)
    {
    case SALES_IMPORT_ENCODING_AUTO:
      return "auto";
    case SALES_IMPORT_ENCODING_UTF8:
      return "utf-8";
    case SALES_IMPORT_ENCODING_GB18030:
      return "gb18030";
    case SALES_IMPORT_ENCODING_UTF16:
      return "utf-16";
    case SALES_IMPORT_ENCODING_UTF16LE:
      return "utf-16le";
    case SALES_IMPORT_ENCODING_UTF16BE:
      return "utf-16be";
    default:
      g_return_val_if_reached ("auto");
    }
}

gboolean
sales_import_encoding_parse (const char          *name,
                             SalesImportEncoding *encoding)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_ascii_strdown (name, -1);
  /* What people type for the same thing. */
  if (g_str_equal (lower, "utf8"))
    return sales_import_encoding_parse ("utf-8", encoding);
  if (g_str_equal (lower, "gbk") || g_str_equal (lower, "gb2312"))
    return sales_import_encoding_parse ("gb18030", encoding);

  for (SalesImportEncoding e = SALES_IMPORT_ENCODING_AUTO; e <= SALES_IMPORT_ENCODING_UTF16BE; e++)
    {
      if (g_str_equal (lower, sales_import_encoding_to_string (e)))
        {
          *encoding = e;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sales_import_encoding_describe (SalesImportEncoding encoding)
{
  switch (encoding)
    {
    case SALES_IMPORT_ENCODING_AUTO:
      return C_("encoding", "Detect automatically");
    case SALES_IMPORT_ENCODING_UTF8:
      return "UTF-8";
    case SALES_IMPORT_ENCODING_GB18030:
      /* TRANSLATORS: the encoding of Chinese Windows; GBK is a subset of GB18030 */
      return _("Chinese (GB18030, GBK)");
    case SALES_IMPORT_ENCODING_UTF16:
      return "UTF-16";
    case SALES_IMPORT_ENCODING_UTF16LE:
      return "UTF-16LE";
    case SALES_IMPORT_ENCODING_UTF16BE:
      return "UTF-16BE";
    default:
      g_return_val_if_reached ("");
    }
}

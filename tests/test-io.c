/* test-io.c — the import readers on real files (tests/data/import/): CSV in
 * the encodings and with the separators Excel and phones write, quoted
 * fields with separators, quotes and line breaks, vCards 2.1/3.0/4.0; the
 * errors a person sees on bad input; the columns' guesses and the mapped
 * rows.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io/rg-csv.h"
#include "io/rg-export.h"
#include "io/rg-import-map.h"
#include "io/rg-vcard.h"


static GBytes *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
assert_row (RgTable    *table,
            guint       row,
            guint       line,
            const char *first,
            ...)
{
  va_list ap;
  guint i = 0;

  g_assert_cmpuint (rg_table_get_line (table, row), ==, line);
  va_start (ap, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (ap, const char *), i++)
    g_assert_cmpstr (rg_table_get_cell (table, row, i), ==, cell);
  va_end (ap);
  g_assert_cmpuint (rg_table_get_row_length (table, row), ==, i);
}

/* The Excel file, the same in Windows-1251 and in UTF-8 with a mark. */
static void
check_excel_table (RgTable *table)
{
  g_assert_cmpint (rg_table_get_separator (table), ==, ';');
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 6);
  g_assert_cmpuint (rg_table_get_n_columns (table), ==, 4);
  assert_row (table, 0, 1, "ФИО", "Телефон", "Дата рождения", "Примечание", NULL);
  assert_row (table, 1, 2, "Иванова Мария Петровна", "+7 912 345-67-89", "12.03.1990", "Любит кофе; без сахара", NULL);
  assert_row (table, 2, 3, "Петров Пётр", "89123456780", "", "Говорит: \"только к Ольге\"", NULL);
  /* A record over two lines keeps the line it starts on; the line break
   * inside the field is "\n". */
  assert_row (table, 3, 4, "Сидорова; Анна", "8 (343) 123-45-67", "1985-07-01", "Первая строка\nВторая строка", NULL);
  assert_row (table, 4, 6, "John Smith", "+44 20 7946 0958", "", "", NULL);
  /* The blank line 7 and the empty row ";;;" of line 9 are skipped. */
  assert_row (table, 5, 8, "Кузнецова Ольга", "7.91234E+10", "05.11", "", NULL);
}

static void
test_csv_cp1251 (void)
{
  g_autoptr(GBytes) data = load ("clients-cp1251.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rg_table_get_encoding (table), ==, "windows-1251");
  check_excel_table (table);
}

static void
test_csv_utf8_bom (void)
{
  g_autoptr(GBytes) data = load ("clients-utf8-bom.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rg_table_get_encoding (table), ==, "UTF-8-BOM");
  check_excel_table (table);
}

static void
test_csv_utf16 (void)
{
  g_autoptr(GBytes) data = load ("clients-utf16.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rg_table_get_encoding (table), ==, "UTF-16LE");
  g_assert_cmpint (rg_table_get_separator (table), ==, '\t');
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 1, "Имя", "Фамилия", "Мобильный", "E-mail", "ДР", NULL);
  assert_row (table, 1, 2, "Мария", "Иванова", "+79123456789", "m@example.ru", "12.03", NULL);
  assert_row (table, 2, 3, "Anna", "Smith", "+7 912 000-11-22", "", "", NULL);
}

static void
test_csv_comma (void)
{
  g_autoptr(GBytes) data = load ("clients-comma.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rg_table_get_encoding (table), ==, "UTF-8");
  g_assert_cmpint (rg_table_get_separator (table), ==, ',');
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 3);
  assert_row (table, 1, 2, "Smith, Jane", "+1 555 123 4567", "+1 555 765 4321", "jane@example.com", "1980-01-02",
              "first", "second", NULL);
}

/* The dialog's overrides: the encoding and the separator as chosen. */
static void
test_csv_overrides (void)
{
  g_autoptr(GBytes) data = load ("clients-cp1251.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;

  table = rg_csv_read (data, "windows-1251", ',', &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_table_get_separator (table), ==, ',');
  g_assert_cmpstr (rg_table_get_cell (table, 0, 0), ==, "ФИО;Телефон;Дата рождения;Примечание");
  g_clear_pointer (&table, rg_table_unref);

  /* Windows-1251 text is not UTF-8: the line is named. */
  table = rg_csv_read (data, "UTF-8", 0, &error);
  g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 1 "));
  g_assert_null (table);
  g_clear_error (&error);

  table = rg_csv_read (data, "no-such-encoding", 0, &error);
  g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "no-such-encoding"));
}

static void
test_csv_line_ends (void)
{
  const char *texts[] = {
    "a;b\nc;d\n",
    "a;b\r\nc;d\r\n",
    "a;b\rc;d\r",
    "a;b\r\nc;d",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) data = bytes_of (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpint (rg_table_get_separator (table), ==, ';');
      g_assert_cmpuint (rg_table_get_n_rows (table), ==, 2);
      assert_row (table, 0, 1, "a", "b", NULL);
      assert_row (table, 1, 2, "c", "d", NULL);
    }
}

static void
test_csv_shapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;
  g_autoptr(GBytes) one = bytes_of ("Иванова\nПетров\n");
  g_autoptr(GBytes) ragged = bytes_of ("a,b,c\n\n\nd\n e , \" f \" ,g,h\n");
  g_autoptr(GBytes) sep = bytes_of ("sep=,\r\nName;x,Phone;y\r\nA;1,2;3\r\n");
  g_autoptr(GBytes) prices = bytes_of ("Дата;Услуга;Цена\n12.03;Стрижка;1500,00\n13.03;Маникюр, покрытие;900,50\n");

  /* One column is a table too. */
  table = rg_csv_read (one, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (rg_table_get_n_columns (table), ==, 1);
  assert_row (table, 1, 2, "Петров", NULL);
  g_clear_pointer (&table, rg_table_unref);

  /* Ragged rows; unquoted cells trimmed, quoted ones kept as they are. */
  table = rg_csv_read (ragged, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (rg_table_get_n_columns (table), ==, 4);
  assert_row (table, 1, 4, "d", NULL);
  assert_row (table, 2, 5, "e", " f ", "g", "h", NULL);
  g_assert_null (rg_table_get_cell (table, 1, 1));
  g_clear_pointer (&table, rg_table_unref);

  /* Excel's "sep=," line chooses and is not a row. */
  table = rg_csv_read (sep, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_table_get_separator (table), ==, ',');
  assert_row (table, 0, 2, "Name;x", "Phone;y", NULL);
  g_clear_pointer (&table, rg_table_unref);

  /* Commas in Russian prices do not outvote the semicolons. */
  table = rg_csv_read (prices, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_table_get_separator (table), ==, ';');
  assert_row (table, 2, 3, "13.03", "Маникюр, покрытие", "900,50", NULL);
}

static void
test_csv_errors (void)
{
  struct {
    const char *text;
    gsize       len;
    int         code;
    const char *says;
  } cases[] = {
    { "", 0, RG_IO_ERROR_EMPTY, "empty" },
    { "\n\r\n;;\n", 6, RG_IO_ERROR_EMPTY, "no rows" },
    { "a;b\0c;d\n", 8, RG_IO_ERROR_NOT_TEXT, "line 1" },
    { "PK\x03\x04\x14\0\x06\0", 8, RG_IO_ERROR_NOT_TEXT, "CSV" },
    { "Name;Notes\nAnna;\"ok\"\nBoris;\"never\nclosed;x\nmore\n", 0, RG_IO_ERROR_PARSE, "line 3" },
    { "a;b\n\x98\x98;c\n", 0, RG_IO_ERROR_ENCODING, "Line 2 " },
    /* UTF-16 with a byte cut off at the end. */
    { "\xff\xfe" "a\0;\0b\0\n\0c\0;\0d\0\n\0" "e", 19, RG_IO_ERROR_ENCODING, "middle of a character (line 3)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len ? cases[i].len : strlen (cases[i].text);
      g_autoptr(GBytes) data = g_bytes_new (cases[i].text, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);

      g_assert_null (table);
      g_assert_error (error, RG_IO_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* A 10 MB line stops at the limit, quickly, whether it is one field, many
 * fields, or a quote that never closes. */
static void
test_csv_long_line (void)
{
  const char fills[] = { 'x', ',', '"' };

  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      gsize size = 10 * 1024 * 1024;
      char *text = g_malloc (size);
      g_autoptr(GBytes) data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RgTable) table = NULL;

      memcpy (text, "Name,Phone\nAnna,1\n", 18);
      memset (text + 18, fills[i], size - 18);
      if (fills[i] == '"')
        memset (text + 19, 'y', size - 19);
      data = g_bytes_new_take (text, size);
      table = rg_csv_read (data, NULL, ',', &error);
      g_assert_null (table);
      g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_LINE_TOO_LONG);
      g_assert_nonnull (strstr (error->message, "Line 3 "));
    }
}

/* --- vCard ------------------------------------------------------------- */

static void
test_vcard (void)
{
  g_autoptr(GBytes) data = load ("contacts.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_vcard_read (data, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rg_table_get_encoding (table), ==, "windows-1251");
  g_assert_cmpint (rg_table_get_separator (table), ==, 0);
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 5);
  assert_row (table, 0, 0, "How to address", "Full name", "Phone", "Second phone", "E-mail", "Birthday", "Notes", "Tags",
              NULL);
  /* 2.1 from Android: quoted-printable UTF-8 with soft line breaks, the
   * mobile first, a repeated number once, the third in the notes. */
  assert_row (table, 1, 1, "Мария", "Мария Иванова", "+7 912 345-67-89", "+7 343 123-45-67", "", "1990-03-12",
              "Любит кофе\nбез сахара\nOther phones: 8 800 555-35-35", "", NULL);
  /* 3.0: a folded note with a Windows path, a grouped TEL, two addresses,
   * an escaped comma in a category, a photo ignored. */
  assert_row (table, 2, 14, "John", "John Smith", "+44 7700 900123", "+44 20 7946 0958", "john@example.com",
              "1985-07-01",
              "A long note that is folded over two lines; path C:\\Users\\john\n"
              "Other e-mail addresses: j.smith@example.org",
              "VIP, Friends, old", NULL);
  /* 4.0: LF line ends, a tel: URI, a birthday without a year. */
  assert_row (table, 3, 30, "Ольга", "Ольга Кузнецова", "+7-912-000-11-22", "", "olga@example.ru", "11.05", "",
              "Постоянные", NULL);
  /* An old phone's 2.1 in Windows-1251 raw bytes; no FN: the name from N,
   * surname first in Cyrillic. */
  assert_row (table, 4, 39, "Пётр", "Петров Пётр", "89123456780", "", "", "", "", "", NULL);
}

static void
test_vcard_errors (void)
{
  g_autoptr(GBytes) missing = load ("missing-end.vcf");
  g_autoptr(GBytes) none = bytes_of ("FN:Anna\nTEL:1\n");
  g_autoptr(GBytes) cut = bytes_of ("BEGIN:VCARD\nVERSION:3.0\nFN:Anna\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;

  table = rg_vcard_read (missing, &error);
  g_assert_null (table);
  g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 5 "));
  g_clear_error (&error);

  table = rg_vcard_read (cut, &error);
  g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 1 "));
  g_clear_error (&error);

  table = rg_vcard_read (none, &error);
  g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY);
}

/* What EVCard would warn about (and a test's fatal warnings would abort
 * on) is cleaned before it sees it. */
static void
test_vcard_hostile (void)
{
  const char *text =
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Anna\\tB\\\n"
    "a.b.TEL:1\n"
    "T EL:2\n"
    "TEL;X Y=1;TYPE=CELL:+79120000001\n"
    ":nothing\n"
    "CATEGORIES;ENCODING=QUOTE;ENCODING=b;ENCODING:0KTQvtGC0L4=\n"
    "EMAIL;ENCODING=8BIT:a@b.cd\n"
    "NOTE;ENCODING=b:YQpiDWM=\n"  /* "a\nb\rc" */
    "NOTE;ENCODING=QUOTED-PRINTABLE:abc=\n"
    "END:VCARD\n";
  g_autoptr(GBytes) data = bytes_of (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_vcard_read (data, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (rg_table_get_cell (table, 1, RG_VCARD_COLUMN_FULL_NAME), ==, "Anna\\tB\\");
  g_assert_cmpstr (rg_table_get_cell (table, 1, RG_VCARD_COLUMN_PHONE), ==, "+79120000001");
  g_assert_cmpstr (rg_table_get_cell (table, 1, RG_VCARD_COLUMN_NOTES), ==, "a\nb\nc\nabc");
  /* Base64 decoded here; an ENCODING EVCard does not know dropped. */
  g_assert_cmpstr (rg_table_get_cell (table, 1, RG_VCARD_COLUMN_TAGS), ==, "Фото");
  g_assert_cmpstr (rg_table_get_cell (table, 1, RG_VCARD_COLUMN_EMAIL), ==, "a@b.cd");
}

/* --- Mapping ----------------------------------------------------------- */

static void
test_guess_field (void)
{
  struct {
    const char    *header;
    gboolean       visits;
    RgImportField  field;
  } cases[] = {
    { "ФИО", FALSE, RG_IMPORT_FIELD_FULL_NAME },
    { " Фамилия Имя Отчество ", FALSE, RG_IMPORT_FIELD_FULL_NAME },
    { "Клиент", FALSE, RG_IMPORT_FIELD_FULL_NAME },
    { "Имя", FALSE, RG_IMPORT_FIELD_ADDRESS_AS },
    { "Обращение", FALSE, RG_IMPORT_FIELD_ADDRESS_AS },
    { "ТЕЛЕФОН", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Моб. телефон", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Мобильный", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Тел.", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Телефон 2", FALSE, RG_IMPORT_FIELD_PHONE2 },
    { "Доп. телефон", FALSE, RG_IMPORT_FIELD_PHONE2 },
    { "E-mail", FALSE, RG_IMPORT_FIELD_EMAIL },
    { "Почта", FALSE, RG_IMPORT_FIELD_EMAIL },
    { "Эл. почта", FALSE, RG_IMPORT_FIELD_EMAIL },
    { "Дата рождения", FALSE, RG_IMPORT_FIELD_BIRTHDAY },
    { "ДР", FALSE, RG_IMPORT_FIELD_BIRTHDAY },
    { "День рождения", FALSE, RG_IMPORT_FIELD_BIRTHDAY },
    { "Пол", FALSE, RG_IMPORT_FIELD_GENDER },
    { "Примечание", FALSE, RG_IMPORT_FIELD_NOTES },
    { "Комментарий", FALSE, RG_IMPORT_FIELD_NOTES },
    { "Заметки", FALSE, RG_IMPORT_FIELD_NOTES },
    { "Тёги", FALSE, RG_IMPORT_FIELD_TAGS },
    { "Теги", FALSE, RG_IMPORT_FIELD_TAGS },
    { "Метки", FALSE, RG_IMPORT_FIELD_TAGS },
    { "Группа", FALSE, RG_IMPORT_FIELD_TAGS },
    { "Источник", FALSE, RG_IMPORT_FIELD_SOURCE },
    { "Откуда узнал", FALSE, RG_IMPORT_FIELD_SOURCE },
    { "ОТКУДА УЗНАЛ(А)", FALSE, RG_IMPORT_FIELD_SOURCE },
    { "Name", FALSE, RG_IMPORT_FIELD_FULL_NAME },
    { "Full name", FALSE, RG_IMPORT_FIELD_FULL_NAME },
    { "First name", FALSE, RG_IMPORT_FIELD_ADDRESS_AS },
    { "Given Name", FALSE, RG_IMPORT_FIELD_ADDRESS_AS },
    { "Family Name", FALSE, RG_IMPORT_FIELD_FULL_NAME },
    { "Phone", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Mobile", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Mobile Phone", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Cell", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Home Phone", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Business Phone", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Phone 1 - Value", FALSE, RG_IMPORT_FIELD_PHONE },
    { "Phone 1 - Type", FALSE, RG_IMPORT_FIELD_SKIP },
    { "E-mail Address", FALSE, RG_IMPORT_FIELD_EMAIL },
    { "E-mail 1 - Value", FALSE, RG_IMPORT_FIELD_EMAIL },
    { "Birthday", FALSE, RG_IMPORT_FIELD_BIRTHDAY },
    { "Gender", FALSE, RG_IMPORT_FIELD_GENDER },
    { "Notes", FALSE, RG_IMPORT_FIELD_NOTES },
    { "Tags", FALSE, RG_IMPORT_FIELD_TAGS },
    { "Categories", FALSE, RG_IMPORT_FIELD_TAGS },
    { "Source", FALSE, RG_IMPORT_FIELD_SOURCE },
    { "How to address", FALSE, RG_IMPORT_FIELD_ADDRESS_AS },
    { "Second phone", FALSE, RG_IMPORT_FIELD_PHONE2 },
    { "Car brand", FALSE, RG_IMPORT_FIELD_SKIP },
    { "", FALSE, RG_IMPORT_FIELD_SKIP },
    { "Дата", TRUE, RG_IMPORT_FIELD_VISIT_DATE },
    { "Дата визита", TRUE, RG_IMPORT_FIELD_VISIT_DATE },
    { "Время", TRUE, RG_IMPORT_FIELD_VISIT_TIME },
    { "Телефон", TRUE, RG_IMPORT_FIELD_VISIT_PHONE },
    { "Клиент", TRUE, RG_IMPORT_FIELD_VISIT_CLIENT },
    { "Услуга", TRUE, RG_IMPORT_FIELD_SERVICE },
    { "Мастер", TRUE, RG_IMPORT_FIELD_MASTER },
    { "Сотрудник", TRUE, RG_IMPORT_FIELD_MASTER },
    { "Цена", TRUE, RG_IMPORT_FIELD_PRICE },
    { "Сумма", TRUE, RG_IMPORT_FIELD_PRICE },
    { "Стоимость", TRUE, RG_IMPORT_FIELD_PRICE },
    { "Date", TRUE, RG_IMPORT_FIELD_VISIT_DATE },
    { "Time", TRUE, RG_IMPORT_FIELD_VISIT_TIME },
    { "Service", TRUE, RG_IMPORT_FIELD_SERVICE },
    { "Master", TRUE, RG_IMPORT_FIELD_MASTER },
    { "Staff", TRUE, RG_IMPORT_FIELD_MASTER },
    { "Price", TRUE, RG_IMPORT_FIELD_PRICE },
    { "Amount", TRUE, RG_IMPORT_FIELD_PRICE },
    { "Birthday", TRUE, RG_IMPORT_FIELD_SKIP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (rg_import_guess_field (cases[i].header, cases[i].visits), ==, cases[i].field);
    }

  for (RgImportField f = RG_IMPORT_FIELD_SKIP; f < RG_IMPORT_N_FIELDS; f++)
    {
      g_assert_cmpint (rg_import_field_from_key (rg_import_field_key (f)), ==, f);
      g_assert_nonnull (rg_import_field_label (f));
    }
  g_assert_cmpstr (rg_import_field_key (RG_IMPORT_FIELD_PHONE2), ==, "phone2");
  g_assert_cmpint (rg_import_field_from_key ("nope"), ==, RG_IMPORT_N_FIELDS);
}

static RgTable *
read_csv (const char *name)
{
  g_autoptr(GBytes) data = load (name);
  g_autoptr(GError) error = NULL;
  RgTable *table = rg_csv_read (data, NULL, 0, &error);

  g_assert_no_error (error);
  return table;
}

static void
assert_columns (const RgImportColumn *columns,
                guint                 n,
                ...)
{
  va_list ap;

  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (columns[i].field, ==, va_arg (ap, int));
  va_end (ap);
}

static void
test_map_excel (void)
{
  g_autoptr(RgTable) table = read_csv ("clients-cp1251.csv");
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RgClientImportRow *row;
  guint n = 0;

  g_assert_true (rg_import_guess_has_header (table));
  columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
  g_assert_cmpuint (n, ==, 4);
  assert_columns (columns, n, RG_IMPORT_FIELD_FULL_NAME, RG_IMPORT_FIELD_PHONE, RG_IMPORT_FIELD_BIRTHDAY,
                  RG_IMPORT_FIELD_NOTES);

  rows = rg_import_map_clients (table, TRUE, columns, n);
  g_assert_cmpuint (rows->len, ==, 5);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_null (row->address_as);
  /* ФИО: surname, given name, patronymic. */
  g_assert_cmpstr (row->full_name, ==, "Иванова Мария Петровна");
  g_assert_false (row->given_first);
  g_assert_cmpstr (row->phone, ==, "+7 912 345-67-89");
  g_assert_null (row->phone2);
  g_assert_cmpstr (row->birthday, ==, "12.03.1990");
  g_assert_cmpstr (row->notes, ==, "Любит кофе; без сахара");
  g_assert_null (row->fields);

  row = g_ptr_array_index (rows, 1);
  g_assert_null (row->birthday);  /* an empty cell stays NULL */

  row = g_ptr_array_index (rows, 3);
  g_assert_cmpuint (row->line, ==, 6);
  /* An English full name puts the given name first. */
  g_assert_cmpstr (row->full_name, ==, "John Smith");
  g_assert_true (row->given_first);
}

static void
test_map_google (void)
{
  g_autoptr(RgTable) table = read_csv ("google-contacts.csv");
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RgClientImportRow *row;
  guint n = 0;

  g_assert_true (rg_import_guess_has_header (table));
  columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
  g_assert_cmpuint (n, ==, 13);
  assert_columns (columns, n,
                  RG_IMPORT_FIELD_FULL_NAME, RG_IMPORT_FIELD_ADDRESS_AS, RG_IMPORT_FIELD_SKIP, RG_IMPORT_FIELD_SKIP,
                  RG_IMPORT_FIELD_BIRTHDAY, RG_IMPORT_FIELD_NOTES, RG_IMPORT_FIELD_TAGS,
                  RG_IMPORT_FIELD_SKIP, RG_IMPORT_FIELD_EMAIL, RG_IMPORT_FIELD_SKIP, RG_IMPORT_FIELD_PHONE,
                  RG_IMPORT_FIELD_SKIP, RG_IMPORT_FIELD_PHONE2);

  rows = rg_import_map_clients (table, TRUE, columns, n);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->address_as, ==, "Anna");
  g_assert_cmpstr (row->full_name, ==, "Anna Smith");
  g_assert_cmpstr (row->phone, ==, "+7 912 000-11-22");
  g_assert_cmpstr (row->phone2, ==, "+7 343 222-33-44");
  g_assert_cmpstr (row->email, ==, "anna@example.com");
  g_assert_cmpstr (row->tags, ==, "* myContacts ::: Friends");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->address_as, ==, "Мария");
  g_assert_cmpstr (row->birthday, ==, "--03-12");
  g_assert_null (row->phone2);
}

/* Given name and surname in columns of their own, a mobile column, a
 * custom field by its name. */
static void
test_map_parts (void)
{
  g_autoptr(RgTable) table = read_csv ("clients-utf16.txt");
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *custom[] = { "Марка авто", "дР", NULL };
  const gint64 ids[] = { 101, 202 };
  RgClientImportRow *row;
  gint64 id = 202;
  guint n = 0;

  columns = rg_import_guess_columns (table, TRUE, FALSE, custom, ids, &n);
  g_assert_cmpuint (n, ==, 5);
  assert_columns (columns, n, RG_IMPORT_FIELD_ADDRESS_AS, RG_IMPORT_FIELD_FULL_NAME, RG_IMPORT_FIELD_PHONE,
                  RG_IMPORT_FIELD_EMAIL, RG_IMPORT_FIELD_CUSTOM);
  g_assert_cmpint (columns[4].custom_field_id, ==, 202);

  rows = rg_import_map_clients (table, TRUE, columns, n);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->address_as, ==, "Мария");
  g_assert_cmpstr (row->full_name, ==, "Иванова Мария");
  g_assert_false (row->given_first);
  g_assert_cmpstr (g_hash_table_lookup (row->fields, &id), ==, "12.03");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->full_name, ==, "Anna Smith");
  g_assert_true (row->given_first);
  g_assert_null (row->fields);
}

/* Two phone columns: the plain one is the phone, home the second; two
 * notes columns join. */
static void
test_map_joins (void)
{
  g_autoptr(RgTable) table = read_csv ("clients-comma.csv");
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RgImportColumn three[] = {
    { RG_IMPORT_FIELD_FULL_NAME, 0 }, { RG_IMPORT_FIELD_PHONE, 0 }, { RG_IMPORT_FIELD_PHONE, 0 },
    { RG_IMPORT_FIELD_PHONE2, 0 }, { RG_IMPORT_FIELD_SKIP, 0 }, { RG_IMPORT_FIELD_TAGS, 0 },
    { RG_IMPORT_FIELD_TAGS, 0 },
  };
  RgClientImportRow *row;
  guint n = 0;

  columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
  assert_columns (columns, n, RG_IMPORT_FIELD_FULL_NAME, RG_IMPORT_FIELD_PHONE, RG_IMPORT_FIELD_PHONE2,
                  RG_IMPORT_FIELD_EMAIL, RG_IMPORT_FIELD_BIRTHDAY, RG_IMPORT_FIELD_NOTES, RG_IMPORT_FIELD_NOTES);
  rows = rg_import_map_clients (table, TRUE, columns, n);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->full_name, ==, "Smith, Jane");
  g_assert_cmpstr (row->phone, ==, "+1 555 123 4567");
  g_assert_cmpstr (row->phone2, ==, "+1 555 765 4321");
  g_assert_cmpstr (row->notes, ==, "first\nsecond");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->full_name, ==, "Ольга Кузнецова");
  g_assert_false (row->given_first);
  g_assert_null (row->notes);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Columns as a person chose them: three phones (the third to the
   * notes), two tag columns. */
  rows = rg_import_map_clients (table, TRUE, three, G_N_ELEMENTS (three));
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->phone, ==, "+1 555 123 4567");
  g_assert_cmpstr (row->phone2, ==, "+1 555 765 4321");
  g_assert_cmpstr (row->notes, ==, "Other phones: jane@example.com");
  g_assert_cmpstr (row->tags, ==, "first, second");
}

static void
test_map_vcard (void)
{
  g_autoptr(GBytes) data = load ("contacts.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_vcard_read (data, &error);
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RgClientImportRow *row;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (rg_import_guess_has_header (table));
  columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
  assert_columns (columns, n, RG_IMPORT_FIELD_ADDRESS_AS, RG_IMPORT_FIELD_FULL_NAME, RG_IMPORT_FIELD_PHONE,
                  RG_IMPORT_FIELD_PHONE2, RG_IMPORT_FIELD_EMAIL, RG_IMPORT_FIELD_BIRTHDAY, RG_IMPORT_FIELD_NOTES,
                  RG_IMPORT_FIELD_TAGS);
  rows = rg_import_map_clients (table, TRUE, columns, n);
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 14);
  g_assert_cmpstr (row->address_as, ==, "John");
  g_assert_cmpstr (row->full_name, ==, "John Smith");
  g_assert_cmpstr (row->tags, ==, "VIP, Friends, old");
}

static void
test_map_visits (void)
{
  g_autoptr(RgTable) table = read_csv ("visits.csv");
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RgVisitImportRow *row;
  guint n = 0;

  g_assert_true (rg_import_guess_has_header (table));
  columns = rg_import_guess_columns (table, TRUE, TRUE, NULL, NULL, &n);
  assert_columns (columns, n, RG_IMPORT_FIELD_VISIT_DATE, RG_IMPORT_FIELD_VISIT_TIME, RG_IMPORT_FIELD_VISIT_PHONE,
                  RG_IMPORT_FIELD_VISIT_CLIENT, RG_IMPORT_FIELD_SERVICE, RG_IMPORT_FIELD_MASTER,
                  RG_IMPORT_FIELD_PRICE);
  rows = rg_import_map_visits (table, TRUE, columns, n);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->date, ==, "12.03.2024");
  g_assert_cmpstr (row->time, ==, "14:30");
  g_assert_cmpstr (row->phone, ==, "+7 912 345-67-89");
  g_assert_cmpstr (row->client_name, ==, "Иванова Мария");
  g_assert_cmpstr (row->service, ==, "Стрижка");
  g_assert_cmpstr (row->master, ==, "Ольга");
  g_assert_cmpstr (row->price, ==, "1 500");
  /* A date with its time in one cell. */
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->date, ==, "13.03.2024");
  g_assert_cmpstr (row->time, ==, "10:00");
  g_assert_cmpstr (row->price, ==, "1500,00");
}

/* No header: the first row is a client, the columns are read from the
 * cells. */
static void
test_map_no_header (void)
{
  g_autoptr(GBytes) data = bytes_of ("Иванова Мария;+7 912 345-67-89;m@example.ru;12.03.1990\n"
                                     "Петров Пётр;89123456780;;\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);
  g_autofree RgImportColumn *columns = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_false (rg_import_guess_has_header (table));
  columns = rg_import_guess_columns (table, FALSE, FALSE, NULL, NULL, &n);
  assert_columns (columns, n, RG_IMPORT_FIELD_FULL_NAME, RG_IMPORT_FIELD_PHONE, RG_IMPORT_FIELD_EMAIL,
                  RG_IMPORT_FIELD_BIRTHDAY);
}

/* A file of nothing but its header, or of rows whose cells are all blank,
 * has nothing to import: a file-level error. */
static void
test_map_nothing (void)
{
  const char *texts[] = { "ФИО;Телефон\r\n", "ФИО;Телефон\r\n\"   \";\"\"\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) data = bytes_of (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, &error);
      g_autofree RgImportColumn *columns = NULL;
      g_autoptr(GPtrArray) clients = NULL;
      g_autoptr(GPtrArray) visits = NULL;
      guint n = 0;

      g_assert_no_error (error);
      g_assert_true (rg_import_guess_has_header (table));
      columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
      clients = rg_import_map_clients (table, TRUE, columns, n);
      g_assert_false (rg_import_check_rows (clients, &error));
      g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY);
      g_assert_nonnull (strstr (error->message, "nothing to import"));
      g_clear_error (&error);
      visits = rg_import_map_visits (table, TRUE, columns, n);
      g_assert_false (rg_import_check_rows (visits, NULL));
    }

  {
    g_autoptr(GBytes) data = bytes_of ("ФИО;Телефон\r\nАнна;8 912 345-67-89\r\n");
    g_autoptr(RgTable) table = rg_csv_read (data, NULL, 0, NULL);
    g_autofree RgImportColumn *columns = NULL;
    g_autoptr(GPtrArray) clients = NULL;
    guint n = 0;

    columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
    clients = rg_import_map_clients (table, TRUE, columns, n);
    g_assert_true (rg_import_check_rows (clients, NULL));
  }
}

/* The export's formula guard comes back off: a cell written with a
 * leading apostrophe before = + - @ is read as it was; one apostrophe
 * only, and only before those. */
static void
test_map_formula_guard (void)
{
  const char *names[] = { "=Анна", "+Борис", "-Вера", "@Галина", "'=Дарья", "'Ева", "Жанна'", "''@Зоя" };
  const char *notes[] = { "=HYPERLINK(\"http://x\";\"a\")", "-скидка 10%", "@home", "+1+1", "=1;2", "'", "'+", "''" };
  g_autoptr(GString) csv = g_string_new ("ФИО;Телефон;Примечание\r\n");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *phone = g_strdup_printf ("+7 912 345-67-%02u", i);

      rg_export_csv_append_cell (csv, names[i], ';');
      g_string_append_c (csv, ';');
      rg_export_csv_append_cell (csv, phone, ';');
      g_string_append_c (csv, ';');
      rg_export_csv_append_cell (csv, notes[i], ';');
      g_string_append (csv, "\r\n");
    }
  /* The guard was written: the exported file has the apostrophes. */
  g_assert_nonnull (strstr (csv->str, "'=Анна;+7 912 345-67-00;\"'=HYPERLINK"));
  g_assert_nonnull (strstr (csv->str, "''=Дарья"));
  g_assert_nonnull (strstr (csv->str, "'''@Зоя"));
  g_assert_nonnull (strstr (csv->str, "\r\n'Ева;"));

  data = g_bytes_new (csv->str, csv->len);
  table = rg_csv_read (data, NULL, 0, &error);
  g_assert_no_error (error);
  columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n);
  rows = rg_import_map_clients (table, TRUE, columns, n);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < rows->len; i++)
    {
      RgClientImportRow *row = rows->pdata[i];
      g_autofree char *phone = g_strdup_printf ("+7 912 345-67-%02u", i);

      g_assert_cmpstr (row->full_name, ==, names[i]);
      g_assert_cmpstr (row->phone, ==, phone);
      g_assert_cmpstr (row->notes, ==, notes[i]);
    }

  /* A visit's cells the same way. */
  {
    g_autoptr(GBytes) visits = bytes_of ("Дата;Телефон;Услуга;Мастер\r\n12.03.2024;+7 912 345-67-89;'=Стрижка;'@Анна\r\n");
    g_autoptr(RgTable) visit_table = rg_csv_read (visits, NULL, 0, &error);
    g_autofree RgImportColumn *visit_columns = NULL;
    g_autoptr(GPtrArray) visit_rows = NULL;
    RgVisitImportRow *row;

    g_assert_no_error (error);
    visit_columns = rg_import_guess_columns (visit_table, TRUE, TRUE, NULL, NULL, &n);
    visit_rows = rg_import_map_visits (visit_table, TRUE, visit_columns, n);
    g_assert_cmpuint (visit_rows->len, ==, 1);
    row = visit_rows->pdata[0];
    g_assert_cmpstr (row->service, ==, "=Стрижка");
    g_assert_cmpstr (row->master, ==, "@Анна");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/cp1251", test_csv_cp1251);
  g_test_add_func ("/io/csv/utf8-bom", test_csv_utf8_bom);
  g_test_add_func ("/io/csv/utf16", test_csv_utf16);
  g_test_add_func ("/io/csv/comma", test_csv_comma);
  g_test_add_func ("/io/csv/overrides", test_csv_overrides);
  g_test_add_func ("/io/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/io/csv/shapes", test_csv_shapes);
  g_test_add_func ("/io/csv/errors", test_csv_errors);
  g_test_add_func ("/io/csv/long-line", test_csv_long_line);
  g_test_add_func ("/io/vcard/read", test_vcard);
  g_test_add_func ("/io/vcard/errors", test_vcard_errors);
  g_test_add_func ("/io/vcard/hostile", test_vcard_hostile);
  g_test_add_func ("/io/map/guess-field", test_guess_field);
  g_test_add_func ("/io/map/excel", test_map_excel);
  g_test_add_func ("/io/map/google", test_map_google);
  g_test_add_func ("/io/map/parts", test_map_parts);
  g_test_add_func ("/io/map/joins", test_map_joins);
  g_test_add_func ("/io/map/vcard", test_map_vcard);
  g_test_add_func ("/io/map/visits", test_map_visits);
  g_test_add_func ("/io/map/no-header", test_map_no_header);
  g_test_add_func ("/io/map/nothing", test_map_nothing);
  g_test_add_func ("/io/map/formula-guard", test_map_formula_guard);

  return g_test_run ();
}

/* sqlite-touch.c — another program on the studio's file, as the sqlite3
 * shell, a backup tool or a second Regulars would be: it opens the file
 * with plain SQLite, reads, and closes. With a query it prints the first
 * column of the first row. The last connection to close a database in WAL
 * mode writes the log back and deletes it, unless another holds a lock.
 *
 *   sqlite-touch PATH [SQL]
 *
 * It waits up to five seconds for a lock, or $SQLITE_TOUCH_WAIT_MS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  const char *sql = argc > 2 ? argv[2] : "SELECT count(*) FROM sqlite_master";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (argc < 2)
    {
      fprintf (stderr, "usage: sqlite-touch PATH [SQL]\n");
      return 2;
    }

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "sqlite-touch: %s\n", sqlite3_errmsg (db));
      sqlite3_close (db);
      return 1;
    }
  sqlite3_busy_timeout (db, getenv ("SQLITE_TOUCH_WAIT_MS") ? atoi (getenv ("SQLITE_TOUCH_WAIT_MS")) : 5000);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (argc > 2)
        printf ("%s\n", (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (rc != SQLITE_OK)
    fprintf (stderr, "sqlite-touch: %s\n", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  if (sqlite3_close (db) != SQLITE_OK)
    return 1;
  return rc == SQLITE_OK ? 0 : 1;
}

/* rg-sign-in-command.h — who runs `regulars --export`, `--report` or
 * `--import` on a studio with staff profiles: a director's PIN from
 * `--pin-file FILE` or asked at the terminal, `--as NAME` for another
 * profile. A studio without profiles needs nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-roles.h"

G_BEGIN_DECLS

typedef struct {
  const char *pin_file;   /* the PIN on its first line; "-": standard input; NULL: ask at the terminal */
  const char *as;         /* a profile's name, a part of it that only one has, or its number;
                           * NULL: the studio's director (refused when it has several) */
  gboolean    trusted;    /* the demo: signed in without a PIN (it is thrown away each day) */
  gboolean    no_prompt;  /* never ask at the terminal (tests) */
  RgAction    action;     /* what the command does (RG_ACTION_EXPORT, _REPORTS, _IMPORT): written to
                           * the audit log as refused when nobody could even try a PIN */
} RgSignInCommand;

/* Signs @studio in for the command: nothing to do (TRUE) without profiles.
 * Refused (FALSE, @error translated and in words): no PIN and no terminal
 * (the message names --pin-file), a PIN file others can read, --as naming
 * nobody or several (each written to the audit log as the command
 * refused); a wrong PIN or a locked profile (until when), written by the
 * sign-in itself. */
gboolean rg_sign_in_command_run (RgStudio               *studio,
                                 const RgSignInCommand  *command,
                                 GError                **error);

/* The PIN on the first line of @path ("-": standard input), without its
 * line end. Refused: a file that the group or others may read, or a first
 * line that is not 4 to 8 digits. */
char    *rg_sign_in_read_pin_file (const char  *path,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* rg-client-merge.h — two cards of the same person made one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-client.h"
#include "rg-studio.h"

G_BEGIN_DECLS

/* What moved from the merged card to the kept one. */
typedef struct {
  guint appointments;   /* with their ratings */
  guint interactions;
  guint answers;         /* questionnaire answers */
  guint photos;
  guint tags;
  guint fields;
  guint conditions;
  guint referred;       /* clients this person had referred */
} RgMergeCounts;

gboolean rg_client_merge (RgStudio       *studio,
                          RgClient       *keep,
                          RgClient       *other,
                          RgMergeCounts  *moved,
                          GError        **error);

G_END_DECLS

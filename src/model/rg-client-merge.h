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

gboolean   rg_client_merge            (RgStudio       *studio,
                                       RgClient       *keep,
                                       RgClient       *other,
                                       RgMergeCounts  *moved,
                                       GBytes        **undo,
                                       GError        **error);
gboolean   rg_client_merge_undo       (RgStudio       *studio,
                                       GBytes         *undo,
                                       GError        **error);

/* A card offered for merging, and whether it has the same phone. */
typedef struct {
  RgClient *client;
  gboolean  same_phone;
} RgMergeCandidate;

GPtrArray *rg_client_merge_candidates (RgStudio       *studio,
                                       RgClient       *keep,
                                       const char     *query,
                                       guint           limit,
                                       GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

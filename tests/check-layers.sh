#!/bin/sh
# check-layers.sh — the house's layers, as the README draws them: fails on a
# widget that reaches the store (a store/ header, rg_store_*, RgStore, SQL,
# the studio's connection) and on a lower layer that reaches up.
# Usage: check-layers.sh SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later

root=${1:-.}
src=$root/src
failed=0

# $1: what is wrong; $2: a regular expression; the rest: files or folders.
refuse () {
  what=$1
  pattern=$2
  shift 2
  hits=$(grep -rnE --include='*.c' --include='*.h' "$pattern" "$@" 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "$what:"
    echo "$hits" | sed 's/^/  /'
    failed=1
  fi
}

[ -d "$src/widgets" ] || { echo "no $src/widgets" >&2; exit 2; }

refuse "A widget includes a store header (the model is the door)" \
  '#include[[:space:]]*"store/' "$src/widgets"
refuse "A widget calls the store, holds it or runs SQL" \
  'rg_store_|RG_STORE_|RgStore|rg_studio_get_store|sqlite3|rg_stmt_' "$src/widgets"

# Below the widgets: no GTK, and nobody reaches up.
refuse "A layer below the widgets uses GTK" \
  '#include[[:space:]]*<(gtk|adwaita)' "$src/util" "$src/store" "$src/model" "$src/analytics" "$src/chart" \
  "$src/report" "$src/demo" "$src/io"
refuse "src/util uses another layer (it is GLib only)" \
  '#include[[:space:]]*"(store|model|analytics|chart|report|demo|io|widgets)/' "$src/util"
refuse "The store reaches up" \
  '#include[[:space:]]*"(model|analytics|chart|report|demo|io|widgets)/' "$src/store"
refuse "The model reaches up" \
  '#include[[:space:]]*"(analytics|chart|report|demo|io|widgets)/' "$src/model"
refuse "The analytics reach up" \
  '#include[[:space:]]*"(chart|report|demo|io|widgets)/' "$src/analytics"
refuse "The reports reach up" \
  '#include[[:space:]]*"(demo|io|widgets)/' "$src/report"
refuse "The charts reach into the data" \
  '#include[[:space:]]*"(store|analytics|report|demo|io|widgets)/' "$src/chart"

if [ $failed -eq 0 ]; then
  echo "The layers hold."
fi
exit $failed

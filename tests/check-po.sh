#!/bin/sh
# Fails when a translation is incomplete: every translatable file must be in
# po/POTFILES.in, and po/ru.po (and any other language) must translate every
# string of the current sources, with nothing fuzzy.
# Usage: check-po.sh SOURCE_ROOT
set -eu
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. Files with translatable strings that POTFILES.in forgets.
listed=$(grep -v '^#' "$top/po/POTFILES.in" | sed '/^$/d' | sort)
found=$(cd "$top" && { grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_)\(|g_dngettext|ngettext' src --include='*.c'; \
                      grep -rl 'translatable="yes"' ui data --include='*.ui'; } | sort -u)
for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

# 2. Every string translated, nothing fuzzy.
(cd "$top" && xgettext --package-name=regulars --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES.in --output="$tmp/regulars.pot")

for lang in $(sed 's/#.*//' "$top/po/LINGUAS"); do
  msgmerge --quiet --no-fuzzy-matching "$top/po/$lang.po" "$tmp/regulars.pot" -o "$tmp/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || { echo "$lang: $stats"; status=1; }
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -20 || true
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -20 || true
      status=1 ;;
  esac
done

exit $status

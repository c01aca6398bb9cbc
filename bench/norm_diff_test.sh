#!/usr/bin/env bash
# norm_diff (bench/norm_diff.c): a rewrite that is the rule as it is
# gives no difference and exit 0; one that reads less (a run of digits
# for qty.count) is caught at each start where it differs, FILE:LINE:COL,
# exit 1; a usage error or an unknown pattern exits 2.
set -u
ND=${NORM_DIFF:?NORM_DIFF must name the norm_diff binary}
ROOT=${FC_SOURCE_ROOT:?}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export FACTCROSS_CACHE=$TMP/cache
failures=0

check() { # check WHAT EXPECTED ACTUAL
	if [ "$2" != "$3" ]; then
		failures=$((failures + 1))
		printf 'FAIL: %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3"
	fi
}

mkdir -p "$TMP/same" "$TMP/digits"
cp "$ROOT/rules/normalizers/quantities.yaml" "$TMP/same/"
cat >"$TMP/digits/count.yaml" <<'YAML'
kind: normalizer
description: qty.count read as a run of digits only
patterns:
  - id: qty.count
    match: '(?<num>[0-9]+)'
    production: quantity
    set: {type: count}
YAML
printf 'It cost 1,200 million dollars.\nSix of 7 voted.\n' >"$TMP/t.txt"

out=$("$ND" --rules "$TMP/same" qty.count "$TMP/t.txt" 2>&1)
check "same: exit" 0 $?
check "same: summary" "qty.count: 45 tries, 4 matches, 0 differences" \
	"${out%%;*}"

out=$("$ND" --rules "$TMP/digits" qty.count "$TMP/t.txt" 2>&1)
check "digits: exit" 1 $?
check "digits: report" "$TMP/t.txt:1:9: built-in [8,21), rewrite [8,9): 1,200 million dollars.
$TMP/t.txt:1:11: built-in no match, rewrite [10,13): 200 million dollars.
$TMP/t.txt:1:12: built-in no match, rewrite [11,13): 00 million dollars.
$TMP/t.txt:1:13: built-in no match, rewrite [12,13): 0 million dollars.
$TMP/t.txt:1:15: built-in [14,21), rewrite no match: million dollars.
$TMP/t.txt:2:1: built-in [31,34), rewrite no match: Six of 7 voted.
qty.count: 45 tries, 4 matches, 6 differences" "${out%%;*}"

out=$("$ND" qty.count 2>&1)
check "usage: exit" 2 $?
check "usage: message" "usage: norm_diff --rules DIR ID TEXT..." "$out"

out=$("$ND" --rules "$TMP/digits" no.such "$TMP/t.txt" 2>&1)
check "unknown id: exit" 2 $?
check "unknown id: message" "norm_diff: no compiled pattern 'no.such'" "$out"

out=$("$ND" --rules "$TMP/same" qty.count "$TMP/none.txt" 2>&1)
check "unreadable text: exit" 2 $?
check "unreadable text: message" "norm_diff: cannot read $TMP/none.txt
qty.count: 0 tries, 0 matches, 0 differences" "${out%%;*}"

[ "$failures" -eq 0 ] || exit 1
echo "norm_diff: all checks pass"

# lib.sh: helpers for the CLI tests. Each test script sources this file,
# runs factcross ($FACTCROSS) and checks exit codes and exact output.
set -u
FC=${FACTCROSS:?FACTCROSS must name the factcross binary}
ROOT=${FC_SOURCE_ROOT:?}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export NO_COLOR=1
failures=0
checks=0

# run CMD...: run factcross, capture stdout, stderr, exit code.
run() {
  "$FC" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

fail() {
  failures=$((failures + 1))
  printf 'FAIL: %s\n' "$*"
  printf '  stdout: %s\n' "$(head -c 2000 "$TMP/out")"
  printf '  stderr: %s\n' "$(head -c 2000 "$TMP/err")"
}

expect_rc() {
  checks=$((checks + 1))
  [ "$rc" -eq "$1" ] || fail "${2:-}: exit $rc, expected $1"
}

# expect_err_line LINE: stderr has exactly this line.
expect_err_line() {
  checks=$((checks + 1))
  grep -qxF -- "$1" "$TMP/err" || fail "stderr lacks line: $1"
}

expect_out_line() {
  checks=$((checks + 1))
  grep -qxF -- "$1" "$TMP/out" || fail "stdout lacks line: $1"
}

expect_out_has() {
  checks=$((checks + 1))
  grep -qF -- "$1" "$TMP/out" || fail "stdout lacks: $1"
}

expect_no_out() {
  checks=$((checks + 1))
  [ ! -s "$TMP/out" ] || fail "stdout should be empty"
}

finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}

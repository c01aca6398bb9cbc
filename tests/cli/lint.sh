#!/usr/bin/env bash
# lint: every problem of a rule file in one run, file:line:col, exit 2.
. "$(dirname "$0")/lib.sh"

run lint
expect_rc 0 "the built-in suite lints clean"

mkdir -p "$TMP/r"
cat >"$TMP/r/bad.yaml" <<'Y'
kind: claimz
Y
cat >"$TMP/r/syntax.yaml" <<'Y'
kind: checks
checks: [1, 2
Y
cat >"$TMP/r/nokind.yaml" <<'Y'
description: no kind here
Y
run lint --no-builtin "$TMP/r"
expect_rc 2 "bad rule files"
expect_err_line "$TMP/r/bad.yaml:1:7: error: unknown rule kind 'claimz' (did you mean 'claims'?)"
expect_err_line "$TMP/r/nokind.yaml:1:1: error: missing 'kind:' (one of boilerplate, checks, claims, html, independence, lexicon, normalizer)"
expect_err_line "$TMP/r/syntax.yaml:3:1: error: YAML: did not find expected ',' or ']' while parsing a flow sequence"
expect_err_line "3 errors, 0 warnings in 3 rule files"

run lint --no-builtin "$TMP/missing"
expect_rc 2 "missing rules folder"
expect_err_line "$TMP/missing: error: rules folder not found"

finish

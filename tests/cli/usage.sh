#!/usr/bin/env bash
# Usage errors: exit 2 with one clear line on stderr, nothing on stdout.
. "$(dirname "$0")/lib.sh"

run
expect_rc 2 "no command"

run verfy x
expect_rc 2 "misspelled command"
expect_err_line "factcross: error: unknown command 'verfy' (did you mean 'verify'?); see 'factcross --help'"
expect_no_out

run verify
expect_rc 2 "verify without corpus"
expect_err_line "factcross: error: verify takes one CORPUS (a corpus.yaml or a folder); see 'factcross verify --help'"

run verify x --frmat json
expect_rc 2 "unknown option"
expect_err_line "factcross: error: unknown option '--frmat'; see 'factcross verify --help'"

run verify x --format pdf
expect_rc 2 "unknown format"
expect_err_line "factcross: error: unknown format 'pdf' (md, html or json)"

run verify x --output - --format md --format json
expect_rc 2 "stdout with two formats"
expect_err_line "factcross: error: --output - takes exactly one --format"

run verify x --fail-on sometimes
expect_rc 2 "bad fail-on"
expect_err_line "factcross: error: --fail-on takes none, contradicted, variant or single-source, not 'sometimes'"

run normalize --ref 2026-02-30 "x"
expect_rc 2 "bad ref date"
expect_err_line "factcross: error: --ref takes a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm, not '2026-02-30'"

run verify x --color purple
expect_rc 2 "bad color"
expect_err_line "factcross: error: --color takes auto, always or never, not 'purple'"

run --version
expect_rc 0 "version"
expect_out_line "factcross 0.1.0"

for c in verify check extract fetch normalize lint test; do
  run "$c" --help
  expect_rc 0 "$c --help"
  expect_out_has "usage: factcross $c"
done

finish

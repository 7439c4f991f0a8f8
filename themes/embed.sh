#!/bin/sh
# Regenerates Sources/CallboardUI/ThemeBuiltins.swift from themes/*.json; run it after
# editing a theme (a test fails while the two differ). Run from the repository root.
cd "$(dirname "$0")/.." || exit 1
out=Sources/CallboardUI/ThemeBuiltins.swift
{
  echo '// The shipped themes, embedded so an installed binary needs no files beside it.'
  echo '// Each text is identical to its file in themes/ (a test holds them together).'
  echo 'enum ThemeBuiltins {'
  echo '    static let sources: [String: String] = ['
  for f in dark light high-contrast monochrome; do
    echo "        \"$f\": #\"\"\""
    sed 's/^/        /; s/^        $//' themes/$f.json
    echo ""
    echo '        """#,'
  done
  echo '    ]'
  echo '}'
} > $out

#!/usr/bin/env bash
# Builds the fixture PDFs of tests/fixtures/pdf from their LaTeX sources in src/. The PDFs are
# checked in, so tests and CI need no TeX; run this after changing a source. Needs TeX Live:
#   apt-get install texlive-latex-extra texlive-bibtex-extra biber qpdf
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures/pdf"
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cp src/* "$build"/
# The same bytes from the same sources: no dates, no random trailer id.
export SOURCE_DATE_EPOCH=1767225600 FORCE_SOURCE_DATE=1
for source in src/*.tex; do
  name=$(basename "$source" .tex)
  case "$name" in references | long-references) continue ;; esac
  (
    cd "$build"
    latex() { pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null; }
    latex
    if grep -q addbibresource "$name.tex"; then biber --quiet "$name" >/dev/null; fi
    latex
    latex
  )
  cp "$build/$name.pdf" "$name.pdf"
  echo "tests/fixtures/pdf/$name.pdf: $(wc -c <"$name.pdf") bytes"
done
# Bad input the reader must explain: a PDF behind a password ("paperpeek"; its bytes change on
# each run, as AES-256 salts are random), and one cut short.
qpdf --static-id --static-aes-iv --encrypt paperpeek paperpeek 256 -- numeric-two-column.pdf encrypted.pdf
echo "tests/fixtures/pdf/encrypted.pdf: $(wc -c <encrypted.pdf) bytes"
head -c 20000 numeric-two-column.pdf >truncated.pdf
echo "tests/fixtures/pdf/truncated.pdf: $(wc -c <truncated.pdf) bytes"

#!/usr/bin/env bash
# Writes the texts of the text setting to data/text/ (reviews.tsv, lexicon.tsv, tweets.tsv), once.
# They come from three R packages in Debian (r-cran-modeldata, r-cran-tidytext, r-cran-dslabs),
# fetched with `apt-get download` and unpacked with `dpkg-deb -x`: nothing is installed, and no R is
# needed. The project's own R data reader (tools/.../setup: Rdata.java, RSerialization.java and
# TextSetup.java, with org.tukaani:xz from Maven Central for the LZMA2 records) converts them,
# compiled here on its own since the project is not built yet.
# Everything it writes is git-ignored. Safe to run any number of times.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib_src="$here/../toolkit/src/main/java/dev/avil"
setup_src="$here/../tools/src/main/java/dev/avil/tools/setup"
out="$here/text"
pkgs="$here/downloads/r-packages"
xz_version=1.10   # the version pinned in the parent pom.xml

if [ -s "$out/reviews.tsv" ] && [ -s "$out/lexicon.tsv" ] && [ -s "$out/tweets.tsv" ]; then
  exit 0
fi
lib="$pkgs/usr/lib/R/site-library"
if [ ! -s "$lib/modeldata/data/Rdata.rdb" ] || [ ! -s "$lib/tidytext/data/Rdata.rdb" ] || [ ! -s "$lib/dslabs/data/Rdata.rdb" ]; then
  echo "setup: fetching R data packages from Debian (r-cran-modeldata, r-cran-tidytext, r-cran-dslabs)"
  debs="$pkgs/debs"
  rm -rf "$debs" && mkdir -p "$debs"
  download() { (cd "$debs" && apt-get download -qq r-cran-modeldata r-cran-tidytext r-cran-dslabs 2>&1 | grep -v "couldn't be accessed by user '_apt'" || true); }
  download
  if ! ls "$debs"/r-cran-dslabs_*.deb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq; else sudo apt-get update -qq; fi
    download
  fi
  if ! ls "$debs"/r-cran-modeldata_*.deb "$debs"/r-cran-tidytext_*.deb "$debs"/r-cran-dslabs_*.deb >/dev/null 2>&1; then
    echo "setup: apt-get download of r-cran-modeldata, r-cran-tidytext and r-cran-dslabs failed (see above)" >&2
    exit 1
  fi
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$pkgs"; done
fi
xz="$pkgs/xz-$xz_version.jar"
if [ ! -s "$xz" ]; then
  (cd "$pkgs" && mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.tukaani:xz:$xz_version" -DoutputDirectory="$pkgs" -Dmdep.overWriteReleases=true >/dev/null)
fi
classes="$pkgs/classes"
rm -rf "$classes"
javac -nowarn -d "$classes" -cp "$xz" "$setup_src/Rdata.java" "$setup_src/RSerialization.java" \
  "$setup_src/TextSetup.java" "$lib_src/data/Datasets.java" "$lib_src/data/TextData.java" \
  "$lib_src/store/AtomicFiles.java"
java -cp "$classes:$xz" dev.avil.tools.setup.TextSetup "$lib" "$out"
